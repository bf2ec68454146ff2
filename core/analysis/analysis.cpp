// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis.h"
#include "../argtext.h"
#include "../calendar.h"
#include "analysisutil.h"

#include "../i18n.h"
#include "../io/atomicfile.h"
#include "../io/gdalerrorscope.h"
#include "../io/gdalraster.h"
#include "../processing/algorithm.h"
#include "../store/store.h"
#include "analytics/bandwidth.h"
#include "analytics/cluster.h"
#include "analytics/emerging.h"
#include "analytics/feedback.h"
#include "analytics/hotspot.h"
#include "analytics/kde.h"
#include "analytics/weights.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

#include <gdal_priv.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

namespace vigie::core {

using analytics::GridSpec;
using analytics::Raster;

QString workspaceLayer(const Store &store, const QString &metaKey, const QString &fallback)
{
    const QString named = store.meta(metaKey);
    if (!named.isEmpty() && store.hasLayer(named))
        return named;
    return store.hasLayer(fallback) ? fallback : QString();
}

QString spanRuleKey(SpanRule rule)
{
    switch (rule) {
    case SpanRule::Overlap:
        return QStringLiteral("overlap");
    case SpanRule::Aoristic:
        return QStringLiteral("aoristic");
    case SpanRule::Start:
        break;
    }
    return QStringLiteral("start");
}

std::optional<SpanRule> spanRuleFromKey(const QString &key)
{
    for (SpanRule r : {SpanRule::Start, SpanRule::Overlap, SpanRule::Aoristic})
        if (spanRuleKey(r) == key)
            return r;
    return std::nullopt;
}

namespace detail {

// --- small helpers ---------------------------------------------------------------------------

double param(const QVariantMap &p, const char *name, double fallback)
{
    const QVariant v = p.value(QLatin1String(name));
    bool ok = false;
    const double d = v.toDouble(&ok);
    return v.isValid() && ok ? d : fallback;
}

QString paramText(const QVariantMap &p, const char *name, const QString &fallback)
{
    const QVariant v = p.value(QLatin1String(name));
    return v.isValid() && !v.toString().isEmpty() ? v.toString().toLower() : fallback;
}

bool paramBool(const QVariantMap &p, const char *name, bool fallback)
{
    const QVariant v = p.value(QLatin1String(name));
    if (!v.isValid())
        return fallback;
    const QString s = v.toString().toLower();
    if (s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("1") ||
        s == QLatin1String("oui"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("0") ||
        s == QLatin1String("non"))
        return false;
    return v.toBool();
}

[[noreturn]] void invalidParameter(const QString &name, const QString &why)
{
    throw Exception(ErrorCode::InvalidInput,
                    vigie::core::AnalysisRunner::tr("Invalid parameter \"%1\": %2").arg(name, why));
}

double positive(const QVariantMap &p, const char *name, double fallback, double maximum)
{
    const double v = param(p, name, fallback);
    if (!(v > 0) || v > maximum)
        invalidParameter(QLatin1String(name),
                         vigie::core::AnalysisRunner::tr("must be a number above 0 and at most %1")
                             .arg(maximum));
    return v;
}

PolygonRings gridCellSquare(const GridSpec &g, int col, int row)
{
    const double cs = g.cellSize;
    const double x0 = g.xMin + col * cs, y1 = g.yMax() - row * cs;
    return PolygonRings{Path{QPointF(x0, y1), QPointF(x0 + cs, y1), QPointF(x0 + cs, y1 - cs),
                             QPointF(x0, y1 - cs), QPointF(x0, y1)}};
}

double ringArea(const Path &ring)
{
    double a = 0.0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const QPointF &p = ring[i];
        const QPointF &q = ring[(i + 1) % n];
        a += p.x() * q.y() - q.x() * p.y();
    }
    return std::abs(a) / 2.0;
}

double geometryArea(const Geometry &g)
{
    double a = 0.0;
    for (const PolygonRings &poly : g.polygons)
        for (std::size_t r = 0; r < poly.size(); ++r)
            a += r == 0 ? ringArea(poly[r]) : -ringArea(poly[r]);
    return a;
}

QString isoDay(std::int64_t secs, const QString &language)
{
    const QDate d = cityDay(secs); // the city's day, as periods are typed
    return language == QLatin1String("fr") ? d.toString(QStringLiteral("dd/MM/yyyy"))
                                           : d.toString(Qt::ISODate);
}

// --- the selection ---------------------------------------------------------------------------

QStringList areaKeys(const LayerManifest &m)
{
    QStringList keys;
    if (!m.labelField.isEmpty())
        keys << m.labelField;
    for (const FieldDef &f : m.fields)
        if (f.name.startsWith(QLatin1String("code")) || f.name.startsWith(QLatin1String("num")) ||
            f.name == QLatin1String("nom"))
            keys << f.name;
    keys.removeDuplicates();
    return keys;
}

/// The areas of the area layer whose label or code is one of those wanted (case and spaces
/// ignored); every wanted one must be found.
std::vector<const Geometry *> matchAreas(Store &store, const LayerSnapshot &a,
                                         const QString &areaLayerId, const QStringList &names)
{
    std::vector<const Geometry *> window;
    QSet<QString> wanted;
    for (const QString &v : names)
        wanted.insert(v.trimmed().toLower());
    QSet<QString> found;
    const QStringList keys = areaKeys(a.manifest);
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto r = store.attributes(areaLayerId, a.fids[i]);
        if (!r)
            continue;
        for (const QString &k : keys) {
            const QString v = r->value(k).toString().trimmed().toLower();
            if (!v.isEmpty() && wanted.contains(v)) {
                window.push_back(&a.geometries[i]);
                found.insert(v);
                break;
            }
        }
    }
    for (const QString &v : wanted)
        if (!found.contains(v))
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("No area \"%1\" in the layer \"%2\".")
                                .arg(v, areaLayerId));
    return window;
}

