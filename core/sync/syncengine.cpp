// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental, resumable pull of OGC API - Features collections into the store (docs/hub.md):
// the layers in turn (each a LayerSync, layersync.cpp), and what the store says of past syncs.
#include "syncengine.h"

#include "../crs/crs.h"
#include "../layerregistry.h"
#include "../store/statement.h"
#include "../store/store.h"
#include "analytics/feedback.h"
#include "hubpage.h"
#include "layersync.h"

#include <algorithm>

namespace vigie::core::sync {

using Stmt = Statement;

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
