// SPDX-License-Identifier: GPL-3.0-or-later
// Bringing one's own records in, through vigie-cli as an analyst would (issue 13): police.uk
// months for Essex (../shared/data) go from raw CSV to a Gi* map and a monthly forecast
// evaluation in a workspace made from test boundaries, with no hand-written manifest; the
// mapping saved from the first month imports the next ones in one step; re-imports change
// nothing; the events file imports with its start and end dates as spans; a period on an
// undated layer and a failed import into a new workspace are refused cleanly. Expected counts
// are read from the CSV files here with an independent parser.
#include "clirun.h"

#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimeZone>

#include <cmath>

namespace {

const QString kData = QStringLiteral(VIGIE_SHARED_DATA);

using Run = vigie::test::CliRun;

/// vigie-cli in English, as the expected messages are written.
Run cli(const QStringList &args)
{
    return vigie::test::runCli(args);
}

QJsonObject jsonOf(const Run &r)
{
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    return doc.object();
}

/// The rows of a comma-separated file with a header, quotes handled, as column -> value.
QList<QHash<QString, QString>> readCsv(const QString &path)
{
    QList<QHash<QString, QString>> rows;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    auto split = [](const QString &line) {
        QStringList out;
        QString cur;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('"')) {
                if (quoted && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    cur += c;
                    ++i;
                } else {
                    quoted = !quoted;
                }
            } else if (c == QLatin1Char(',') && !quoted) {
                out << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        out << cur;
        return out;
    };
    QTextStream in(&f);
    const QStringList header = split(in.readLine());
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = split(line);
        QHash<QString, QString> row;
        for (int i = 0; i < header.size(); ++i)
            row.insert(header[i], i < cells.size() ? cells[i].trimmed() : QString());
        rows << row;
    }
    return rows;
}

QString essex(int month)
{
    return QDir(kData).filePath(QStringLiteral("crime_policeuk_essex_2018/2018-%1-essex-street.csv")
                                    .arg(month, 2, 10, QLatin1Char('0')));
}

int located(const QList<QHash<QString, QString>> &rows, const QString &crimeType = {})
{
    int n = 0;
    for (const auto &r : rows)
        if (!r.value(QStringLiteral("longitude")).isEmpty() &&
            (crimeType.isEmpty() || r.value(QStringLiteral("crime_type")) == crimeType))
            ++n;
    return n;
}

int countIn(const QString &text, const QString &prefix)
{
    // "  14784 new, 0 updated, 0 unchanged (by source key)": the number before `prefix`.
    const qsizetype at = text.indexOf(prefix);
    if (at < 0)
        return -1;
    qsizetype start = at - 1;
    while (start > 0 && text.at(start - 1).isDigit())
        --start;
    return text.mid(start, at - 1 - start).toInt();
}

} // namespace

class TestByodCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    QString tmp(const QString &name) const { return m_dir.filePath(name); }

    static void writeFile(const QString &path, const QByteArray &content)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(essex(1)), qPrintable(essex(1)));
        // Test boundaries for Essex (longitude/latitude): the county's rough box as the study
        // area, four quarters of it as reporting units.
        auto box = [](double x0, double y0, double x1, double y1) {
            return QStringLiteral("[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]")
                .arg(x0)
                .arg(y0)
                .arg(x1)
                .arg(y1);
        };
        writeFile(tmp(QStringLiteral("essex.geojson")),
                  QStringLiteral("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                                 "\"Feature\",\"properties\":{\"name\":\"Essex\"},\"geometry\":"
                                 "{\"type\":\"Polygon\",\"coordinates\":%1}}]}")
                      .arg(box(0.0, 51.45, 1.3, 52.1))
                      .toUtf8());
        QString units;
        const char *names[] = {"SW", "SE", "NW", "NE"};
        for (int k = 0; k < 4; ++k) {
            const double x0 = (k % 2) * 0.65, y0 = 51.45 + (k / 2) * 0.325;
            units += QStringLiteral("%1{\"type\":\"Feature\",\"properties\":{\"code\":\"%2\"},"
                                    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":%3}}")
                         .arg(k ? QStringLiteral(",") : QString(), QLatin1String(names[k]),
                              box(x0, y0, x0 + 0.65, y0 + 0.325));
        }
        writeFile(tmp(QStringLiteral("districts.geojson")),
                  QStringLiteral("{\"type\":\"FeatureCollection\",\"features\":[%1]}")
                      .arg(units)
                      .toUtf8());
    }

    void newWorkspace()
    {
        m_store = tmp(QStringLiteral("essex.vigie"));
        const Run r = cli({QStringLiteral("new"), QStringLiteral("--out"), m_store,
                           QStringLiteral("--boundaries"), tmp(QStringLiteral("essex.geojson")),
                           QStringLiteral("--units"), tmp(QStringLiteral("districts.geojson"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("4 reporting unit")), qPrintable(r.out));
        // Refuses to overwrite.
        const Run again =
            cli({QStringLiteral("new"), QStringLiteral("--out"), m_store,
                 QStringLiteral("--boundaries"), tmp(QStringLiteral("essex.geojson"))});
        QVERIFY(again.exitCode != 0);
    }

    void firstMonthWithMapping()
    {
        const auto rows = readCsv(essex(1));
        QVERIFY(rows.size() > 10000);
        QSet<QString> types;
        for (const auto &r : rows)
            if (!r.value(QStringLiteral("longitude")).isEmpty())
                types.insert(r.value(QStringLiteral("crime_type")));
        const Run r = cli({QStringLiteral("import"), QStringLiteral("--store"), m_store,
                           QStringLiteral("--layer"), QStringLiteral("incidents"),
                           QStringLiteral("--crs"), QStringLiteral("EPSG:4326"),
                           QStringLiteral("--map"), QStringLiteral("occurred_at=month"),
                           QStringLiteral("--map"), QStringLiteral("category=crime_type"),
                           QStringLiteral("--map"), QStringLiteral("source_key=crime_id"),
                           QStringLiteral("--time-zone"), QStringLiteral("Europe/London"),
                           QStringLiteral("--skip-invalid"), QStringLiteral("--save-mapping"),
                           tmp(QStringLiteral("police-uk.json")), essex(1)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(countIn(r.out, QStringLiteral("new,")), located(rows));
        QVERIFY2(r.err.contains(QStringLiteral("%1 features without a usable geometry")
                                    .arg(rows.size() - located(rows))),
                 qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("left empty")), qPrintable(r.err));
        // The categories found in the data, with their counts, are the layer's.
        for (const QString &t : types)
            QVERIFY2(r.out.contains(QStringLiteral("%1 (%2)").arg(t).arg(located(rows, t))),
                     qPrintable(t));
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store.ok());
        const auto layer = (*store)->layer(QStringLiteral("incidents"));
        QVERIFY(layer.has_value());
        QCOMPARE(int(layer->categories.size()), int(types.size()));
        QCOMPARE(layer->timeField, QStringLiteral("occurred_at"));
        auto snap = (*store)->loadSnapshot(QStringLiteral("incidents"));
        QVERIFY(snap.ok());
        // A month in London: January is UTC+0, so 1 January to 1 February, 00:00 UTC.
        QCOMPARE((*snap)->minTime,
                 QDateTime(QDate(2018, 1, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
        QCOMPARE((*snap)->maxTime,
                 QDateTime(QDate(2018, 2, 1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch());
        QVERIFY(QFile::exists(tmp(QStringLiteral("police-uk.json"))));
    }

    void nextMonthsInOneStep()
    {
        for (int month = 2; month <= 4; ++month) {
            const Run r =
                cli({QStringLiteral("import"), QStringLiteral("--store"), m_store,
                     QStringLiteral("--layer"), QStringLiteral("incidents"),
                     QStringLiteral("--mapping-file"), tmp(QStringLiteral("police-uk.json")),
                     QStringLiteral("--skip-invalid"), essex(month)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QCOMPARE(countIn(r.out, QStringLiteral("new,")), located(readCsv(essex(month))));
        }
        // April again, with the mapping the workspace kept: nothing added or changed.
        const Run again = cli({QStringLiteral("import"), QStringLiteral("--store"), m_store,
                               QStringLiteral("--layer"), QStringLiteral("incidents"),
                               QStringLiteral("--skip-invalid"), essex(4)});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(again.err.contains(QStringLiteral("field mapping of the last import")));
        QCOMPARE(countIn(again.out, QStringLiteral("new,")), 0);
        QCOMPARE(countIn(again.out, QStringLiteral("unchanged")), located(readCsv(essex(4))));
        auto store = vigie::core::Store::open(m_store, true);
        QVERIFY(store.ok());
        int total = 0;
        for (int month = 1; month <= 4; ++month)
            total += located(readCsv(essex(month)));
        QCOMPARE(int((*store)->featureCount(QStringLiteral("incidents"))), total);
    }

    void hotSpotsOfAMonth()
    {
        // April, by Paris days (the month's police.uk records start on 1 April 00:00 in London,
        // 01:00 in Paris), burglaries; the outliers outside the study area are counted.
        const Run r =
            cli({QStringLiteral("analyze"), QStringLiteral("gistar"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--from"), QStringLiteral("2018-04-01"),
                 QStringLiteral("--to"), QStringLiteral("2018-04-30"),
                 QStringLiteral("--categories"), QStringLiteral("Burglary"),
                 QStringLiteral("--cell-size"), QStringLiteral("500"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = jsonOf(r);
        const int burglaries = located(readCsv(essex(4)), QStringLiteral("Burglary"));
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        const int outside = summary.value(QStringLiteral("outsideStudyArea")).toInt(-1);
        QCOMPARE(o.value(QStringLiteral("features")).toInt() + outside, burglaries);
        QVERIFY(outside > 0);
        QCOMPARE(summary.value(QStringLiteral("studyArea")).toString(),
                 QStringLiteral("study_area"));
        QVERIFY(summary.value(QStringLiteral("hot")).toInt() > 0);
        qInfo().noquote() << "Gi* on April burglaries:" << o.value(QStringLiteral("features"))
                          << "analysed," << outside << "outside the study area,"
                          << summary.value(QStringLiteral("hot")).toInt() << "hot cells";
    }

    void monthlyForecastEvaluation()
    {
        const Run r =
            cli({QStringLiteral("forecast"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--evaluate"), QStringLiteral("--period"), QStringLiteral("month"),
                 QStringLiteral("--periods"), QStringLiteral("3"), QStringLiteral("--categories"),
                 QStringLiteral("Burglary"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = jsonOf(r);
        const QJsonArray periods = o.value(QStringLiteral("periods")).toArray();
        QCOMPARE(periods.size(), 3);
        // February, March and April: offsets of 0, 28 and 59 days less the hour lost at the
        // change to summer time (25 March 2018) in Paris.
        const double offsets[] = {0.0, 28.0, 59.0 - 1.0 / 24.0};
        for (int k = 0; k < 3; ++k) {
            const QJsonObject p = periods[k].toObject();
            QVERIFY(std::abs(p.value(QStringLiteral("offsetDays")).toDouble() - offsets[k]) < 1e-9);
            QVERIFY(p.value(QStringLiteral("events")).toInt() > 0);
        }
        for (const QJsonValue &m : o.value(QStringLiteral("models")).toArray()) {
            const QJsonObject model = m.toObject();
            QCOMPARE(model.value(QStringLiteral("periodsScored")).toInt(), 3);
            const double pai = model.value(QStringLiteral("pai")).toArray().at(0).toDouble();
            QVERIFY2(pai > 1.5, qPrintable(model.value(QStringLiteral("model")).toString()));
            qInfo().noquote() << "monthly evaluation" << model.value(QStringLiteral("model"))
                              << "PAI 1 %" << pai;
        }
    }

    void periodOnUndatedLayerRefused()
    {
        // The same file imported as is: "month" stays text, the layer has no dates.
        const Run imported =
            cli({QStringLiteral("import"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--new-layer"), QStringLiteral("brut"), QStringLiteral("--crs"),
                 QStringLiteral("EPSG:4326"), QStringLiteral("--skip-invalid"), essex(1)});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const Run r =
            cli({QStringLiteral("analyze"), QStringLiteral("kde"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--layer"), QStringLiteral("brut"),
                 QStringLiteral("--from"), QStringLiteral("2018-01-01")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("has no dates")), qPrintable(r.err));
        // Without the period it runs.
        const Run all =
            cli({QStringLiteral("analyze"), QStringLiteral("kde"), QStringLiteral("--store"),
                 m_store, QStringLiteral("--layer"), QStringLiteral("brut")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    }

    void failedImportLeavesNoWorkspace()
    {
        const QString fresh = tmp(QStringLiteral("fresh.vigie"));
        const Run r = cli(
            {QStringLiteral("import"), QStringLiteral("--store"), fresh, QStringLiteral("--layer"),
             QStringLiteral("incidents"), QStringLiteral("--crs"), QStringLiteral("EPSG:4326"),
             QStringLiteral("--map"), QStringLiteral("occurred_at=no_such_column"), essex(1)});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("no_such_column")), qPrintable(r.err));
        QVERIFY(!QFile::exists(fresh));
        QVERIFY(!QFile::exists(fresh + QStringLiteral("-wal")));
    }

    void eventsAsSpans()
    {
        // Marseille's events, each open from date_debut to date_fin (both days included), in a
        // workspace made from the city's arrondissements and quartiers.
        const QString store = tmp(QStringLiteral("events.vigie"));
        const Run made = cli(
            {QStringLiteral("new"), QStringLiteral("--out"), store, QStringLiteral("--boundaries"),
             QDir(kData).filePath(
                 QStringLiteral("marseille_arrondissements/arrondissements-marseille.geojson")),
             QStringLiteral("--units"),
             QDir(kData).filePath(
                 QStringLiteral("marseille_quartiers/quartiers-marseille.geojson"))});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QString file = QDir(kData).filePath(
            QStringLiteral("marseille_events_apidae/evenements-lieux-marseille-apidae-2022.csv"));
        const Run r =
            cli({QStringLiteral("import"), QStringLiteral("--store"), store,
                 QStringLiteral("--layer"), QStringLiteral("events"), QStringLiteral("--crs"),
                 QStringLiteral("EPSG:4326"), QStringLiteral("--map"),
                 QStringLiteral("occurred_at=date_debut"), QStringLiteral("--map"),
                 QStringLiteral("occurred_to=date_fin"), QStringLiteral("--map"),
                 QStringLiteral("category=objet_type"), QStringLiteral("--map"),
                 QStringLiteral("source_key=apidae_id"), QStringLiteral("--skip-invalid"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto rows = readCsv(file);
        int dated = 0, inJuly = 0;
        const QDate julyFirst(2022, 7, 1), julyLast(2022, 7, 31);
        for (const auto &row : rows) {
            const QDate from =
                QDate::fromString(row.value(QStringLiteral("date_debut")), Qt::ISODate);
            const QDate to = QDate::fromString(row.value(QStringLiteral("date_fin")), Qt::ISODate);
            if (!from.isValid())
                continue;
            ++dated;
            if (from <= julyLast && (to.isValid() ? to : from) >= julyFirst)
                ++inJuly;
        }
        QCOMPARE(countIn(r.out, QStringLiteral("new,")), dated);
        // Open during July 2022: spans overlapping the month (the overlap rule) ...
        const Run july = cli(
            {QStringLiteral("analyze"), QStringLiteral("nni"), QStringLiteral("--store"), store,
             QStringLiteral("--layer"), QStringLiteral("events"), QStringLiteral("--from"),
             QStringLiteral("2022-07-01"), QStringLiteral("--to"), QStringLiteral("2022-07-31"),
             QStringLiteral("--span-rule"), QStringLiteral("overlap"), QStringLiteral("--json")});
        QVERIFY2(july.exitCode == 0, qPrintable(july.err));
        const QJsonObject o = jsonOf(july);
        QCOMPARE(o.value(QStringLiteral("features")).toInt() +
                     o.value(QStringLiteral("summary"))
                         .toObject()
                         .value(QStringLiteral("outsideStudyArea"))
                         .toInt(),
                 inJuly);
        // ... and a mistyped rule is a usage error.
        const Run bad =
            cli({QStringLiteral("analyze"), QStringLiteral("nni"), QStringLiteral("--store"), store,
                 QStringLiteral("--layer"), QStringLiteral("events"), QStringLiteral("--span-rule"),
                 QStringLiteral("everything")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QStringLiteral("--span-rule")), qPrintable(bad.err));
    }
};

QTEST_GUILESS_MAIN(TestByodCli)
#include "test_byod_cli.moc"
