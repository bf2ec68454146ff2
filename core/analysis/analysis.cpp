// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis.h"
#include "../argtext.h"
#include "analysisutil.h"

#include "../i18n.h"
#include "../io/atomicfile.h"
#include "../io/gdalerrorscope.h"
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
#include <sqlite3.h>

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
                         vigie::core::AnalysisRunner::tr("must be a number above 0 and at most %1").arg(maximum));
    return v;
}

// WKB writers (little-endian, 2D).
void putU32(std::vector<unsigned char> &b, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b.push_back((v >> (8 * i)) & 0xff);
}
void putF64(std::vector<unsigned char> &b, double v)
{
    unsigned char raw[8];
    std::memcpy(raw, &v, 8);
    b.insert(b.end(), raw, raw + 8);
}
std::vector<unsigned char> pointWkb(double x, double y)
{
    std::vector<unsigned char> b{1};
    putU32(b, 1);
    putF64(b, x);
    putF64(b, y);
    return b;
}
std::vector<unsigned char> multiPolygonWkb(const std::vector<PolygonRings> &polygons)
{
    std::vector<unsigned char> b{1};
    putU32(b, 6);
    putU32(b, std::uint32_t(polygons.size()));
    for (const PolygonRings &poly : polygons) {
        b.push_back(1);
        putU32(b, 3);
        putU32(b, std::uint32_t(poly.size()));
        for (const Path &ring : poly) {
            const bool closed = !ring.empty() && ring.front() == ring.back();
            putU32(b, std::uint32_t(ring.size() + (closed ? 0 : 1)));
            for (const QPointF &p : ring) {
                putF64(b, p.x());
                putF64(b, p.y());
            }
            if (!closed && !ring.empty()) {
                putF64(b, ring.front().x());
                putF64(b, ring.front().y());
            }
        }
    }
    return b;
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
    const QDate d = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).date();
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

Selection select(Store &store, const AnalysisSelection &sel, analytics::Feedback *feedback)
{
    Selection s;
    auto snap = store.loadSnapshot(sel.layer, feedback);
    if (!snap)
        throw Exception(snap.error().code, snap.error().message);
    s.source = *snap;
    const LayerSnapshot &src = *s.source;
    if (!src.isPoint())
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr("The layer \"%1\" is not a point layer: analyses need points.")
                            .arg(sel.layer));

    // Study area: the chosen areas, else the whole city (the arrondissements) when present.
    QString areaLayerId = sel.areaLayer;
    if (areaLayerId.isEmpty() && !sel.areas.isEmpty())
        areaLayerId = QStringLiteral("quartiers");
    if (areaLayerId.isEmpty() && store.hasLayer(QStringLiteral("arrondissements")))
        areaLayerId = QStringLiteral("arrondissements");
    if (!areaLayerId.isEmpty()) {
        auto areas = store.loadSnapshot(areaLayerId, feedback);
        if (!areas)
            throw Exception(areas.error().code, areas.error().message);
        s.areaLayer = *areas;
        const LayerSnapshot &a = *s.areaLayer;
        if (a.manifest.geometryType != GeometryType::Polygon)
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("The area layer \"%1\" is not a polygon layer.")
                                .arg(areaLayerId));
        // Match wanted areas against the label and code fields.
        QSet<QString> wanted;
        for (const QString &v : sel.areas)
            wanted.insert(v.trimmed().toLower());
        QSet<QString> found;
        if (!wanted.isEmpty()) {
            const QStringList keys = areaKeys(a.manifest);
            auto attrs = std::vector<QVariantMap>();
            for (std::size_t i = 0; i < a.size(); ++i) {
                auto r = store.attributes(areaLayerId, a.fids[i]);
                if (!r)
                    continue;
                for (const QString &k : keys) {
                    const QString v = r->value(k).toString().trimmed().toLower();
                    if (!v.isEmpty() && wanted.contains(v)) {
                        s.window.push_back(&a.geometries[i]);
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
        } else {
            for (const Geometry &g : a.geometries)
                s.window.push_back(&g);
        }
    }
    for (const Geometry *g : s.window) {
        s.bounds = s.bounds.isNull() ? g->bounds : s.bounds.united(g->bounds);
        s.areaM2 += geometryArea(*g);
    }

    // Categories wanted.
    std::vector<bool> catWanted;
    if (!sel.categories.isEmpty()) {
        catWanted.assign(src.manifest.categories.size(), false);
        for (const QString &c : sel.categories) {
            const int i = src.manifest.categoryIndex(c);
            if (i < 0)
                throw Exception(ErrorCode::InvalidInput,
                                vigie::core::AnalysisRunner::tr("Unknown category \"%1\" in layer \"%2\".")
                                    .arg(c, sel.layer));
            catWanted[std::size_t(i)] = true;
        }
    }

    // Weights by fid from the store (the snapshot only holds drawing fields).
    std::unordered_map<std::int64_t, double> weightByFid;
    if (!sel.weightField.isEmpty()) {
        const FieldDef *f = src.manifest.field(sel.weightField);
        if (!f || (f->type != FieldType::Integer && f->type != FieldType::Real))
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("The weight field \"%1\" is not a numeric field of \"%2\".")
                                .arg(sel.weightField, sel.layer));
        const QByteArray sql = QStringLiteral("SELECT fid, \"%1\" FROM \"%2\"")
                                   .arg(sel.weightField, sel.layer)
                                   .toUtf8();
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(store.handle(), sql.constData(), -1, &st, nullptr) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW)
                weightByFid[sqlite3_column_int64(st, 0)] = sqlite3_column_double(st, 1);
        }
        sqlite3_finalize(st);
    }

    // Point-in-window: rasterise the window on a 25 m grid once, then look points up.
    GridSpec lookup;
    std::vector<std::uint8_t> inside;
    if (!s.window.empty()) {
        lookup = GridSpec::covering(s.bounds.left(), s.bounds.top(), s.bounds.right(),
                                    s.bounds.bottom(), 25.0, 25.0);
        inside = rasterizeMask(s.window, lookup);
    }
    const bool hasTime = !src.time.empty();
    for (std::size_t i = 0; i < src.size(); ++i) {
        if (i % 65536 == 65535)
            analytics::throwIfCanceled(feedback);
        if (hasTime) {
            const std::int64_t ti = src.time[i];
            if (sel.from != LayerSnapshot::kNoTime && (ti == LayerSnapshot::kNoTime || ti < sel.from))
                continue;
            if (sel.to != LayerSnapshot::kNoTime && (ti == LayerSnapshot::kNoTime || ti > sel.to))
                continue;
        }
        if (!catWanted.empty()) {
            const int c = src.category.empty() ? -1 : src.category[i];
            if (c < 0 || !catWanted[std::size_t(c)])
                continue;
        }
        if (!inside.empty()) {
            const int col = lookup.colOf(src.x[i]);
            const int row = lookup.rowOf(src.y[i]);
            if (col < 0 || row < 0 || !inside[lookup.index(col, row)]) {
                // Near the edge the 25 m lookup may be coarse: decide exactly there.
                bool in = false;
                if (col >= 0 && row >= 0)
                    for (const Geometry *g : s.window)
                        if (contains(*g, QPointF(src.x[i], src.y[i]))) {
                            in = true;
                            break;
                        }
                if (!in)
                    continue;
            }
        }
        s.rows.push_back(i);
    }
    if (s.rows.empty())
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr("No feature of \"%1\" matches the period, categories and "
                                           "areas chosen.")
                            .arg(sel.layer));

    std::int64_t tMin = std::numeric_limits<std::int64_t>::max(), tMax = std::numeric_limits<std::int64_t>::min();
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
    for (std::size_t r : s.rows) {
        s.x.push_back(src.x[r]);
        s.y.push_back(src.y[r]);
        if (hasTime)
            s.t.push_back(src.time[r] == LayerSnapshot::kNoTime ? 0.0
                                                                : double(src.time[r] - s.t0) / 86400.0);
        if (!weightByFid.empty()) {
            auto it = weightByFid.find(src.fids[r]);
            s.w.push_back(it == weightByFid.end() ? 0.0 : it->second);
        }
    }
    if (s.window.empty()) {
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
        sqlite3_stmt *st = nullptr;
        bool used = false;
        if (sqlite3_prepare_v2(store.handle(), "SELECT 1 FROM vigie_analyses WHERE id = ?", -1, &st,
                               nullptr) == SQLITE_OK) {
            const QByteArray b = id.toUtf8();
            sqlite3_bind_text(st, 1, b.constData(), int(b.size()), SQLITE_TRANSIENT);
            used = sqlite3_step(st) == SQLITE_ROW;
        }
        sqlite3_finalize(st);
        if (!used)
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
    m.title.fr = QStringLiteral("%1 — %2, %3–%4")
                     .arg(kindTitle.fr, inputTitleFr.toLower(), isoDay(sel.from, QStringLiteral("fr")),
                          isoDay(sel.to, QStringLiteral("fr")));
    m.title.en = QStringLiteral("%1 — %2, %3–%4")
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
                     vigie::core::AnalysisRunner::tr("\"%1\" is not quartic, epanechnikov, triangular, uniform or gaussian").arg(name));
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
    used.insert(QStringLiteral("features"), qint64(outcome.inputCount));
    parameters.insert(QStringLiteral("selection"), used);
    QJsonObject summary = QJsonObject::fromVariantMap(outcome.summary);
    summary.insert(QStringLiteral("text"), outcome.summaryText);
    summary.insert(QStringLiteral("layers"), QJsonArray::fromStringList(outcome.layers));
    sqlite3_stmt *st = nullptr;
    const char *sql = "INSERT INTO vigie_analyses (id, kind, title, input_layer, parameters, "
                      "summary, result_layer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    if (sqlite3_prepare_v2(store.handle(), sql, -1, &st, nullptr) != SQLITE_OK)
        throw Exception(ErrorCode::Internal, QString::fromUtf8(sqlite3_errmsg(store.handle())));
    const QString main = outcome.layers.isEmpty() ? QString() : outcome.layers.front();
    const QByteArray vals[] = {outcome.id.toUtf8(), kindKey.toUtf8(), title.toUtf8(), selection.layer.toUtf8(),
                               QJsonDocument(parameters).toJson(QJsonDocument::Compact),
                               QJsonDocument(summary).toJson(QJsonDocument::Compact), main.toUtf8(),
                               store.now().toUtf8()};
    for (int i = 0; i < 8; ++i) {
        if (i == 6 && main.isEmpty())
            sqlite3_bind_null(st, i + 1);
        else
            sqlite3_bind_text(st, i + 1, vals[i].constData(), int(vals[i].size()), SQLITE_TRANSIENT);
    }
    const int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        throw Exception(ErrorCode::Io, QString::fromUtf8(sqlite3_errmsg(store.handle())));
    return parameters.toVariantMap();
}

} // namespace detail

