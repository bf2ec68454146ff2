// SPDX-License-Identifier: GPL-3.0-or-later
// Times the "Bilan mensuel CLSPD" atlas of the 16 arrondissements (cover, overview, 16 area
// pages) on the full demo city, with a KDE heatmap on every map: figures (SQL), PDF pages, total.
// Usage: bench_report [runs=3] [period=2025-01..2025-03] [orientation=portrait]
#include "core/analysis/analysis.h"
#include "core/demo/demogenerator.h"
#include "core/report/reportfigures.h"
#include "core/report/reporttemplate.h"
#include "core/store/store.h"
#include "render/report/reportpdf.h"

#include <QBuffer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace vigie;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    const QString periodText =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("2025-01..2025-03");
    const QString orientation =
        argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("portrait");

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.vigie"));
    QElapsedTimer timer;
    timer.start();
    auto demo = core::createDemoStore(path);
    if (!demo) {
        std::fprintf(stderr, "demo: %s\n", qPrintable(demo.error().message));
        return 1;
    }
    std::printf("demo city: %lld incidents (%.1f s)\n", qint64(demo->incidents),
                timer.elapsed() / 1000.0);
    auto store = core::Store::open(path);
    auto period = core::ReportPeriod::parse(periodText);
    core::AnalysisRequest kde;
    kde.kind = core::AnalysisKind::Kde;
    kde.selection.from = period->fromUtc();
    kde.selection.to = period->toUtcExclusive() - 1;
    timer.restart();
    auto analysis = core::AnalysisRunner::run(**store, kde);
    if (!analysis) {
        std::fprintf(stderr, "kde: %s\n", qPrintable(analysis.error().message));
        return 1;
    }
    std::printf("KDE of the period: %.2f s (not counted below)\n", timer.elapsed() / 1000.0);

    core::ReportRequest request;
    request.reportTemplate = *core::ReportTemplate::load(QStringLiteral("bilan_mensuel_clspd"));
    request.period = *period;
    request.orientation = orientation;
    std::vector<double> figures, pages, total;
    int pageCount = 0;
    qint64 bytes = 0;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        auto data = core::computeReportData(**store, request);
        const double f = timer.nsecsElapsed() / 1e9;
        if (!data) {
            std::fprintf(stderr, "figures: %s\n", qPrintable(data.error().message));
            return 1;
        }
        const QString out = dir.filePath(QStringLiteral("atlas.pdf"));
        timer.restart();
        auto outcome = render::exportReport(**store, request, out);
        const double t = timer.nsecsElapsed() / 1e9;
        if (!outcome) {
            std::fprintf(stderr, "report: %s\n", qPrintable(outcome.error().message));
            return 1;
        }
        figures.push_back(f);
        total.push_back(t);
        pages.push_back(t - f);
        pageCount = outcome->pages;
        bytes = QFileInfo(out).size();
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("atlas %s, %s, %d pages, %.1f MB\n", qPrintable(periodText),
                qPrintable(orientation), pageCount, bytes / 1e6);
    std::printf("figures (SQL, 3 periods + weekly/hourly series): %.2f s (median of %d)\n",
                median(figures), runs);
    std::printf("pages (maps, tables, charts, PDF):               %.2f s\n", median(pages));
    std::printf("total export:                                    %.2f s  (%.2f s per area page)\n",
                median(total), median(total) / 16.0);
    return 0;
}
