// SPDX-License-Identifier: GPL-3.0-or-later
// The sync's own records in the store (docs/hub.md): each layer's state (high-water mark, area
// and time window of its first pull), the resume cursor of an unfinished first pull, the hub's
// tombstones, the sync log, and the count that proves a layer equals the hub's collection.
#include "layersync.h"

#include "../argtext.h"
#include "../store/statement.h"
#include "../store/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace vigie::core::sync {

using Stmt = Statement;

QString quoted(const QString &identifier)
{
    QString s = identifier;
    s.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + s + QLatin1Char('"');
}

/// The resume cursor of an unfinished first pull (created on demand; see docs/hub.md).
void ensureCursorTable(Store &store)
{
    try {
        store.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS vigie_sync_cursor (hub TEXT NOT NULL, "
            "layer TEXT NOT NULL, next_offset INTEGER NOT NULL, max_seen TEXT, "
            "snapshot TEXT, PRIMARY KEY (hub, layer)); "
            // Ids of the hub's tombstones: with the live rows they make the count
            // that must equal the hub's (the proof that ends a sync).
            "CREATE TABLE IF NOT EXISTS vigie_sync_tombstones (hub TEXT NOT NULL, "
            "layer TEXT NOT NULL, hub_id TEXT NOT NULL, PRIMARY KEY (hub, layer, hub_id)) "
            "WITHOUT ROWID"));
    } catch (const Exception &e) {
        throw Exception(e.error().code,
                        tr("Cannot prepare the sync tables: %1").arg(e.error().message));
    }
}

bool Filter::accepts(const HubFeature &f) const
{
    if (bbox && (f.envelope.right() < bbox->left() || f.envelope.left() > bbox->right() ||
                 f.envelope.bottom() < bbox->top() || f.envelope.top() > bbox->bottom()))
        return false;
    if (!since.isEmpty() && !f.time.isEmpty() && f.time < since)
        return false;
    return true;
}

/// The sync log row exists even when the run fails early.
void LayerSync::startLog()
{
    Stmt log(m_store, QStringLiteral("INSERT INTO vigie_sync_log (started_at, hub, layer, status) "
                                     "VALUES (?, ?, ?, 'running')"));
    log.bind(1, m_store.now());
    log.bind(2, m_hub);
    log.bind(3, m_layerId);
    log.step();
    m_logId = m_store.lastInsertId();
}

void LayerSync::finishLog(const QString &status, const QString &message)
{
    Stmt log(m_store, QStringLiteral("UPDATE vigie_sync_log SET status = ?, finished_at = ?, "
                                     "message = ? WHERE id = ?"));
    log.bind(1, status);
    log.bind(2, m_store.now());
    log.bind(3, message.isEmpty() ? QString() : m_client.sanitized(message));
    log.bind(4, m_logId);
    log.step();
}

void LayerSync::logBatch(const Counts &counts)
{
    Stmt log(m_store, QStringLiteral("UPDATE vigie_sync_log SET inserted = inserted + ?, "
                                     "updated = updated + ?, deleted = deleted + ?, "
                                     "batches = batches + 1 WHERE id = ?"));
    log.bind(1, counts.inserted);
    log.bind(2, counts.updated);
    log.bind(3, counts.deleted);
    log.bind(4, m_logId);
    log.step();
}

/// Forgets the layer's state, cursor and tombstones: the next pull is a first pull.
void LayerSync::resetState()
{
    for (const char *table : {"vigie_sync_state", "vigie_sync_cursor", "vigie_sync_tombstones"}) {
        Stmt s(
            m_store,
            QStringLiteral("DELETE FROM %1 WHERE hub = ? AND layer = ?").arg(QLatin1String(table)));
        s.bind(1, m_hub);
        s.bind(2, m_layerId);
        s.step();
    }
}

