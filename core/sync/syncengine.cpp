// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental, resumable pull of OGC API - Features collections into the store (docs/hub.md).
#include "syncengine.h"
#include "../argtext.h"

#include "../crs/crs.h"
#include "../layerregistry.h"
#include "../printable.h"
#include "../privacy/pseudonymiser.h"
#include "../store/statement.h"
#include "../store/store.h"
#include "../store/wkb.h"
#include "analytics/feedback.h"
#include "hubpage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vigie::core::sync {

namespace {

// --- small sqlite helpers --------------------------------------------------------------------

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

// --- applying a page -------------------------------------------------------------------------

struct Counts
{
    std::int64_t inserted = 0, updated = 0, deleted = 0, unchanged = 0;
};

/// Binds a value the way Store::Inserter stores it.
void bindValue(Stmt &s, int index, const FieldDef &field, const QVariant &v)
{
    if (!v.isValid() || v.isNull()) {
        s.bindNull(index);
        return;
    }
    switch (field.type) {
    case FieldType::String:
        s.bind(index, v.toString());
        break;
    case FieldType::Integer: {
        bool ok = false;
        const qlonglong n = v.toLongLong(&ok);
        if (ok) {
            s.bind(index, std::int64_t(n));
        } else {
            const double d = v.toDouble(&ok);
            if (!ok || d != std::floor(d))
                throw Exception(
                    ErrorCode::InvalidInput,
                    tr("field \"%1\": \"%2\" is not an integer").arg(field.name, v.toString()));
            s.bind(index, std::int64_t(d));
        }
        break;
    }
    case FieldType::Real:
        s.bind(index, v.toDouble());
        break;
    case FieldType::DateTime: {
        const QString iso = toIsoUtc(v);
        if (iso.isEmpty())
            s.bindNull(index);
        else
            s.bind(index, iso);
        break;
    }
    case FieldType::Boolean: {
        const QString t = v.toString().toLower();
        s.bind(index,
               std::int64_t(v.toBool() || t == QLatin1String("true") || t == QLatin1String("1")));
        break;
    }
    }
}

struct Filter
{
    std::optional<QRectF> bbox;
    QString since; ///< normalised, empty = none
    bool accepts(const HubFeature &f) const
    {
        if (bbox && (f.envelope.right() < bbox->left() || f.envelope.left() > bbox->right() ||
                     f.envelope.bottom() < bbox->top() || f.envelope.top() > bbox->bottom()))
            return false;
        if (!since.isEmpty() && !f.time.isEmpty() && f.time < since)
            return false;
        return true;
    }
};

class LayerSync
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::sync::LayerSync)

public:
    LayerSync(Store &store, HubClient &client, const SyncOptions &options, const QString &hub,
              const QString &layerId, analytics::Feedback *feedback, double progressFrom,
              double progressSpan)
        : m_store(store), m_client(client), m_options(options), m_hub(hub), m_layerId(layerId),
          m_feedback(feedback), m_progressFrom(progressFrom), m_progressSpan(progressSpan)
    {
    }

    LayerSyncReport run();

private:
    Store &m_store;
    HubClient &m_client;
    const SyncOptions &m_options;
    QString m_hub;
    QString m_layerId;
    analytics::Feedback *m_feedback;
    double m_progressFrom, m_progressSpan;
    LayerContext m_layer;
    Filter m_filter;
    LayerSyncReport m_report;
    std::int64_t m_logId = 0;
    QHash<QString, QString> m_seen; ///< id -> updated_at of every feature read in this run
    QHash<QString, int> m_seenPage;

    void prepareLayer();
    Page fetch(std::int64_t offset, const QString &since);
    void checkDuplicates(const Page &page, int pageNumber);
    void apply(const Page &page, const std::function<void()> &bookkeeping);
    void writeState(const QString &highWater, const QString &status, bool withCount);
    void writeCursor(std::int64_t offset, const QString &maxSeen, const QString &snapshot);
    void sweep();
    void proveCount();
    void progress(double fraction, const QString &step)
    {
        if (m_feedback)
            m_feedback->setProgress(m_progressFrom +
                                        m_progressSpan * std::clamp(fraction, 0.0, 1.0),
                                    step.toStdString());
    }
};

