// SPDX-License-Identifier: GPL-3.0-or-later
// DBSCAN against QGIS's native:dbscanclustering (qgis_process, run at test time) on the demo
// incidents and real Essex crimes. QGIS's "minimum cluster size" counts the point itself, as
// Vigie's minPoints (and scikit-learn's min_samples), so it is passed unchanged; its CLUSTER_ID
// is 1-based, numbered in discovery order over features in fid order (= input order), so
// CLUSTER_ID - 1 must equal Vigie's label for every point, NULL meaning noise.
// With DBSCAN* (border points as noise) the points QGIS clusters are exactly the core points,
// which checks Vigie's core flags too.
#include "clustercompare.h"
#include "clusterio.h"
#include "referencesupport.h"

#include "analytics/cluster.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigie;
using namespace vigie::testsupport;

class TestClusterQgis : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!haveProgram(QStringLiteral("/usr/bin/qgis_process.bin")))
            QFAIL("/usr/bin/qgis_process.bin is missing: install the Debian package qgis");
    }

    void dbscanMatches_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<double>("eps");
        QTest::addColumn<int>("minPoints");
        QTest::addColumn<bool>("star");
        QTest::newRow("demo incidents / 2, eps 100 m, min 10") << "demo" << 100.0 << 10 << false;
        QTest::newRow("demo incidents / 2, eps 100 m, min 10, DBSCAN*")
            << "demo" << 100.0 << 10 << true;
        QTest::newRow("Essex Jan 2018, eps 100 m, min 10") << "essex" << 100.0 << 10 << false;
        QTest::newRow("Essex Jan 2018, eps 60 m, min 5, DBSCAN*") << "essex" << 60.0 << 5 << true;
    }

    void dbscanMatches()
    {
        QFETCH(QString, data);
        QFETCH(double, eps);
        QFETCH(int, minPoints);
        QFETCH(bool, star);
        const bool demo = data == QLatin1String("demo");
        const Points p = demo ? demoIncidents().every(2) : essexCrimes(1);
        QVERIFY2(p.size() > 1000, "input points could not be loaded");
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.gpkg"));
        const QString out = dir.filePath(QStringLiteral("out.gpkg"));
        QVERIFY(clusterio::writePointsGpkg(in, p.x, p.y, {}, demo ? 2154 : 27700));
        const clusterio::QgisClusters q =
            clusterio::runQgisClustering(in, out, p.size(), eps, minPoints, star);
        QVERIFY2(q.error.isEmpty(), qPrintable(q.error));
        qInfo().noquote() << QStringLiteral("QGIS native:dbscanclustering (%1 points, %2 s): "
                                            "NUM_CLUSTERS %3; %4")
                                 .arg(p.size())
                                 .arg(q.seconds, 0, 'f', 1)
                                 .arg(q.numClusters)
                                 .arg(clustercompare::summary(q.label));

        const analytics::ClusterResult r = analytics::dbscan(p.pointSet(), {eps, minPoints, star});
        qInfo().noquote()
            << QStringLiteral("Vigie: %1").arg(clustercompare::summary(r.label, &r.core));
        QCOMPARE(r.clusterCount, q.numClusters);
        QString detail;
        const std::size_t differ = clustercompare::countDifferences(r.label, q.label, &detail);
        QVERIFY2(differ == 0,
                 qPrintable(QStringLiteral("%1 labels differ: %2").arg(differ).arg(detail)));
        if (star)
            for (std::size_t i = 0; i < p.size(); ++i)
                QVERIFY2(bool(r.core[i]) == (q.label[i] >= 0), "core flags differ from DBSCAN*");
    }
};

QTEST_GUILESS_MAIN(TestClusterQgis)
#include "test_cluster_qgis.moc"
