// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectstate.h"

#include "core/calendar.h"
#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace vigie::core {

namespace {

const QString kMetaKey = QStringLiteral("project");
/// Further than this from Lambert-93's origin is no extent of this city's maps (metres).
constexpr double kExtentLimit = 1.0e8;
constexpr int kMaxNameLength = 200;
constexpr int kMaxLayers = 10000;

QJsonValue timeValue(std::int64_t t)
{
    return t == LayerSnapshot::kNoTime ? QJsonValue() : QJsonValue(double(t));
}

std::int64_t timeFrom(const QJsonValue &v)
{
    if (!v.isDouble())
        return LayerSnapshot::kNoTime;
    const double d = v.toDouble();
    // Years 1800..2200: anything else is not a date of these data.
    if (!std::isfinite(d) || d < -5.5e9 || d > 7.3e9)
        return LayerSnapshot::kNoTime;
    return static_cast<std::int64_t>(d);
}

QJsonObject periodJson(const ProjectPeriod &p)
{
    QJsonObject o{{QStringLiteral("preset"), p.preset}};
    if (p.preset == QLatin1String("custom")) {
        o.insert(QStringLiteral("from"), timeValue(p.from));
        o.insert(QStringLiteral("to"), timeValue(p.to));
    }
    return o;
}

ProjectPeriod periodFrom(const QJsonObject &o)
{
    ProjectPeriod p;
    const QString preset = o.value(QStringLiteral("preset")).toString();
    if (!calendarPresetFromKey(preset))
        return p; // whole
    p.preset = preset;
    if (preset == QLatin1String("custom")) {
        p.from = timeFrom(o.value(QStringLiteral("from")));
        p.to = timeFrom(o.value(QStringLiteral("to")));
        if (p.from == LayerSnapshot::kNoTime || p.to == LayerSnapshot::kNoTime || p.to < p.from)
            return ProjectPeriod{};
    }
    return p;
}

QJsonArray rectJson(const QRectF &r)
{
    return QJsonArray{r.left(), r.top(), r.right(), r.bottom()};
}

/// A rectangle of four finite numbers of sensible size; null otherwise.
QRectF rectFrom(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 4)
        return {};
    double c[4];
    for (int i = 0; i < 4; ++i) {
        if (!a[i].isDouble())
            return {};
        c[i] = a[i].toDouble();
        if (!std::isfinite(c[i]) || std::abs(c[i]) > kExtentLimit)
            return {};
    }
    const QRectF r = QRectF(QPointF(c[0], c[1]), QPointF(c[2], c[3])).normalized();
    return r.width() > 0.01 && r.height() > 0.01 ? r : QRectF();
}

QStringList stringsFrom(const QJsonValue &v, int max)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray()) {
        if (out.size() >= max)
            break;
        if (s.isString() && s.toString().size() <= kMaxNameLength)
            out << s.toString();
    }
    return out;
}

/// A display name typed by the user: one line, trimmed, at most kMaxNameLength characters.
QString nameFrom(const QJsonValue &v)
{
    QString s = v.toString().simplified();
    return s.left(kMaxNameLength);
}

} // namespace

const ProjectLayer *ProjectState::layer(const QString &id) const
{
    for (const ProjectLayer &l : layers)
        if (l.id == id)
            return &l;
    return nullptr;
}