void LayerSync::prepareLayer()
{
    std::optional<LayerManifest> manifest = m_store.layer(m_layerId);
    if (!manifest) {
        const LayerManifest *builtin = LayerRegistry::instance().find(m_layerId);
        if (!builtin)
            throw Exception(ErrorCode::UnknownLayer,
                            tr("Unknown layer \"%1\": it is neither in the workspace nor a known "
                               "layer type.")
                                .arg(m_layerId));
        manifest = *builtin;
    }
    m_layer.manifest = *manifest;
    m_layer.collection = manifest->hubCollection.isEmpty() ? manifest->id : manifest->hubCollection;
    // Also checked when a manifest is read; here for manifests stored by older versions.
    if (!isHubCollectionName(m_layer.collection))
        throw Exception(ErrorCode::InvalidInput,
                        tr("Layer \"%1\" names the hub collection \"%2\", which is not a "
                           "collection name: nothing was asked of the hub.")
                            .arg(m_layerId, printableText(m_layer.collection, 130)));
    for (std::size_t i = 0; i < manifest->fields.size(); ++i) {
        if (manifest->fields[i].name == manifest->timeField)
            m_layer.timeIndex = int(i);
        if (manifest->fields[i].personal == PersonalData::Pseudonymise && !m_layer.pseudonymiser) {
            auto loaded = Pseudonymiser::forWorkspace(m_store); // before anything is pulled
            loaded.orThrow();
            m_layer.pseudonymiser = std::move(loaded.value());
        }
    }

    QUrlQuery q;
    q.addQueryItem(QStringLiteral("f"), QStringLiteral("json"));
    HubResponse meta;
    try {
        meta = m_client.get(QStringLiteral("/collections/%1").arg(m_layer.collection), q,
                            m_feedback, QByteArrayLiteral("application/json"));
    } catch (const Exception &e) {
        if (e.error().message.contains(QLatin1String("HTTP 404")))
            throw Exception(ErrorCode::UnknownLayer,
                            tr("The hub %1 has no collection \"%2\" (layer \"%3\").")
                                .arg(m_hub, m_layer.collection, m_layerId));
        throw;
    }
    QJsonParseError error{};
    const QJsonObject collection = QJsonDocument::fromJson(meta.body, &error).object();
    if (error.error != QJsonParseError::NoError)
        throw Exception(ErrorCode::InvalidInput,
                        tr("The hub sent invalid JSON for collection \"%1\" (%2): %3")
                            .arg(m_layer.collection, meta.url, error.errorString()));
    for (const QJsonValue &crs : collection.value(QLatin1String("crs")).toArray()) {
        const QString uri = crs.toString();
        if (isLambert93Uri(uri))
            m_layer.crsUri = uri.trimmed();
    }
    if (m_layer.crsUri.isEmpty()) {
        auto t =
            CoordinateTransform::create(QStringLiteral("OGC:CRS84"), QStringLiteral("EPSG:2154"));
        if (!t)
            throw Exception(ErrorCode::Crs, t.error().message);
        m_layer.fromCrs84.emplace(std::move(*t));
    }
}

Page LayerSync::fetch(std::int64_t offset, const QString &since)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("f"), QStringLiteral("json"));
    q.addQueryItem(QStringLiteral("limit"), QString::number(m_options.pageSize));
    q.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    if (!m_layer.crsUri.isEmpty())
        q.addQueryItem(QStringLiteral("crs"), m_layer.crsUri);
    if (since.isEmpty()) {
        if (m_filter.bbox) {
            const QRectF &b = *m_filter.bbox;
            if (!m_layer.crsUri.isEmpty()) {
                q.addQueryItem(QStringLiteral("bbox"),
                               QStringLiteral("%1,%2,%3,%4")
                                   .arg(argText(b.left(), 0, 'f', 3), argText(b.top(), 0, 'f', 3),
                                        argText(b.right(), 0, 'f', 3),
                                        argText(b.bottom(), 0, 'f', 3)));
                q.addQueryItem(QStringLiteral("bbox-crs"), m_layer.crsUri);
            }
        }
    } else {
        // A literal "/" (QGIS Server 3.22 garbles "%2F" in its next links; we build our own).
        q.addQueryItem(QStringLiteral("datetime"), since + QLatin1String("/.."));
        q.addQueryItem(QStringLiteral("sortby"), QStringLiteral("updated_at"));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_layer.now = now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    m_layer.notAfter =
        now.addSecs(kFutureToleranceSeconds).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    const HubResponse response = m_client.get(
        QStringLiteral("/collections/%1/items").arg(m_layer.collection), q, m_feedback);
    return parsePage(response, m_layer);
}