namespace {

using namespace detail;

/// A polygon unit of a hotspot analysis: a grid cell, a hexagon or an area.
struct Units
{
    std::vector<std::vector<PolygonRings>> shapes;
    std::vector<double> cx, cy; ///< centres (for distance weights)
    std::vector<double> value;  ///< counts (or rates)
    std::vector<QString> label; ///< area names (empty for cells)
    QString kind;               ///< "square", "hex" or the area layer id
    analytics::SpatialWeights contiguity; ///< for "queen"/"rook" on areas and grids
    bool hasContiguity = false;
};

Units buildUnits(Store &store, const Selection &sel, const QVariantMap &p, bool queenDefault,
                 analytics::Feedback *feedback)
{
    Units u;
    const QString grid = paramText(p, "grid", QStringLiteral("square"));
    const QString weights = paramText(p, "weights", QString());
    const bool queen = weights.isEmpty() ? queenDefault : weights != QLatin1String("rook");
    u.kind = grid;
    if (grid == QLatin1String("square")) {
        const double cs = positive(p, "cellSize", 250.0, 5000.0);
        const GridSpec g = GridSpec::covering(sel.bounds.left(), sel.bounds.top(), sel.bounds.right(),
                                              sel.bounds.bottom(), cs);
        if (g.cellCount() > 4'000'000)
            invalidParameter(QStringLiteral("cellSize"),
                             vigie::core::AnalysisRunner::tr("too small for this area (more than 4 million cells)"));
        std::vector<std::uint8_t> mask = sel.window.empty() ? std::vector<std::uint8_t>(g.cellCount(), 1)
                                                            : rasterizeMask(sel.window, g);
        std::vector<double> counts(g.cellCount(), 0.0);
        for (std::size_t i = 0; i < sel.x.size(); ++i) {
            const int c = g.colOf(sel.x[i]), r = g.rowOf(sel.y[i]);
            if (c >= 0 && r >= 0) {
                counts[g.index(c, r)] += 1.0;
                mask[g.index(c, r)] = 1; // a cell with incidents is always analysed
            }
        }
        std::vector<std::int64_t> unitOfCell(g.cellCount(), -1);
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.cols; ++c) {
                const std::size_t k = g.index(c, r);
                if (!mask[k])
                    continue;
                unitOfCell[k] = std::int64_t(u.value.size());
                const double x0 = g.xMin + c * cs, y1 = g.yMax() - r * cs;
                u.shapes.push_back({PolygonRings{Path{QPointF(x0, y1), QPointF(x0 + cs, y1),
                                                      QPointF(x0 + cs, y1 - cs), QPointF(x0, y1 - cs),
                                                      QPointF(x0, y1)}}});
                u.cx.push_back(g.centreX(c));
                u.cy.push_back(g.centreY(r));
                u.value.push_back(counts[k]);
            }
        if (weights == QLatin1String("queen") || weights == QLatin1String("rook")) {
            const analytics::SpatialWeights all =
                analytics::gridContiguityWeights(g.cols, g.rows, queen, false, mask);
            // Renumber cells -> units (the weights are indexed by cell).
            analytics::SpatialWeights w;
            for (std::size_t k = 0; k < g.cellCount(); ++k) {
                if (unitOfCell[k] < 0)
                    continue;
                for (std::size_t j = all.offsets[k]; j < all.offsets[k + 1]; ++j) {
                    const std::int64_t to = unitOfCell[std::size_t(all.indices[j])];
                    if (to >= 0) {
                        w.indices.push_back(std::int32_t(to));
                        w.weights.push_back(all.weights[j]);
                    }
                }
                w.offsets.push_back(w.indices.size());
            }
            u.contiguity = std::move(w);
            u.hasContiguity = true;
        }
    } else if (grid == QLatin1String("hex")) {
        const double spacing = positive(p, "cellSize", 250.0, 5000.0);
        const analytics::HexGrid h = analytics::hexGrid(sel.bounds.left(), sel.bounds.top(),
                                                        sel.bounds.right(), sel.bounds.bottom(), spacing);
        std::vector<double> counts(h.size(), 0.0);
        std::vector<std::uint8_t> keep(h.size(), 0);
        for (std::size_t i = 0; i < sel.x.size(); ++i) {
            const std::int64_t k = h.indexOf(sel.x[i], sel.y[i]);
            if (k >= 0) {
                counts[std::size_t(k)] += 1.0;
                keep[std::size_t(k)] = 1;
            }
        }
        for (std::size_t k = 0; k < h.size(); ++k) {
            if (keep[k] || sel.window.empty())
                continue;
            for (const Geometry *gm : sel.window)
                if (contains(*gm, QPointF(h.x[k], h.y[k]))) {
                    keep[k] = 1;
                    break;
                }
        }
        for (std::size_t k = 0; k < h.size(); ++k) {
            if (!keep[k])
                continue;
            Path ring;
            for (const auto &[vx, vy] : h.vertices(k))
                ring.push_back(QPointF(vx, vy));
            if (!ring.empty())
                ring.push_back(ring.front());
            u.shapes.push_back({PolygonRings{ring}});
            u.cx.push_back(h.x[k]);
            u.cy.push_back(h.y[k]);
            u.value.push_back(counts[k]);
        }
    } else {
        // Areas of a polygon layer: quartiers, arrondissements or any polygon layer.
        auto areas = store.loadSnapshot(grid, feedback);
        if (!areas)
            throw Exception(areas.error().code, areas.error().message);
        const LayerSnapshot &a = **areas;
        if (a.manifest.geometryType != GeometryType::Polygon)
            invalidParameter(QStringLiteral("grid"),
                             vigie::core::AnalysisRunner::tr("\"%1\" is not square, hex or a polygon layer").arg(grid));
        const bool rate = paramText(p, "value", QStringLiteral("count")) == QLatin1String("rate");
        std::vector<double> population(a.size(), 0.0);
        if (rate) {
            for (std::size_t i = 0; i < a.size(); ++i) {
                auto r = store.attributes(grid, a.fids[i]);
                population[i] = r ? r->value(QStringLiteral("population")).toDouble() : 0.0;
            }
        }
        std::vector<double> counts(a.size(), 0.0);
        for (std::size_t i = 0; i < sel.x.size(); ++i) {
            if (i % 65536 == 65535)
                analytics::throwIfCanceled(feedback);
            const QPointF pt(sel.x[i], sel.y[i]);
            for (std::size_t k = 0; k < a.size(); ++k)
                if (a.geometries[k].bounds.contains(pt) && contains(a.geometries[k], pt)) {
                    counts[k] += 1.0;
                    break;
                }
        }
        std::vector<analytics::PolygonRings> rings;
        for (std::size_t k = 0; k < a.size(); ++k) {
            const Geometry &g = a.geometries[k];
            u.shapes.push_back(g.polygons);
            u.cx.push_back(g.bounds.center().x());
            u.cy.push_back(g.bounds.center().y());
            u.value.push_back(rate ? (population[k] > 0 ? 1000.0 * counts[k] / population[k] : 0.0)
                                   : counts[k]);
            u.label.push_back(k < a.labels.size() ? a.labels[k] : QString());
            // Largest polygon's rings for contiguity.
            analytics::PolygonRings pr;
            for (const PolygonRings &poly : g.polygons)
                for (const Path &ring : poly) {
                    std::vector<std::pair<double, double>> r;
                    for (const QPointF &q : ring)
                        r.emplace_back(q.x(), q.y());
                    pr.push_back(std::move(r));
                }
            rings.push_back(std::move(pr));
        }
        if (weights != QLatin1String("distance") && weights != QLatin1String("knn")) {
            u.contiguity = analytics::polygonContiguityWeights(rings, queen, 0.5, false);
            u.hasContiguity = true;
        }
    }
    if (u.value.size() < 3)
        throw Exception(ErrorCode::InvalidInput,
                        vigie::core::AnalysisRunner::tr("Too few cells or areas (%1) to analyse.").arg(u.value.size()));
    return u;
}

/// "square cells", "hexagons" or the area layer's id, for summaries.
QString unitKindLabel(const QString &kind)
{
    if (kind == QLatin1String("square"))
        return vigie::core::AnalysisRunner::tr("square cells");
    if (kind == QLatin1String("hex"))
        return vigie::core::AnalysisRunner::tr("hexagons");
    return kind;
}

analytics::SpatialWeights unitWeights(const Units &u, const QVariantMap &p, bool includeSelf,
                                      QVariantMap &used, analytics::Feedback *feedback)
{
    QString kind = paramText(p, "weights", QString());
    if (kind.isEmpty())
        kind = u.hasContiguity ? QStringLiteral("queen") : QStringLiteral("distance");
    used.insert(QStringLiteral("weights"), kind);
    if ((kind == QLatin1String("queen") || kind == QLatin1String("rook")) && u.hasContiguity)
        return includeSelf ? analytics::withSelf(u.contiguity) : u.contiguity;
    if (kind == QLatin1String("knn")) {
        const int k = int(param(p, "k", 8));
        if (k < 1 || std::size_t(k) >= u.value.size())
            invalidParameter(QStringLiteral("k"), vigie::core::AnalysisRunner::tr("must be between 1 and the number of units - 1"));
        used.insert(QStringLiteral("k"), k);
        return analytics::knnWeights(u.cx, u.cy, k, includeSelf);
    }
    if (kind != QLatin1String("distance"))
        invalidParameter(QStringLiteral("weights"),
                         vigie::core::AnalysisRunner::tr("\"%1\" is not distance, knn, queen or rook").arg(kind));
    double d = param(p, "distance", 0.0);
    if (d < 0)
        invalidParameter(QStringLiteral("distance"), vigie::core::AnalysisRunner::tr("must not be negative"));
    if (d == 0.0) {
        if (feedback)
            feedback->setProgress(10, vigie::core::AnalysisRunner::tr("Choosing the analysis scale").toStdString());
        d = analytics::optimisedHotSpotDistance(u.cx, u.cy, u.value, feedback);
        used.insert(QStringLiteral("distanceRule"), QStringLiteral("optimised"));
    }
    used.insert(QStringLiteral("distance"), d);
    return analytics::distanceBandWeights(u.cx, u.cy, d, includeSelf);
}

