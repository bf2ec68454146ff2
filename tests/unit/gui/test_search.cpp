// SPDX-License-Identifier: GPL-3.0-or-later
// Place search: quartiers, venues and cameras of the demo workspace, OSM streets and landmarks
// from ../shared/data imported as a user would, and addresses from a layer in the national
// address base's CSV format; typed in the toolbar's box, the map goes there.

#include "guitestsupport.h"
#include "layerpanel.h"
#include "mapcanvas.h"
#include "placesearchbox.h"

#include "core/crs/crs.h"
#include "core/search/placesearch.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDir>
#include <QFile>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace vigie;

class TestSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void folding();
    void findsNoailles();
    void findsTheVelodromeAndACamera();
    void streetsAndLandmarks();
    void addresses();
    void typedInTheToolbar();
    void cleanupTestCase();

private:
    void import(const QString &path, const QString &id, const core::ImportOptions &base = {});

    QTemporaryDir m_dir;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString store = m_dir.filePath(QStringLiteral("demo.vigie"));
    guitest::makeFrenchDemo(store, 0.05);
    if (QTest::currentTestFailed())
        return;
    guitest::openWindow(m_window, store);
}

void TestSearch::import(const QString &path, const QString &id, const core::ImportOptions &base)
{
    QSignalSpy ended(m_window.get(), &gui::MainWindow::taskEnded);
    core::ImportOptions options = base;
    options.newLayerId = id;
    m_window->importFile(path, options);
    QVERIFY(ended.wait(60000));
    QVERIFY2(ended.first().first().toBool(), qPrintable(m_window->lastError()));
}

void TestSearch::folding()
{
    using core::PlaceIndex;
    QCOMPARE(PlaceIndex::fold(QStringLiteral("Notre-Dame de la Garde")),
             QStringLiteral("notre dame de la garde"));
    QCOMPARE(PlaceIndex::fold(QStringLiteral("  St Barnabé ")), QStringLiteral("saint barnabe"));
    QCOMPARE(PlaceIndex::fold(QStringLiteral("Cathédrale \"de la Major\"")),
             QStringLiteral("cathedrale de la major"));
    PlaceIndex index;
    index.add({QStringLiteral("Saint-Barnabé"), {}, {}, 1, {}, {}, 0, {}});
    index.add({QStringLiteral("Boulevard de Saint-Barnabé"), {}, {}, 2, {}, {}, 2, {}});
    index.add({QStringLiteral("Barnabé"), {}, {}, 3, {}, {}, 2, {}});
    const auto found = index.find(QStringLiteral("st barnabe"));
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(found[0].fid, 1); // the name begins with it
    QCOMPARE(found[1].fid, 2); // every word begins a word
    QVERIFY(index.find(QStringLiteral("b")).empty());
}

void TestSearch::findsNoailles()
{
    gui::MainWindow &w = *m_window;
    const core::PlaceIndex *index = w.placeIndex();
    QVERIFY(index && index->size() > 100);
    const auto found = index->find(QStringLiteral("noailles"));
    QVERIFY(!found.empty());
    QCOMPARE(found[0].text, QStringLiteral("Noailles"));
    QCOMPARE(found[0].layerId, QStringLiteral("quartiers"));
    QVERIFY(found[0].bounds.isValid());
    w.goToPlace(found[0]);
    const QRectF view = w.mapCanvas()->visibleExtent();
    QVERIFY(view.contains(found[0].bounds));
    QVERIFY2(view.width() < 3000, qPrintable(QString::number(view.width())));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("Noailles")));
}

void TestSearch::findsTheVelodromeAndACamera()
{
    gui::MainWindow &w = *m_window;
    const auto velodrome = w.placeIndex()->find(QStringLiteral("velodrome"));
    QVERIFY(!velodrome.empty());
    QCOMPARE(velodrome[0].text, QStringLiteral("Orange Vélodrome"));
    QVERIFY2(velodrome[0].detail.contains(QStringLiteral("Lieu")), qPrintable(velodrome[0].detail));
    // One place for the venue, however many events it had.
    int venues = 0;
    for (const auto &p : velodrome)
        venues += p.text == QStringLiteral("Orange Vélodrome");
    QCOMPARE(venues, 1);
    w.goToPlace(velodrome[0]);
    const QPointF centre = w.mapCanvas()->visibleExtent().center();
    QVERIFY(std::hypot(centre.x() - 894599.0, centre.y() - 6244132.0) < 50.0);
    QVERIFY2(w.mapCanvas()->scaleDenominator() < 6000,
             qPrintable(QString::number(w.mapCanvas()->scaleDenominator())));

    const auto camera = w.placeIndex()->find(QStringLiteral("CAM-0012"));
    QVERIFY(!camera.empty());
    QCOMPARE(camera[0].text, QStringLiteral("CAM-0012"));
    QCOMPARE(camera[0].layerId, QStringLiteral("cameras"));
}