/// Study area: the chosen areas, else the workspace's study area (made by `vigie-cli new`),
/// else the whole city (the arrondissements) when present; sets the selection's window, bounds
/// and area.
void selectWindow(Store &store, const AnalysisSelection &sel, analytics::Feedback *feedback,
                  Selection &s)
{
    QString areaLayerId = sel.areaLayer;
    if (areaLayerId.isEmpty() && !sel.areas.isEmpty())
        areaLayerId = workspaceLayer(store, kUnitsMetaKey, QStringLiteral("quartiers"));
    if (areaLayerId.isEmpty())
        areaLayerId = workspaceLayer(store, kStudyAreaMetaKey, QStringLiteral("arrondissements"));
    if (!areaLayerId.isEmpty()) {
        auto areas = store.loadSnapshot(areaLayerId, feedback);
        areas.orThrow();
        s.areaLayer = *areas;
        s.studyArea = areaLayerId;
        const LayerSnapshot &a = *s.areaLayer;
        if (a.manifest.geometryType != GeometryType::Polygon)
            throw Exception(
                ErrorCode::InvalidInput,
                vigie::core::AnalysisRunner::tr("The area layer \"%1\" is not a polygon layer.")
                    .arg(areaLayerId));
        if (!sel.areas.isEmpty())
            s.window = matchAreas(store, a, areaLayerId, sel.areas);
        else
            for (const Geometry &g : a.geometries)
                s.window.push_back(&g);
    }
    for (const Geometry *g : s.window) {
        s.bounds = s.bounds.isNull() ? g->bounds : s.bounds.united(g->bounds);
        s.areaM2 += geometryArea(*g);
    }
}

/// One flag per category of the layer, empty when every category is wanted.
std::vector<bool> wantedCategories(const LayerSnapshot &src, const AnalysisSelection &sel)
{
    std::vector<bool> catWanted;
    if (sel.categories.isEmpty())
        return catWanted;
    catWanted.assign(src.manifest.categories.size(), false);
    for (const QString &c : sel.categories) {
        const int i = src.manifest.categoryIndex(c);
        if (i < 0)
            throw Exception(ErrorCode::InvalidInput, vigie::core::AnalysisRunner::tr(
                                                         "Unknown category \"%1\" in layer \"%2\".")
                                                         .arg(c, sel.layer));
        catWanted[std::size_t(i)] = true;
    }
    return catWanted;
}

