// SPDX-License-Identifier: GPL-3.0-or-later
// Golden results: every analysis, scenario and the forecast evaluation, run on one demo
// workspace, must give the same summary figures and byte-identical result content (feature
// tables, raster grids) as the code they were recorded from (golden/algorithms.json names the
// commit). Moving the analyses into the processing framework must change nothing they compute.
//
// Record again (only when a change of results is intended, and say so in the commit):
//   VIGIE_GOLDEN_RECORD=1 build/tests/unit/processing/test_golden
// which rewrites golden/algorithms.json in the source tree.
#include "analysis/analysis.h"
#include "demo/demogenerator.h"
#include "processing/algorithm.h"
#include "scenario/scenario.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <functional>

using namespace vigie;
using namespace vigie::core;

namespace {

const char *kGoldenFile = VIGIE_TEST_SOURCE_DIR "/golden/algorithms.json";

/// SHA-256 of every row of a feature table, every column with its type, in rowid order.
QString tableDigest(Store &store, const QString &layer)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    sqlite3_stmt *st = nullptr;
    const QByteArray sql =
        QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(layer).toUtf8();
    if (sqlite3_prepare_v2(store.handle(), sql.constData(), -1, &st, nullptr) != SQLITE_OK)
        return QStringLiteral("error: %1").arg(QString::fromUtf8(sqlite3_errmsg(store.handle())));
    qint64 rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        ++rows;
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            const int type = sqlite3_column_type(st, c);
            h.addData(QByteArray::number(type));
            if (type == SQLITE_NULL)
                continue;
            if (type == SQLITE_FLOAT) {
                const double v = sqlite3_column_double(st, c);
                h.addData(QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v));
            } else {
                const auto *p = static_cast<const char *>(sqlite3_column_blob(st, c));
                h.addData(QByteArrayView(p, sqlite3_column_bytes(st, c)));
            }
        }
    }
    sqlite3_finalize(st);
    return QStringLiteral("%1 rows %2").arg(rows).arg(QString::fromLatin1(h.result().toHex()));
}

/// SHA-256 of a raster's grid and values.
QString rasterDigest(Store &store, const QString &layer)
{
    const auto r = store.readRaster(layer);
    if (!r)
        return QStringLiteral("no grid");
    QCryptographicHash h(QCryptographicHash::Sha256);
    const double spec[4] = {r->grid.xMin, r->grid.yMin, r->grid.cellSize,
                            double(r->grid.cols) * 1e6 + r->grid.rows};
    h.addData(QByteArrayView(reinterpret_cast<const char *>(spec), sizeof spec));
    h.addData(QByteArrayView(reinterpret_cast<const char *>(r->values.data()),
                             qsizetype(r->values.size() * sizeof(double))));
    return QStringLiteral("%1x%2 %3")
        .arg(r->grid.cols)
        .arg(r->grid.rows)
        .arg(QString::fromLatin1(h.result().toHex()));
}

QJsonObject describe(Store &store, const AnalysisOutcome &out)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), out.id);
    o.insert(QStringLiteral("inputCount"), qint64(out.inputCount));
    o.insert(QStringLiteral("summary"), QJsonObject::fromVariantMap(out.summary));
    QJsonObject layers;
    for (const QString &l : out.layers)
        layers.insert(l, store.isRasterLayer(l) ? rasterDigest(store, l) : tableDigest(store, l));
    o.insert(QStringLiteral("layers"), layers);
    return o;
}

struct Case
{
    QString name;
    std::function<Result<AnalysisOutcome>(Store &)> run;
};

Case analysis(const char *name, AnalysisKind kind, QVariantMap parameters)
{
    return {QString::fromLatin1(name), [kind, parameters](Store &s) {
                AnalysisRequest r;
                r.kind = kind;
                r.parameters = parameters;
                return AnalysisRunner::run(s, r);
            }};
}