void LayerSync::checkDuplicates(const Page &page, int pageNumber)
{
    for (const HubFeature &f : page.features) {
        auto it = m_seen.find(f.id);
        if (it != m_seen.end() && f.updatedAt <= it.value())
            throw Exception(ErrorCode::InvalidInput,
                            tr("The hub sent feature \"%1\" of collection \"%2\" twice in one "
                               "pull (pages %3 and %4): its paging is inconsistent. Nothing of "
                               "page %4 was applied.")
                                .arg(f.id, m_layer.collection, argText(m_seenPage.value(f.id)),
                                     argText(pageNumber)));
    }
    for (const HubFeature &f : page.features) {
        m_seen.insert(f.id, f.updatedAt);
        m_seenPage.insert(f.id, pageNumber);
    }
}

void LayerSync::apply(const Page &page, const std::function<void()> &bookkeeping)
{
    Store::Transaction tx(m_store);
    if (!m_store.hasLayer(m_layerId)) {
        auto added = m_store.addLayer(m_layer.manifest, QStringLiteral("hub:") + m_hub);
        added.orThrow();
    }
    const auto &fields = m_layer.manifest.fields;
    const QString table = quoted(m_layerId);
    const QString geomExpr = m_layer.manifest.geometryType == GeometryType::Point
                                 ? QStringLiteral("GeomFromWKB(?%1, 2154)")
                                 : QStringLiteral("CastToMulti(GeomFromWKB(?%1, 2154))");
    Stmt find(m_store,
              QStringLiteral("SELECT fid, _hub_updated_at FROM %1 WHERE _hub_id = ?").arg(table));
    Stmt remove(m_store, QStringLiteral("DELETE FROM %1 WHERE fid = ?").arg(table));
    Stmt removeSeries(m_store,
                      QStringLiteral("DELETE FROM vigie_series WHERE layer = ? AND fid = ?"));
    Stmt tombstone(m_store,
                   QStringLiteral("INSERT OR IGNORE INTO vigie_sync_tombstones (hub, layer, "
                                  "hub_id) VALUES (?, ?, ?)"));
    // In a first pull (a reset included) the hub is the truth: a local copy stamped later than
    // the hub's (a wrong stamp kept from an earlier pull) is overwritten, not kept forever.
    const bool hubWins = m_report.firstPull;
    // Updates only when something differs: changes() then says "updated".
    QStringList sets, same;
    const int n = int(fields.size());
    for (int i = 0; i < n; ++i) {
        sets << QStringLiteral("%1 = ?%2")
                    .arg(argText(quoted(fields[std::size_t(i)].name)), argText(i + 1));
        same << QStringLiteral("%1 IS ?%2")
                    .arg(argText(quoted(fields[std::size_t(i)].name)), argText(i + 1));
    }
    const int pUpdated = n + 1, pSource = n + 2, pSynced = n + 3, pWkb = n + 4, pFid = n + 5;
    sets << QStringLiteral("_hub_updated_at = ?%1").arg(pUpdated)
         << QStringLiteral("_source = ?%1").arg(pSource)
         << QStringLiteral("_synced_at = ?%1").arg(pSynced)
         << QStringLiteral("geom = %1").arg(geomExpr.arg(pWkb));
    same << QStringLiteral("_hub_updated_at IS ?%1").arg(pUpdated)
         << QStringLiteral("AsBinary(geom) IS AsBinary(%1)").arg(geomExpr.arg(pWkb));
    Stmt update(m_store, QStringLiteral("UPDATE %1 SET %2 WHERE fid = ?%3 AND NOT (%4)")
                             .arg(table, sets.join(QStringLiteral(", ")), argText(pFid),
                                  argText(same.join(QStringLiteral(" AND ")))));
    const QString source = QStringLiteral("hub:") + m_hub;
    const QString syncedAt = m_store.now();

    Counts counts;
    std::vector<const HubFeature *> inserts;
    for (const HubFeature &f : page.features) {
        find.reset();
        find.bind(1, f.id);
        const bool exists = find.step();
        const std::int64_t fid = exists ? find.int64(0) : 0;
        const QString localUpdated = exists ? find.text(1) : QString();
        const QString updatedAt = toStoreTime(f.updatedAt);
        if (f.deleted) {
            tombstone.reset();
            tombstone.bind(1, m_hub);
            tombstone.bind(2, m_layerId);
            tombstone.bind(3, f.id);
            tombstone.step();
        }
        if (f.deleted || !m_filter.accepts(f)) {
            if (exists && (hubWins || !(localUpdated > updatedAt))) {
                remove.reset();
                remove.bind(1, fid);
                remove.step();
                removeSeries.reset();
                removeSeries.bind(1, m_layerId);
                removeSeries.bind(2, fid);
                removeSeries.step();
                ++counts.deleted;
            } else {
                ++counts.unchanged;
            }
            continue;
        }
        if (!exists) {
            inserts.push_back(&f);
            continue;
        }
        if (!hubWins && localUpdated > updatedAt) { // the local copy is newer (replayed page)
            ++counts.unchanged;
            continue;
        }
        update.reset();
        for (int i = 0; i < n; ++i)
            bindValue(update, i + 1, fields[std::size_t(i)], f.values.at(i));
        update.bind(pUpdated, updatedAt);
        update.bind(pSource, source);
        update.bind(pSynced, syncedAt);
        update.bindBlob(pWkb, f.wkb.data(), f.wkb.size());
        update.bind(pFid, fid);
        try {
            update.step();
        } catch (const Exception &e) {
            throw Exception(
                ErrorCode::InvalidInput,
                tr("Layer \"%1\", feature \"%2\": %3").arg(m_layerId, f.id, e.error().message));
        }
        if (m_store.changes() > 0)
            ++counts.updated;
        else
            ++counts.unchanged;
    }
    if (!inserts.empty()) {
        Store::Inserter inserter(m_store, m_layerId);
        FeatureRecord record;
        record.source = source;
        for (const HubFeature *f : inserts) {
            record.wkb = f->wkb;
            record.values = f->values;
            record.hubId = f->id;
            record.hubUpdatedAt = toStoreTime(f->updatedAt);
            try {
                inserter.add(record);
            } catch (const Exception &e) {
                throw Exception(e.error().code,
                                tr("%1 (hub id \"%2\")").arg(e.error().message, f->id));
            }
            ++counts.inserted;
        }
    }
    bookkeeping();
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
    tx.commit();
    m_report.inserted += counts.inserted;
    m_report.updated += counts.updated;
    m_report.deleted += counts.deleted;
    m_report.unchanged += counts.unchanged;
    m_report.received += std::int64_t(page.features.size());
    ++m_report.batches;
    if (m_options.afterBatch)
        m_options.afterBatch(m_layerId, m_report.batches);
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

LayerSyncReport LayerSync::run()
{
    QElapsedTimer timer;
    timer.start();
    m_report.layer = m_layerId;
    ensureCursorTable(m_store);

    // The sync log row exists even when the run fails early.
    {
        Stmt log(m_store,
                 QStringLiteral("INSERT INTO vigie_sync_log (started_at, hub, layer, status) "
                                "VALUES (?, ?, ?, 'running')"));
        log.bind(1, m_store.now());
        log.bind(2, m_hub);
        log.bind(3, m_layerId);
        log.step();
        m_logId = m_store.lastInsertId();
    }
    auto finishLog = [&](const QString &status, const QString &message) {
        Stmt log(m_store, QStringLiteral("UPDATE vigie_sync_log SET status = ?, finished_at = ?, "
                                         "message = ? WHERE id = ?"));
        log.bind(1, status);
        log.bind(2, m_store.now());
        log.bind(3, message.isEmpty() ? QString() : m_client.sanitized(message));
        log.bind(4, m_logId);
        log.step();
    };

    try {
        if (m_options.reset) {
            Stmt a(m_store,
                   QStringLiteral("DELETE FROM vigie_sync_state WHERE hub = ? AND layer = ?"));
            a.bind(1, m_hub);
            a.bind(2, m_layerId);
            a.step();
            Stmt b(m_store,
                   QStringLiteral("DELETE FROM vigie_sync_cursor WHERE hub = ? AND layer = ?"));
            b.bind(1, m_hub);
            b.bind(2, m_layerId);
            b.step();
            Stmt c(m_store, QStringLiteral("DELETE FROM vigie_sync_tombstones WHERE hub = ? AND "
                                           "layer = ?"));
            c.bind(1, m_hub);
            c.bind(2, m_layerId);
            c.step();
        }
        QString highWater, extent, since;
        bool hasState = false;
        {
            Stmt s(m_store, QStringLiteral("SELECT high_water, extent, since FROM vigie_sync_state "
                                           "WHERE hub = ? AND layer = ?"));
            s.bind(1, m_hub);
            s.bind(2, m_layerId);
            if (s.step()) {
                hasState = true;
                highWater = s.text(0);
                extent = s.text(1);
                since = s.text(2);
            }
        }
        std::int64_t cursorOffset = 0;
        QString maxSeen, snapshot;
        bool hasCursor = false;
        {
            Stmt s(m_store, QStringLiteral("SELECT next_offset, max_seen, snapshot FROM "
                                           "vigie_sync_cursor WHERE hub = ? AND layer = ?"));
            s.bind(1, m_hub);
            s.bind(2, m_layerId);
            if (s.step()) {
                hasCursor = true;
                cursorOffset = s.int64(0);
                maxSeen = s.text(1);
                snapshot = s.text(2);
            }
        }
        // The area and time window are those of the first pull.
        Filter requested;
        requested.bbox = m_options.bbox;
        if (m_options.since.isValid())
            requested.since =
                m_options.since.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        if (hasState) {
            if (!extent.isEmpty()) {
                const QStringList p = extent.split(QLatin1Char(','));
                if (p.size() == 4)
                    m_filter.bbox = QRectF(QPointF(p[0].toDouble(), p[1].toDouble()),
                                           QPointF(p[2].toDouble(), p[3].toDouble()));
            }
            m_filter.since = since;
            const bool bboxDiffers =
                requested.bbox && (!m_filter.bbox || (requested.bbox->toAlignedRect() !=
                                                      m_filter.bbox->toAlignedRect()));
            if (bboxDiffers || (!requested.since.isEmpty() && requested.since != m_filter.since))
                throw Exception(ErrorCode::InvalidInput,
                                tr("Layer \"%1\" was first pulled from this hub with another area "
                                   "or time window; sync again with the reset option to change "
                                   "them.")
                                    .arg(m_layerId));
        } else {
            m_filter = requested;
        }
        prepareLayer();

        const bool firstPull = highWater.isEmpty();
        m_report.firstPull = firstPull;
        if (!hasState) // record the filter before the first page (its own small transaction)
            writeState(QString(), QStringLiteral("running"), false);
        int pageNumber = 0;
        if (firstPull) {
            std::int64_t offset = hasCursor ? cursorOffset : 0;
            const bool wholeInThisRun = offset == 0;
            std::int64_t total = -1;
            for (;;) {
                analytics::throwIfCanceled(m_feedback);
                Page page;
                try {
                    page = fetch(offset, QString());
                } catch (const Exception &e) {
                    if (e.error().message.contains(QLatin1String("HTTP 400")) &&
                        e.error().message.contains(QLatin1String("offset"), Qt::CaseInsensitive))
                        throw Exception(
                            ErrorCode::Io,
                            tr("The hub refused to page past feature %1 of \"%2\": "
                               "its feature count is out of date (QGIS Server "
                               "keeps it until it is reloaded after new data is "
                               "published). Reload the hub, then sync again: the "
                               "pull resumes here. (%3)")
                                .arg(argText(offset), m_layer.collection, e.error().message));
                    throw;
                }
                ++pageNumber;
                if (page.numberMatched >= 0)
                    total = page.numberMatched;
                // An empty first page is an empty collection only when the hub says so: taken
                // as "0 features, ok" it would set the high-water mark and the layer would
                // never be pulled.
                if (offset == 0 && page.features.empty() && page.numberMatched != 0)
                    throw Exception(
                        ErrorCode::InvalidInput,
                        page.numberMatched > 0
                            ? tr("The hub sent an empty first page of collection "
                                 "\"%1\" though it counts %2 features: nothing was "
                                 "pulled. Try again later or ask the hub's "
                                 "administrators.")
                                  .arg(m_layer.collection, QString::number(page.numberMatched))
                            : tr("The hub sent an empty first page of collection "
                                 "\"%1\" without saying the collection is empty "
                                 "(numberMatched): nothing was pulled.")
                                  .arg(m_layer.collection));
                if (snapshot.isEmpty())
                    snapshot = page.timeStamp;
                checkDuplicates(page, pageNumber);
                for (const HubFeature &f : page.features)
                    maxSeen = std::max(maxSeen, f.updatedAt);
                const bool last = qsizetype(page.features.size()) < m_options.pageSize;
                const std::int64_t nextOffset = offset + std::int64_t(page.features.size());
                // The hub's count is checked before the last page is applied, so a short pull
                // never sets the high-water mark: the next sync reads that page again.
                if (last && total >= 0 && nextOffset != total)
                    throw Exception(ErrorCode::InvalidInput,
                                    tr("The hub counts %1 features in collection \"%2\" but "
                                       "sent %3: the pull is incomplete, and its end was not "
                                       "applied. If the hub has just published new data it "
                                       "must reload its server; then sync again, the pull "
                                       "resumes here.")
                                        .arg(QString::number(total), m_layer.collection,
                                             QString::number(nextOffset)));
                apply(page, [&] {
                    if (last) {
                        // Changes made on the hub while we read are after the snapshot time.
                        QString hw = maxSeen;
                        if (!snapshot.isEmpty() && (hw.isEmpty() || snapshot < hw))
                            hw = snapshot;
                        if (hw.isEmpty())
                            hw = QStringLiteral("1970-01-01T00:00:00.000Z");
                        writeState(hw, QStringLiteral("running"), false);
                        Stmt d(m_store,
                               QStringLiteral(
                                   "DELETE FROM vigie_sync_cursor WHERE hub = ? AND layer = ?"));
                        d.bind(1, m_hub);
                        d.bind(2, m_layerId);
                        d.step();
                        m_report.highWater = hw;
                    } else {
                        writeCursor(nextOffset, maxSeen, snapshot);
                    }
                });
                offset = nextOffset;
                progress(total > 0 ? double(offset) / double(total) : 0.5,
                         tr("%1: %2 features").arg(m_layerId, argText(offset)));
                if (last)
                    break;
            }
            if (wholeInThisRun)
                sweep();
        } else {
            // Keyset paging on updated_at. QGIS Server compares datetime at whole seconds, so
            // the window starts at the second of the high-water mark and the features of this
            // run already read from that second on are skipped with offset.
            QString hw = highWater;
            std::vector<QString> readTimes; // updated_at of this run's features, ascending
            for (;;) {
                analytics::throwIfCanceled(m_feedback);
                const QString windowStart = hw.left(19) + QLatin1String(".000Z");
                const std::int64_t offset =
                    std::int64_t(readTimes.end() -
                                 std::lower_bound(readTimes.begin(), readTimes.end(), windowStart));
                Page page = fetch(offset, hw.left(19) + QLatin1Char('Z'));
                ++pageNumber;
                checkDuplicates(page, pageNumber);
                QString previous = readTimes.empty() ? windowStart : readTimes.back();
                for (const HubFeature &f : page.features) {
                    if (f.updatedAt < previous)
                        throw Exception(ErrorCode::InvalidInput,
                                        tr("The hub did not sort collection \"%1\" by updated_at "
                                           "or ignored the datetime filter (feature \"%2\"); "
                                           "nothing of this page was applied.")
                                            .arg(m_layer.collection, f.id));
                    previous = f.updatedAt;
                }
                const bool last = qsizetype(page.features.size()) < m_options.pageSize;
                if (!last) {
                    // Features sharing an updated_at (a bulk update) come in any order among
                    // themselves, and in another order on the next request (QGIS Server). The
                    // trailing group that shares the page's last updated_at may go on in the
                    // next page: it is left for that page, which then holds it whole.
                    const QString tie = page.features.back().updatedAt;
                    auto groupStart = page.features.end();
                    while (groupStart != page.features.begin() &&
                           std::prev(groupStart)->updatedAt == tie)
                        --groupStart;
                    if (groupStart == page.features.begin())
                        throw Exception(
                            ErrorCode::InvalidInput,
                            tr("More than %1 features of collection \"%2\" share the "
                               "updated_at %3: sync again with a larger page size.")
                                .arg(argText(m_options.pageSize), m_layer.collection, tie));
                    for (auto it = groupStart; it != page.features.end(); ++it) {
                        m_seen.remove(it->id);
                        m_seenPage.remove(it->id);
                    }
                    page.features.erase(groupStart, page.features.end());
                }
                const QString newHw = page.features.empty() ? hw : page.features.back().updatedAt;
                apply(page, [&] { writeState(newHw, QStringLiteral("running"), false); });
                for (const HubFeature &f : page.features)
                    readTimes.push_back(f.updatedAt);
                hw = std::max(hw, newHw);
                m_report.highWater = hw;
                progress(last ? 1.0 : 0.5,
                         tr("%1: %2 changes").arg(m_layerId, argText(m_report.received)));
                if (last)
                    break;
            }
        }
        if (!m_filter.bbox && m_filter.since.isEmpty())
            proveCount();
        writeState(QString(), QStringLiteral("ok"), true);
        if (m_report.highWater.isEmpty())
            m_report.highWater = highWater;
        m_report.status = QStringLiteral("ok");
        m_report.seconds = timer.elapsed() / 1000.0;
        finishLog(QStringLiteral("ok"), QString());
    } catch (const analytics::Canceled &) {
        m_report.status = QStringLiteral("canceled");
        m_report.message = tr("Synchronisation canceled.");
    } catch (const Exception &e) {
        m_report.status = e.error().code == ErrorCode::Canceled ? QStringLiteral("canceled")
                                                                : QStringLiteral("failed");
        m_report.message = m_client.sanitized(e.error().message);
    }
    if (m_report.status != QLatin1String("ok")) {
        m_report.seconds = timer.elapsed() / 1000.0;
        try {
            finishLog(m_report.status, m_report.message);
            writeState(QString(), m_report.status, true);
        } catch (const Exception &) {
        }
    }
    return m_report;
}

} // namespace

