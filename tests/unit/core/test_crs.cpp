// SPDX-License-Identifier: GPL-3.0-or-later
#include "crs/crs.h"

#include <QTest>

using namespace vigie::core;

class TestCrs : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("tolerance");
        // Reference values from the PROJ command line (cs2cs EPSG:4326 EPSG:2154).
        QTest::newRow("Paris") << 2.3522 << 48.8566 << 652469.02 << 6862035.26 << 0.01;
        QTest::newRow("Marseille Vieux-Port")
            << 5.3698 << 43.2951 << 892394.89 << 6246879.70 << 0.01;
    }

    void roundTrip()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, tolerance);
        auto t =
            CoordinateTransform::create(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:2154"));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        double px = lon, py = lat;
        QVERIFY(t->transform(px, py));
        QVERIFY2(qAbs(px - x) < tolerance && qAbs(py - y) < tolerance,
                 qPrintable(QStringLiteral("%1 %2").arg(px, 0, 'f', 3).arg(py, 0, 'f', 3)));
        QVERIFY(t->inverse(px, py));
        QVERIFY(qAbs(px - lon) < 1e-8 && qAbs(py - lat) < 1e-8);
        const QPointF p = t->transform(QPointF(lon, lat));
        QVERIFY(qAbs(p.x() - x) < tolerance);
    }

    void unknownCrs()
    {
        auto t =
            CoordinateTransform::create(QStringLiteral("EPSG:999999"), QStringLiteral("EPSG:2154"));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::Crs);
        QVERIFY(t.error().message.contains(QStringLiteral("EPSG:999999")));
        auto garbage =
            CoordinateTransform::create(QStringLiteral("not a crs"), QStringLiteral("EPSG:2154"));
        QVERIFY(!garbage.ok());
        QVERIFY(!CoordinateTransform::create(QString(), QStringLiteral("EPSG:2154")).ok());
    }
};

QTEST_GUILESS_MAIN(TestCrs)
#include "test_crs.moc"