/// Weights by fid from the store (the snapshot only holds drawing fields); empty without one.
std::unordered_map<std::int64_t, double> weightsByFid(Store &store, const LayerSnapshot &src,
                                                      const AnalysisSelection &sel)
{
    if (sel.weightField.isEmpty())
        return {};
    const FieldDef *f = src.manifest.field(sel.weightField);
    if (!f || (f->type != FieldType::Integer && f->type != FieldType::Real))
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr(
                            "The weight field \"%1\" is not a numeric field of \"%2\".")
                            .arg(sel.weightField, sel.layer));
    return store.numbersByFid(sel.layer, sel.weightField);
}

/// Point-in-window: the window rasterised on a 25 m grid once, points looked up in it, and
/// decided exactly near the edge, where the lookup is coarse.
class WindowTest
{
public:
    explicit WindowTest(const Selection &s) : m_window(s.window)
    {
        if (m_window.empty())
            return;
        m_lookup = GridSpec::covering(s.bounds.left(), s.bounds.top(), s.bounds.right(),
                                      s.bounds.bottom(), 25.0, 25.0);
        m_inside = rasterizeMask(m_window, m_lookup);
    }

    bool contains(double x, double y) const
    {
        if (m_inside.empty())
            return true;
        const int col = m_lookup.colOf(x);
        const int row = m_lookup.rowOf(y);
        if (col >= 0 && row >= 0 && m_inside[m_lookup.index(col, row)])
            return true;
        if (col < 0 || row < 0)
            return false;
        for (const Geometry *g : m_window)
            if (core::contains(*g, QPointF(x, y)))
                return true;
        return false;
    }

private:
    const std::vector<const Geometry *> &m_window;
    GridSpec m_lookup;
    std::vector<std::uint8_t> m_inside;
};

/// How much of row i counts in the selection's period under its span rule: 0 (out), 1 (in),
/// or the share of its span inside the period (aoristic). Rows without a date are out when a
/// period is set.
static double spanShare(const LayerSnapshot &src, std::size_t i, const AnalysisSelection &sel)
{
    const std::int64_t start = src.time[i];
    const bool bounded = sel.from != LayerSnapshot::kNoTime || sel.to != LayerSnapshot::kNoTime;
    if (!bounded)
        return 1.0;
    if (start == LayerSnapshot::kNoTime)
        return 0.0;
    const std::int64_t lo =
        sel.from != LayerSnapshot::kNoTime ? sel.from : std::numeric_limits<std::int64_t>::min();
    // `to` is the period's last second: the period ends one second later.
    const std::int64_t hi =
        sel.to != LayerSnapshot::kNoTime ? sel.to + 1 : std::numeric_limits<std::int64_t>::max();
    std::int64_t end = src.endTime.empty() ? LayerSnapshot::kNoTime : src.endTime[i];
    if (sel.spanRule == SpanRule::Start || end == LayerSnapshot::kNoTime || end <= start)
        return start >= lo && start < hi ? 1.0 : 0.0;
    if (end <= lo || start >= hi)
        return 0.0;
    if (sel.spanRule == SpanRule::Overlap)
        return 1.0;
    const double inside = double(std::min(end, hi) - std::max(start, lo));
    return inside / double(end - start);
}

/// The rows of the source in the period, the categories and the window.
std::vector<std::size_t> selectRows(const LayerSnapshot &src, const AnalysisSelection &sel,
                                    const std::vector<bool> &catWanted, const WindowTest &window,
                                    std::size_t &outside, analytics::Feedback *feedback)
{
    std::vector<std::size_t> rows;
    const bool hasTime = !src.time.empty();
    if (!hasTime && (sel.from != LayerSnapshot::kNoTime || sel.to != LayerSnapshot::kNoTime))
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr(
                            "Layer \"%1\" has no dates: a period cannot be applied to it. Import "
                            "it with its date column (--map occurred_at=COLUMN), or leave out "
                            "the period.")
                            .arg(sel.layer));
    for (std::size_t i = 0; i < src.size(); ++i) {
        if (i % 65536 == 65535)
            analytics::throwIfCanceled(feedback);
        if (hasTime && spanShare(src, i, sel) <= 0.0)
            continue;
        if (!catWanted.empty()) {
            const int c = src.category.empty() ? -1 : src.category[i];
            if (c < 0 || !catWanted[std::size_t(c)])
                continue;
        }
        if (!window.contains(src.x[i], src.y[i])) {
            ++outside;
            continue;
        }
        rows.push_back(i);
    }
    return rows;
}