Result<std::int64_t> parseHubPage(const QByteArray &body, const LayerManifest &manifest,
                                  const QByteArray &contentCrs)
{
    return captureErrors([&] {
        LayerContext layer;
        layer.manifest = manifest;
        layer.collection = manifest.hubCollection;
        for (std::size_t i = 0; i < manifest.fields.size(); ++i)
            if (manifest.fields[i].name == manifest.timeField)
                layer.timeIndex = int(i);
        if (contentCrs.isEmpty()) { // the hub did not offer Lambert-93: CRS84, reprojected
            auto t = CoordinateTransform::create(QStringLiteral("OGC:CRS84"),
                                                 QStringLiteral("EPSG:2154"));
            if (!t)
                throw Exception(ErrorCode::Crs, t.error().message);
            layer.fromCrs84.emplace(std::move(*t));
        } else {
            layer.crsUri = QStringLiteral("http://www.opengis.net/def/crs/EPSG/0/2154");
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        layer.now = now.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
        layer.notAfter = now.addSecs(kFutureToleranceSeconds)
                             .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
        HubResponse response;
        response.url = QStringLiteral("page");
        response.status = 200;
        response.body = body;
        response.contentCrs = contentCrs;
        return std::int64_t(parsePage(response, layer).features.size());
    });
}

bool SyncReport::ok() const
{
    return std::all_of(layers.begin(), layers.end(),
                       [](const LayerSyncReport &l) { return l.status == QLatin1String("ok"); });
}

Result<SyncReport> syncFromHub(Store &store, const SyncOptions &options,
                               analytics::Feedback *feedback)
{
    SyncReport report;
    try {
        if (store.isReadOnly())
            throw Exception(ErrorCode::Io, tr("The workspace %1 is read-only.").arg(store.path()));
        if (options.pageSize < 1 || options.pageSize > 10000)
            throw Exception(ErrorCode::InvalidInput,
                            tr("The page size must be between 1 and 10000 features."));
        HubLimits limits;
        limits.stallTimeoutMs = options.stallTimeoutMs;
        limits.requestTimeoutMs = options.requestTimeoutMs;
        limits.maxBodyBytes = options.maxPageBytes;
        limits.allowPlainHttpCredentials = options.allowPlainHttpCredentials;
        HubClient client(options.hubUrl, options.credentials, limits);
        report.hub = HubClient::displayUrl(options.hubUrl);
        QStringList layers = options.layers;
        if (layers.isEmpty()) {
            for (const LayerManifest &m : store.layers())
                layers << m.id;
            if (layers.isEmpty())
                for (const LayerManifest &m : LayerRegistry::instance().manifests())
                    layers << m.id;
        }
        const double span = 100.0 / std::max<qsizetype>(1, layers.size());
        for (qsizetype i = 0; i < layers.size(); ++i) {
            LayerSync sync(store, client, options, report.hub, layers.at(i), feedback, span * i,
                           span);
            report.layers.push_back(sync.run());
            const LayerSyncReport &last = report.layers.back();
            if (last.status == QLatin1String("canceled"))
                return Error{ErrorCode::Canceled, last.message};
            if (last.status != QLatin1String("ok"))
                return Error{ErrorCode::Io, tr("Sync of layer \"%1\" from %2 failed: %3")
                                                .arg(last.layer, report.hub, last.message)};
        }
        if (feedback)
            feedback->setProgress(100.0, tr("Synchronised").toStdString());
    } catch (const Exception &e) {
        return e.error();
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled, tr("Synchronisation canceled.")};
    }
    return report;
}

