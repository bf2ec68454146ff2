// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisRunner on a small demo workspace: every kind runs, keeps its result layer and its
// parameters in the store (found again after reopening), agrees with counts made directly from
// the store, writes a readable GeoTIFF, and leaves the store unchanged on bad input or cancel.

#include "core/analysis/analysis.h"
#include "core/analytics/feedback.h"
#include "core/demo/demogenerator.h"
#include "core/store/store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <gdal_priv.h>
#include <sqlite3.h>

#include <cmath>

using namespace vigie;
using namespace vigie::core;

namespace {

std::int64_t utc(int y, int m, int d, bool end = false)
{
    return QDateTime(QDate(y, m, d), end ? QTime(23, 59, 59) : QTime(0, 0), QTimeZone::utc())
        .toSecsSinceEpoch();
}

QByteArray checksum(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Incidents in [from, to] counted by SQL, independently of the runner's selection code.
qint64 countIncidents(Store &s, std::int64_t from, std::int64_t to, const QString &category = {})
{
    const QString f = QDateTime::fromSecsSinceEpoch(from, QTimeZone::utc()).toString(Qt::ISODate);
    const QString t = QDateTime::fromSecsSinceEpoch(to, QTimeZone::utc()).toString(Qt::ISODate);
    QString sql = QStringLiteral("SELECT count(*) FROM incidents WHERE occurred_at >= '%1' AND "
                                 "occurred_at <= '%2'")
                      .arg(f, t);
    if (!category.isEmpty())
        sql += QStringLiteral(" AND category = '%1'").arg(category);
    sqlite3_stmt *st = nullptr;
    const QByteArray b = sql.toUtf8();
    qint64 n = -1;
    if (sqlite3_prepare_v2(s.handle(), b.constData(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

} // namespace

class TestAnalysisRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.vigie"));
        DemoOptions o;
        o.incidentScale = 0.1;
        auto made = createDemoStore(m_path, o);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
    }

    void kdeKeepsARasterLayerAndAGeoTiff()
    {
        auto store = Store::open(m_path);
        QVERIFY(store.ok());
        AnalysisRequest r;
        r.kind = AnalysisKind::Kde;
        r.selection.from = utc(2025, 1, 1);
        r.selection.to = utc(2025, 6, 30, true);
        r.parameters = {{QStringLiteral("bandwidth"), 250}, {QStringLiteral("cellSize"), 100}};
        r.geoTiffPath = m_dir.filePath(QStringLiteral("kde.tif"));
        auto out = AnalysisRunner::run(**store, r);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
        const qint64 expected = countIncidents(**store, r.selection.from, r.selection.to);
        QCOMPARE(qint64(out->inputCount), expected);
        QCOMPARE(out->resultLayer, QStringLiteral("kde_1"));
        QVERIFY((*store)->isRasterLayer(out->resultLayer));
        auto snap = (*store)->loadSnapshot(out->resultLayer);
        QVERIFY(snap.ok() && (*snap)->raster);
        // Density in incidents/km² on 100 m cells: the sum over the grid ≈ the incidents whose
        // kernel lies inside the grid (all but those near the coast): between 90 % and 100 %.
        double sum = 0.0;
        for (double v : (*snap)->raster->values)
            if (std::isfinite(v))
                sum += v * 0.01; // km² per cell
        qInfo("KDE: %lld incidents, integral %.1f", expected, sum);
        QVERIFY(sum > 0.9 * double(expected) && sum < 1.0001 * double(expected));
        QVERIFY(!(*snap)->manifest.symbology.ramp.empty());

        // The GeoTIFF carries the same grid, georeferenced in Lambert-93.
        GDALAllRegister();
        GDALDataset *ds = GDALDataset::Open(r.geoTiffPath.toUtf8().constData(), GDAL_OF_RASTER);
        QVERIFY(ds);
        const analytics::GridSpec &g = (*snap)->raster->grid;
        QCOMPARE(ds->GetRasterXSize(), g.cols);
        QCOMPARE(ds->GetRasterYSize(), g.rows);
        double gt[6];
        QCOMPARE(ds->GetGeoTransform(gt), CE_None);
        QCOMPARE(gt[0], g.xMin);
        QCOMPARE(gt[3], g.yMax());
        QCOMPARE(gt[1], 100.0);
        const OGRSpatialReference *srs = ds->GetSpatialRef();
        QVERIFY(srs && QByteArray(srs->GetAuthorityCode(nullptr)) == "2154");
        float v = 0;
        const int c = g.cols / 2, row = g.rows / 2;
        QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Read, c, row, 1, 1, &v, 1, 1, GDT_Float32, 0, 0),
                 CE_None);
        const double stored = (*snap)->raster->at(c, row);
        QVERIFY(std::isnan(stored)
                    ? std::isnan(v)
                    : std::abs(v - stored) <= 1e-5 * std::max(1.0, std::abs(stored)));
        GDALClose(ds);
    }

    void giStarOnQuartiersCountsEveryIncident()
    {
        auto store = Store::open(m_path);
        QVERIFY(store.ok());
        AnalysisRequest r;
        r.kind = AnalysisKind::GiStar;
        r.selection.from = utc(2024, 1, 1);
        r.selection.to = utc(2024, 12, 31, true);
        r.selection.categories = {QStringLiteral("violences")};
        r.parameters = {{QStringLiteral("grid"), QStringLiteral("quartiers")}};
        auto out = AnalysisRunner::run(**store, r);
        QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
        QCOMPARE(out->parameters.value(QStringLiteral("weights")).toString(),
                 QStringLiteral("queen"));
        auto snap = (*store)->loadSnapshot(out->resultLayer);
        QVERIFY(snap.ok());
        QCOMPARE(int((*snap)->size()), 111); // one unit per quartier
        // The values analysed (counts per quartier) add up to the incidents selected.
        double total = 0;
        for (std::int64_t fid : (*snap)->fids)
            total += (*store)
                         ->attributes(out->resultLayer, fid)
                         ->value(QStringLiteral("valeur"))
                         .toDouble();
        const qint64 expected =
            countIncidents(**store, r.selection.from, r.selection.to, QStringLiteral("violences"));
        QCOMPARE(qint64(out->inputCount), expected);
        QCOMPARE(qint64(total), expected);
        // Classes are the 7 ArcGIS-style classes and some quartiers are hot in the demo city.
        QCOMPARE((*snap)->manifest.categories.size(), std::size_t(7));
        QVERIFY(out->summary.value(QStringLiteral("hot")).toInt() > 0);
    }

    void everyKindRunsAndIsKept()
    {
        auto store = Store::open(m_path);
        QVERIFY(store.ok());
        for (AnalysisKind kind : allAnalysisKinds()) {
            AnalysisRequest r;
            r.kind = kind;
            r.selection.from = utc(2024, 1, 1);
            r.selection.to = utc(2025, 12, 31, true);
            if (kind == AnalysisKind::LocalMoran)
                r.parameters = {{QStringLiteral("permutations"), 199}};
            auto out = AnalysisRunner::run(**store, r);
            QVERIFY2(out.ok(), qPrintable(analysisKindKey(kind) + QStringLiteral(": ") +
                                          (out.ok() ? QString() : out.error().message)));
            QVERIFY(!out->summaryText.isEmpty());
            const bool figuresOnly =
                kind == AnalysisKind::NearestNeighbour || kind == AnalysisKind::AnalysisScale;
            QCOMPARE(out->resultLayer.isEmpty(), figuresOnly);
            if (!figuresOnly)
                QVERIFY((*store)->hasLayer(out->resultLayer));
            if (kind == AnalysisKind::Dbscan || kind == AnalysisKind::StDbscan)
                QCOMPARE((*store)->featureCount(out->resultLayer), qint64(out->inputCount));
        }
        QVERIFY((*store)->checkIntegrity().ok());
        // Reopened, the workspace lists each analysis with its parameters.
        store = Store::open(m_path, true);
        QVERIFY(store.ok());
        const auto kept = storedAnalyses(**store);
        QVERIFY(kept.size() >= allAnalysisKinds().size());
        bool sawMoran = false;
        for (const StoredAnalysis &a : kept) {
            QVERIFY(a.parameters.contains(QStringLiteral("selection")));
            if (a.kind == QLatin1String("moran")) {
                sawMoran = true;
                QCOMPARE(a.parameters.value(QStringLiteral("permutations")).toInt(), 199);
                QVERIFY(a.summary.contains(QStringLiteral("globalI")));
            }
        }
        QVERIFY(sawMoran);
    }

    void areaSelectionRestrictsThePoints()
    {
        auto store = Store::open(m_path);
        QVERIFY(store.ok());
        AnalysisRequest r;
        r.kind = AnalysisKind::NearestNeighbour;
        r.selection.areaLayer = QStringLiteral("arrondissements");
        r.selection.areas = {QStringLiteral("1er")};
        auto one = AnalysisRunner::run(**store, r);
        QVERIFY2(one.ok(), qPrintable(one.ok() ? QString() : one.error().message));
        r.selection.areas.clear();
        auto city = AnalysisRunner::run(**store, r);
        QVERIFY(city.ok());
        QVERIFY(one->inputCount > 0 && one->inputCount < city->inputCount);
        QVERIFY(one->summary.value(QStringLiteral("areaKm2")).toDouble() <
                city->summary.value(QStringLiteral("areaKm2")).toDouble() / 10);
    }

    void badInputLeavesTheStoreUnchanged()
    {
        const QByteArray before = checksum(m_path);
        {
            auto store = Store::open(m_path);
            QVERIFY(store.ok());
            struct Case
            {
                AnalysisKind kind;
                QVariantMap params;
                AnalysisSelection sel;
            };
            AnalysisSelection future;
            future.from = utc(2030, 1, 1);
            AnalysisSelection unknownArea;
            unknownArea.areaLayer = QStringLiteral("quartiers");
            unknownArea.areas = {QStringLiteral("Atlantide")};
            AnalysisSelection unknownCategory;
            unknownCategory.categories = {QStringLiteral("piraterie")};
            const Case cases[] = {
                {AnalysisKind::Kde, {{QStringLiteral("bandwidth"), -5}}, {}},
                {AnalysisKind::Kde, {{QStringLiteral("kernel"), QStringLiteral("cubic")}}, {}},
                {AnalysisKind::GiStar, {{QStringLiteral("weights"), QStringLiteral("magic")}}, {}},
                {AnalysisKind::Dbscan, {}, future},
                {AnalysisKind::Dbscan, {}, unknownArea},
                {AnalysisKind::Dbscan, {}, unknownCategory},
                {AnalysisKind::EmergingHotSpots, {{QStringLiteral("stepDays"), 300}}, {}},
            };
            for (const Case &c : cases) {
                AnalysisRequest r;
                r.kind = c.kind;
                r.parameters = c.params;
                r.selection = c.sel;
                auto out = AnalysisRunner::run(**store, r);
                QVERIFY(!out.ok());
                QCOMPARE(int(out.error().code), int(ErrorCode::InvalidInput));
                qInfo("%s", qPrintable(out.error().message));
                QVERIFY(!out.error().message.isEmpty());
            }
            // Canceled before it starts: an error saying so, nothing written.
            analytics::Feedback feedback;
            feedback.cancel();
            AnalysisRequest r;
            r.kind = AnalysisKind::Kde;
            auto out = AnalysisRunner::run(**store, r, &feedback);
            QVERIFY(!out.ok());
            QCOMPARE(int(out.error().code), int(ErrorCode::Canceled));
        }
        QCOMPARE(checksum(m_path), before);
    }

    void cancelMidwayWritesNothing()
    {
        auto store = Store::open(m_path);
        QVERIFY(store.ok());
        const auto layersBefore = (*store)->layers().size();
        const auto analysesBefore = storedAnalyses(**store).size();
        // Cancel as soon as the density estimation reports progress.
        analytics::Feedback *self = nullptr;
        analytics::Feedback feedback([&self](double percent, const std::string &) {
            if (percent >= 15 && self)
                self->cancel();
        });
        self = &feedback;
        AnalysisRequest r;
        r.kind = AnalysisKind::Kde;
        r.parameters = {{QStringLiteral("cellSize"), 10}};
        auto out = AnalysisRunner::run(**store, r, &feedback);
        QVERIFY(!out.ok());
        QCOMPARE(int(out.error().code), int(ErrorCode::Canceled));
        QCOMPARE((*store)->layers().size(), layersBefore);
        QCOMPARE(storedAnalyses(**store).size(), analysesBefore);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestAnalysisRunner)
#include "test_analysisrunner.moc"
