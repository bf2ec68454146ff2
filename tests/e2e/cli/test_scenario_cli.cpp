// SPDX-License-Identifier: GPL-3.0-or-later
// End to end through `vigie-cli forecast` and `vigie-cli scenario` (issue 6) on a small demo
// workspace: the evaluation table of the forecast models, a forecast raster, one run of each
// scenario with realistic parameters, and the errors a user meets (exit codes, messages, a
// workspace left as it was).
#include "core/store/store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    double seconds = 0;
};

Run cli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIE_LANGUAGE"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(VIGIE_CLI), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timeout");
        return r;
    }
    r.seconds = timer.elapsed() / 1000.0;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    qInfo().noquote() << "vigie-cli" << args.join(u' ') << "->" << r.exitCode << "in" << r.seconds
                      << "s";
    return r;
}

QJsonObject jsonOf(const Run &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning().noquote() << "not JSON:" << error.errorString() << r.out.left(400);
    return doc.object();
}

/// Ids of the layers of a workspace, sorted.
QStringList layerIds(const QString &path)
{
    auto store = vigie::core::Store::open(path, true);
    if (!store)
        return {QStringLiteral("<cannot open>")};
    QStringList ids;
    for (const vigie::core::LayerManifest &m : (*store)->layers())
        ids << m.id;
    ids.sort();
    return ids;
}

/// The value of `field` of the first feature of `layer` for which `accept` is true.
template <typename Accept>
QString firstValue(const QString &path, const QString &layer, const QString &field, Accept accept)
{
    auto store = vigie::core::Store::open(path, true);
    if (!store)
        return {};
    auto snapshot = (*store)->loadSnapshot(layer);
    if (!snapshot)
        return {};
    for (std::int64_t fid : (*snapshot)->fids) {
        auto attributes = (*store)->attributes(layer, fid);
        if (attributes && accept(*attributes))
            return attributes->value(field).toString();
    }
    return {};
}

/// Checks that every layer of `json["layers"]` is in the workspace and returns them.
QStringList checkLayers(const QJsonObject &json, const QString &store)
{
    QStringList made;
    for (const QJsonValue &v : json.value(QStringLiteral("layers")).toArray())
        made << v.toString();
    const QStringList all = layerIds(store);
    for (const QString &id : made)
        if (!all.contains(id))
            qWarning() << "layer" << id << "is not in the workspace";
    return made;
}

bool isNumber(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble());
}

} // namespace

class TestScenarioCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_timer.start();
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Run r = cli({QStringLiteral("demo"), QStringLiteral("--out"), m_store,
                           QStringLiteral("--scale"), QStringLiteral("0.3")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    /// Rolling-origin evaluation: three models, hit rate / PAI / PEI at 1, 2 and 5 % of the
    /// area, in range; on the demo's patterned data the SEPP and the prospective KDE beat a
    /// random ranking (PAI 1) at 1 %.
    void evaluateScoresTheThreeModels()
    {
        const Run r = cli({QStringLiteral("forecast"), QStringLiteral("--evaluate"),
                           QStringLiteral("--store"), m_store, QStringLiteral("--period"),
                           QStringLiteral("week"), QStringLiteral("--periods"), QStringLiteral("3"),
                           QStringLiteral("--param"), QStringLiteral("trainingDays=180"),
                           QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        const QJsonArray fractions = json.value(QStringLiteral("areaFractions")).toArray();
        QCOMPARE(fractions.size(), 3);
        QCOMPARE(fractions.at(0).toDouble(), 0.01);
        QCOMPARE(fractions.at(1).toDouble(), 0.02);
        QCOMPARE(fractions.at(2).toDouble(), 0.05);
        QMap<QString, QJsonObject> models;
        for (const QJsonValue &v : json.value(QStringLiteral("models")).toArray())
            models.insert(v.toObject().value(QStringLiteral("model")).toString(), v.toObject());
        QCOMPARE(models.keys(),
                 (QStringList{QStringLiteral("last-period"), QStringLiteral("prospective-kde"),
                              QStringLiteral("sepp")}));
        for (auto it = models.cbegin(); it != models.cend(); ++it) {
            const QJsonObject &m = it.value();
            QVERIFY2(m.value(QStringLiteral("periodsScored")).toInt() >= 1, qPrintable(it.key()));
            const QJsonArray hit = m.value(QStringLiteral("hitRate")).toArray();
            const QJsonArray pai = m.value(QStringLiteral("pai")).toArray();
            const QJsonArray pei = m.value(QStringLiteral("pei")).toArray();
            QCOMPARE(hit.size(), 3);
            QCOMPARE(pai.size(), 3);
            QCOMPARE(pei.size(), 3);
            for (int k = 0; k < 3; ++k) {
                QVERIFY2(isNumber(hit[k]) && isNumber(pai[k]) && isNumber(pei[k]),
                         qPrintable(it.key()));
                QVERIFY(hit[k].toDouble() >= 0 && hit[k].toDouble() <= 1);
                QVERIFY(pai[k].toDouble() >= 0);
                QVERIFY(pei[k].toDouble() >= 0 && pei[k].toDouble() <= 1 + 1e-9);
            }
            qInfo().noquote() << it.key() << "PAI at 1/2/5 %:" << pai[0].toDouble()
                              << pai[1].toDouble() << pai[2].toDouble() << "hit rate"
                              << hit[0].toDouble() << hit[1].toDouble() << hit[2].toDouble()
                              << "PEI" << pei[0].toDouble() << pei[1].toDouble()
                              << pei[2].toDouble();
        }
        QVERIFY(
            models[QStringLiteral("sepp")].value(QStringLiteral("pai")).toArray()[0].toDouble() >
            1);
        QVERIFY(models[QStringLiteral("prospective-kde")]
                    .value(QStringLiteral("pai"))
                    .toArray()[0]
                    .toDouble() > 1);
        // Per period scores: one entry per held-out week, each model scored there.
        const QJsonArray periods = json.value(QStringLiteral("periods")).toArray();
        QCOMPARE(periods.size(), 3);
        for (const QJsonValue &p : periods) {
            QVERIFY(p.toObject().value(QStringLiteral("offsetDays")).isDouble());
            QVERIFY(p.toObject().value(QStringLiteral("scores")).toArray().size() >= 1);
        }
        // Nothing is written by an evaluation.
        QCOMPARE(layerIds(m_store), m_initialLayers);
    }

    /// The text table names the models and the three shares of the area.
    void evaluateTextTable()
    {
        const Run r =
            cli({QStringLiteral("forecast"), QStringLiteral("--evaluate"),
                 QStringLiteral("--store"), m_store, QStringLiteral("--period"),
                 QStringLiteral("day"), QStringLiteral("--periods"), QStringLiteral("2"),
                 QStringLiteral("--models"), QStringLiteral("prospective-kde,last-period")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        qInfo().noquote() << r.out;
        QVERIFY(r.out.contains(QLatin1String("prospective-kde")));
        QVERIFY(r.out.contains(QLatin1String("last-period")));
        for (const char *column : {"PAI 1%", "PAI 2%", "PAI 5%", "PEI 1%", "Hit rate 5%"})
            QVERIFY2(r.out.contains(QLatin1String(column)), column);
    }

    /// A forecast keeps a raster layer in the workspace.
    void forecastMakesARasterLayer()
    {
        const Run r =
            cli({QStringLiteral("forecast"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--model"), QStringLiteral("prospective-kde"),
                 QStringLiteral("--period"), QStringLiteral("shift"), QStringLiteral("--cell"),
                 QStringLiteral("200"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        const QStringList made = checkLayers(json, m_store);
        QVERIFY2(!made.isEmpty(), qPrintable(r.out));
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store.ok());
        QVERIFY2((*store)->isRasterLayer(made.first()), qPrintable(made.first()));
        const Run info = cli({QStringLiteral("info"), QStringLiteral("--store"), m_store});
        bool listed = false;
        for (const QString &line : info.out.split(u'\n'))
            listed = listed || (line.startsWith(made.first() + QLatin1Char(' ')) &&
                                line.endsWith(QLatin1String("(Raster)")));
        QVERIFY2(listed, qPrintable(info.out));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("model")).toString(),
                 QStringLiteral("prospective-kde"));
        QCOMPARE(summary.value(QStringLiteral("period")).toString(), QStringLiteral("shift"));
        QVERIFY(summary.value(QStringLiteral("expectedTotal")).toDouble() > 0);
        const double top1 = summary.value(QStringLiteral("shareTop1")).toDouble();
        const double top5 = summary.value(QStringLiteral("shareTop5")).toDouble();
        QVERIFY2(top1 > 0.01 && top1 <= top5 && top5 <= 1, qPrintable(QString::number(top1)));
    }

    /// A match at the venue of the demo's football events, with its attendance.
    void eventScenario()
    {
        const QString venue = firstValue(
            m_store, QStringLiteral("events"), QStringLiteral("venue"), [](const QVariantMap &a) {
                return a.value(QStringLiteral("kind")).toString() == QLatin1String("football");
            });
        QVERIFY2(!venue.isEmpty(), "no football event in the demo");
        qInfo().noquote() << "venue:" << venue;
        const Run r =
            cli({QStringLiteral("scenario"), QStringLiteral("event"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--venue"), venue, QStringLiteral("--type"),
                 QStringLiteral("football"), QStringLiteral("--start"),
                 QStringLiteral("2026-01-17T20:00:00"), QStringLiteral("--attendance"),
                 QStringLiteral("60000"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        QVERIFY2(!checkLayers(json, m_store).isEmpty(), qPrintable(r.out));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QVERIFY2(summary.value(QStringLiteral("eventsUsed")).toInt() > 0, qPrintable(r.out));
        const double extra = summary.value(QStringLiteral("totalExtra")).toDouble(NAN);
        QVERIFY(std::isfinite(extra));
        QVERIFY(summary.value(QStringLiteral("totalLow")).toDouble() <= extra);
        QVERIFY(summary.value(QStringLiteral("totalHigh")).toDouble() >= extra);
        const QJsonArray hours = summary.value(QStringLiteral("hours")).toArray();
        QVERIFY(!hours.isEmpty());
        for (const QJsonValue &h : hours)
            QVERIFY(h.toObject().value(QStringLiteral("units")).toInt(-1) >= 0);
        qInfo().noquote() << "event summary:"
                          << QJsonDocument(summary).toJson(QJsonDocument::Compact).left(600);
    }

    /// Six units on the night shift.
    void patrolScenario()
    {
        const Run r =
            cli({QStringLiteral("scenario"), QStringLiteral("patrol"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--units"), QStringLiteral("6"), QStringLiteral("--shift"),
                 QStringLiteral("night"), QStringLiteral("--date"), QStringLiteral("2026-01-10"),
                 QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        QVERIFY2(!checkLayers(json, m_store).isEmpty(), qPrintable(r.out));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("units")).toInt(), 6);
        for (const QString &side : {QStringLiteral("a"), QStringLiteral("b")}) {
            const QJsonObject s = summary.value(side).toObject();
            const double covered = s.value(QStringLiteral("coveredShare")).toDouble(-1);
            QVERIFY2(covered > 0 && covered <= 1, qPrintable(side));
            const double mean = s.value(QStringLiteral("mean")).toDouble();
            const double median = s.value(QStringLiteral("median")).toDouble();
            QVERIFY2(mean > 0 && s.value(QStringLiteral("p90")).toDouble() >= median,
                     qPrintable(side));
        }
        const double sooner = summary.value(QStringLiteral("shareBFaster")).toDouble(-1);
        QVERIFY(sooner >= 0 && sooner <= 1);
        qInfo().noquote() << "patrol summary:"
                          << QJsonDocument(summary).toJson(QJsonDocument::Compact).left(600);
    }

    /// Two cameras added near the Vieux-Port, one of the layer removed.
    void camerasScenario()
    {
        const QString camera = firstValue(m_store, QStringLiteral("cameras"),
                                          QStringLiteral("camera_id"), [](const QVariantMap &a) {
                                              return a.value(QStringLiteral("status")).toString() ==
                                                     QLatin1String("active");
                                          });
        QVERIFY(!camera.isEmpty());
        const Run r =
            cli({QStringLiteral("scenario"), QStringLiteral("cameras"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--add"), QStringLiteral("892900,6246950,90,90,80"),
                 QStringLiteral("--add"), QStringLiteral("893200,6247060,180,70,100"),
                 QStringLiteral("--remove"), camera, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        QVERIFY2(!checkLayers(json, m_store).isEmpty(), qPrintable(r.out));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        // Two added, one removed.
        QCOMPARE(summary.value(QStringLiteral("camerasAfter")).toInt(),
                 summary.value(QStringLiteral("camerasBefore")).toInt() + 1);
        QVERIFY(summary.value(QStringLiteral("cellsGained")).toInt() >= 1);
        for (const char *key :
             {"riskShareBefore", "riskShareAfter", "hotspotShareBefore", "hotspotShareAfter"}) {
            const double share = summary.value(QLatin1String(key)).toDouble(-1);
            QVERIFY2(share >= 0 && share <= 1, key);
        }
        qInfo().noquote() << "cameras summary:"
                          << QJsonDocument(summary).toJson(QJsonDocument::Compact).left(600);
    }

    /// Impact of an action in one quartier from 2024-07-01.
    void impactScenario()
    {
        const Run r = cli({QStringLiteral("scenario"), QStringLiteral("impact"),
                           QStringLiteral("--store"), m_store, QStringLiteral("--action-date"),
                           QStringLiteral("2024-07-01"), QStringLiteral("--action-areas"),
                           QStringLiteral("Belsunce"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        QVERIFY2(!checkLayers(json, m_store).isEmpty(), qPrintable(r.out));
        const QJsonObject summary = json.value(QStringLiteral("summary")).toObject();
        const double effect = summary.value(QStringLiteral("effect")).toDouble(NAN);
        QVERIFY2(std::isfinite(effect), qPrintable(r.out));
        QVERIFY(summary.value(QStringLiteral("effectLow")).toDouble() <= effect);
        QVERIFY(summary.value(QStringLiteral("effectHigh")).toDouble() >= effect);
        const double p = summary.value(QStringLiteral("pValue")).toDouble(-1);
        QVERIFY(p >= 0 && p <= 1);
        QVERIFY(summary.value(QStringLiteral("treatedBefore")).toDouble() > 0);
        QVERIFY(summary.value(QStringLiteral("parallelTrends")).isBool());
        // 364 days before and after in periods of 28 days.
        QCOMPARE(summary.value(QStringLiteral("series")).toArray().size(), 26);
        qInfo().noquote() << "impact summary:"
                          << QJsonDocument(summary).toJson(QJsonDocument::Compact).left(600);
    }

    /// `scenario list` shows the runs kept; `KIND --help` the parameters.
    void listAndHelp()
    {
        Run r = cli({QStringLiteral("scenario"), QStringLiteral("list"), QStringLiteral("--store"),
                     m_store});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        for (const QString &kind : {QStringLiteral("forecast"), QStringLiteral("patrol"),
                                    QStringLiteral("cameras"), QStringLiteral("impact")})
            QVERIFY2(r.out.contains(kind), qPrintable(kind + QLatin1Char('\n') + r.out));
        r = cli({QStringLiteral("scenario"), QStringLiteral("patrol"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("--units")));
        QVERIFY(r.out.contains(QLatin1String("night")));
    }

    /// Errors: exit codes, messages naming the culprit, the workspace untouched.
    void errors()
    {
        const QStringList before = layerIds(m_store);
        Run r = cli({QStringLiteral("scenario"), QStringLiteral("parade"),
                     QStringLiteral("--store"), m_store});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("parade")), qPrintable(r.err));

        r = cli({QStringLiteral("scenario"), QStringLiteral("patrol"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--units"), QStringLiteral("-3")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("units")), qPrintable(r.err));

        r = cli({QStringLiteral("scenario"), QStringLiteral("patrol"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--param"), QStringLiteral("unitz=4")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("unitz")), qPrintable(r.err));

        r = cli({QStringLiteral("scenario"), QStringLiteral("cameras"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--add"), QStringLiteral("892900,6246950")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--add")), qPrintable(r.err));

        r = cli({QStringLiteral("forecast"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--model"), QStringLiteral("crystal-ball")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("crystal-ball")), qPrintable(r.err));

        r = cli({QStringLiteral("scenario"), QStringLiteral("impact"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--action-date"), QStringLiteral("2024-07-01"),
                 QStringLiteral("--action-areas"), QStringLiteral("Atlantis")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QLatin1String("Atlantis")), qPrintable(r.err));

        QCOMPARE(layerIds(m_store), before);
    }

    /// Ctrl+C (or SIGTERM) during a SEPP fit: exit code 130, the workspace as it was.
    void interruptLeavesTheWorkspaceUnchanged()
    {
        const QStringList before = layerIds(m_store);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VIGIE_LANGUAGE"), QStringLiteral("en"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VIGIE_CLI),
                {QStringLiteral("forecast"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--model"), QStringLiteral("sepp")});
        QVERIFY(p.waitForStarted());
        // Wait until the fit has begun (its progress on stderr), then interrupt.
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("Fitting") && timer.elapsed() < 30000 &&
               p.state() == QProcess::Running) {
            p.waitForReadyRead(200);
            err += p.readAllStandardError();
        }
        if (p.state() != QProcess::Running)
            QSKIP("the forecast finished before it could be interrupted");
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 130);
        QVERIFY2(err.contains("canceled"), err.constData());
        QCOMPARE(layerIds(m_store), before);
    }

    void cleanupTestCase() { qInfo() << "total" << m_timer.elapsed() / 1000.0 << "s"; }

private:
    QTemporaryDir m_dir;
    QString m_store;
    QStringList m_initialLayers{QStringLiteral("arrondissements"), QStringLiteral("cameras"),
                                QStringLiteral("events"),          QStringLiteral("incidents"),
                                QStringLiteral("quartiers"),       QStringLiteral("traffic")};
    QElapsedTimer m_timer;
};

QTEST_GUILESS_MAIN(TestScenarioCli)
#include "test_scenario_cli.moc"