/// Adds a polygon layer of units with a class category and numeric fields, fills it.
void writeUnitsLayer(Store &store, LayerManifest m, const Units &u, const QString &classField,
                     const std::vector<QString> &classes,
                     const std::vector<std::pair<FieldDef, std::vector<double>>> &numbers,
                     const QString &source)
{
    m.fields.push_back(field("unit", FieldType::Integer, {QStringLiteral("Unité"), QStringLiteral("Unit")}));
    if (!u.label.empty()) {
        m.fields.push_back(field("nom", FieldType::String, {QStringLiteral("Nom"), QStringLiteral("Name")}));
        m.labelField = QStringLiteral("nom");
    }
    m.fields.push_back(field("valeur", FieldType::Real, {QStringLiteral("Valeur analysée"), QStringLiteral("Value analysed")}));
    for (const auto &[f, values] : numbers)
        m.fields.push_back(f);
    m.fields.push_back(field(classField.toUtf8().constData(), FieldType::String,
                             {QStringLiteral("Classe"), QStringLiteral("Class")}));
    m.categoryField = classField;
    m.symbology.fill = QStringLiteral("#00000000");
    m.symbology.stroke = u.label.empty() ? QStringLiteral("#00000000") : QStringLiteral("#ffffff");
    m.symbology.strokeWidth = 0.2;
    m.symbology.labelSize = 7.0;
    auto added = store.addLayer(m, source);
    if (!added)
        throw Exception(added.error().code, added.error().message);
    Store::Inserter ins(store, m.id);
    for (std::size_t i = 0; i < u.value.size(); ++i) {
        FeatureRecord rec;
        rec.wkb = multiPolygonWkb(u.shapes[i]);
        rec.source = source;
        rec.values << QVariant::fromValue<qlonglong>(qlonglong(i));
        if (!u.label.empty())
            rec.values << u.label[i];
        rec.values << u.value[i];
        for (const auto &[f, values] : numbers)
            rec.values << (std::isfinite(values[i]) ? QVariant(values[i]) : QVariant());
        rec.values << classes[i];
        ins.add(rec);
    }
}

QVariantMap countClasses(const std::vector<QString> &classes)
{
    QVariantMap counts;
    for (const QString &c : classes)
        counts[c] = counts.value(c).toInt() + 1;
    return counts;
}

analytics::BandwidthRule ruleFrom(const QString &name)
{
    if (name == QLatin1String("fixed"))
        return analytics::BandwidthRule::Fixed;
    if (name == QLatin1String("silverman"))
        return analytics::BandwidthRule::Silverman;
    if (name == QLatin1String("scott"))
        return analytics::BandwidthRule::Scott;
    if (name == QLatin1String("arcgis"))
        return analytics::BandwidthRule::ArcGis;
    if (name == QLatin1String("diggle"))
        return analytics::BandwidthRule::CvDiggle;
    if (name == QLatin1String("likelihood"))
        return analytics::BandwidthRule::CvLikelihood;
    invalidParameter(QStringLiteral("rule"),
                     vigie::core::AnalysisRunner::tr("\"%1\" is not fixed, silverman, scott, arcgis, diggle or likelihood").arg(name));
}

// --- the runner ------------------------------------------------------------------------------

class Run
{
public:
    Run(Store &store, const AnalysisRequest &req, analytics::Feedback *fb)
        : m_store(store), m_req(req), m_fb(fb)
    {
    }

    AnalysisOutcome go()
    {
        progress(1, vigie::core::AnalysisRunner::tr("Selecting the features"));
        m_sel = select(m_store, m_req.selection, m_fb);
        m_out.inputCount = m_sel.x.size();
        m_out.parameters = m_req.parameters;
        m_out.id = freshId(m_store, analysisKindKey(m_req.kind));
        const LayerManifest &in = m_sel.source->manifest;
        m_inFr = in.title.fr.isEmpty() ? in.title.en : in.title.fr;
        m_inEn = in.title.en.isEmpty() ? in.title.fr : in.title.en;

        Store::Transaction tx(m_store);
        switch (m_req.kind) {
        case AnalysisKind::Kde:
            kde();
            break;
        case AnalysisKind::RelativeRisk:
            relativeRisk();
            break;
        case AnalysisKind::GiStar:
            giStar();
            break;
        case AnalysisKind::LocalMoran:
            localMoran();
            break;
        case AnalysisKind::Dbscan:
        case AnalysisKind::StDbscan:
            clusters(m_req.kind == AnalysisKind::StDbscan);
            break;
        case AnalysisKind::NearestNeighbour:
            nearestNeighbour();
            break;
        case AnalysisKind::EmergingHotSpots:
            emerging();
            break;
        case AnalysisKind::AnalysisScale:
            analysisScale();
            break;
        }
        analytics::throwIfCanceled(m_fb);
        record();
        tx.commit();
        // The GeoTIFF appears under its name only once the analysis is committed (a kill or an
        // error before leaves no truncated raster that GDAL would open without complaint).
        if (m_geoTiff) {
            auto moved = m_geoTiff->commit(AtomicFile::Replace::Existing);
            if (!moved)
                throw Exception(moved.error().code,
                                vigie::core::AnalysisRunner::tr(
                                    "The analysis was saved in the workspace, but its GeoTIFF "
                                    "was not: %1")
                                    .arg(moved.error().message));
            m_out.summaryText += QLatin1Char('\n') +
                                 vigie::core::AnalysisRunner::tr("GeoTIFF written: %1")
                                     .arg(m_req.geoTiffPath);
        }
        progress(100, vigie::core::AnalysisRunner::tr("Done"));
        return m_out;
    }

private:
    void progress(double pct, const QString &step)
    {
        analytics::throwIfCanceled(m_fb);
        if (m_fb)
            m_fb->setProgress(pct, step.toStdString());
    }

    void line(const QString &text) { m_lines << text; }

    LayerManifest manifest(GeometryType type, const Bilingual &kindTitle)
    {
        return baseManifest(m_out.id, type, kindTitle, m_sel, m_inFr, m_inEn);
    }

    QString source() const { return QStringLiteral("analysis:%1").arg(m_out.id); }

    void kde()
    {
        const QVariantMap &p = m_req.parameters;
        analytics::KdeParams kp;
        kp.kernel = kernelFrom(paramText(p, "kernel", QStringLiteral("quartic")));
        kp.rule = ruleFrom(paramText(p, "rule", QStringLiteral("fixed")));
        kp.bandwidth = kp.rule == analytics::BandwidthRule::Fixed ? positive(p, "bandwidth", 300.0, 20000.0) : 0.0;
        kp.edgeCorrection = paramBool(p, "edgeCorrection", false);
        const bool perMonth = paramBool(p, "perMonth", false);
        const double cs = positive(p, "cellSize", 50.0, 2000.0);
        const GridSpec g = GridSpec::covering(m_sel.bounds.left(), m_sel.bounds.top(),
                                              m_sel.bounds.right(), m_sel.bounds.bottom(), cs);
        if (g.cellCount() > 40'000'000)
            invalidParameter(QStringLiteral("cellSize"),
                             vigie::core::AnalysisRunner::tr("too small for this area (more than 40 million cells)"));
        std::vector<std::uint8_t> mask;
        if (!m_sel.window.empty()) {
            mask = rasterizeMask(m_sel.window, g);
            kp.window = mask;
        } else if (kp.edgeCorrection) {
            invalidParameter(QStringLiteral("edgeCorrection"),
                             vigie::core::AnalysisRunner::tr("needs a study area (an area layer)"));
        }
        if (kp.rule != analytics::BandwidthRule::Fixed) {
            progress(5, vigie::core::AnalysisRunner::tr("Choosing the bandwidth"));
            analytics::BandwidthOptions bo;
            bo.window = {m_sel.bounds.left(), m_sel.bounds.top(), m_sel.bounds.right(), m_sel.bounds.bottom()};
            kp.bandwidth = analytics::selectBandwidth(m_sel.points(), kp.rule, kp.kernel, m_fb, bo);
            kp.rule = analytics::BandwidthRule::Fixed;
        }
        progress(15, vigie::core::AnalysisRunner::tr("Estimating the density"));
        analytics::KdeResult r = analytics::kernelDensity(m_sel.points(), g, kp, m_fb);
        const double months = std::max(1.0, double(m_sel.to - m_sel.from) / 86400.0 / 30.4375);
        if (perMonth)
            for (double &v : r.density.values)
                v /= months;
        LayerManifest m = manifest(GeometryType::Raster, {QStringLiteral("Densité (KDE)"), QStringLiteral("Density (KDE)")});
        m.description = perMonth ? LocalizedText{QStringLiteral("Incidents par km² et par mois"),
                                                 QStringLiteral("Incidents per km² per month")}
                                 : LocalizedText{QStringLiteral("Incidents par km²"),
                                                 QStringLiteral("Incidents per km²")};
        m.symbology.ramp = densityRamp(r.density);
        m.symbology.zOrder = 25;
        addRaster(m, r.density);
        double maxV = 0.0;
        for (double v : r.density.values)
            if (std::isfinite(v))
                maxV = std::max(maxV, v);
        m_out.parameters.insert(QStringLiteral("bandwidth"), r.bandwidth);
        m_out.parameters.insert(QStringLiteral("cellSize"), cs);
        m_out.summary.insert(QStringLiteral("bandwidth"), r.bandwidth);
        m_out.summary.insert(QStringLiteral("method"), QString::fromStdString(r.method));
        m_out.summary.insert(QStringLiteral("maximum"), maxV);
        m_out.summary.insert(QStringLiteral("cells"), qlonglong(g.cellCount()));
        line(vigie::core::AnalysisRunner::tr("Bandwidth: %1 m; cells of %2 m (%3 × %4); method: %5")
                 .arg(argText(r.bandwidth, 0, 'f', 1), argText(cs), argText(g.cols),
                      argText(g.rows), QString::fromStdString(r.method)));
        line(vigie::core::AnalysisRunner::tr("Highest density: %1 %2")
                 .arg(argText(maxV, 0, 'f', 1),
                      argText(perMonth ? vigie::core::AnalysisRunner::tr("incidents/km²/month")
                                       : vigie::core::AnalysisRunner::tr("incidents/km²"))));
    }

