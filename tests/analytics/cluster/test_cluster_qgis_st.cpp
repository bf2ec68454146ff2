// SPDX-License-Identifier: GPL-3.0-or-later
// ST-DBSCAN against QGIS's native:stdbscanclustering (qgis_process, run at test time).
// ST-DBSCAN conversion: Vigie's t (days) is written as a datetime field (2023-01-01 UTC + t,
// times rounded to 1/1024 day so both sides compare exact values); QGIS 3.22's qgis_process takes
// EPS2 in milliseconds: EPS2 = epsTimeDays * 86 400 000. Labels must be identical (CLUSTER_ID - 1).
#include "clustercompare.h"
#include "clusterio.h"
#include "referencesupport.h"

#include "analytics/cluster.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigie;
using namespace vigie::testsupport;

class TestClusterQgisSt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!haveProgram(QStringLiteral("/usr/bin/qgis_process.bin")))
            QFAIL("/usr/bin/qgis_process.bin is missing: install the Debian package qgis");
    }

    void stDbscanMatches_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<double>("eps");
        QTest::addColumn<double>("epsTime");
        QTest::addColumn<int>("minPoints");
        QTest::newRow("demo incidents / 3, 150 m, 7 days, min 3") << "demo" << 150.0 << 7.0 << 3;
        // Essex times are month index * 30 days: a window of exactly 30 days tests the inclusive
        // bound.
        QTest::newRow("Essex Jan-Feb 2018, 100 m, 30 days, min 8") << "essex" << 100.0 << 30.0 << 8;
    }

    void stDbscanMatches()
    {
        QFETCH(QString, data);
        QFETCH(double, eps);
        QFETCH(double, epsTime);
        QFETCH(int, minPoints);
        const bool demo = data == QLatin1String("demo");
        Points p = demo ? demoIncidents().every(3) : essexCrimes(2);
        QVERIFY2(p.size() > 1000, "input points could not be loaded");
        p.t = clusterio::roundTimes(p.t);
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.gpkg"));
        const QString out = dir.filePath(QStringLiteral("out.gpkg"));
        QVERIFY(clusterio::writePointsGpkg(in, p.x, p.y, p.t, demo ? 2154 : 27700));
        const clusterio::QgisClusters q = clusterio::runQgisClustering(
            in, out, p.size(), eps, minPoints, false, epsTime * 86400000.0);
        QVERIFY2(q.error.isEmpty(), qPrintable(q.error));
        qInfo().noquote() << QStringLiteral("QGIS native:stdbscanclustering (%1 points, %2 s): "
                                            "NUM_CLUSTERS %3; %4")
                                 .arg(p.size())
                                 .arg(q.seconds, 0, 'f', 1)
                                 .arg(q.numClusters)
                                 .arg(clustercompare::summary(q.label));

        const analytics::ClusterResult r =
            analytics::stDbscan(p.pointSet(), {eps, epsTime, minPoints, false});
        qInfo().noquote()
            << QStringLiteral("Vigie: %1").arg(clustercompare::summary(r.label, &r.core));
        const analytics::ClusterResult spatial =
            analytics::dbscan(p.pointSet(), {eps, minPoints, false});
        qInfo("Vigie plain DBSCAN on the same points, for contrast: %d clusters",
              spatial.clusterCount);
        QCOMPARE(r.clusterCount, q.numClusters);
        QString detail;
        const std::size_t differ = clustercompare::countDifferences(r.label, q.label, &detail);
        QVERIFY2(differ == 0,
                 qPrintable(QStringLiteral("%1 labels differ: %2").arg(differ).arg(detail)));
    }
};

QTEST_GUILESS_MAIN(TestClusterQgisSt)
#include "test_cluster_qgis_st.moc"