int ProjectState::viewIndex(const QString &name) const
{
    for (std::size_t i = 0; i < views.size(); ++i)
        if (views[i].name.compare(name, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    return -1;
}

QByteArray ProjectState::toJson() const
{
    QJsonArray layerArray;
    for (const ProjectLayer &l : layers) {
        QJsonObject o{{QStringLiteral("id"), l.id},
                      {QStringLiteral("visible"), l.visible},
                      {QStringLiteral("opacity"), l.opacity}};
        if (!l.hiddenCategories.isEmpty())
            o.insert(QStringLiteral("hiddenCategories"),
                     QJsonArray::fromStringList(l.hiddenCategories));
        if (!l.title.isEmpty())
            o.insert(QStringLiteral("title"), l.title);
        layerArray.append(o);
    }
    QJsonArray viewArray;
    for (const SavedView &v : views)
        viewArray.append(QJsonObject{
            {QStringLiteral("name"), v.name},
            {QStringLiteral("extent"), rectJson(v.extent)},
            {QStringLiteral("period"), periodJson(v.period)},
            {QStringLiteral("visibleLayers"), QJsonArray::fromStringList(v.visibleLayers)}});
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("vigie-project")},
                     {QStringLiteral("version"), kFormatVersion},
                     {QStringLiteral("layers"), layerArray},
                     {QStringLiteral("period"), periodJson(period)},
                     {QStringLiteral("views"), viewArray}};
    if (!extent.isNull())
        root.insert(QStringLiteral("extent"), rectJson(extent));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Result<ProjectState> ProjectState::fromJson(const QByteArray &json)
{
    if (json.size() > kMaxBytes)
        return Error{ErrorCode::Damaged,
                     tr("The saved map state is larger than %1 MB; it was not read.")
                         .arg(kMaxBytes / (1024 * 1024))};
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error{
            ErrorCode::Damaged,
            tr("The saved map state is not valid JSON (%1).").arg(parseError.errorString())};
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("vigie-project"))
        return Error{ErrorCode::Damaged, tr("The saved map state is not a Vigie map state.")};
    if (root.value(QStringLiteral("version")).toInt() > kFormatVersion)
        return Error{ErrorCode::TooNew,
                     tr("The saved map state was written by a newer Vigie; it was not read.")};

    ProjectState state;
    for (const QJsonValue &v : root.value(QStringLiteral("layers")).toArray()) {
        if (static_cast<int>(state.layers.size()) >= kMaxLayers)
            break;
        const QJsonObject o = v.toObject();
        ProjectLayer l;
        l.id = o.value(QStringLiteral("id")).toString();
        if (l.id.isEmpty() || l.id.size() > kMaxNameLength || state.layer(l.id))
            continue;
        l.visible = o.value(QStringLiteral("visible")).toBool(true);
        const double opacity = o.value(QStringLiteral("opacity")).toDouble(1.0);
        l.opacity = std::isfinite(opacity) ? std::clamp(opacity, 0.0, 1.0) : 1.0;
        l.hiddenCategories = stringsFrom(o.value(QStringLiteral("hiddenCategories")), 1000);
        l.title = nameFrom(o.value(QStringLiteral("title")));
        state.layers.push_back(std::move(l));
    }
    state.extent = rectFrom(root.value(QStringLiteral("extent")));
    state.period = periodFrom(root.value(QStringLiteral("period")).toObject());
    for (const QJsonValue &v : root.value(QStringLiteral("views")).toArray()) {
        if (static_cast<int>(state.views.size()) >= kMaxViews)
            break;
        const QJsonObject o = v.toObject();
        SavedView view;
        view.name = nameFrom(o.value(QStringLiteral("name")));
        view.extent = rectFrom(o.value(QStringLiteral("extent")));
        if (view.name.isEmpty() || view.extent.isNull() || state.viewIndex(view.name) >= 0)
            continue;
        view.period = periodFrom(o.value(QStringLiteral("period")).toObject());
        view.visibleLayers = stringsFrom(o.value(QStringLiteral("visibleLayers")), kMaxLayers);
        state.views.push_back(std::move(view));
    }
    return state;
}

Result<ProjectState> ProjectState::load(const Store &store)
{
    const QString json = store.meta(kMetaKey);
    if (json.isEmpty())
        return ProjectState{};
    return fromJson(json.toUtf8());
}

Result<void> ProjectState::save(Store &store, const ProjectState &state)
{
    return captureErrors([&] {
        // The layers' names, opacity and unticked categories go into their QGIS styles in the
        // same transaction, so that QGIS draws the workspace as it was last seen in Vigie.
        QHash<QString, QgisStyleOptions> styles;
        for (const ProjectLayer &l : state.layers)
            styles.insert(l.id, QgisStyleOptions{l.title, l.opacity, l.hiddenCategories});
        Store::Transaction tx(store);
        store.setMeta(kMetaKey, QString::fromUtf8(state.toJson()));
        store.writeQgisStyles(styles).orThrow();
        tx.commit();
    });
}

} // namespace vigie::core
