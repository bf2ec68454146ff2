// SPDX-License-Identifier: GPL-3.0-or-later
// The inputs shared by the reference tests load as documented: the cached demo city and the real
// Essex crimes, in the stated CRS and extents.
#include "referencesupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace vigie::testsupport;

class TestReferenceSupport : public QObject
{
    Q_OBJECT
private slots:
    void demoIncidentsLoad()
    {
        const Points p = demoIncidents();
        QVERIFY2(p.size() > 10000, "the scaled demo city has tens of thousands of incidents");
        QCOMPARE(p.t.size(), p.size());
        QCOMPARE(p.category.size(), p.size());
        for (std::size_t i = 0; i < p.size(); ++i) {
            // Lambert-93 around Marseille; three years of days
            QVERIFY(p.x[i] > 880000 && p.x[i] < 920000);
            QVERIFY(p.y[i] > 6230000 && p.y[i] < 6270000);
            QVERIFY(p.t[i] >= 0 && p.t[i] < 3 * 366);
        }
        // The second call reuses the cached store and gives the same points.
        const Points again = demoIncidents();
        QCOMPARE(again.x, p.x);
    }
    void essexCrimesLoad()
    {
        const Points p = essexCrimes(1);
        // January 2018 has 14 786 rows, a few without coordinates or outside Essex
        QVERIFY(p.size() > 14000 && p.size() <= 14786);
        QCOMPARE(p.crs, QStringLiteral("EPSG:27700"));
        const Points two = essexCrimes(2);
        QVERIFY(two.size() > p.size() + 13000);
        QCOMPARE(two.t.back(), 30.0);
    }
    void csvRoundTrip()
    {
        const QString path = QDir::temp().filePath(QStringLiteral("vigie-support-roundtrip.csv"));
        QVERIFY(writeCsv(path, {QStringLiteral("a"), QStringLiteral("b")},
                         {{1.0, 0.1 + 0.2}, {-3.5, 1e-300}}));
        QStringList header;
        const auto cols = readCsv(path, &header);
        QCOMPARE(header, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(cols[0][1], 0.1 + 0.2); // 17 significant digits survive exactly
        QCOMPARE(cols[1][1], 1e-300);
        QFile::remove(path);
    }
};

QTEST_GUILESS_MAIN(TestReferenceSupport)
#include "test_referencesupport.moc"