    void addRaster(const LayerManifest &m, const Raster &r)
    {
        auto added = m_store.addLayer(m, source());
        if (!added)
            throw Exception(added.error().code, added.error().message);
        m_store.writeRaster(m.id, r);
        m_out.resultLayer = m.id;
        if (!m_req.geoTiffPath.isEmpty()) {
            m_geoTiff = std::make_unique<AtomicFile>(m_req.geoTiffPath);
            auto w = writeGeoTiff(r, m_geoTiff->temporaryPath());
            if (!w)
                throw Exception(w.error().code,
                                QString(w.error().message)
                                    .replace(m_geoTiff->temporaryPath(), m_req.geoTiffPath));
        }
    }

    void relativeRisk()
    {
        const QVariantMap &p = m_req.parameters;
        const QString denominator = paramText(p, "denominator", QStringLiteral("population"));
        std::vector<double> cx, cy, cw;
        if (denominator == QLatin1String("population")) {
            auto q = m_store.loadSnapshot(QStringLiteral("quartiers"), m_fb);
            if (!q)
                throw Exception(q.error().code, q.error().message);
            // Population spread over each quartier on a 100 m lattice of points.
            for (std::size_t k = 0; k < (*q)->size(); ++k) {
                auto attrs = m_store.attributes(QStringLiteral("quartiers"), (*q)->fids[k]);
                const double pop = attrs ? attrs->value(QStringLiteral("population")).toDouble() : 0.0;
                const Geometry &g = (*q)->geometries[k];
                std::vector<std::pair<double, double>> lattice;
                for (double x = std::floor(g.bounds.left() / 100) * 100 + 50; x < g.bounds.right(); x += 100)
                    for (double y = std::floor(g.bounds.top() / 100) * 100 + 50; y < g.bounds.bottom(); y += 100)
                        if (contains(g, QPointF(x, y)))
                            lattice.emplace_back(x, y);
                if (lattice.empty())
                    lattice.emplace_back(g.bounds.center().x(), g.bounds.center().y());
                for (const auto &[x, y] : lattice) {
                    cx.push_back(x);
                    cy.push_back(y);
                    cw.push_back(pop / double(lattice.size()));
                }
            }
        } else {
            AnalysisSelection other = m_req.selection;
            other.layer = denominator;
            other.categories.clear();
            other.weightField.clear();
            Selection s = select(m_store, other, m_fb);
            cx = s.x;
            cy = s.y;
        }
        analytics::RelativeRiskParams rp;
        rp.cases.kernel = rp.controls.kernel = kernelFrom(paramText(p, "kernel", QStringLiteral("gaussian")));
        rp.cases.bandwidth = positive(p, "bandwidth", 400.0, 20000.0);
        rp.controls.bandwidth = positive(p, "controlBandwidth", rp.cases.bandwidth, 20000.0);
        const double cs = positive(p, "cellSize", 100.0, 2000.0);
        const GridSpec g = GridSpec::covering(m_sel.bounds.left(), m_sel.bounds.top(),
                                              m_sel.bounds.right(), m_sel.bounds.bottom(), cs);
        std::vector<std::uint8_t> mask;
        if (!m_sel.window.empty()) {
            mask = rasterizeMask(m_sel.window, g);
            rp.cases.window = rp.controls.window = mask;
            rp.cases.edgeCorrection = rp.controls.edgeCorrection = paramBool(p, "edgeCorrection", true);
        }
        rp.logRisk = true;
        progress(20, vigie::core::AnalysisRunner::tr("Estimating both densities"));
        const analytics::PointSet controls{cx, cy, cw, {}};
        analytics::RelativeRiskResult r = analytics::relativeRisk(m_sel.points(), controls, g, rp, m_fb);
        // Where the denominator is nearly empty the ratio means nothing: no data there.
        double maxControl = 0.0;
        for (double v : r.controlDensity.values)
            if (std::isfinite(v))
                maxControl = std::max(maxControl, v);
        std::size_t elevated = 0;
        for (std::size_t i = 0; i < r.risk.values.size(); ++i) {
            const double c = r.controlDensity.values[i];
            if (!(c > 1e-3 * maxControl))
                r.risk.values[i] = Raster::noData();
            else if (r.risk.values[i] > std::log(2.0))
                ++elevated;
        }
        LayerManifest m = manifest(GeometryType::Raster, {QStringLiteral("Risque relatif"), QStringLiteral("Relative risk")});
        m.description = {QStringLiteral("Log du risque relatif (incidents / dénominateur)"),
                         QStringLiteral("Log relative risk (incidents / denominator)")};
        m.symbology.ramp = {{-2.0, QStringLiteral("#2166acd0")}, {-1.0, QStringLiteral("#67a9cfa0")},
                            {-0.25, QStringLiteral("#f7f7f700")}, {0.25, QStringLiteral("#f7f7f700")},
                            {1.0, QStringLiteral("#ef8a62c0")}, {2.0, QStringLiteral("#b2182be0")}};
        m.symbology.zOrder = 25;
        addRaster(m, r.risk);
        m_out.summary.insert(QStringLiteral("denominator"), denominator);
        m_out.summary.insert(QStringLiteral("cellsRiskAboveTwice"), qlonglong(elevated));
        line(vigie::core::AnalysisRunner::tr(
                 "Denominator: %1; bandwidths %2 m (incidents) and %3 m (denominator)")
                 .arg(argText(denominator), argText(rp.cases.bandwidth),
                      argText(rp.controls.bandwidth)));
        line(vigie::core::AnalysisRunner::tr("%n cells with a risk more than twice the city's", nullptr, int(elevated)));
    }

    void giStar()
    {
        const QVariantMap &p = m_req.parameters;
        progress(5, vigie::core::AnalysisRunner::tr("Counting incidents per unit"));
        Units u = buildUnits(m_store, m_sel, p, true, m_fb);
        const bool fdr = paramBool(p, "fdr", true);
        QVariantMap used;
        analytics::SpatialWeights w = unitWeights(u, p, true, used, m_fb);
        progress(40, vigie::core::AnalysisRunner::tr("Computing Gi* z-scores"));
        analytics::GiStarResult r = analytics::getisOrdGiStar(u.value, w, fdr, m_fb);
        static const char *keys[] = {"froid_99", "froid_95", "froid_90", "ns", "chaud_90", "chaud_95", "chaud_99"};
        std::vector<QString> classes;
        for (int c : r.confidenceClass)
            classes.push_back(QLatin1String(keys[std::clamp(c, -3, 3) + 3]));
        LayerManifest m = manifest(GeometryType::Polygon, {QStringLiteral("Points chauds (Gi*)"), QStringLiteral("Hot spots (Gi*)")});
        m.categories = {
            category("chaud_99", {QStringLiteral("Point chaud, confiance 99 %"), QStringLiteral("Hot spot, 99% confidence")}, "#b2182bd0"),
            category("chaud_95", {QStringLiteral("Point chaud, confiance 95 %"), QStringLiteral("Hot spot, 95% confidence")}, "#ef8a62c8"),
            category("chaud_90", {QStringLiteral("Point chaud, confiance 90 %"), QStringLiteral("Hot spot, 90% confidence")}, "#fddbc7c0"),
            category("ns", {QStringLiteral("Non significatif"), QStringLiteral("Not significant")}, "#00000000"),
            category("froid_90", {QStringLiteral("Point froid, confiance 90 %"), QStringLiteral("Cold spot, 90% confidence")}, "#d1e5f0c0"),
            category("froid_95", {QStringLiteral("Point froid, confiance 95 %"), QStringLiteral("Cold spot, 95% confidence")}, "#67a9cfc8"),
            category("froid_99", {QStringLiteral("Point froid, confiance 99 %"), QStringLiteral("Cold spot, 99% confidence")}, "#2166acd0")};
        writeUnitsLayer(m_store, m, u, QStringLiteral("classe"), classes,
                        {{field("z", FieldType::Real, {QStringLiteral("Score z (Gi*)"), QStringLiteral("z-score (Gi*)")}), r.z},
                         {field("p", FieldType::Real, {QStringLiteral("Valeur p"), QStringLiteral("p-value")}), r.p},
                         {field("q", FieldType::Real, {QStringLiteral("Valeur q (FDR)"), QStringLiteral("q-value (FDR)")}), r.q}},
                        source());
        m_out.resultLayer = m.id;
        for (auto it = used.begin(); it != used.end(); ++it)
            m_out.parameters.insert(it.key(), it.value());
        m_out.parameters.insert(QStringLiteral("fdr"), fdr);
        const QVariantMap counts = countClasses(classes);
        m_out.summary.insert(QStringLiteral("units"), qlonglong(u.value.size()));
        m_out.summary.insert(QStringLiteral("classes"), counts);
        int hot = 0, cold = 0;
        for (int c : r.confidenceClass)
            (c > 0 ? hot : (c < 0 ? cold : hot)) += c != 0;
        line(vigie::core::AnalysisRunner::tr("%1 units (%2); weights: %3%4; FDR correction: %5")
                 .arg(argText(u.value.size()), argText(unitKindLabel(u.kind)),
                      used.value(QStringLiteral("weights")).toString(),
                      argText(used.contains(QStringLiteral("distance"))
                                  ? vigie::core::AnalysisRunner::tr(", distance %1 m")
                                        .arg(used.value(QStringLiteral("distance")).toDouble(), 0,
                                             'f', 0)
                                  : QString()),
                      argText(fdr ? vigie::core::AnalysisRunner::tr("yes")
                                  : vigie::core::AnalysisRunner::tr("no"))));
        line(vigie::core::AnalysisRunner::tr("Hot spots: %1; cold spots: %2")
                 .arg(argText(hot), argText(cold)));
        m_out.summary.insert(QStringLiteral("hot"), hot);
        m_out.summary.insert(QStringLiteral("cold"), cold);
    }