SavedState LayerSync::readState()
{
    SavedState saved;
    {
        Stmt s(m_store, QStringLiteral("SELECT high_water, extent, since FROM vigie_sync_state "
                                       "WHERE hub = ? AND layer = ?"));
        s.bind(1, m_hub);
        s.bind(2, m_layerId);
        if (s.step()) {
            saved.hasState = true;
            saved.highWater = s.text(0);
            saved.extent = s.text(1);
            saved.since = s.text(2);
        }
    }
    Stmt s(m_store, QStringLiteral("SELECT next_offset, max_seen, snapshot FROM "
                                   "vigie_sync_cursor WHERE hub = ? AND layer = ?"));
    s.bind(1, m_hub);
    s.bind(2, m_layerId);
    if (s.step()) {
        saved.hasCursor = true;
        saved.cursorOffset = s.int64(0);
        saved.maxSeen = s.text(1);
        saved.snapshot = s.text(2);
    }
    return saved;
}

void LayerSync::writeState(const QString &highWater, const QString &status, bool withCount)
{
    std::int64_t count = -1;
    if (withCount && m_store.hasLayer(m_layerId))
        count = m_store.featureCount(m_layerId);
    Stmt s(m_store,
           QStringLiteral(
               "INSERT INTO vigie_sync_state (hub, layer, high_water, last_sync_at, last_status, "
               "features, extent, since) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
               "ON CONFLICT (hub, layer) DO UPDATE SET "
               "high_water = coalesce(?3, high_water), last_sync_at = ?4, last_status = ?5, "
               "features = coalesce(?6, features), extent = ?7, since = ?8"));
    s.bind(1, m_hub);
    s.bind(2, m_layerId);
    s.bind(3, highWater.isEmpty() ? QString() : highWater);
    s.bind(4, m_store.now());
    s.bind(5, status);
    if (count >= 0)
        s.bind(6, count);
    else
        s.bindNull(6);
    if (m_filter.bbox)
        s.bind(7, QStringLiteral("%1,%2,%3,%4")
                      .arg(argText(m_filter.bbox->left(), 0, 'f', 3),
                           argText(m_filter.bbox->top(), 0, 'f', 3),
                           argText(m_filter.bbox->right(), 0, 'f', 3),
                           argText(m_filter.bbox->bottom(), 0, 'f', 3)));
    else
        s.bindNull(7);
    s.bind(8, m_filter.since.isEmpty() ? QString() : m_filter.since);
    s.step();
}

void LayerSync::writeCursor(std::int64_t offset, const QString &maxSeen, const QString &snapshot)
{
    Stmt s(m_store,
           QStringLiteral("INSERT OR REPLACE INTO vigie_sync_cursor (hub, layer, next_offset, "
                          "max_seen, snapshot) VALUES (?, ?, ?, ?, ?)"));
    s.bind(1, m_hub);
    s.bind(2, m_layerId);
    s.bind(3, offset);
    s.bind(4, maxSeen.isEmpty() ? QString() : maxSeen);
    s.bind(5, snapshot.isEmpty() ? QString() : snapshot);
    s.step();
}

/// The bookkeeping of a first pull's last page: the high-water mark set, the cursor gone.
void LayerSync::finishFirstPull(const QString &maxSeen, const QString &snapshot)
{
    // Changes made on the hub while we read are after the snapshot time.
    QString hw = maxSeen;
    if (!snapshot.isEmpty() && (hw.isEmpty() || snapshot < hw))
        hw = snapshot;
    if (hw.isEmpty())
        hw = QStringLiteral("1970-01-01T00:00:00.000Z");
    writeState(hw, QStringLiteral("running"), false);
    Stmt d(m_store, QStringLiteral("DELETE FROM vigie_sync_cursor WHERE hub = ? AND layer = ?"));
    d.bind(1, m_hub);
    d.bind(2, m_layerId);
    d.step();
    m_report.highWater = hw;
}

