// SPDX-License-Identifier: GPL-3.0-or-later
// One layer's pull from the hub (docs/hub.md): a first pull pages through the whole collection
// (resumable at its cursor), a later pull pages by updated_at from the high-water mark; each page
// is checked whole, then applied in one transaction with its bookkeeping.
#include "layersync.h"

#include "../argtext.h"
#include "../crs/crs.h"
#include "../layerregistry.h"
#include "../printable.h"
#include "../store/statement.h"
#include "../store/store.h"
#include "analytics/feedback.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>

namespace vigie::core::sync {

namespace {

using Stmt = Statement;

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

} // namespace

/// The area and time window are those of the first pull: a later pull asking for others fails.
void LayerSync::adoptFilter(const SavedState &saved)
{
    Filter requested;
    requested.bbox = m_options.bbox;
    if (m_options.since.isValid())
        requested.since =
            m_options.since.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    if (!saved.hasState) {
        m_filter = requested;
        return;
    }
    if (!saved.extent.isEmpty()) {
        const QStringList p = saved.extent.split(QLatin1Char(','));
        if (p.size() == 4)
            m_filter.bbox = QRectF(QPointF(p[0].toDouble(), p[1].toDouble()),
                                   QPointF(p[2].toDouble(), p[3].toDouble()));
    }
    m_filter.since = saved.since;
    const bool bboxDiffers =
        requested.bbox &&
        (!m_filter.bbox || (requested.bbox->toAlignedRect() != m_filter.bbox->toAlignedRect()));
    if (bboxDiffers || (!requested.since.isEmpty() && requested.since != m_filter.since))
        throw Exception(ErrorCode::InvalidInput,
                        tr("Layer \"%1\" was first pulled from this hub with another area "
                           "or time window; sync again with the reset option to change "
                           "them.")
                            .arg(m_layerId));
}

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

/// A page of a first pull; a hub that refuses to page past its stale count says so.
Page LayerSync::fetchFirstPullPage(std::int64_t offset)
{
    try {
        return fetch(offset, QString());
    } catch (const Exception &e) {
        if (e.error().message.contains(QLatin1String("HTTP 400")) &&
            e.error().message.contains(QLatin1String("offset"), Qt::CaseInsensitive))
            throw Exception(ErrorCode::Io,
                            tr("The hub refused to page past feature %1 of \"%2\": "
                               "its feature count is out of date (QGIS Server "
                               "keeps it until it is reloaded after new data is "
                               "published). Reload the hub, then sync again: the "
                               "pull resumes here. (%3)")
                                .arg(argText(offset), m_layer.collection, e.error().message));
        throw;
    }
}

/// The whole collection page by page, from the resume cursor if an earlier run stopped.
void LayerSync::firstPull(SavedState &saved)
{
    std::int64_t offset = saved.hasCursor ? saved.cursorOffset : 0;
    QString &maxSeen = saved.maxSeen;
    QString &snapshot = saved.snapshot;
    const bool wholeInThisRun = offset == 0;
    std::int64_t total = -1;
    for (int pageNumber = 1;; ++pageNumber) {
        analytics::throwIfCanceled(m_feedback);
        Page page = fetchFirstPullPage(offset);
        if (page.numberMatched >= 0)
            total = page.numberMatched;
        // An empty first page is an empty collection only when the hub says so: taken as
        // "0 features, ok" it would set the high-water mark and the layer would never be pulled.
        if (offset == 0 && page.features.empty() && page.numberMatched != 0)
            throw Exception(ErrorCode::InvalidInput,
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
        // The hub's count is checked before the last page is applied, so a short pull never
        // sets the high-water mark: the next sync reads that page again.
        if (last && total >= 0 && nextOffset != total)
            throw Exception(
                ErrorCode::InvalidInput,
                tr("The hub counts %1 features in collection \"%2\" but "
                   "sent %3: the pull is incomplete, and its end was not "
                   "applied. If the hub has just published new data it "
                   "must reload its server; then sync again, the pull "
                   "resumes here.")
                    .arg(QString::number(total), m_layer.collection, QString::number(nextOffset)));
        apply(page, [&] {
            if (last)
                finishFirstPull(maxSeen, snapshot);
            else
                writeCursor(nextOffset, maxSeen, snapshot);
        });
        offset = nextOffset;
        progress(total > 0 ? double(offset) / double(total) : 0.5,
                 tr("%1: %2 features").arg(m_layerId, argText(offset)));
        if (last)
            break;
    }
    if (wholeInThisRun)
        sweep();
}

/// Features sharing an updated_at (a bulk update) come in any order among themselves, and in
/// another order on the next request (QGIS Server). The trailing group that shares a full page's
/// last updated_at may go on in the next page: it is left for that page, which then holds it
/// whole.
void LayerSync::holdBackTrailingTie(Page &page)
{
    const QString tie = page.features.back().updatedAt;
    auto groupStart = page.features.end();
    while (groupStart != page.features.begin() && std::prev(groupStart)->updatedAt == tie)
        --groupStart;
    if (groupStart == page.features.begin())
        throw Exception(ErrorCode::InvalidInput,
                        tr("More than %1 features of collection \"%2\" share the "
                           "updated_at %3: sync again with a larger page size.")
                            .arg(argText(m_options.pageSize), m_layer.collection, tie));
    for (auto it = groupStart; it != page.features.end(); ++it) {
        m_seen.remove(it->id);
        m_seenPage.remove(it->id);
    }
    page.features.erase(groupStart, page.features.end());
}

/// The changes since the high-water mark, by keyset paging on updated_at. QGIS Server compares
/// datetime at whole seconds, so the window starts at the second of the high-water mark and the
/// features of this run already read from that second on are skipped with offset.
void LayerSync::incrementalPull(const QString &highWater)
{
    QString hw = highWater;
    std::vector<QString> readTimes; // updated_at of this run's features, ascending
    for (int pageNumber = 1;; ++pageNumber) {
        analytics::throwIfCanceled(m_feedback);
        const QString windowStart = hw.left(19) + QLatin1String(".000Z");
        const std::int64_t offset = std::int64_t(
            readTimes.end() - std::lower_bound(readTimes.begin(), readTimes.end(), windowStart));
        Page page = fetch(offset, hw.left(19) + QLatin1Char('Z'));
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
        if (!last)
            holdBackTrailingTie(page);
        const QString newHw = page.features.empty() ? hw : page.features.back().updatedAt;
        apply(page, [&] { writeState(newHw, QStringLiteral("running"), false); });
        for (const HubFeature &f : page.features)
            readTimes.push_back(f.updatedAt);
        hw = std::max(hw, newHw);
        m_report.highWater = hw;
        progress(last ? 1.0 : 0.5, tr("%1: %2 changes").arg(m_layerId, argText(m_report.received)));
        if (last)
            break;
    }
}

/// One page in one transaction with its bookkeeping (the cursor or the high-water mark).
void LayerSync::apply(const Page &page, const std::function<void()> &bookkeeping)
{
    Store::Transaction tx(m_store);
    if (!m_store.hasLayer(m_layerId)) {
        auto added = m_store.addLayer(m_layer.manifest, QStringLiteral("hub:") + m_hub);
        added.orThrow();
    }
    std::vector<const HubFeature *> inserts;
    Counts counts = applyToExisting(page, inserts);
    insert(inserts);
    counts.inserted = std::int64_t(inserts.size());
    bookkeeping();
    logBatch(counts);
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

/// Updates and deletes the page's features the layer has; the new ones go to `inserts`.
LayerSync::Counts LayerSync::applyToExisting(const Page &page,
                                             std::vector<const HubFeature *> &inserts)
{
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
    return counts;
}

void LayerSync::insert(const std::vector<const HubFeature *> &inserts)
{
    if (inserts.empty())
        return;
    Store::Inserter inserter(m_store, m_layerId);
    FeatureRecord record;
    record.source = QStringLiteral("hub:") + m_hub;
    for (const HubFeature *f : inserts) {
        record.wkb = f->wkb;
        record.values = f->values;
        record.hubId = f->id;
        record.hubUpdatedAt = toStoreTime(f->updatedAt);
        try {
            inserter.add(record);
        } catch (const Exception &e) {
            throw Exception(e.error().code, tr("%1 (hub id \"%2\")").arg(e.error().message, f->id));
        }
    }
}

LayerSyncReport LayerSync::run()
{
    QElapsedTimer timer;
    timer.start();
    m_report.layer = m_layerId;
    ensureCursorTable(m_store);
    startLog();
    try {
        if (m_options.reset)
            resetState();
        SavedState saved = readState();
        adoptFilter(saved);
        prepareLayer();

        m_report.firstPull = saved.highWater.isEmpty();
        if (!saved.hasState) // record the filter before the first page (its own small transaction)
            writeState(QString(), QStringLiteral("running"), false);
        if (m_report.firstPull)
            firstPull(saved);
        else
            incrementalPull(saved.highWater);
        if (!m_filter.bbox && m_filter.since.isEmpty())
            proveCount();
        writeState(QString(), QStringLiteral("ok"), true);
        if (m_report.highWater.isEmpty())
            m_report.highWater = saved.highWater;
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

} // namespace vigie::core::sync