/// The period (as asked, else the span of the rows' times) and the rows' coordinates, times
/// in days from its start and weights.
void fillPoints(const LayerSnapshot &src, const AnalysisSelection &sel,
                const std::unordered_map<std::int64_t, double> &weightByFid, Selection &s)
{
    const bool hasTime = !src.time.empty();
    std::int64_t tMin = std::numeric_limits<std::int64_t>::max(),
                 tMax = std::numeric_limits<std::int64_t>::min();
    if (hasTime)
        for (std::size_t r : s.rows)
            if (src.time[r] != LayerSnapshot::kNoTime) {
                tMin = std::min(tMin, src.time[r]);
                tMax = std::max(tMax, src.time[r]);
            }
    s.from = sel.from != LayerSnapshot::kNoTime ? sel.from : (hasTime && tMin <= tMax ? tMin : 0);
    s.to = sel.to != LayerSnapshot::kNoTime ? sel.to : (hasTime && tMin <= tMax ? tMax : 0);
    s.t0 = s.from;
    s.x.reserve(s.rows.size());
    s.y.reserve(s.rows.size());
    const bool aoristic = sel.spanRule == SpanRule::Aoristic && !src.endTime.empty() &&
                          (sel.from != LayerSnapshot::kNoTime || sel.to != LayerSnapshot::kNoTime);
    for (std::size_t r : s.rows) {
        s.x.push_back(src.x[r]);
        s.y.push_back(src.y[r]);
        if (hasTime) // a span begun before the period counts from the period's start
            s.t.push_back(src.time[r] == LayerSnapshot::kNoTime
                              ? 0.0
                              : double(std::max(src.time[r], s.t0) - s.t0) / 86400.0);
        if (!weightByFid.empty() || aoristic) {
            double w = 1.0;
            if (!weightByFid.empty()) {
                auto it = weightByFid.find(src.fids[r]);
                w = it == weightByFid.end() ? 0.0 : it->second;
            }
            s.w.push_back(aoristic ? w * spanShare(src, r, sel) : w);
        }
    }
}

Selection select(Store &store, const AnalysisSelection &sel, analytics::Feedback *feedback)
{
    Selection s;
    auto snap = store.loadSnapshot(sel.layer, feedback);
    snap.orThrow();
    s.source = *snap;
    const LayerSnapshot &src = *s.source;
    if (!src.isPoint())
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr(
                            "The layer \"%1\" is not a point layer: analyses need points.")
                            .arg(sel.layer));
    selectWindow(store, sel, feedback, s);
    const std::vector<bool> catWanted = wantedCategories(src, sel);
    const auto weightByFid = weightsByFid(store, src, sel);
    s.rows = selectRows(src, sel, catWanted, WindowTest(s), s.outside, feedback);
    if (s.rows.empty())
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr(
                            "No feature of \"%1\" matches the period, categories and "
                            "areas chosen.")
                            .arg(sel.layer));
    fillPoints(src, sel, weightByFid, s);
    if (s.window.empty()) {
        // No study area: the points' bounding box.
        double x0 = s.x[0], x1 = s.x[0], y0 = s.y[0], y1 = s.y[0];
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            x0 = std::min(x0, s.x[i]);
            x1 = std::max(x1, s.x[i]);
            y0 = std::min(y0, s.y[i]);
            y1 = std::max(y1, s.y[i]);
        }
        s.bounds = QRectF(QPointF(x0, y0), QPointF(x1, y1));
        s.areaM2 = std::max(1.0, s.bounds.width() * s.bounds.height());
    }
    return s;
}

