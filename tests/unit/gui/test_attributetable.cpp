// SPDX-License-Identifier: GPL-3.0-or-later
// The attribute table: a million incidents open at once and sort on a worker thread while the
// event loop keeps turning (measured), the rows follow the map's period and categories, and the
// selection goes from the table to the map and from the map to the table.

#include "../core/testutil.h"
#include "attributetable.h"
#include "guitestsupport.h"
#include "layerpanel.h"
#include "mapcanvas.h"
#include "timefilter.h"

#include "core/layerregistry.h"
#include "core/store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace vigie;

namespace {

constexpr int kMillion = 1000000;

/// The longest gap between ticks of a 5 ms timer while `busy` holds: how long the event loop
/// was kept from turning.
qint64 longestStall(const std::function<bool()> &busy, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        worst = std::max(worst, now - last);
        last = now;
    });
    tick.start();
    while (busy() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    worst = std::max(worst, clock.elapsed() - last);
    return worst;
}

} // namespace

class TestAttributeTable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void millionRowsOpenAndSort();
    void followsThePeriodAndCategories();
    void selectionBothWays();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<gui::MainWindow> m_window;
};

void TestAttributeTable::initTestCase()
{
    QVERIFY(m_dir.isValid());
    guitest::makeFrenchDemo(m_dir.filePath(QStringLiteral("demo.vigie")), 0.05);
}

void TestAttributeTable::millionRowsOpenAndSort()
{
    // A million incidents written through the store's bulk path.
    core::LayerRegistry registry;
    registry.loadBuiltins();
    const core::LayerManifest *manifest = registry.find(QStringLiteral("incidents"));
    QVERIFY(manifest);
    auto handle = std::make_shared<gui::StoreHandle>();
    {
        auto store = core::Store::create(m_dir.filePath(QStringLiteral("million.vigie")));
        QVERIFY(store.ok());
        handle->store = std::move(store.value());
    }
    QVERIFY(handle->store->addLayer(*manifest, QStringLiteral("test")).ok());
    QElapsedTimer timer;
    timer.start();
    {
        core::Store::Transaction tx(*handle->store);
        core::Store::Inserter ins(*handle->store, QStringLiteral("incidents"));
        const QDateTime t0(QDate(2016, 1, 1), QTime(0, 0), QTimeZone::utc());
        for (int i = 0; i < kMillion; ++i) {
            core::FeatureRecord r;
            const int k = int((std::uint32_t(i) * 2654435761u) % 1000003u);
            r.wkb = test::pointWkb(885000 + k % 17000, 6238000 + (k / 17) % 20000);
            r.values = {t0.addSecs(qint64(k) * 300).toString(Qt::ISODate),
                        manifest->categories[std::size_t(i % 6)].value, 1 + i % 3,
                        QStringLiteral("13%1").arg(k % 111, 3, 10, QLatin1Char('0')),
                        QStringLiteral("PM")};
            r.source = QStringLiteral("test");
            ins.add(r);
        }
        tx.commit();
    }
    qInfo("1 000 000 incidents written in %lld ms", timer.restart());
    auto snapshot = handle->store->loadSnapshot(QStringLiteral("incidents"));
    QVERIFY(snapshot.ok());
    QCOMPARE((*snapshot)->size(), std::size_t(kMillion));
    qInfo("snapshot loaded in %lld ms", timer.restart());

    // Open: the table is on screen with its first rows drawn in under a second.
    gui::AttributeTable table;
    table.resize(1200, 400);
    timer.restart();
    table.setLayer(handle, *snapshot, QStringLiteral("fr"));
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    QCoreApplication::processEvents();
    const qint64 openMs = timer.elapsed();
    qInfo("attribute table of 1 000 000 rows open and drawn in %lld ms", openMs);
    QVERIFY2(openMs < 1000, qPrintable(QString::number(openMs)));
    gui::AttributeTableModel *model = table.model();
    QCOMPARE(model->rowCount(), kMillion);
    QVERIFY(!model->data(model->index(0, 2), Qt::DisplayRole).toString().isEmpty());

    // Sort by date, then by quartier code: the event loop never stops for more than 100 ms.
    for (const int column : {1, 4}) {
        timer.restart();
        QSignalSpy done(model, &gui::AttributeTableModel::sortingChanged);
        table.view()->sortByColumn(column, Qt::DescendingOrder);
        QVERIFY(model->isSorting());
        const qint64 stall =
            longestStall([&] { return model->isSorting() || done.count() < 2; }, 60000);
        qInfo("sort by column %d: %lld ms, longest stall of the event loop %lld ms", column,
              timer.elapsed(), stall);
        QVERIFY2(stall < 100, qPrintable(QString::number(stall)));
        QVERIFY(!model->isSorting());
    }
    // Sorted by quartier code, descending: checked on rows spread over the table.
    QString previous;
    for (int row = 0; row < kMillion; row += 99991) {
        const QString code = model->data(model->index(row, 4), Qt::DisplayRole).toString();
        if (!previous.isEmpty())
            QVERIFY2(code <= previous, qPrintable(code + QStringLiteral(" > ") + previous));
        previous = code;
    }
    QCOMPARE(model->data(model->index(0, 4), Qt::DisplayRole).toString(), QStringLiteral("13110"));
}