std::vector<LayerSyncState> syncStates(const Store &store)
{
    std::vector<LayerSyncState> out;
    try {
        Stmt s(store, QStringLiteral("SELECT hub, layer, high_water, last_sync_at, last_status, "
                                     "features, extent, since FROM vigie_sync_state "
                                     "ORDER BY last_sync_at DESC, layer"));
        while (s.step())
            out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5),
                           s.text(6), s.text(7)});
    } catch (const Exception &) {
    }
    return out;
}

std::vector<SyncLogEntry> syncLog(const Store &store, int limit)
{
    std::vector<SyncLogEntry> out;
    try {
        Stmt s(store,
               QStringLiteral("SELECT id, started_at, finished_at, hub, layer, status, message, "
                              "inserted, updated, deleted, batches FROM vigie_sync_log "
                              "ORDER BY id DESC LIMIT %1")
                   .arg(limit));
        while (s.step()) {
            SyncLogEntry e;
            e.id = s.int64(0);
            e.startedAt = s.text(1);
            e.finishedAt = s.text(2);
            e.hub = s.text(3);
            e.layer = s.text(4);
            e.status = s.text(5);
            e.message = s.text(6);
            e.inserted = s.int64(7);
            e.updated = s.int64(8);
            e.deleted = s.int64(9);
            e.batches = int(s.int64(10));
            out.push_back(e);
        }
    } catch (const Exception &) {
    }
    return out;
}

} // namespace vigie::core::sync
