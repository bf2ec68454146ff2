// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultview.h"

#include <QSet>

#include <algorithm>

namespace vigie::gui {

namespace {

bool isEarlierResult(const QString &id)
{
    static const QStringList prefixes = [] {
        QStringList p;
        for (const core::processing::Algorithm *a :
             core::processing::AlgorithmRegistry::instance().algorithms())
            p << a->id() + u'_';
        return p;
    }();
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const QString &prefix) { return id.startsWith(prefix); });
}

/// The main result's features of the focus categories (or of the others), as one rectangle.
QRectF categoryFocus(const core::processing::OutputHints &hints, const core::LayerSnapshot &s)
{
    std::vector<int> wanted;
    for (const QString &c : hints.focusCategories)
        if (const int k = s.manifest.categoryIndex(c); k >= 0)
            wanted.push_back(k);
    QRectF r;
    const std::size_t n = std::min(s.category.size(), s.isPoint() ? s.size() : s.geometries.size());
    for (std::size_t i = 0; i < n; ++i) {
        const bool listed = std::find(wanted.begin(), wanted.end(), s.category[i]) != wanted.end();
        if (listed == hints.focusOnOtherCategories)
            continue;
        const QRectF b =
            s.isPoint() ? QRectF(s.x[i] - 1, s.y[i] - 1, 2, 2) : s.geometries[i].bounds;
        r = r.isNull() ? b : r.united(b);
    }
    return r;
}

} // namespace

ResultView resultView(const core::processing::OutputHints &hints,
                      const std::vector<LayerState> &layers, const MadeLayers &made,
                      const QString &inputLayer)
{
    ResultView v;
    if (made.empty())
        return v;
    const core::LayerSnapshotPtr &main = made.front().second;
    QSet<QString> ids;
    for (const auto &[id, snapshot] : made)
        ids.insert(id);
    for (const LayerState &l : layers) {
        const QString &id = l.manifest.id;
        if (ids.contains(id) || !l.visible)
            continue;
        const bool input =
            id == inputLayer && main && main->manifest.geometryType != core::GeometryType::Point;
        if (isEarlierResult(id) || input || hints.hideLayers.contains(id))
            v.hide << id;
    }
    if (!hints.zoomToResult)
        return v;
    for (const auto &[id, snapshot] : made)
        if (snapshot && snapshot->extent.isValid())
            v.focus = v.focus.isNull() ? snapshot->extent : v.focus.united(snapshot->extent);
    if (main && !hints.focusCategories.isEmpty())
        if (const QRectF f = categoryFocus(hints, *main); !f.isNull())
            v.focus = f;
    if (!v.focus.isNull() && hints.minimumFocusSize > 0) {
        const double grow =
            std::max(0.0, hints.minimumFocusSize - std::min(v.focus.width(), v.focus.height())) / 2;
        v.focus = v.focus.adjusted(-grow, -grow, grow, grow);
    }
    return v;
}

QRectF zoomFor(const QRectF &focus, const QRectF &view)
{
    if (!focus.isValid())
        return {};
    const QRectF seen = view.intersected(focus);
    const double area = focus.width() * focus.height();
    const bool local = area < 0.05 * view.width() * view.height();
    if (!local && seen.width() * seen.height() >= 0.7 * area)
        return {};
    const double margin = local ? 0.4 : 0.05;
    return focus.adjusted(-focus.width() * margin, -focus.height() * margin, focus.width() * margin,
                          focus.height() * margin);
}

} // namespace vigie::gui
