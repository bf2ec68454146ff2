// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hubclient.h"

#include "../layermanifest.h"
#include "../result.h"

#include <QDateTime>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core {
class Store;
}

namespace vigie::core::sync {

/// What to pull from a hub (OGC API - Features, see docs/hub.md for the contract).
struct SyncOptions
{
    QUrl hubUrl;        ///< API root, e.g. http://127.0.0.1:8090/wfs3 (no credentials in it)
    QStringList layers; ///< layer ids; empty = every layer of the store, or every built-in
                        ///< layer when the store has none
    /// Area kept (Lambert-93 metres). Fixed by the first pull of a layer; later pulls apply the
    /// same filter (a feature that moves out of it is removed locally).
    std::optional<QRectF> bbox;
    /// Time window: only features whose time field is at or after this instant (UTC). Fixed by
    /// the first pull, like bbox. Ignored for layers without a time field.
    QDateTime since;
    int pageSize = 5000;                     ///< features per request, one transaction per page
    int stallTimeoutMs = 30000;              ///< a request fails when nothing arrives for this long
    int requestTimeoutMs = 120000;           ///< or when it takes longer than this in all
    qint64 maxPageBytes = qint64(256) << 20; ///< a larger answer is refused
    HubCredentials credentials;              ///< memory only, never stored or printed
    /// Allow credentials over plain http to a hub that is not on this machine (see HubLimits).
    bool allowPlainHttpCredentials = false;
    /// Forget the high-water marks and pull everything again (upserts; tombstones delete).
    bool reset = false;
    /// Called after each committed batch (layer id, 1-based batch number); for tests and UIs.
    std::function<void(const QString &layer, int batch)> afterBatch;
};

/// The outcome of one layer in one sync run.
struct LayerSyncReport
{
    QString layer;
    QString status; ///< "ok", "failed", "canceled"
    bool firstPull = false;
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t deleted = 0;
    std::int64_t unchanged = 0; ///< received but identical to the local copy (or filtered out)
    int batches = 0;            ///< committed pages
    std::int64_t received = 0;  ///< features read from the hub
    /// The hub's count of the collection (live features and tombstones) that the layer was
    /// proved to match at the end of the run; -1 when not proved (a filtered pull, or a hub
    /// that gives no count).
    std::int64_t hubCount = -1;
    QString highWater; ///< updated_at high-water mark after the run (ISO 8601, UTC)
    QString message;   ///< error message when failed
    double seconds = 0.0;
};

struct SyncReport
{
    QString hub; ///< display URL (no credentials)
    std::vector<LayerSyncReport> layers;
    bool ok() const;
};

/// The last sync of a layer, from vigie_sync_state.
struct LayerSyncState
{
    QString hub;
    QString layer;
    QString highWater;
    QString lastSyncAt;
    QString lastStatus;
    std::int64_t features = 0;
    QString extent; ///< "xmin,ymin,xmax,ymax" (Lambert-93) or empty
    QString since;  ///< ISO 8601 or empty
};

/// One row of vigie_sync_log.
struct SyncLogEntry
{
    std::int64_t id = 0;
    QString startedAt, finishedAt, hub, layer, status, message;
    std::int64_t inserted = 0, updated = 0, deleted = 0;
    int batches = 0;
};

/**
 * Pulls the layers from the hub into the store: a first pull copies the collection (optionally
 * restricted to bbox / since), later pulls ask only for features whose updated_at is at or after
 * the layer's high-water mark and apply inserts, updates and deletions (tombstones:
 * deleted_at set). Each page is applied in one transaction together with the new high-water
 * mark or resume cursor, so a failure leaves the store as it was before the failed page and the
 * next run resumes there. Every run of every layer is recorded in vigie_sync_log.
 *
 * Layers are synced one after the other; the first failing layer stops the run (the error is
 * returned; the layers before it are committed). Canceled gives ErrorCode::Canceled.
 */
Result<SyncReport> syncFromHub(Store &store, const SyncOptions &options,
                               analytics::Feedback *feedback = nullptr);

/// Reads one page of GeoJSON exactly as a sync does (schema, stamps, geometry, coordinates),
/// without a store or a network: for the fuzzer (tests/fuzz) and tests. contentCrs is the
/// answer's Content-Crs header (empty: the page is CRS84 and is reprojected). Gives the number
/// of features.
Result<std::int64_t> parseHubPage(const QByteArray &body, const LayerManifest &manifest,
                                  const QByteArray &contentCrs = {});

/// Last sync state of every (hub, layer), most recent first.
std::vector<LayerSyncState> syncStates(const Store &store);
/// The most recent sync log entries (at most limit), newest first.
std::vector<SyncLogEntry> syncLog(const Store &store, int limit = 50);

} // namespace vigie::core::sync