/// After a first pull read whole in this run (m_seen holds every id the hub has): rows from this
/// hub that it no longer has are removed (a reset then repairs any drift).
void LayerSync::sweep()
{
    if (!m_store.hasLayer(m_layerId))
        return;
    const QString table = quoted(m_layerId);
    const QString source = QStringLiteral("hub:") + m_hub;
    std::vector<std::int64_t> gone;
    {
        Stmt s(m_store, QStringLiteral("SELECT fid, _hub_id FROM %1 WHERE _hub_id IS NOT NULL AND "
                                       "_source = ?")
                            .arg(table));
        s.bind(1, source);
        while (s.step())
            if (!m_seen.contains(s.text(1)))
                gone.push_back(s.int64(0));
    }
    if (gone.empty())
        return;
    Store::Transaction tx(m_store);
    Stmt remove(m_store, QStringLiteral("DELETE FROM %1 WHERE fid = ?").arg(table));
    Stmt removeSeries(m_store,
                      QStringLiteral("DELETE FROM vigie_series WHERE layer = ? AND fid = ?"));
    for (std::int64_t fid : gone) {
        remove.reset();
        remove.bind(1, fid);
        remove.step();
        removeSeries.reset();
        removeSeries.bind(1, m_layerId);
        removeSeries.bind(2, fid);
        removeSeries.step();
    }
    Stmt log(m_store,
             QStringLiteral("UPDATE vigie_sync_log SET deleted = deleted + ? WHERE id = ?"));
    log.bind(1, std::int64_t(gone.size()));
    log.bind(2, m_logId);
    log.step();
    tx.commit();
    m_report.deleted += std::int64_t(gone.size());
}

/// The proof that ends a sync of a whole collection: the layer's rows from this hub plus the
/// tombstones read equal the hub's feature count. A hub that gives no count leaves it unproved
/// (hubCount -1 in the report).
void LayerSync::proveCount()
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("f"), QStringLiteral("json"));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("offset"), QStringLiteral("0"));
    const HubResponse r = m_client.get(
        QStringLiteral("/collections/%1/items").arg(m_layer.collection), q, m_feedback);
    QJsonParseError error{};
    const QJsonObject root = QJsonDocument::fromJson(r.body, &error).object();
    if (error.error != QJsonParseError::NoError)
        throw Exception(ErrorCode::InvalidInput,
                        tr("The hub sent invalid JSON for collection \"%1\" (%2): %3")
                            .arg(m_layer.collection, r.url, error.errorString()));
    const std::int64_t hubCount = root.value(QLatin1String("numberMatched")).toInteger(-1);
    if (hubCount < 0)
        return;
    std::int64_t live = 0, tombstones = 0;
    if (m_store.hasLayer(m_layerId)) {
        Stmt s(m_store, QStringLiteral("SELECT count(*) FROM %1 WHERE _hub_id IS NOT NULL AND "
                                       "_source = ?")
                            .arg(quoted(m_layerId)));
        s.bind(1, QStringLiteral("hub:") + m_hub);
        if (s.step())
            live = s.int64(0);
    }
    {
        Stmt s(m_store,
               QStringLiteral("SELECT count(*) FROM vigie_sync_tombstones WHERE hub = ? AND "
                              "layer = ?"));
        s.bind(1, m_hub);
        s.bind(2, m_layerId);
        if (s.step())
            tombstones = s.int64(0);
    }
    if (live + tombstones != hubCount)
        throw Exception(ErrorCode::InvalidInput,
                        tr("After the sync, layer \"%1\" holds %2 features and %3 deletions read "
                           "from the hub, but collection \"%4\" has %5: the layer does not equal "
                           "the hub's collection. Sync again with the reset option (a hub that "
                           "has just published new data must first reload its server).")
                            .arg(m_layerId, QString::number(live), QString::number(tombstones),
                                 m_layer.collection, QString::number(hubCount)));
    m_report.hubCount = hubCount;
}

} // namespace vigie::core::sync
