// SPDX-License-Identifier: GPL-3.0-or-later
// The processing framework: typed parameters (each type read from text and from typed values,
// bad values refused with a message naming the parameter), every registered algorithm (its
// defaults validate, its CLI help lists every parameter, a bad value gives the same message in
// the CLI as validate() gives a form), the runner's single error boundary, and the generated
// reference pages kept in docs/.
#include "demo/demogenerator.h"
#include "processing/algorithm.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <stdexcept>

using namespace vigie;
using namespace vigie::core;
using namespace vigie::core::processing;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

struct CliRun
{
    int code = -1;
    QString out, err;
};

CliRun cli(const QStringList &args, const QString &language = QStringLiteral("en"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIE_LANGUAGE"), language);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VIGIE_CLI), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/// A value of the parameter's type that check() must refuse.
QString badValue(const ParameterDefinition &d)
{
    switch (d.type()) {
    case ParameterType::Number:
    case ParameterType::Integer:
        return d.hasRange() ? QString::number(d.maximum() * 10 + 1) : QStringLiteral("abc");
    case ParameterType::Boolean:
        return QStringLiteral("maybe");
    case ParameterType::Choice:
        return QStringLiteral("no-such-choice");
    case ParameterType::Date:
        return QStringLiteral("2025-13-45");
    case ParameterType::DateTime:
        return QStringLiteral("tomorrow");
    case ParameterType::Period:
        return QStringLiteral("2025-01-01");
    case ParameterType::Point:
        return QStringLiteral("1,2");
    case ParameterType::CameraEdits:
        return QStringLiteral("paint:CAM-1");
    default:
        return {};
    }
}

/// Throws from inside a run, after writing a layer: the runner must report it and roll back.
class ThrowingAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("test_throws"); }
    QString title() const override { return QStringLiteral("Throws"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override { return QStringLiteral("Fails on purpose."); }
    ParameterDefinitions parameters() const override
    {
        return {ParameterDefinition::choice(QStringLiteral("how"), QStringLiteral("How"),
                                            {{QStringLiteral("std"), QStringLiteral("std")},
                                             {QStringLiteral("core"), QStringLiteral("core")}},
                                            QStringLiteral("std"))};
    }
    void run(AlgorithmContext &ctx, const ParameterValues &values) const override
    {
        LayerManifest m =
            ctx.resultManifest(GeometryType::Point, {QStringLiteral("x"), QStringLiteral("x")});
        ctx.addVectorLayer(m);
        if (values.choice(QStringLiteral("how")) == QLatin1String("std"))
            throw std::runtime_error("a library failed");
        values.number(QStringLiteral("undeclared")); // a programming error: Internal
    }
};

/// An id that could not name a layer: refused by the registry.
class BadIdAlgorithm final : public Algorithm
{
public:
    QString id() const override { return QStringLiteral("Bad-Id"); }
    QString title() const override { return QStringLiteral("Bad"); }
    AlgorithmGroup group() const override { return AlgorithmGroup::Analysis; }
    QString explanation() const override { return QStringLiteral("Bad."); }
    ParameterDefinitions parameters() const override { return {}; }
    void run(AlgorithmContext &, const ParameterValues &) const override {}
};

} // namespace

class TestProcessing : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        DemoOptions o;
        o.incidentScale = 0.1;
        QVERIFY(createDemoStore(m_store, o).ok());
    }

    void numbersAndIntegers()
    {
        const auto d =
            ParameterDefinition::number(QStringLiteral("cellSize"), QStringLiteral("Cell size"), 50,
                                        5, 2000, QStringLiteral("m"));
        QCOMPARE(d.optionName(), QStringLiteral("cell-size"));
        QCOMPARE(d.check(QStringLiteral("250"))->toDouble(), 250.0);
        QCOMPARE(d.check(QStringLiteral("12,5"))->toDouble(), 12.5); // French decimal comma
        QCOMPARE(d.check(QVariant(75))->toDouble(), 75.0);
        QCOMPARE(d.check(QVariant())->toDouble(), 50.0); // the default
        for (const char *bad : {"abc", "4", "2001", "nan", "inf", "1e400"}) {
            auto r = d.check(QString::fromLatin1(bad));
            QVERIFY2(!r.ok(), bad);
            QVERIFY(r.error().message.contains(QStringLiteral("cell-size")));
            QCOMPARE(r.error().code, ErrorCode::InvalidInput);
        }
        const auto i =
            ParameterDefinition::integer(QStringLiteral("k"), QStringLiteral("k"), 8, 1, 100);
        QCOMPARE(i.check(QStringLiteral("12"))->typeId(), int(QMetaType::LongLong));
        QVERIFY(!i.check(QStringLiteral("2.5")).ok());
        QVERIFY(i.check(QStringLiteral("2.0")).ok());
    }

    void booleansChoicesAndText()
    {
        const auto b =
            ParameterDefinition::boolean(QStringLiteral("fdr"), QStringLiteral("FDR"), true);
        for (const char *yes : {"yes", "true", "1", "oui", "ON"})
            QCOMPARE(b.check(QString::fromLatin1(yes))->toBool(), true);
        for (const char *no : {"no", "false", "0", "non"})
            QCOMPARE(b.check(QString::fromLatin1(no))->toBool(), false);
        QVERIFY(!b.check(QStringLiteral("maybe")).ok());
        QCOMPARE(b.check(QVariant(false))->toBool(), false);

        const auto c =
            ParameterDefinition::choice(QStringLiteral("kernel"), QStringLiteral("Kernel"),
                                        {{QStringLiteral("quartic"), QStringLiteral("q")},
                                         {QStringLiteral("gaussian"), QStringLiteral("g")}},
                                        QStringLiteral("quartic"));
        QCOMPARE(c.check(QStringLiteral("Gaussian"))->toString(), QStringLiteral("gaussian"));
        QCOMPARE(c.check(QString())->toString(), QStringLiteral("quartic"));
        auto bad = c.check(QStringLiteral("cubic"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("quartic, gaussian")));
        auto automatic =
            ParameterDefinition::choice(QStringLiteral("weights"), QStringLiteral("W"),
                                        {{QStringLiteral("knn"), QStringLiteral("knn")}}, QString())
                .automaticChoice(QStringLiteral("auto"));
        QCOMPARE(automatic.check(QString())->toString(), QString());
    }

    void datesPeriodsPointsAndEdits()
    {
        const auto d = ParameterDefinition::date(QStringLiteral("date"), QStringLiteral("Date"));
        QCOMPARE(d.check(QStringLiteral("2026-01-05"))->toDate(), QDate(2026, 1, 5));
        QVERIFY(!d.check(QStringLiteral("2026-02-30")).ok());
        QVERIFY(!d.check(QStringLiteral("05/01/2026")).ok());
        QVERIFY(!d.check(QString()).ok()); // required: no default

        // Without an offset a date-time is Paris time: 21:00 in January is 20:00 UTC, in July
        // 19:00.
        const auto t =
            ParameterDefinition::dateTime(QStringLiteral("start"), QStringLiteral("Start"));
        QCOMPARE(t.check(QStringLiteral("2026-01-17T21:00"))->toDateTime(),
                 QDateTime(QDate(2026, 1, 17), QTime(20, 0), QTimeZone::utc()));
        QCOMPARE(t.check(QStringLiteral("2026-07-17 21:00"))->toDateTime(),
                 QDateTime(QDate(2026, 7, 17), QTime(19, 0), QTimeZone::utc()));
        QCOMPARE(t.check(QStringLiteral("2026-07-17T21:00Z"))->toDateTime(),
                 QDateTime(QDate(2026, 7, 17), QTime(21, 0), QTimeZone::utc()));
        QVERIFY(!t.check(QStringLiteral("17/07/2026 21:00")).ok());

        const auto p =
            ParameterDefinition::period(QStringLiteral("period"), QStringLiteral("Period"));
        QCOMPARE(p.check(QStringLiteral("2025-01-01/2025-02-01"))->toList().size(), 2);
        QVERIFY(!p.check(QStringLiteral("2025-02-01/2025-01-01")).ok());

        const auto pt = ParameterDefinition::point(QStringLiteral("site"), QStringLiteral("Site"));
        QCOMPARE(pt.check(QStringLiteral("893500,6245800"))->toList().value(0).toDouble(),
                 893500.0);
        QVERIFY(!pt.check(QStringLiteral("5.37,43.3")).ok()); // degrees, not Lambert-93

        const auto e =
            ParameterDefinition::cameraEdits(QStringLiteral("edits"), QStringLiteral("Edits"));
        QVERIFY(e.check(QStringLiteral("add:893500,6245800,0,360,80;remove:CAM-0001")).ok());
        QVERIFY(!e.check(QStringLiteral("paint:CAM-0001")).ok());
    }

    void layersFieldsAndAreasAgainstTheStore()
    {
        auto store = Store::open(m_store, true);
        QVERIFY(store.ok());
        const auto l = ParameterDefinition::layer(QStringLiteral("layer"), QStringLiteral("Layer"),
                                                  GeometryType::Point);
        QVERIFY(l.check(QStringLiteral("incidents"), store->get()).ok());
        auto wrong = l.check(QStringLiteral("quartiers"), store->get());
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().message.contains(QStringLiteral("quartiers")),
                 qPrintable(wrong.error().message));
        QVERIFY(!l.check(QStringLiteral("nothing"), store->get()).ok());
        const auto f = ParameterDefinition::field(QStringLiteral("field"), QStringLiteral("Field"),
                                                  QStringLiteral("layer"), false);
        const QVariantMap others{{QStringLiteral("layer"), QStringLiteral("incidents")}};
        QVERIFY(f.check(QStringLiteral("category"), store->get(), others).ok());
        QVERIFY(!f.check(QStringLiteral("no_field"), store->get(), others).ok());
        const auto a =
            ParameterDefinition::areas(QStringLiteral("areas"), QStringLiteral("Areas"), QString());
        QCOMPARE(a.check(QStringLiteral("Belsunce, Noailles"))->toStringList(),
                 (QStringList{QStringLiteral("Belsunce"), QStringLiteral("Noailles")}));
    }

    void unknownNamesAreRefused()
    {
        const Algorithm *kde = AlgorithmRegistry::instance().find(QStringLiteral("kde"));
        QVERIFY(kde);
        auto r = validate(kde->parameters(), {{QStringLiteral("bandwith"), 300}});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("bandwith")));
        QVERIFY(r.error().message.contains(QStringLiteral("bandwidth")));
        // The option spelling is accepted as well as the name.
        QVERIFY(validate(kde->parameters(), {{QStringLiteral("cell-size"), 25}}).ok());
    }

    void everyAlgorithm_data()
    {
        QTest::addColumn<QString>("id");
        for (const Algorithm *a : AlgorithmRegistry::instance().algorithms())
            QTest::newRow(qPrintable(a->id())) << a->id();
    }

    /// Its declaration is complete, its defaults validate, its help lists every parameter, and
    /// each bad value gives the CLI the message validate() gives the GUI's form.
    void everyAlgorithm()
    {
        QFETCH(QString, id);
        const Algorithm *a = AlgorithmRegistry::instance().find(id);
        QVERIFY(a);
        QVERIFY(!a->title().isEmpty());
        QVERIFY(!a->explanation().isEmpty());
        const ParameterDefinitions params = a->parameters();
        // Defaults validate, unless a parameter has no sensible default (the date and areas of
        // an action): then leaving it out is refused by a message naming that parameter.
        QStringList required;
        for (const ParameterDefinition &d : params)
            if (!d.defaultValue().isValid() && !d.isOptional())
                required << d.label();
        const auto defaults = validate(params, {});
        if (required.isEmpty()) {
            QVERIFY2(defaults.ok(),
                     qPrintable(defaults.ok() ? QString() : defaults.error().message));
        } else {
            QVERIFY(!defaults.ok());
            QVERIFY2(defaults.error().message.contains(required.first()),
                     qPrintable(defaults.error().message));
        }
        const CliRun help = cli({QStringLiteral("run"), id, QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        static const QStringList selection{
            QStringLiteral("store"), QStringLiteral("layer"),      QStringLiteral("from"),
            QStringLiteral("to"),    QStringLiteral("categories"), QStringLiteral("area-layer"),
            QStringLiteral("areas"), QStringLiteral("weight"),     QStringLiteral("title"),
            QStringLiteral("json"),  QStringLiteral("geotiff")};
        for (const ParameterDefinition &d : params) {
            QVERIFY2(!selection.contains(d.optionName()), qPrintable(d.name()));
            QVERIFY2(!d.label().isEmpty() && !d.help().isEmpty(), qPrintable(d.name()));
            if (d.defaultValue().isValid())
                QVERIFY2(d.check(d.defaultValue()).ok(), qPrintable(d.name()));
            const QString dashes =
                d.optionName().size() == 1 ? QStringLiteral("-") : QStringLiteral("--");
            QVERIFY2(help.out.contains(dashes + d.optionName() + QLatin1Char(' ')),
                     qPrintable(d.name()));
            const QString bad = badValue(d);
            if (bad.isEmpty())
                continue;
            auto form = validate(params, {{d.name(), bad}});
            QVERIFY2(!form.ok(), qPrintable(d.name() + QLatin1Char('=') + bad));
            for (const QString &language : {QStringLiteral("en"), QStringLiteral("fr")}) {
                const CliRun run = cli({QStringLiteral("run"), id, QStringLiteral("--store"),
                                        m_store, QStringLiteral("--") + d.optionName(), bad},
                                       language);
                QCOMPARE(run.code, 2);
                if (language == QLatin1String("en"))
                    QVERIFY2(run.err.contains(form.error().message), qPrintable(run.err));
                else
                    QVERIFY2(run.err.contains(QStringLiteral("« ")) &&
                                 !run.err.contains(QStringLiteral("Invalid")),
                             qPrintable(run.err));
            }
        }
    }

    void theRunnerIsTheOneErrorBoundary()
    {
        QVERIFY(AlgorithmRegistry::instance().add(std::make_unique<ThrowingAlgorithm>()));
        QVERIFY(
            !AlgorithmRegistry::instance().add(std::make_unique<ThrowingAlgorithm>())); // id taken
        QVERIFY(
            !AlgorithmRegistry::instance().add(std::make_unique<BadIdAlgorithm>())); // not an id
        const QString path = m_dir.filePath(QStringLiteral("throw.vigie"));
        {
            auto src = Store::open(m_store, true);
            QVERIFY(src.ok());
            QVERIFY((*src)->saveCopy(path).ok());
        }
        QVERIFY(Store::open(path).ok()); // a first writable open settles the file
        const QByteArray before = fileHash(path);
        auto store = Store::open(path);
        QVERIFY(store.ok());
        AlgorithmRun run;
        run.algorithm = QStringLiteral("test_throws");
        auto r = ProcessingRunner::run(**store, run);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Internal);
        QVERIFY2(r.error().message.contains(QStringLiteral("a library failed")),
                 qPrintable(r.error().message));
        run.parameters.insert(QStringLiteral("how"), QStringLiteral("core"));
        r = ProcessingRunner::run(**store, run);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Internal);
        QVERIFY2(r.error().message.contains(QStringLiteral("undeclared")),
                 qPrintable(r.error().message));
        QVERIFY(!(*store)->hasLayer(QStringLiteral("test_throws_1")));
        store->reset();
        QCOMPARE(fileHash(path), before); // rolled back: the file is byte-identical

        run.algorithm = QStringLiteral("no-such");
        auto store2 = Store::open(path);
        auto unknown = ProcessingRunner::run(**store2, run);
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message.contains(QStringLiteral("kde")));
    }

    void analyzeIsAnAliasOfRun()
    {
        const QString path = m_dir.filePath(QStringLiteral("alias.vigie"));
        {
            auto src = Store::open(m_store, true);
            QVERIFY((*src)->saveCopy(path).ok());
        }
        const CliRun a = cli({QStringLiteral("analyze"), QStringLiteral("nni"),
                              QStringLiteral("--store"), path, QStringLiteral("--json")});
        const CliRun b = cli({QStringLiteral("run"), QStringLiteral("nni"),
                              QStringLiteral("--store"), path, QStringLiteral("--json")});
        QCOMPARE(a.code, 0);
        QCOMPARE(b.code, 0);
        QVERIFY(a.out.contains(QStringLiteral("\"id\": \"nni_1\"")));
        QVERIFY(b.out.contains(QStringLiteral("\"id\": \"nni_2\"")));
        const QString ratio = QStringLiteral("\"ratio\"");
        QCOMPARE(a.out.mid(a.out.indexOf(ratio), 40), b.out.mid(b.out.indexOf(ratio), 40));
        const CliRun list = cli({QStringLiteral("run"), QStringLiteral("--list")});
        QCOMPARE(list.code, 0);
        for (const Algorithm *alg : AlgorithmRegistry::instance().algorithms())
            if (!alg->id().startsWith(QLatin1String("test_")))
                QVERIFY(list.out.contains(alg->id()));
    }

    /// docs/algorithms.{fr,en}.md are what `vigie-cli run --reference` prints: never stale.
    void referencePagesAreGenerated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void referencePagesAreGenerated()
    {
        QFETCH(QString, language);
        const CliRun ref = cli({QStringLiteral("run"), QStringLiteral("--reference")}, language);
        QCOMPARE(ref.code, 0);
        const QString path =
            QStringLiteral(VIGIE_SOURCE_DIR "/docs/algorithms.%1.md").arg(language);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        const QString committed = QString::fromUtf8(f.readAll());
        QVERIFY2(committed == ref.out,
                 qPrintable(QStringLiteral("%1 is stale: run `vigie-cli run --reference` with "
                                           "VIGIE_LANGUAGE=%2 > %1")
                                .arg(path, language)));
        for (const Algorithm *a : AlgorithmRegistry::instance().algorithms())
            if (!a->id().startsWith(QLatin1String("test_")))
                QVERIFY(committed.contains(QStringLiteral("`%1`").arg(a->id())));
    }
};

QTEST_GUILESS_MAIN(TestProcessing)
#include "test_processing.moc"