    void localMoran()
    {
        const QVariantMap &p = m_req.parameters;
        progress(5, vigie::core::AnalysisRunner::tr("Counting incidents per unit"));
        Units u = buildUnits(m_store, m_sel, p, true, m_fb);
        QVariantMap used;
        analytics::SpatialWeights w = analytics::rowStandardised(unitWeights(u, p, false, used, m_fb));
        analytics::LocalMoranOptions o;
        o.permutations = int(param(p, "permutations", 999));
        o.seed = std::uint64_t(param(p, "seed", 1));
        o.alpha = param(p, "alpha", 0.05);
        o.fdr = paramBool(p, "fdr", false);
        if (o.permutations < 0 || o.permutations > 99999)
            invalidParameter(QStringLiteral("permutations"), vigie::core::AnalysisRunner::tr("must be between 0 and 99999"));
        if (!(o.alpha > 0 && o.alpha < 0.5))
            invalidParameter(QStringLiteral("alpha"), vigie::core::AnalysisRunner::tr("must be between 0 and 0.5"));
        progress(30, vigie::core::AnalysisRunner::tr("Computing Local Moran's I with permutations"));
        analytics::LocalMoranResult r = analytics::localMoran(u.value, w, o, m_fb);
        static const char *keys[] = {"ns", "hh", "ll", "hl", "lh"};
        std::vector<QString> classes;
        for (int c : r.cluster)
            classes.push_back(QLatin1String(keys[std::clamp(c, 0, 4)]));
        LayerManifest m = manifest(GeometryType::Polygon, {QStringLiteral("Agrégats et valeurs atypiques (Moran local)"), QStringLiteral("Clusters and outliers (Local Moran)")});
        m.categories = {
            category("hh", {QStringLiteral("Élevé-Élevé (agrégat chaud)"), QStringLiteral("High-High (hot cluster)")}, "#d7191cd0"),
            category("hl", {QStringLiteral("Élevé-Faible (valeur atypique)"), QStringLiteral("High-Low (outlier)")}, "#fdae61d0"),
            category("lh", {QStringLiteral("Faible-Élevé (valeur atypique)"), QStringLiteral("Low-High (outlier)")}, "#abd9e9d0"),
            category("ll", {QStringLiteral("Faible-Faible (agrégat froid)"), QStringLiteral("Low-Low (cold cluster)")}, "#2c7bb6d0"),
            category("ns", {QStringLiteral("Non significatif"), QStringLiteral("Not significant")}, "#00000000")};
        const std::vector<double> &pUsed = r.pPermutation.empty() ? r.pNormal : r.pPermutation;
        writeUnitsLayer(m_store, m, u, QStringLiteral("classe"), classes,
                        {{field("i_local", FieldType::Real, {QStringLiteral("I local"), QStringLiteral("Local I")}), r.I},
                         {field("z", FieldType::Real, {QStringLiteral("Score z"), QStringLiteral("z-score")}), r.z},
                         {field("p", FieldType::Real, {QStringLiteral("Valeur p"), QStringLiteral("p-value")}), pUsed}},
                        source());
        m_out.resultLayer = m.id;
        for (auto it = used.begin(); it != used.end(); ++it)
            m_out.parameters.insert(it.key(), it.value());
        const QVariantMap counts = countClasses(classes);
        m_out.summary.insert(QStringLiteral("units"), qlonglong(u.value.size()));
        m_out.summary.insert(QStringLiteral("classes"), counts);
        const analytics::GlobalMoran gm = analytics::globalMoran(u.value, w);
        m_out.summary.insert(QStringLiteral("globalI"), gm.I);
        m_out.summary.insert(QStringLiteral("globalZ"), gm.z);
        line(vigie::core::AnalysisRunner::tr(
                 "%1 units; %2 permutations (seed %3); global Moran's I = %4 (z = %5)")
                 .arg(argText(u.value.size()), argText(o.permutations), argText(o.seed),
                      argText(gm.I, 0, 'f', 4), argText(gm.z, 0, 'f', 2)));
        line(vigie::core::AnalysisRunner::tr(
                 "High-High: %1; Low-Low: %2; High-Low: %3; Low-High: %4")
                 .arg(argText(counts.value(QStringLiteral("hh")).toInt()),
                      argText(counts.value(QStringLiteral("ll")).toInt()),
                      argText(counts.value(QStringLiteral("hl")).toInt()),
                      argText(counts.value(QStringLiteral("lh")).toInt())));
    }