// --- result layers ---------------------------------------------------------------------------

/// A fresh id "<kind>_<n>" not used by a layer or an analysis.
QString freshId(const Store &store, const QString &key)
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("%1_%2").arg(key, argText(n));
        if (store.hasLayer(id))
            continue;
        if (!store.hasAnalysisRecord(id))
            return id;
    }
}

FieldDef field(const char *name, FieldType type, const Bilingual &label)
{
    FieldDef f;
    f.name = QLatin1String(name);
    f.type = type;
    f.label = {label.fr, label.en};
    return f;
}

CategoryDef category(const char *value, const Bilingual &label, const char *color)
{
    CategoryDef c;
    c.value = QLatin1String(value);
    c.label = {label.fr, label.en};
    c.color = QLatin1String(color);
    return c;
}

LayerManifest baseManifest(const QString &id, GeometryType type, const Bilingual &kindTitle,
                           const Selection &sel, const QString &inputTitleFr,
                           const QString &inputTitleEn)
{
    LayerManifest m;
    m.id = id;
    m.geometryType = type;
    m.title.fr =
        QStringLiteral("%1 — %2, %3–%4")
            .arg(kindTitle.fr, inputTitleFr.toLower(), isoDay(sel.from, QStringLiteral("fr")),
                 isoDay(sel.to, QStringLiteral("fr")));
    m.title.en =
        QStringLiteral("%1 — %2, %3–%4")
            .arg(kindTitle.en, inputTitleEn.toLower(), isoDay(sel.from, QStringLiteral("en")),
                 isoDay(sel.to, QStringLiteral("en")));
    m.origin = QStringLiteral("analysis:%1").arg(id);
    m.symbology.zOrder = 15; // above the quartiers and traffic, under the arrondissement outlines
    return m;
}

std::vector<ColorStop> densityRamp(const Raster &r)
{
    std::vector<double> positive;
    positive.reserve(r.values.size() / 4);
    for (double v : r.values)
        if (v > 0 && std::isfinite(v))
            positive.push_back(v);
    if (positive.empty())
        return {{0.0, QStringLiteral("#fff7bc00")}, {1.0, QStringLiteral("#993404f0")}};
    const std::size_t k = std::size_t(0.995 * double(positive.size() - 1));
    std::nth_element(positive.begin(), positive.begin() + std::ptrdiff_t(k), positive.end());
    double top = positive[k];
    // Round the top stop to 2 significant digits so the legend reads well.
    const double mag = std::pow(10.0, std::floor(std::log10(top)) - 1);
    top = std::max(mag, std::round(top / mag) * mag);
    return {{0.05 * top, QStringLiteral("#fff7bc00")},
            {0.2 * top, QStringLiteral("#fec44fb4")},
            {0.45 * top, QStringLiteral("#fe9929cc")},
            {0.7 * top, QStringLiteral("#ec7014e0")},
            {top, QStringLiteral("#993404f0")}};
}

analytics::Kernel kernelFrom(const QString &name)
{
    if (name == QLatin1String("quartic") || name == QLatin1String("biweight"))
        return analytics::Kernel::Quartic;
    if (name == QLatin1String("epanechnikov"))
        return analytics::Kernel::Epanechnikov;
    if (name == QLatin1String("triangular"))
        return analytics::Kernel::Triangular;
    if (name == QLatin1String("uniform"))
        return analytics::Kernel::Uniform;
    if (name == QLatin1String("gaussian"))
        return analytics::Kernel::Gaussian;
    invalidParameter(QStringLiteral("kernel"),
                     vigie::core::AnalysisRunner::tr(
                         "\"%1\" is not quartic, epanechnikov, triangular, uniform or gaussian")
                         .arg(name));
}

