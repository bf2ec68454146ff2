// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One layer's pull from the hub (docs/hub.md): the pages read and applied (layersync.cpp) and
// the sync's own records in the store, its state, resume cursor, tombstones and log
// (layersyncstate.cpp). Internal to core/sync; syncFromHub() runs one LayerSync per layer.

#include "hubpage.h"
#include "syncengine.h"

#include "analytics/feedback.h"

#include <QCoreApplication>
#include <QHash>
#include <QRectF>

#include <algorithm>

#include <cstdint>
#include <functional>
#include <optional>

namespace vigie::core::sync {

/// An SQL identifier, double-quoted.
QString quoted(const QString &identifier);

/// Creates the resume cursor and tombstone tables if needed (see docs/hub.md).
void ensureCursorTable(Store &store);

/// The area and time window of a layer's first pull, which every later pull keeps.
struct Filter
{
    std::optional<QRectF> bbox;
    QString since; ///< normalised, empty = none
    bool accepts(const HubFeature &f) const;
};

/// What the store remembers of a layer's earlier pulls.
struct SavedState
{
    bool hasState = false;
    QString highWater, extent, since;
    bool hasCursor = false; ///< an unfinished first pull
    std::int64_t cursorOffset = 0;
    QString maxSeen, snapshot;
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
    struct Counts
    {
        std::int64_t inserted = 0, updated = 0, deleted = 0, unchanged = 0;
    };

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

    // Reading and applying (layersync.cpp).
    void adoptFilter(const SavedState &saved);
    void prepareLayer();
    Page fetch(std::int64_t offset, const QString &since);
    void checkDuplicates(const Page &page, int pageNumber);
    void firstPull(SavedState &saved);
    Page fetchFirstPullPage(std::int64_t offset);
    void incrementalPull(const QString &highWater);
    void holdBackTrailingTie(Page &page);
    void apply(const Page &page, const std::function<void()> &bookkeeping);
    Counts applyToExisting(const Page &page, std::vector<const HubFeature *> &inserts);
    void insert(const std::vector<const HubFeature *> &inserts);

    // The sync's records (layersyncstate.cpp).
    void startLog();
    void finishLog(const QString &status, const QString &message);
    void logBatch(const Counts &counts);
    void resetState();
    SavedState readState();
    void writeState(const QString &highWater, const QString &status, bool withCount);
    void writeCursor(std::int64_t offset, const QString &maxSeen, const QString &snapshot);
    void finishFirstPull(const QString &maxSeen, const QString &snapshot);
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

} // namespace vigie::core::sync