    void clusters(bool spaceTime)
    {
        const QVariantMap &p = m_req.parameters;
        analytics::ClusterResult r;
        double eps = 0, epsDays = 0;
        int minPoints = 0;
        progress(10, vigie::core::AnalysisRunner::tr("Finding dense clusters"));
        if (spaceTime) {
            analytics::StDbscanParams sp;
            sp.eps = eps = positive(p, "eps", 150.0, 20000.0);
            sp.epsTimeDays = epsDays = positive(p, "epsDays", 7.0, 3650.0);
            sp.minPoints = minPoints = int(positive(p, "minPoints", 8.0, 100000.0));
            sp.borderPointsAsNoise = paramBool(p, "borderAsNoise", false);
            if (m_sel.t.empty())
                throw Exception(ErrorCode::InvalidInput,
                                vigie::core::AnalysisRunner::tr("ST-DBSCAN needs a layer with times."));
            r = analytics::stDbscan(m_sel.points(), sp, m_fb);
        } else {
            analytics::DbscanParams dp;
            dp.eps = eps = positive(p, "eps", 100.0, 20000.0);
            dp.minPoints = minPoints = int(positive(p, "minPoints", 10.0, 100000.0));
            dp.borderPointsAsNoise = paramBool(p, "borderAsNoise", false);
            r = analytics::dbscan(m_sel.points(), dp, m_fb);
        }
        progress(70, vigie::core::AnalysisRunner::tr("Writing the clusters"));
        // Colours for the 10 largest clusters, one for the others, one for noise.
        std::vector<int> order(std::size_t(r.clusterCount));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return r.sizes[std::size_t(a)] > r.sizes[std::size_t(b)]; });
        static const char *palette[] = {"#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00",
                                        "#a65628", "#f781bf", "#1b9e77", "#d95f02", "#7570b3"};
        const int named = std::min<int>(10, r.clusterCount);
        std::vector<int> rank(std::size_t(r.clusterCount), -1);
        LayerManifest m = manifest(GeometryType::Point, spaceTime
                                                           ? Bilingual{QStringLiteral("Agrégats spatio-temporels (ST-DBSCAN)"), QStringLiteral("Space-time clusters (ST-DBSCAN)")}
                                                           : Bilingual{QStringLiteral("Agrégats (DBSCAN)"), QStringLiteral("Clusters (DBSCAN)")});
        for (int i = 0; i < named; ++i) {
            const int c = order[std::size_t(i)];
            rank[std::size_t(c)] = i;
            CategoryDef cat;
            cat.value = QStringLiteral("g%1").arg(i + 1);
            cat.label = {QStringLiteral("Agrégat n° %1 (%2 incidents)")
                             .arg(argText(i + 1), argText(r.sizes[std::size_t(c)])),
                         QStringLiteral("Cluster no. %1 (%2 incidents)")
                             .arg(argText(i + 1), argText(r.sizes[std::size_t(c)]))};
            cat.color = QLatin1String(palette[i]);
            m.categories.push_back(cat);
        }
        if (r.clusterCount > named)
            m.categories.push_back(category("autres", {QStringLiteral("Autres agrégats"), QStringLiteral("Other clusters")}, "#666666"));
        m.categories.push_back(category("bruit", {QStringLiteral("Hors agrégat (bruit)"), QStringLiteral("Not clustered (noise)")}, "#9e9e9e30"));
        m.fields = {field("cluster_id", FieldType::Integer, {QStringLiteral("Agrégat"), QStringLiteral("Cluster")}),
                    field("coeur", FieldType::Integer, {QStringLiteral("Point cœur"), QStringLiteral("Core point")}),
                    field("source_fid", FieldType::Integer, {QStringLiteral("Incident"), QStringLiteral("Incident")}),
                    field("occurred_at", FieldType::DateTime, {QStringLiteral("Date et heure"), QStringLiteral("Date and time")}),
                    field("groupe", FieldType::String, {QStringLiteral("Groupe"), QStringLiteral("Group")})};
        m.categoryField = QStringLiteral("groupe");
        if (!m_sel.source->time.empty())
            m.timeField = QStringLiteral("occurred_at");
        m.symbology.size = 1.8;
        m.symbology.stroke = QStringLiteral("#ffffff");
        m.symbology.zOrder = 35; // above the incidents
        auto added = m_store.addLayer(m, source());
        if (!added)
            throw Exception(added.error().code, added.error().message);
        Store::Inserter ins(m_store, m.id);
        const LayerSnapshot &src = *m_sel.source;
        for (std::size_t i = 0; i < m_sel.x.size(); ++i) {
            if (i % 65536 == 65535)
                analytics::throwIfCanceled(m_fb);
            FeatureRecord rec;
            rec.wkb = pointWkb(m_sel.x[i], m_sel.y[i]);
            rec.source = source();
            const int label = r.label[i];
            rec.values << (label >= 0 ? QVariant(label + 1) : QVariant()) << int(r.core[i])
                       << QVariant::fromValue<qlonglong>(src.fids[m_sel.rows[i]]);
            const std::int64_t ti = src.time.empty() ? LayerSnapshot::kNoTime : src.time[m_sel.rows[i]];
            rec.values << (ti == LayerSnapshot::kNoTime
                               ? QVariant()
                               : QVariant(QDateTime::fromSecsSinceEpoch(ti, QTimeZone::utc())
                                              .toString(Qt::ISODate)));
            rec.values << (label < 0 ? QStringLiteral("bruit")
                                     : rank[std::size_t(label)] >= 0
                                           ? QStringLiteral("g%1").arg(rank[std::size_t(label)] + 1)
                                           : QStringLiteral("autres"));
            ins.add(rec);
        }
        m_out.resultLayer = m.id;
        std::size_t noise = 0;
        for (int l : r.label)
            noise += l < 0;
        m_out.summary.insert(QStringLiteral("clusters"), r.clusterCount);
        m_out.summary.insert(QStringLiteral("noise"), qlonglong(noise));
        m_out.summary.insert(QStringLiteral("largest"), r.clusterCount ? qlonglong(r.sizes[std::size_t(order[0])]) : 0);
        line(spaceTime ? vigie::core::AnalysisRunner::tr(
                             "Radius %1 m, time window %2 days, at least %3 incidents")
                             .arg(argText(eps), argText(epsDays), argText(minPoints))
                       : vigie::core::AnalysisRunner::tr("Radius %1 m, at least %2 incidents")
                             .arg(argText(eps), argText(minPoints)));
        line(vigie::core::AnalysisRunner::tr("%1 clusters; %2 of %3 incidents not clustered")
                 .arg(argText(r.clusterCount), argText(noise), argText(m_sel.x.size())));
    }

    void nearestNeighbour()
    {
        progress(10, vigie::core::AnalysisRunner::tr("Measuring nearest-neighbour distances"));
        const analytics::NearestNeighbourIndex r =
            analytics::nearestNeighbourIndex(m_sel.x, m_sel.y, m_sel.areaM2);
        m_out.summary.insert(QStringLiteral("observedMean"), r.observedMean);
        m_out.summary.insert(QStringLiteral("expectedMean"), r.expectedMean);
        m_out.summary.insert(QStringLiteral("ratio"), r.ratio);
        m_out.summary.insert(QStringLiteral("z"), r.z);
        m_out.summary.insert(QStringLiteral("p"), r.p);
        m_out.summary.insert(QStringLiteral("areaKm2"), m_sel.areaM2 / 1e6);
        line(vigie::core::AnalysisRunner::tr(
                 "Observed mean distance: %1 m; expected if random: %2 m")
                 .arg(argText(r.observedMean, 0, 'f', 1), argText(r.expectedMean, 0, 'f', 1)));
        line(vigie::core::AnalysisRunner::tr("Nearest-neighbour index: %1 (z = %2, p = %3): %4")
                 .arg(argText(r.ratio, 0, 'f', 3), argText(r.z, 0, 'f', 2), argText(r.p, 0, 'g', 3),
                      argText(r.p < 0.05
                                  ? (r.ratio < 1 ? vigie::core::AnalysisRunner::tr("clustered")
                                                 : vigie::core::AnalysisRunner::tr("dispersed"))
                                  : vigie::core::AnalysisRunner::tr("not different from random"))));
        line(vigie::core::AnalysisRunner::tr("Study area: %1 km²").arg(m_sel.areaM2 / 1e6, 0, 'f', 1));
    }

    void emerging()
    {
        const QVariantMap &p = m_req.parameters;
        if (m_sel.t.empty())
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("Emerging hot spots need a layer with times."));
        const double cs = positive(p, "cellSize", 500.0, 5000.0);
        const double stepDays = positive(p, "stepDays", 28.0, 366.0);
        const double span = double(m_sel.to - m_sel.from) / 86400.0;
        const int steps = int(std::ceil((span + 1e-9) / stepDays));
        if (steps < 10)
            invalidParameter(QStringLiteral("stepDays"),
                             vigie::core::AnalysisRunner::tr("the period holds %1 steps; at least 10 are needed").arg(steps));
        const GridSpec g = GridSpec::covering(m_sel.bounds.left(), m_sel.bounds.top(),
                                              m_sel.bounds.right(), m_sel.bounds.bottom(), cs);
        std::vector<std::uint8_t> mask = m_sel.window.empty() ? std::vector<std::uint8_t>(g.cellCount(), 1)
                                                              : rasterizeMask(m_sel.window, g);
        progress(10, vigie::core::AnalysisRunner::tr("Building the space-time cube"));
        analytics::SpaceTimeCube cube = analytics::buildCube(m_sel.points(), g, 0.0, stepDays, steps, mask);
        analytics::EmergingOptions o;
        o.neighbourDistance = param(p, "neighbourDistance", 1.5 * cs);
        o.neighbourSteps = int(param(p, "neighbourSteps", 1));
        o.fdr = paramBool(p, "fdr", true);
        progress(25, vigie::core::AnalysisRunner::tr("Gi* per time step and trends"));
        analytics::EmergingResult r = analytics::emergingHotSpots(cube, o, m_fb);
        Units u;
        u.kind = QStringLiteral("square");
        std::vector<QString> classes;
        std::vector<double> tz, tp;
        for (int row = 0; row < g.rows; ++row)
            for (int col = 0; col < g.cols; ++col) {
                const std::size_t k = g.index(col, row);
                if (!r.analysed[k])
                    continue;
                const double x0 = g.xMin + col * cs, y1 = g.yMax() - row * cs;
                u.shapes.push_back({PolygonRings{Path{QPointF(x0, y1), QPointF(x0 + cs, y1),
                                                      QPointF(x0 + cs, y1 - cs), QPointF(x0, y1 - cs),
                                                      QPointF(x0, y1)}}});
                double total = 0.0;
                for (int s = 0; s < steps; ++s)
                    total += cube.at(s, k);
                u.value.push_back(total);
                const analytics::EmergingCategory c = r.category[k];
                classes.push_back(c == analytics::EmergingCategory::None ? QStringLiteral("none")
                                                                         : QLatin1String(analytics::categoryKey(c)));
                tz.push_back(r.trendZ[k]);
                tp.push_back(r.trendP[k]);
            }
        if (u.value.empty())
            throw Exception(ErrorCode::InvalidInput, vigie::core::AnalysisRunner::tr("No cell to analyse."));
        LayerManifest m = manifest(GeometryType::Polygon, {QStringLiteral("Points chauds émergents"), QStringLiteral("Emerging hot spots")});
        struct Cat { analytics::EmergingCategory c; const char *fr; const char *en; const char *color; };
        using EC = analytics::EmergingCategory;
        static const Cat cats[] = {
            {EC::New, "Nouveau point chaud", "New hot spot", "#67000dd8"},
            {EC::Consecutive, "Point chaud consécutif", "Consecutive hot spot", "#a50f15d0"},
            {EC::Intensifying, "Point chaud qui s'intensifie", "Intensifying hot spot", "#cb181dd0"},
            {EC::Persistent, "Point chaud persistant", "Persistent hot spot", "#ef3b2cc8"},
            {EC::Diminishing, "Point chaud qui diminue", "Diminishing hot spot", "#fb6a4ac0"},
            {EC::Sporadic, "Point chaud sporadique", "Sporadic hot spot", "#fc9272b8"},
            {EC::Oscillating, "Point chaud oscillant", "Oscillating hot spot", "#fcbba1b8"},
            {EC::Historical, "Ancien point chaud", "Historical hot spot", "#fee0d2b8"},
            {EC::NewCold, "Nouveau point froid", "New cold spot", "#08306bd8"},
            {EC::ConsecutiveCold, "Point froid consécutif", "Consecutive cold spot", "#08519cd0"},
            {EC::IntensifyingCold, "Point froid qui s'intensifie", "Intensifying cold spot", "#2171b5d0"},
            {EC::PersistentCold, "Point froid persistant", "Persistent cold spot", "#4292c6c8"},
            {EC::DiminishingCold, "Point froid qui diminue", "Diminishing cold spot", "#6baed6c0"},
            {EC::SporadicCold, "Point froid sporadique", "Sporadic cold spot", "#9ecae1b8"},
            {EC::OscillatingCold, "Point froid oscillant", "Oscillating cold spot", "#c6dbefb8"},
            {EC::HistoricalCold, "Ancien point froid", "Historical cold spot", "#deebf7b8"}};
        for (const Cat &c : cats) {
            CategoryDef d;
            d.value = QLatin1String(analytics::categoryKey(c.c));
            d.label = {QString::fromUtf8(c.fr), QString::fromUtf8(c.en)};
            d.color = QLatin1String(c.color);
            m.categories.push_back(d);
        }
        m.categories.push_back(category("none", {QStringLiteral("Aucune tendance détectée"), QStringLiteral("No pattern detected")}, "#00000000"));
        writeUnitsLayer(m_store, m, u, QStringLiteral("tendance"), classes,
                        {{field("trend_z", FieldType::Real, {QStringLiteral("Tendance (z de Mann-Kendall)"), QStringLiteral("Trend (Mann-Kendall z)")}), tz},
                         {field("trend_p", FieldType::Real, {QStringLiteral("Tendance (valeur p)"), QStringLiteral("Trend (p-value)")}), tp}},
                        source());
        m_out.resultLayer = m.id;
        const QVariantMap counts = countClasses(classes);
        m_out.summary.insert(QStringLiteral("cells"), qlonglong(u.value.size()));
        m_out.summary.insert(QStringLiteral("steps"), steps);
        m_out.summary.insert(QStringLiteral("classes"), counts);
        m_out.parameters.insert(QStringLiteral("neighbourDistance"), o.neighbourDistance);
        line(vigie::core::AnalysisRunner::tr("%1 cells of %2 m, %3 steps of %4 days")
                 .arg(argText(u.value.size()), argText(cs), argText(steps), argText(stepDays)));
        QStringList parts;
        const bool french = preferredLanguage().startsWith(QLatin1String("fr"));
        for (const Cat &c : cats) {
            const int n = counts.value(QLatin1String(analytics::categoryKey(c.c))).toInt();
            if (n > 0)
                parts << QStringLiteral("%1 : %2").arg(QString::fromUtf8(french ? c.fr : c.en),
                                                       argText(n));
        }
        line(parts.isEmpty() ? vigie::core::AnalysisRunner::tr("No emerging pattern detected.") : parts.join(QStringLiteral("; ")));
    }

    void analysisScale()
    {
        const QVariantMap &p = m_req.parameters;
        Units u = buildUnits(m_store, m_sel, p, false, m_fb);
        // Defaults as ArcGIS's incremental spatial autocorrelation: start where every unit has a
        // neighbour, step by the mean nearest-neighbour distance. Locational outliers (nearest
        // neighbour farther than the mean + 3 standard deviations, e.g. the islands) are left
        // out of that start distance, or they would push it to kilometres.
        const std::vector<double> d1 = analytics::kthNeighbourDistances(u.cx, u.cy, 1);
        const double mean = std::accumulate(d1.begin(), d1.end(), 0.0) / double(d1.size());
        double var = 0.0;
        for (double d : d1)
            var += (d - mean) * (d - mean);
        const double limit = mean + 3.0 * std::sqrt(var / double(d1.size()));
        double start = param(p, "startDistance", 0.0);
        if (start <= 0) {
            start = 0.0;
            for (double d : d1)
                if (d <= limit)
                    start = std::max(start, d);
        }
        double inc = param(p, "increment", 0.0);
        if (inc <= 0)
            inc = mean;
        const int steps = int(param(p, "steps", 10));
        if (steps < 2 || steps > 100)
            invalidParameter(QStringLiteral("steps"), vigie::core::AnalysisRunner::tr("must be between 2 and 100"));
        progress(10, vigie::core::AnalysisRunner::tr("Global Moran's I at each distance"));
        const analytics::IncrementalAutocorrelation r =
            analytics::incrementalSpatialAutocorrelation(u.cx, u.cy, u.value, start, inc, steps, m_fb);
        QVariantList rows;
        for (std::size_t i = 0; i < r.distances.size(); ++i) {
            rows << QVariantMap{{QStringLiteral("distance"), r.distances[i]},
                                {QStringLiteral("moranI"), r.moranI[i]},
                                {QStringLiteral("z"), r.z[i]}};
            line(vigie::core::AnalysisRunner::tr("%1 m: I = %2, z = %3%4")
                     .arg(argText(r.distances[i], 0, 'f', 0), argText(r.moranI[i], 0, 'f', 4),
                          argText(r.z[i], 0, 'f', 2),
                          argText(int(i) == r.firstPeak
                                      ? vigie::core::AnalysisRunner::tr("  ← first peak")
                                      : (int(i) == r.maxPeak
                                             ? vigie::core::AnalysisRunner::tr("  ← highest peak")
                                             : QString()))));
        }
        m_out.summary.insert(QStringLiteral("steps"), rows);
        const int chosen = r.firstPeak >= 0 ? r.firstPeak : r.maxPeak;
        if (chosen >= 0) {
            m_out.summary.insert(QStringLiteral("distance"), r.distances[std::size_t(chosen)]);
            line(vigie::core::AnalysisRunner::tr("Suggested distance band: %1 m").arg(r.distances[std::size_t(chosen)], 0, 'f', 0));
        } else {
            line(vigie::core::AnalysisRunner::tr("No peak of spatial autocorrelation: try other distances."));
        }
    }

    void record()
    {
        m_out.summaryText = m_lines.join(u'\n');
        if (!m_out.resultLayer.isEmpty())
            m_out.layers = QStringList{m_out.resultLayer};
        m_out.parameters = recordAnalysis(m_store, m_out, analysisKindKey(m_req.kind),
                                          m_req.title.isEmpty() ? analysisKindTitle(m_req.kind) : m_req.title,
                                          m_req.selection, m_sel.from, m_sel.to);
    }

    Store &m_store;
    const AnalysisRequest &m_req;
    analytics::Feedback *m_fb;
    Selection m_sel;
    AnalysisOutcome m_out;
    QStringList m_lines;
    QString m_inFr, m_inEn;
    std::unique_ptr<AtomicFile> m_geoTiff; ///< written before the commit, named after it
};

} // namespace