void TestSearch::streetsAndLandmarks()
{
    const QString data = QStringLiteral(VIGIE_SHARED_DATA "/marseille_streets_landmarks_osm");
    core::ImportOptions wgs84;
    wgs84.sourceCrs = QStringLiteral("EPSG:4326"); // as SOURCE.txt says
    import(data + QStringLiteral("/rues-marseille-centroides-osm.csv"), QStringLiteral("rues"),
           wgs84);
    if (QTest::currentTestFailed())
        return;
    import(data + QStringLiteral("/monuments-marseille.geojson"), QStringLiteral("monuments"));
    if (QTest::currentTestFailed())
        return;
    const core::PlaceIndex *index = m_window->placeIndex();
    // The street, and the demo's venue of the same name: both, named as such.
    const auto found = index->find(QStringLiteral("cours julien"));
    const auto street = std::find_if(found.begin(), found.end(), [](const core::Place &p) {
        return p.layerId == QLatin1String("rues");
    });
    QVERIFY(street != found.end());
    QCOMPARE(street->text, QStringLiteral("Cours Julien"));
    QCOMPARE(street->detail, QStringLiteral("rues-marseille-centroides-osm · nom_voie"));
    // The Cours Julien is in the 6e, about 892 800, 6 246 600 in Lambert-93.
    QVERIFY(std::hypot(street->point.x() - 892800, street->point.y() - 6246600) < 1500);
    const auto garde = index->find(QStringLiteral("n-d garde"));
    QVERIFY(!garde.empty());
    QCOMPARE(garde[0].text, QStringLiteral("Notre-Dame de la Garde"));
}

void TestSearch::addresses()
{
    // The address base's CSV (adresse.data.gouv.fr): semicolons, lon/lat in WGS 84, x/y in
    // Lambert-93. A few real numbers of real streets, placed approximately.
    const QString path = m_dir.filePath(QStringLiteral("adresses-13.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;"
                "code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;"
                "alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;"
                "certification_commune;cad_parcelles\n"
                "13206_8010_00012;13206_8010;12;;Rue de Rome;13006;13206;Marseille;;;"
                "893051.1;6246942.6;5.380131;43.293164;entrée;;;MARSEILLE;RUE DE ROME;"
                "commune;commune;1;\n"
                "13206_8010_00012_bis;13206_8010;12;bis;Rue de Rome;13006;13206;Marseille;;;"
                "893052.0;6246935.0;5.380142;43.293095;entrée;;;MARSEILLE;RUE DE ROME;"
                "commune;commune;1;\n"
                "13201_2340_00002;13201_2340;2;;La Canebière;13001;13201;Marseille;;;"
                "892761.0;6247496.0;5.376492;43.297896;entrée;;;MARSEILLE;LA CANEBIERE;"
                "commune;commune;1;\n");
    }
    core::ImportOptions options;
    options.xField = QStringLiteral("lon");
    options.yField = QStringLiteral("lat");
    options.sourceCrs = QStringLiteral("EPSG:4326");
    import(path, QStringLiteral("adresses"), options);
    if (QTest::currentTestFailed())
        return;
    const core::PlaceIndex *index = m_window->placeIndex();
    const auto found = index->find(QStringLiteral("12 rue de rome"));
    QVERIFY(found.size() >= 2);
    QCOMPARE(found[0].text, QStringLiteral("12 Rue de Rome, 13006 Marseille"));
    QCOMPARE(found[1].text, QStringLiteral("12 bis Rue de Rome, 13006 Marseille"));
    QCOMPARE(found[0].layerId, QStringLiteral("adresses"));
    // At its lon/lat, as PROJ puts it in Lambert-93, to a metre.
    auto toL93 =
        core::CoordinateTransform::create(QStringLiteral("EPSG:4326"), QStringLiteral("EPSG:2154"));
    QVERIFY(toL93);
    const QPointF want = toL93->transform(QPointF(5.380131, 43.293164));
    QVERIFY2(std::hypot(found[0].point.x() - want.x(), found[0].point.y() - want.y()) < 1.0,
             qPrintable(QStringLiteral("%1 %2").arg(found[0].point.x()).arg(found[0].point.y())));
    const auto canebiere = index->find(QStringLiteral("2 canebiere"));
    QVERIFY(!canebiere.empty());
    QCOMPARE(canebiere[0].text, QStringLiteral("2 La Canebière, 13001 Marseille"));
}

void TestSearch::typedInTheToolbar()
{
    gui::MainWindow &w = *m_window;
    gui::PlaceSearchBox *box = w.placeSearch();
    QVERIFY(box && box->isVisible());
    box->setFocus();
    box->clear();
    QTest::keyClicks(box, QStringLiteral("Noai"));
    QCOMPARE(box->matches().empty(), false);
    QCOMPARE(box->matches().front().text, QStringLiteral("Noailles"));
    QSignalSpy chosen(box, &gui::PlaceSearchBox::placeChosen);
    QTest::keyClick(box, Qt::Key_Return);
    if (chosen.isEmpty())
        box->choose(0); // the popup took Return without a current row
    QCOMPARE(chosen.count(), 1);
    QVERIFY(w.mapCanvas()->visibleExtent().width() < 3000);

    // Something that is nowhere: a quiet message, the map stays.
    const QRectF before = w.mapCanvas()->visibleExtent();
    box->clear();
    QTest::keyClicks(box, QStringLiteral("Atlantide"));
    QVERIFY(box->matches().empty());
    QTest::keyClick(box, Qt::Key_Return);
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("Atlantide")));
    QCOMPARE(w.mapCanvas()->visibleExtent(), before);

    // The Vélodrome, typed, and a screenshot of the map there with its marker.
    box->clear();
    QTest::keyClicks(box, QStringLiteral("orange vel"));
    QVERIFY(!box->matches().empty());
    box->choose(0);
    const int count = w.mapCanvas()->renderCount();
    QTRY_VERIFY_WITH_TIMEOUT(w.mapCanvas()->renderCount() > count, 10000);
    QVERIFY(
        w.grab().toImage().save(guitest::screenshotPath(QStringLiteral("search-velodrome.png"))));
}

void TestSearch::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestSearch)
#include "test_search.moc"