QVariantMap recordAnalysis(Store &store, const AnalysisOutcome &outcome, const QString &kindKey,
                           const QString &title, const AnalysisSelection &selection,
                           std::int64_t from, std::int64_t to)
{
    auto iso = [](std::int64_t secs) {
        return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(Qt::ISODate);
    };
    QJsonObject parameters = QJsonObject::fromVariantMap(outcome.parameters);
    QJsonObject used;
    used.insert(QStringLiteral("layer"), selection.layer);
    if (from != LayerSnapshot::kNoTime)
        used.insert(QStringLiteral("from"), iso(from));
    if (to != LayerSnapshot::kNoTime)
        used.insert(QStringLiteral("to"), iso(to));
    used.insert(QStringLiteral("categories"), QJsonArray::fromStringList(selection.categories));
    used.insert(QStringLiteral("areaLayer"), selection.areaLayer);
    used.insert(QStringLiteral("areas"), QJsonArray::fromStringList(selection.areas));
    used.insert(QStringLiteral("weightField"), selection.weightField);
    used.insert(QStringLiteral("spanRule"), spanRuleKey(selection.spanRule));
    used.insert(QStringLiteral("features"), qint64(outcome.inputCount));
    parameters.insert(QStringLiteral("selection"), used);
    QJsonObject summary = QJsonObject::fromVariantMap(outcome.summary);
    summary.insert(QStringLiteral("text"), outcome.summaryText);
    summary.insert(QStringLiteral("layers"), QJsonArray::fromStringList(outcome.layers));
    Store::AnalysisRecord record;
    record.id = outcome.id;
    record.kind = kindKey;
    record.title = title;
    record.inputLayer = selection.layer;
    record.resultLayer = outcome.layers.isEmpty() ? QString() : outcome.layers.front();
    record.parameters = parameters.toVariantMap();
    record.summary = summary.toVariantMap();
    store.addAnalysisRecord(record);
    return parameters.toVariantMap();
}

} // namespace detail

// --- public API ------------------------------------------------------------------------------

QString analysisKindKey(AnalysisKind kind)
{
    switch (kind) {
    case AnalysisKind::Kde:
        return QStringLiteral("kde");
    case AnalysisKind::RelativeRisk:
        return QStringLiteral("risk");
    case AnalysisKind::GiStar:
        return QStringLiteral("gistar");
    case AnalysisKind::LocalMoran:
        return QStringLiteral("moran");
    case AnalysisKind::Dbscan:
        return QStringLiteral("dbscan");
    case AnalysisKind::StDbscan:
        return QStringLiteral("stdbscan");
    case AnalysisKind::NearestNeighbour:
        return QStringLiteral("nni");
    case AnalysisKind::EmergingHotSpots:
        return QStringLiteral("emerging");
    case AnalysisKind::AnalysisScale:
        return QStringLiteral("scale");
    }
    return {};
}

std::vector<AnalysisKind> allAnalysisKinds()
{
    return {AnalysisKind::Kde,        AnalysisKind::RelativeRisk,     AnalysisKind::GiStar,
            AnalysisKind::LocalMoran, AnalysisKind::EmergingHotSpots, AnalysisKind::Dbscan,
            AnalysisKind::StDbscan,   AnalysisKind::NearestNeighbour, AnalysisKind::AnalysisScale};
}

std::optional<AnalysisKind> analysisKindFromKey(const QString &key)
{
    for (AnalysisKind k : allAnalysisKinds())
        if (analysisKindKey(k) == key.toLower())
            return k;
    return std::nullopt;
}

QString analysisKindTitle(AnalysisKind kind)
{
    const auto *a = processing::AlgorithmRegistry::instance().find(analysisKindKey(kind));
    return a ? a->title() : analysisKindKey(kind);
}

Result<AnalysisOutcome> AnalysisRunner::run(Store &store, const AnalysisRequest &request,
                                            analytics::Feedback *feedback)
{
    return processing::ProcessingRunner::run(store, processing::AlgorithmRun::from(request),
                                             feedback);
}

std::vector<StoredAnalysis> storedAnalyses(const Store &store)
{
    std::vector<StoredAnalysis> out;
    for (Store::AnalysisRecord &r : store.analysisRecords()) {
        StoredAnalysis a;
        a.id = r.id;
        a.kind = r.kind;
        a.title = r.title;
        a.inputLayer = r.inputLayer;
        a.resultLayer = r.resultLayer;
        a.parameters = std::move(r.parameters);
        a.summary = std::move(r.summary);
        a.createdAt = r.createdAt;
        a.layers = a.summary.value(QStringLiteral("layers")).toStringList();
        if (a.layers.isEmpty() && !a.resultLayer.isEmpty()) // rows written before layer lists
            a.layers << a.resultLayer;
        out.push_back(std::move(a));
    }
    return out;
}

