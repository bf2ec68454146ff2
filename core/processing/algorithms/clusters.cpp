// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusters.h"

#include "../../argtext.h"
#include "../../store/store.h"
#include "analytics/cluster.h"
#include "analytics/feedback.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <numeric>

namespace vigie::core::processing::algorithms {

using namespace vigie::core::detail;

void runClusters(AlgorithmContext &ctx, const ParameterValues &values, bool spaceTime)
{
    const Selection &sel = ctx.selection();
    analytics::ClusterResult r;
    double eps = 0, epsDays = 0;
    int minPoints = 0;
    ctx.progress(10, vigie::core::AnalysisRunner::tr("Finding dense clusters"));
    if (spaceTime) {
        analytics::StDbscanParams sp;
        sp.eps = eps = values.number(QStringLiteral("eps"));
        sp.epsTimeDays = epsDays = values.number(QStringLiteral("epsDays"));
        sp.minPoints = minPoints = int(values.integer(QStringLiteral("minPoints")));
        sp.borderPointsAsNoise = values.boolean(QStringLiteral("borderAsNoise"));
        if (sel.t.empty())
            throw Exception(ErrorCode::InvalidInput,
                            vigie::core::AnalysisRunner::tr("ST-DBSCAN needs a layer with times."));
        r = analytics::stDbscan(sel.points(), sp, ctx.feedback());
    } else {
        analytics::DbscanParams dp;
        dp.eps = eps = values.number(QStringLiteral("eps"));
        dp.minPoints = minPoints = int(values.integer(QStringLiteral("minPoints")));
        dp.borderPointsAsNoise = values.boolean(QStringLiteral("borderAsNoise"));
        r = analytics::dbscan(sel.points(), dp, ctx.feedback());
    }
    ctx.progress(70, vigie::core::AnalysisRunner::tr("Writing the clusters"));
    // Colours for the 10 largest clusters, one for the others, one for noise.
    std::vector<int> order(std::size_t(r.clusterCount));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return r.sizes[std::size_t(a)] > r.sizes[std::size_t(b)];
    });
    static const char *palette[] = {"#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00",
                                    "#a65628", "#f781bf", "#1b9e77", "#d95f02", "#7570b3"};
    const int named = std::min<int>(10, r.clusterCount);
    std::vector<int> rank(std::size_t(r.clusterCount), -1);
    LayerManifest m = ctx.resultManifest(
        GeometryType::Point,
        spaceTime
            ? Bilingual{QStringLiteral("Agrégats spatio-temporels (ST-DBSCAN)"),
                        QStringLiteral("Space-time clusters (ST-DBSCAN)")}
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
        m.categories.push_back(category(
            "autres", {QStringLiteral("Autres agrégats"), QStringLiteral("Other clusters")},
            "#666666"));
    m.categories.push_back(category(
        "bruit", {QStringLiteral("Hors agrégat (bruit)"), QStringLiteral("Not clustered (noise)")},
        "#9e9e9e30"));
    m.fields = {
        field("cluster_id", FieldType::Integer,
              {QStringLiteral("Agrégat"), QStringLiteral("Cluster")}),
        field("coeur", FieldType::Integer,
              {QStringLiteral("Point cœur"), QStringLiteral("Core point")}),
        field("source_fid", FieldType::Integer,
              {QStringLiteral("Incident"), QStringLiteral("Incident")}),
        field("occurred_at", FieldType::DateTime,
              {QStringLiteral("Date et heure"), QStringLiteral("Date and time")}),
        field("groupe", FieldType::String, {QStringLiteral("Groupe"), QStringLiteral("Group")})};
    m.categoryField = QStringLiteral("groupe");
    if (!sel.source->time.empty())
        m.timeField = QStringLiteral("occurred_at");
    m.symbology.size = 1.8;
    m.symbology.stroke = QStringLiteral("#ffffff");
    m.symbology.zOrder = 35; // above the incidents
    ctx.addVectorLayer(m);
    Store::Inserter ins(ctx.store(), m.id);
    const LayerSnapshot &src = *sel.source;
    for (std::size_t i = 0; i < sel.x.size(); ++i) {
        if (i % 65536 == 65535)
            analytics::throwIfCanceled(ctx.feedback());
        FeatureRecord rec;
        rec.wkb = pointToWkb(sel.x[i], sel.y[i]);
        rec.source = ctx.source();
        const int label = r.label[i];
        rec.values << (label >= 0 ? QVariant(label + 1) : QVariant()) << int(r.core[i])
                   << QVariant::fromValue<qlonglong>(src.fids[sel.rows[i]]);
        const std::int64_t ti = src.time.empty() ? LayerSnapshot::kNoTime : src.time[sel.rows[i]];
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
    std::size_t noise = 0;
    for (int l : r.label)
        noise += l < 0;
    ctx.figure(QStringLiteral("clusters"), r.clusterCount);
    ctx.figure(QStringLiteral("noise"), qlonglong(noise));
    ctx.figure(QStringLiteral("largest"),
               r.clusterCount ? qlonglong(r.sizes[std::size_t(order[0])]) : 0);
    ctx.line(spaceTime ? vigie::core::AnalysisRunner::tr(
                             "Radius %1 m, time window %2 days, at least %3 incidents")
                             .arg(argText(eps), argText(epsDays), argText(minPoints))
                       : vigie::core::AnalysisRunner::tr("Radius %1 m, at least %2 incidents")
                             .arg(argText(eps), argText(minPoints)));
    ctx.line(vigie::core::AnalysisRunner::tr("%1 clusters; %2 of %3 incidents not clustered")
                 .arg(argText(r.clusterCount), argText(noise), argText(sel.x.size())));
}

} // namespace vigie::core::processing::algorithms