Case scenario(const char *name, ScenarioKind kind, QVariantMap parameters)
{
    return {QString::fromLatin1(name), [kind, parameters](Store &s) {
                ScenarioRequest r;
                r.kind = kind;
                r.parameters = parameters;
                return ScenarioRunner::run(s, r);
            }};
}

std::vector<Case> cases()
{
    using K = AnalysisKind;
    using S = ScenarioKind;
    return {
        analysis("kde", K::Kde, {}),
        analysis("kde-edge-month", K::Kde,
                 {{"edgeCorrection", true},
                  {"perMonth", true},
                  {"kernel", "epanechnikov"},
                  {"bandwidth", 400}}),
        analysis("kde-silverman", K::Kde, {{"rule", "silverman"}, {"cellSize", 100}}),
        analysis("risk", K::RelativeRisk, {}),
        analysis("gistar", K::GiStar, {}),
        analysis("gistar-quartiers", K::GiStar, {{"grid", "quartiers"}, {"value", "rate"}}),
        analysis("moran", K::LocalMoran, {{"permutations", 199}}),
        analysis("emerging", K::EmergingHotSpots, {}),
        analysis("dbscan", K::Dbscan, {}),
        analysis("stdbscan", K::StDbscan, {}),
        analysis("nni", K::NearestNeighbour, {}),
        analysis("scale", K::AnalysisScale, {{"grid", "hex"}, {"cellSize", 400}}),
        scenario("forecast-kde-week", S::Forecast,
                 {{"model", "prospective-kde"}, {"period", "week"}, {"origin", "2025-12-01"}}),
        scenario("forecast-sepp-day", S::Forecast,
                 {{"model", "sepp"}, {"period", "day"}, {"trainingDays", 120}}),
        scenario("forecast-last-shift", S::Forecast,
                 {{"model", "last-period"}, {"period", "shift"}}),
        scenario("event", S::Event,
                 {{"venue", QStringLiteral("Orange Vélodrome")},
                  {"type", "football"},
                  {"start", "2026-01-17T21:00"},
                  {"durationHours", 2},
                  {"attendance", 60000},
                  {"replicates", 99}}),
        scenario("patrol", S::Patrol,
                 {{"units", 6},
                  {"shift", "night"},
                  {"date", "2026-01-05"},
                  {"strategyA", "optimise"},
                  {"strategyB", "hotspots"},
                  {"incidents", 2000},
                  {"seed", 7}}),
        scenario("cameras-remove", S::Cameras, {{"edits", "remove:CAM-0001"}}),
        scenario("cameras-suggest", S::Cameras, {{"suggest", 2}}),
        scenario("impact", S::Impact,
                 {{"actionDate", "2025-01-01"},
                  {"actionAreas", "Belsunce"},
                  {"action", "patrol"},
                  {"preDays", 364},
                  {"postDays", 336},
                  {"cellSize", 250},
                  {"controls", "all"},
                  {"replicates", 99}}),
        {QStringLiteral("forecast-evaluation"), nullptr},
    };
}

QJsonObject evaluation(Store &store, QString *error)
{
    processing::AlgorithmRun run;
    run.algorithm = QStringLiteral("forecast_evaluation");
    run.parameters = {{"periods", 3}, {"trainingDays", 120}};
    auto e = processing::ProcessingRunner::run(store, run);
    if (!e) {
        *error = e.error().message;
        return {};
    }
    QJsonObject o;
    o.insert(QStringLiteral("text"), e->summaryText);
    QJsonArray models;
    for (const QVariant &m : e->summary.value(QStringLiteral("models")).toList()) {
        const QVariantMap summary = m.toMap();
        QJsonObject row;
        const auto model = analytics::parseForecastModel(
            summary.value(QStringLiteral("model")).toString().toStdString());
        row.insert(QStringLiteral("model"), model ? int(*model) : -1);
        row.insert(QStringLiteral("periodsScored"), summary.value("periodsScored").toInt());
        QJsonArray values;
        for (const char *series : {"hitRate", "pai", "pei"})
            for (const QVariant &v : summary.value(QLatin1String(series)).toList())
                values.append(v.toDouble());
        row.insert(QStringLiteral("figures"), values);
        models.append(row);
    }
    o.insert(QStringLiteral("models"), models);
    return o;
}

