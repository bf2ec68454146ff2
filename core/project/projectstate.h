// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/layersnapshot.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace vigie::core {

class Store;

/// How the user set one layer in the layer panel.
struct ProjectLayer
{
    QString id;
    bool visible = true;
    double opacity = 1.0;
    QStringList hiddenCategories; ///< values of the category field the user unticked
    QString title;                ///< the user's name for the layer; empty = the manifest's
};

/// The period filter: a calendar preset (kept relative: "last calendar month" is the last
/// month of the day the workspace is opened), or the user's own days.
struct ProjectPeriod
{
    QString preset = QStringLiteral("whole");   ///< calendarPresetKey()
    std::int64_t from = LayerSnapshot::kNoTime; ///< custom: first second, UTC
    std::int64_t to = LayerSnapshot::kNoTime;   ///< custom: last second, UTC
    bool operator==(const ProjectPeriod &) const = default;
};

/// A named view: where the map looks, over which period, which layers show.
struct SavedView
{
    QString name;
    QRectF extent; ///< Lambert-93
    ProjectPeriod period;
    QStringList visibleLayers; ///< ids; layers not listed are hidden
};

/**
 * The map state of a workspace, as QGIS keeps it in a project: the layers' order (topmost
 * first), visibility, opacity, categories and names, the view, the period and the named saved
 * views. It lives in the workspace itself (vigie_meta "project", JSON) so that it travels with
 * the file and is restored on open. Reading never trusts the file: unknown keys are ignored,
 * numbers are clamped, a damaged document gives an error and the default state.
 */
struct ProjectState
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::ProjectState)

public:
    static constexpr int kFormatVersion = 1;
    static constexpr qsizetype kMaxBytes = 4 * 1024 * 1024;
    static constexpr int kMaxViews = 200;

    std::vector<ProjectLayer> layers; ///< topmost first
    QRectF extent;                    ///< last view; null when never saved
    ProjectPeriod period;
    std::vector<SavedView> views;

    bool isEmpty() const { return layers.empty() && extent.isNull() && views.empty(); }
    const ProjectLayer *layer(const QString &id) const;
    /// Index of the view named `name` (case-insensitive), -1 if none.
    int viewIndex(const QString &name) const;

    QByteArray toJson() const;
    static Result<ProjectState> fromJson(const QByteArray &json);

    /// The workspace's state; the default state when it has none. An error when the stored
    /// document is damaged (the caller then starts from the default state).
    static Result<ProjectState> load(const Store &store);
    /// Writes the state in the workspace (one statement, atomic). Fails on a read-only store.
    static Result<void> save(Store &store, const ProjectState &state);
};

} // namespace vigie::core