// --- public API ------------------------------------------------------------------------------

QString analysisKindKey(AnalysisKind kind)
{
    switch (kind) {
    case AnalysisKind::Kde: return QStringLiteral("kde");
    case AnalysisKind::RelativeRisk: return QStringLiteral("risk");
    case AnalysisKind::GiStar: return QStringLiteral("gistar");
    case AnalysisKind::LocalMoran: return QStringLiteral("moran");
    case AnalysisKind::Dbscan: return QStringLiteral("dbscan");
    case AnalysisKind::StDbscan: return QStringLiteral("stdbscan");
    case AnalysisKind::NearestNeighbour: return QStringLiteral("nni");
    case AnalysisKind::EmergingHotSpots: return QStringLiteral("emerging");
    case AnalysisKind::AnalysisScale: return QStringLiteral("scale");
    }
    return {};
}

std::vector<AnalysisKind> allAnalysisKinds()
{
    return {AnalysisKind::Kde, AnalysisKind::RelativeRisk, AnalysisKind::GiStar,
            AnalysisKind::LocalMoran, AnalysisKind::EmergingHotSpots, AnalysisKind::Dbscan,
            AnalysisKind::StDbscan, AnalysisKind::NearestNeighbour, AnalysisKind::AnalysisScale};
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
    switch (kind) {
    case AnalysisKind::Kde: return vigie::core::AnalysisRunner::tr("Density heatmap (KDE)");
    case AnalysisKind::RelativeRisk: return vigie::core::AnalysisRunner::tr("Risk-adjusted density (dual KDE)");
    case AnalysisKind::GiStar: return vigie::core::AnalysisRunner::tr("Hot spots (Getis-Ord Gi*)");
    case AnalysisKind::LocalMoran: return vigie::core::AnalysisRunner::tr("Clusters and outliers (Local Moran's I)");
    case AnalysisKind::Dbscan: return vigie::core::AnalysisRunner::tr("Clusters (DBSCAN)");
    case AnalysisKind::StDbscan: return vigie::core::AnalysisRunner::tr("Space-time clusters (ST-DBSCAN)");
    case AnalysisKind::NearestNeighbour: return vigie::core::AnalysisRunner::tr("Nearest-neighbour index");
    case AnalysisKind::EmergingHotSpots: return vigie::core::AnalysisRunner::tr("Emerging hot spots");
    case AnalysisKind::AnalysisScale: return vigie::core::AnalysisRunner::tr("Analysis scale (incremental spatial autocorrelation)");
    }
    return {};
}

