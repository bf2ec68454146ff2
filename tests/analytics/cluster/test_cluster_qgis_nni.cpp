// SPDX-License-Identifier: GPL-3.0-or-later
// The Clark-Evans nearest-neighbour index against QGIS's native:nearestneighbouranalysis
// (qgis_process, run at test time) on the demo incidents and on Essex crimes (many coincident
// points: nearest distance 0). QGIS uses the bounding-box area of the layer; Vigie is given the
// same area (boundingBoxArea). Tolerance 1e-12 relative (QGIS prints 16 significant digits and
// sums in another order; z also 1e-9 absolute).
#include "clusterio.h"
#include "referencesupport.h"

#include "analytics/cluster.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace vigie;
using namespace vigie::testsupport;

namespace {

bool close(double a, double b, double relative)
{
    return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b));
}

} // namespace

class TestClusterQgisNni : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!haveProgram(QStringLiteral("/usr/bin/qgis_process.bin")))
            QFAIL("/usr/bin/qgis_process.bin is missing: install the Debian package qgis");
    }

    void nearestNeighbourIndexMatches_data()
    {
        QTest::addColumn<QString>("data");
        QTest::newRow("demo incidents") << "demo";
        QTest::newRow("Essex Jan 2018 (coincident points)") << "essex";
    }

    void nearestNeighbourIndexMatches()
    {
        QFETCH(QString, data);
        const bool demo = data == QLatin1String("demo");
        const Points p = demo ? demoIncidents() : essexCrimes(1);
        QVERIFY2(p.size() > 1000, "input points could not be loaded");
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.gpkg"));
        QVERIFY(clusterio::writePointsGpkg(in, p.x, p.y, {}, demo ? 2154 : 27700));
        const ToolRun run = runQgisProcess(QStringLiteral("native:nearestneighbouranalysis"),
                                           {QStringLiteral("--INPUT=%1").arg(in)}, 300);
        QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr.right(1500)));
        std::map<QString, double> qgis;
        for (const QString &line : run.stdOut.split(u'\n')) {
            const int colon = line.indexOf(u':');
            bool ok = false;
            const double v = line.mid(colon + 1).trimmed().toDouble(&ok);
            if (colon > 0 && ok)
                qgis[line.left(colon)] = v;
        }
        for (const char *key : {"OBSERVED_MD", "EXPECTED_MD", "NN_INDEX", "POINT_COUNT", "Z_SCORE"})
            QVERIFY2(qgis.count(QString::fromLatin1(key)), key);
        qInfo("QGIS nearestneighbouranalysis: observed %.10g m, expected %.10g m, NNI %.10g, "
              "n %.0f, z %.10g",
              qgis["OBSERVED_MD"], qgis["EXPECTED_MD"], qgis["NN_INDEX"], qgis["POINT_COUNT"],
              qgis["Z_SCORE"]);

        const double area = analytics::boundingBoxArea(p.x, p.y);
        const analytics::NearestNeighbourIndex r = analytics::nearestNeighbourIndex(p.x, p.y, area);
        qInfo("Vigie: observed %.10g m, expected %.10g m, NNI %.10g, n %zu, z %.10g, p %.3g, "
              "area %.6g m2",
              r.observedMean, r.expectedMean, r.ratio, r.n, r.z, r.p, r.area);
        QCOMPARE(double(r.n), qgis["POINT_COUNT"]);
        constexpr double tolerance = 1e-12;
        QVERIFY(close(r.observedMean, qgis["OBSERVED_MD"], tolerance));
        QVERIFY(close(r.expectedMean, qgis["EXPECTED_MD"], tolerance));
        QVERIFY(close(r.ratio, qgis["NN_INDEX"], tolerance));
        // z is a difference over a small standard error: also allow 1e-9 absolute.
        QVERIFY(close(r.z, qgis["Z_SCORE"], tolerance) || std::abs(r.z - qgis["Z_SCORE"]) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestClusterQgisNni)
#include "test_cluster_qgis_nni.moc"