QString gitHead()
{
    QProcess git;
    git.setWorkingDirectory(QStringLiteral(VIGIE_SOURCE_DIR));
    git.start(QStringLiteral("git"),
              {QStringLiteral("rev-parse"), QStringLiteral("--short"), QStringLiteral("HEAD")});
    git.waitForFinished();
    return QString::fromLatin1(git.readAllStandardOutput()).trimmed();
}

} // namespace

class TestGolden : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QJsonObject m_results;
    QJsonObject m_golden;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoOptions o;
        o.incidentScale = 0.5;
        const QString path = m_dir.filePath(QStringLiteral("golden.vigie"));
        auto made = createDemoStore(path, o);
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        auto s = Store::open(path);
        QVERIFY(s.ok());
        m_store = std::move(*s);
        // Result tables carry the time they were written; the demo's own clock keeps the
        // recorded digests comparable (the demo returns to the wall clock once created).
        m_store->setClock(o.lastDay.toString(Qt::ISODate) + QStringLiteral("T23:59:59Z"));
        if (!qEnvironmentVariableIsSet("VIGIE_GOLDEN_RECORD")) {
            QFile f(QString::fromUtf8(kGoldenFile));
            QVERIFY2(f.open(QIODevice::ReadOnly), kGoldenFile);
            m_golden = QJsonDocument::fromJson(f.readAll()).object();
            QVERIFY(!m_golden.isEmpty());
            qInfo("golden results recorded at %s",
                  qPrintable(m_golden.value(QStringLiteral("recordedAt")).toString()));
        }
    }

    void sameResults_data()
    {
        QTest::addColumn<int>("index");
        const auto all = cases();
        for (int i = 0; i < int(all.size()); ++i)
            QTest::newRow(qPrintable(all[std::size_t(i)].name)) << i;
    }

    /// Cases run in order on one store (the ids they make depend on what came before).
    void sameResults()
    {
        QFETCH(int, index);
        const Case c = cases()[std::size_t(index)];
        QJsonObject got;
        if (c.run) {
            auto out = c.run(*m_store);
            QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message));
            got = describe(*m_store, *out);
        } else {
            QString error;
            got = evaluation(*m_store, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        m_results.insert(c.name, got);
        if (m_golden.isEmpty())
            return;
        const QJsonObject want =
            m_golden.value(QStringLiteral("results")).toObject().value(c.name).toObject();
        QVERIFY2(!want.isEmpty(),
                 qPrintable(QStringLiteral("no golden result for %1").arg(c.name)));
        if (got != want)
            qWarning("%s\n got: %s\nwant: %s", qPrintable(c.name),
                     QJsonDocument(got).toJson(QJsonDocument::Compact).constData(),
                     QJsonDocument(want).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(got, want);
    }

    void cleanupTestCase()
    {
        if (!qEnvironmentVariableIsSet("VIGIE_GOLDEN_RECORD"))
            return;
        QJsonObject doc;
        doc.insert(QStringLiteral("recordedAt"), gitHead());
        doc.insert(QStringLiteral("note"),
                   QStringLiteral("Recorded by VIGIE_GOLDEN_RECORD=1 test_golden (gcc 12, "
                                  "Debian 12, demo at incidentScale 0.5)."));
        doc.insert(QStringLiteral("results"), m_results);
        QFile f(QString::fromUtf8(kGoldenFile));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(doc).toJson(QJsonDocument::Indented));
        qInfo("wrote %s", kGoldenFile);
    }
};

QTEST_GUILESS_MAIN(TestGolden)
#include "test_golden.moc"