std::vector<ParameterInfo> analysisParameters(AnalysisKind kind)
{
    const QStringList kernels{QStringLiteral("quartic"), QStringLiteral("epanechnikov"),
                              QStringLiteral("triangular"), QStringLiteral("uniform"),
                              QStringLiteral("gaussian")};
    const ParameterInfo grid{QStringLiteral("grid"), QStringLiteral("square"),
                             {QStringLiteral("square"), QStringLiteral("hex"), QStringLiteral("quartiers"),
                              QStringLiteral("arrondissements")},
                             vigie::core::AnalysisRunner::tr("Units analysed: square cells, hexagons, or the quartiers or arrondissements.")};
    const ParameterInfo cell{QStringLiteral("cellSize"), 250.0, {},
                             vigie::core::AnalysisRunner::tr("Size of a cell in metres (square side, or distance between hexagon centres)."), 10, 5000};
    const ParameterInfo weights{QStringLiteral("weights"), QString(),
                                {QString(), QStringLiteral("distance"), QStringLiteral("knn"), QStringLiteral("queen"), QStringLiteral("rook")},
                                vigie::core::AnalysisRunner::tr("Neighbours: within a distance, the k nearest, or sharing a border (queen: a corner is enough; rook: an edge). Empty: queen for areas, distance for cells.")};
    const ParameterInfo distance{QStringLiteral("distance"), 0.0, {},
                                 vigie::core::AnalysisRunner::tr("Distance band in metres; 0 chooses it from the data (first peak of spatial autocorrelation, as ArcGIS's optimised hot spot analysis)."), 0, 50000};
    const ParameterInfo k{QStringLiteral("k"), 8, {}, vigie::core::AnalysisRunner::tr("Number of nearest neighbours (knn weights)."), 1, 100};
    switch (kind) {
    case AnalysisKind::Kde:
        return {{QStringLiteral("kernel"), QStringLiteral("quartic"), kernels,
                 vigie::core::AnalysisRunner::tr("Shape of the kernel. Quartic (biweight) is the usual choice in crime mapping; Gaussian has no bounded radius.")},
                {QStringLiteral("rule"), QStringLiteral("fixed"),
                 {QStringLiteral("fixed"), QStringLiteral("silverman"), QStringLiteral("scott"), QStringLiteral("arcgis"), QStringLiteral("diggle"), QStringLiteral("likelihood")},
                 vigie::core::AnalysisRunner::tr("How the bandwidth is chosen: fixed (the value below), a rule of thumb (Silverman, Scott, ArcGIS's default), or cross-validation (Diggle's MSE, likelihood).")},
                {QStringLiteral("bandwidth"), 300.0, {}, vigie::core::AnalysisRunner::tr("Search radius in metres (for the Gaussian: its standard deviation). 200 to 500 m suits street-level incidents."), 10, 20000},
                {QStringLiteral("cellSize"), 50.0, {}, vigie::core::AnalysisRunner::tr("Cell size of the heatmap in metres. Smaller is finer and slower."), 5, 2000},
                {QStringLiteral("edgeCorrection"), false, {}, vigie::core::AnalysisRunner::tr("Corrects the underestimate near the coast and city limits (density divided by the kernel's share inside the area).")},
                {QStringLiteral("perMonth"), false, {}, vigie::core::AnalysisRunner::tr("Express the density per km² per month instead of per km² over the period.")}};
    case AnalysisKind::RelativeRisk:
        return {{QStringLiteral("denominator"), QStringLiteral("population"), {},
                 vigie::core::AnalysisRunner::tr("What incidents are divided by: \"population\" (residents of each quartier) or the id of another point layer.")},
                {QStringLiteral("kernel"), QStringLiteral("gaussian"), kernels, vigie::core::AnalysisRunner::tr("Kernel of both densities.")},
                {QStringLiteral("bandwidth"), 400.0, {}, vigie::core::AnalysisRunner::tr("Bandwidth of the incident density in metres."), 10, 20000},
                {QStringLiteral("controlBandwidth"), 400.0, {}, vigie::core::AnalysisRunner::tr("Bandwidth of the denominator density in metres."), 10, 20000},
                {QStringLiteral("cellSize"), 100.0, {}, vigie::core::AnalysisRunner::tr("Cell size in metres."), 10, 2000},
                {QStringLiteral("edgeCorrection"), true, {}, vigie::core::AnalysisRunner::tr("Edge correction of both densities.")}};
    case AnalysisKind::GiStar:
        return {grid, cell, weights, distance, k,
                {QStringLiteral("value"), QStringLiteral("count"), {QStringLiteral("count"), QStringLiteral("rate")},
                 vigie::core::AnalysisRunner::tr("For areas: the number of incidents, or the rate per 1,000 inhabitants.")},
                {QStringLiteral("fdr"), true, {}, vigie::core::AnalysisRunner::tr("Benjamini–Hochberg false discovery rate correction: fewer false hot spots when many units are tested.")}};
    case AnalysisKind::LocalMoran:
        return {grid, cell, weights, distance, k,
                {QStringLiteral("value"), QStringLiteral("count"), {QStringLiteral("count"), QStringLiteral("rate")},
                 vigie::core::AnalysisRunner::tr("For areas: the number of incidents, or the rate per 1,000 inhabitants.")},
                {QStringLiteral("permutations"), 999, {}, vigie::core::AnalysisRunner::tr("Conditional permutations for the pseudo p-values (999 is usual)."), 0, 99999},
                {QStringLiteral("seed"), 1, {}, vigie::core::AnalysisRunner::tr("Seed of the permutations: the same seed gives the same result."), 0, 1e9},
                {QStringLiteral("alpha"), 0.05, {}, vigie::core::AnalysisRunner::tr("Significance level."), 0.001, 0.2},
                {QStringLiteral("fdr"), false, {}, vigie::core::AnalysisRunner::tr("Benjamini–Hochberg correction of the p-values.")}};
    case AnalysisKind::EmergingHotSpots:
        return {{QStringLiteral("cellSize"), 500.0, {}, vigie::core::AnalysisRunner::tr("Side of the cube's cells in metres."), 50, 5000},
                {QStringLiteral("stepDays"), 28.0, {}, vigie::core::AnalysisRunner::tr("Length of a time step in days (at least 10 steps in the period)."), 1, 366},
                {QStringLiteral("neighbourDistance"), 750.0, {}, vigie::core::AnalysisRunner::tr("Neighbourhood distance in metres (1.5 cells reaches the 8 surrounding cells)."), 1, 50000},
                {QStringLiteral("neighbourSteps"), 1, {}, vigie::core::AnalysisRunner::tr("Previous time steps included in each bin's neighbourhood."), 0, 12},
                {QStringLiteral("fdr"), true, {}, vigie::core::AnalysisRunner::tr("Benjamini–Hochberg correction of each bin's significance.")}};
    case AnalysisKind::Dbscan:
        return {{QStringLiteral("eps"), 100.0, {}, vigie::core::AnalysisRunner::tr("Neighbourhood radius in metres."), 1, 20000},
                {QStringLiteral("minPoints"), 10, {}, vigie::core::AnalysisRunner::tr("Incidents within the radius (the incident itself included) for a core point."), 1, 100000},
                {QStringLiteral("borderAsNoise"), false, {}, vigie::core::AnalysisRunner::tr("DBSCAN*: border points are left out of the clusters.")}};
    case AnalysisKind::StDbscan:
        return {{QStringLiteral("eps"), 150.0, {}, vigie::core::AnalysisRunner::tr("Neighbourhood radius in metres."), 1, 20000},
                {QStringLiteral("epsDays"), 7.0, {}, vigie::core::AnalysisRunner::tr("Time window in days."), 0.01, 3650},
                {QStringLiteral("minPoints"), 8, {}, vigie::core::AnalysisRunner::tr("Incidents within the radius and window (itself included) for a core point."), 1, 100000},
                {QStringLiteral("borderAsNoise"), false, {}, vigie::core::AnalysisRunner::tr("Border points are left out of the clusters.")}};
    case AnalysisKind::NearestNeighbour:
        return {};
    case AnalysisKind::AnalysisScale:
        return {grid, cell,
                {QStringLiteral("startDistance"), 0.0, {}, vigie::core::AnalysisRunner::tr("First distance in metres; 0: the distance giving every unit a neighbour."), 0, 50000},
                {QStringLiteral("increment"), 0.0, {}, vigie::core::AnalysisRunner::tr("Increment in metres; 0: the mean nearest-neighbour distance."), 0, 50000},
                {QStringLiteral("steps"), 10, {}, vigie::core::AnalysisRunner::tr("Number of distances tested."), 2, 100}};
    }
    return {};
}

Result<AnalysisOutcome> AnalysisRunner::run(Store &store, const AnalysisRequest &request,
                                            analytics::Feedback *feedback)
{
    try {
        return captureErrors([&] { return Run(store, request, feedback).go(); });
    } catch (const analytics::Canceled &) {
        return Error{ErrorCode::Canceled, tr("The analysis was canceled; the workspace is unchanged.")};
    } catch (const std::invalid_argument &e) {
        return Error{ErrorCode::InvalidInput, tr("Invalid analysis parameters: %1").arg(QString::fromUtf8(e.what()))};
    } catch (const std::bad_alloc &) {
        return Error{ErrorCode::Internal, tr("Not enough memory for this analysis: try larger cells or a smaller area.")};
    }
}

std::vector<StoredAnalysis> storedAnalyses(const Store &store)
{
    std::vector<StoredAnalysis> out;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(store.handle(),
                           "SELECT id, kind, title, input_layer, result_layer, parameters, summary, "
                           "created_at FROM vigie_analyses ORDER BY created_at, id",
                           -1, &st, nullptr) != SQLITE_OK)
        throw Exception(ErrorCode::Damaged, QString::fromUtf8(sqlite3_errmsg(store.handle())));
    auto text = [&](int i) {
        const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, i));
        return t ? QString::fromUtf8(t) : QString();
    };
    while (sqlite3_step(st) == SQLITE_ROW) {
        StoredAnalysis a;
        a.id = text(0);
        a.kind = text(1);
        a.title = text(2);
        a.inputLayer = text(3);
        a.resultLayer = text(4);
        a.parameters = QJsonDocument::fromJson(text(5).toUtf8()).object().toVariantMap();
        a.summary = QJsonDocument::fromJson(text(6).toUtf8()).object().toVariantMap();
        a.createdAt = text(7);
        a.layers = a.summary.value(QStringLiteral("layers")).toStringList();
        if (a.layers.isEmpty() && !a.resultLayer.isEmpty()) // rows written before layer lists
            a.layers << a.resultLayer;
        out.push_back(std::move(a));
    }
    sqlite3_finalize(st);
    return out;
}

Result<void> writeGeoTiff(const Raster &raster, const QString &path)
{
    return captureErrors([&] {
        GDALAllRegister();
        detail::GdalErrorScope errors;
        GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        if (!driver)
            throw Exception(ErrorCode::Internal, vigie::core::AnalysisRunner::tr("GDAL has no GeoTIFF driver."));
        const GridSpec &g = raster.grid;
        char **options = nullptr;
        options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
        options = CSLSetNameValue(options, "TILED", "YES");
        GDALDataset *ds = driver->Create(path.toUtf8().constData(), g.cols, g.rows, 1, GDT_Float32, options);
        CSLDestroy(options);
        if (!ds)
            throw Exception(ErrorCode::Io, vigie::core::AnalysisRunner::tr("Cannot write %1: %2").arg(path, errors.lastError()));
        double transform[6] = {g.xMin, g.cellSize, 0.0, g.yMax(), 0.0, -g.cellSize};
        ds->SetGeoTransform(transform);
        OGRSpatialReference srs;
        srs.importFromEPSG(2154);
        ds->SetSpatialRef(&srs);
        GDALRasterBand *band = ds->GetRasterBand(1);
        band->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());
        std::vector<float> row(std::size_t(g.cols));
        CPLErr err = CE_None;
        for (int r = 0; r < g.rows && err == CE_None; ++r) {
            for (int c = 0; c < g.cols; ++c)
                row[std::size_t(c)] = float(raster.values[g.index(c, r)]);
            err = band->RasterIO(GF_Write, 0, r, g.cols, 1, row.data(), g.cols, 1, GDT_Float32, 0, 0);
        }
        GDALClose(ds);
        if (err != CE_None)
            throw Exception(ErrorCode::Io, vigie::core::AnalysisRunner::tr("Cannot write %1: %2").arg(path, errors.lastError()));
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
        const int rowTop = std::max(0, int(std::floor((grid.yMax() - g->bounds.bottom()) / grid.cellSize)));
        const int rowBottom = std::min(grid.rows - 1, int(std::ceil((grid.yMax() - g->bounds.top()) / grid.cellSize)));
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
                    const int c0 = std::max(0, int(std::ceil((xs[i] - grid.xMin) / grid.cellSize - 0.5)));
                    const int c1 = std::min(grid.cols - 1, int(std::ceil((xs[i + 1] - grid.xMin) / grid.cellSize - 0.5)) - 1);
                    for (int c = c0; c <= c1; ++c)
                        mask[grid.index(c, r)] = 1;
                }
            }
        }
    }
    return mask;
}

} // namespace vigie::core