void TestAttributeTable::followsThePeriodAndCategories()
{
    guitest::openWindow(m_window, m_dir.filePath(QStringLiteral("demo.vigie")));
    if (QTest::currentTestFailed())
        return;
    gui::MainWindow &w = *m_window;
    QVERIFY(w.openAttributeTable(QStringLiteral("incidents")));
    gui::AttributeTable *table = w.attributeTable();
    QVERIFY(table && table->isVisible());
    // Everything still fits 1280 × 800 with the table open.
    QCoreApplication::processEvents();
    QVERIFY2(w.width() <= 1280 && w.height() <= 800,
             qPrintable(QStringLiteral("%1 × %2").arg(w.width()).arg(w.height())));
    QVERIFY(table->height() >= 150);
    const gui::LayerState *incidents = nullptr;
    for (const auto &l : w.layerPanel()->layers())
        if (l.manifest.id == QLatin1String("incidents"))
            incidents = &l;
    QVERIFY(incidents && incidents->data);
    const auto &snap = *incidents->data;
    QCOMPARE(table->model()->rowCount(), int(snap.size()));

    // Last calendar month: the rows of that month only.
    w.timeFilter()->applyPreset(core::CalendarPreset::LastMonth);
    QTRY_VERIFY(table->model()->rowCount() < int(snap.size()));
    const auto from = w.timeFilter()->from(), to = w.timeFilter()->to();
    int inMonth = 0;
    for (const std::int64_t t : snap.time)
        inMonth += t >= from && t <= to;
    QCOMPARE(table->model()->rowCount(), inMonth);

    // A category hidden in the legend leaves the table too.
    w.layerPanel()->setCategoryVisible(QStringLiteral("incidents"), 0, false);
    int shown = 0;
    for (std::size_t r = 0; r < snap.size(); ++r)
        shown += snap.time[r] >= from && snap.time[r] <= to && snap.category[r] != 0;
    QTRY_COMPARE(table->model()->rowCount(), shown);
    w.layerPanel()->setCategoryVisible(QStringLiteral("incidents"), 0, true);
    QTRY_COMPARE(table->model()->rowCount(), inMonth);
}

void TestAttributeTable::selectionBothWays()
{
    gui::MainWindow &w = *m_window;
    gui::AttributeTable *table = w.attributeTable();
    QVERIFY(table);
    gui::AttributeTableModel *model = table->model();
    QVERIFY(model->rowCount() > 10);
    // Table -> map: three rows selected, three features marked.
    QItemSelection chosen;
    for (int row : {0, 3, 7})
        chosen.select(model->index(row, 0), model->index(row, model->columnCount() - 1));
    table->view()->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect);
    QCOMPARE(table->selectedFids().size(), std::size_t(3));
    QCOMPARE(w.mapCanvas()->selectionSize(), std::size_t(3));
    w.zoomToTableSelection();
    const auto &snap = model->snapshot();
    const std::size_t r = model->snapshotRow(3);
    QVERIFY(w.mapCanvas()->visibleExtent().contains(QPointF(snap.x[r], snap.y[r])));

    // Map -> table: the incident identified on the map is the row selected.
    const std::size_t target = model->snapshotRow(5);
    for (const char *id : {"events", "cameras"})
        w.layerPanel()->setLayerVisible(QString::fromLatin1(id), false);
    w.mapCanvas()->setView(QPointF(snap.x[target], snap.y[target]), 0.5);
    w.identifyAt(QPointF(snap.x[target], snap.y[target]), 0.5);
    const auto selected = table->selectedFids();
    QCOMPARE(selected.size(), std::size_t(1));
    QCOMPARE(selected.front(), snap.fids[target]);

    // Sorted by category in the window, then a screenshot.
    w.zoomFull();
    table->view()->sortByColumn(2, Qt::AscendingOrder);
    QTRY_VERIFY(!model->isSorting());
    table->view()->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect);
    const int count = w.mapCanvas()->renderCount();
    QTRY_VERIFY_WITH_TIMEOUT(w.mapCanvas()->renderCount() > count, 10000);
    QVERIFY(
        w.grab().toImage().save(guitest::screenshotPath(QStringLiteral("attribute-table.png"))));
}

void TestAttributeTable::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(TestAttributeTable)
#include "test_attributetable.moc"