QStringList layersRemovedWith(const Store &store, const QString &layerId)
{
    QStringList out{layerId};
    for (const StoredAnalysis &a : storedAnalyses(store)) {
        if (!a.layers.contains(layerId))
            continue;
        for (const QString &l : a.layers)
            if (!out.contains(l) && store.hasLayer(l))
                out << l;
    }
    return out;
}

Result<QStringList> removeLayerAndResults(Store &store, const QString &layerId)
{
    return captureErrors([&] {
        if (!store.hasLayer(layerId))
            throw Exception(ErrorCode::UnknownLayer,
                            AnalysisRunner::tr("The workspace has no layer \"%1\".").arg(layerId));
        store.requireWritable();
        const QStringList layers = layersRemovedWith(store, layerId);
        Store::Transaction tx(store);
        for (const StoredAnalysis &a : storedAnalyses(store))
            if (a.layers.contains(layerId))
                store.removeAnalysisRecord(a.id);
        for (const QString &l : layers)
            store.removeLayer(l).orThrow();
        tx.commit();
        return layers;
    });
}

Result<void> writeGeoTiff(const Raster &raster, const QString &path)
{
    return captureErrors([&] {
        detail::DatasetPtr grid = detail::memoryRaster(raster);
        detail::GdalErrorScope errors;
        GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        if (!driver)
            throw Exception(ErrorCode::Internal,
                            vigie::core::AnalysisRunner::tr("GDAL has no GeoTIFF driver."));
        CPLStringList options;
        options.AddNameValue("COMPRESS", "DEFLATE");
        options.AddNameValue("TILED", "YES");
        detail::DatasetPtr ds(driver->CreateCopy(path.toUtf8().constData(), grid.get(), FALSE,
                                                 options.List(), nullptr, nullptr));
        if (!ds || errors.failureCount() > 0)
            throw Exception(ErrorCode::Io, vigie::core::AnalysisRunner::tr("Cannot write %1: %2")
                                               .arg(path, errors.lastError()));
    });
}

std::vector<std::uint8_t> rasterizeMask(const std::vector<const Geometry *> &geometries,
                                        const GridSpec &grid)
{
    std::vector<std::uint8_t> mask(grid.cellCount(), 0);
    std::vector<double> xs;
    for (const Geometry *g : geometries) {
        if (!g)
            continue;
        const int rowTop =
            std::max(0, int(std::floor((grid.yMax() - g->bounds.bottom()) / grid.cellSize)));
        const int rowBottom = std::min(
            grid.rows - 1, int(std::ceil((grid.yMax() - g->bounds.top()) / grid.cellSize)));
        for (const PolygonRings &poly : g->polygons) {
            for (int r = rowTop; r <= rowBottom; ++r) {
                const double y = grid.centreY(r);
                xs.clear();
                for (const Path &ring : poly)
                    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
                        const QPointF &a = ring[i];
                        const QPointF &b = ring[(i + 1) % n];
                        if ((a.y() > y) != (b.y() > y))
                            xs.push_back(a.x() + (y - a.y()) / (b.y() - a.y()) * (b.x() - a.x()));
                    }
                std::sort(xs.begin(), xs.end());
                for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
                    // Cells whose centre lies in [xs[i], xs[i+1]).
                    const int c0 =
                        std::max(0, int(std::ceil((xs[i] - grid.xMin) / grid.cellSize - 0.5)));
                    const int c1 =
                        std::min(grid.cols - 1,
                                 int(std::ceil((xs[i + 1] - grid.xMin) / grid.cellSize - 0.5)) - 1);
                    for (int c = c0; c <= c1; ++c)
                        mask[grid.index(c, r)] = 1;
                }
            }
        }
    }
    return mask;
}

} // namespace vigie::core
