// SPDX-License-Identifier: GPL-3.0-or-later
// Bringing one's own records in (issue 13): dates in the forms exports use, a records export
// with separate date and time columns, French dates, spans and 3 % bad rows imported through a
// field mapping into a workspace made from its own boundaries, re-imports that change nothing,
// next month's overlapping file, hashed source keys, the span rules of a period filter
// (aoristic weights checked against a hand-computed case) and a period refused on an undated
// layer.
#include "analysis/analysis.h"
#include "analysis/analysisutil.h"
#include "calendar.h"
#include "io/fieldmapping.h"
#include "io/importer.h"
#include "io/newworkspace.h"
#include "io/timeparse.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sqlite3.h>

#include <cmath>

using namespace vigie::core;

namespace {

QDateTime utc(const char *iso)
{
    QDateTime d = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    d.setTimeZone(QTimeZone::utc());
    return d;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

const char *const kNatures[] = {"CAMB", "VOL", "DEG", "VOL_VEH"};

/// Row i of a made-up records export of the municipal police: ';'-separated, French dates in
/// March (UTC+1) then April (UTC+2, after the change to summer time), a separate time column,
/// every tenth record known only between two times, Lambert-93 coordinates. Rows 17, 53 and 88
/// are unusable (31 February, no coordinates, "n/c" as the date). `changed` alters the nature.
QByteArray exportRow(int i, bool changed = false)
{
    const int month = i < 50 ? 3 : 4;
    const int day = 1 + i % 28;
    QString date = QStringLiteral("%1/%2/2026")
                       .arg(day, 2, 10, QLatin1Char('0'))
                       .arg(month, 2, 10, QLatin1Char('0'));
    if (i == 17)
        date = QStringLiteral("31/02/2026");
    if (i == 88)
        date = QStringLiteral("n/c");
    const QString time = QStringLiteral("%1:%2")
                             .arg(i % 24, 2, 10, QLatin1Char('0'))
                             .arg((i * 7) % 60, 2, 10, QLatin1Char('0'));
    QString endDate, endTime;
    if (i % 10 == 5) {
        endDate = QStringLiteral("%1/%2/2026")
                      .arg(day + 2, 2, 10, QLatin1Char('0'))
                      .arg(month, 2, 10, QLatin1Char('0'));
        endTime = QStringLiteral("08:00");
    }
    const QString x = i == 53 ? QString() : QString::number(892000 + i * 10);
    const QString y = QString::number(6247000 + i * 7);
    const char *nature = kNatures[(i + (changed ? 1 : 0)) % 4];
    return QStringLiteral("MP-%1;%2;%3;%4;%5;%6;%7;%8;RAS\n")
        .arg(i, 5, 10, QLatin1Char('0'))
        .arg(date, time, endDate, endTime, QString::fromLatin1(nature), x, y)
        .toUtf8();
}

const QByteArray kExportHeader =
    "N° dossier;Date faits;Heure;Date fin;Heure fin;Nature;X;Y;Observations\n";

FieldMapping exportMapping()
{
    FieldMapping m;
    for (const char *a :
         {"occurred_at=Date faits", "occurred_time=Heure", "occurred_to=Date fin",
          "occurred_to_time=Heure fin", "category=Nature", "source_key=N° dossier", "x=X", "y=Y"})
        m.addAssignment(QString::fromUtf8(a));
    m.crs = QStringLiteral("EPSG:2154");
    m.categories = {{QStringLiteral("CAMB"), QStringLiteral("cambriolage")},
                    {QStringLiteral("VOL"), QStringLiteral("vol")},
                    {QStringLiteral("DEG"), QStringLiteral("degradation")}};
    return m;
}

/// One column of a row of a layer, read with SQLite (not through the store's API).
QString cell(const QString &storePath, const QString &sql)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(QFile::encodeName(storePath).constData(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            out = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

} // namespace

class TestMapping : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString tmp(const QString &name) const { return m_dir.filePath(name); }

    /// A workspace made for a square study area around central Marseille (Lambert-93).
    std::unique_ptr<Store> newWorkspace(const QString &name)
    {
        const QString area = tmp(name + QStringLiteral("-area.geojson"));
        writeFile(area, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        "\"properties\":{\"nom\":\"Secteur test\"},\"geometry\":{\"type\":"
                        "\"Polygon\",\"coordinates\":[[[880000,6230000],[910000,6230000],"
                        "[910000,6260000],[880000,6260000],[880000,6230000]]]}}]}");
        NewWorkspaceOptions o;
        o.boundaries = area;
        o.crs = QStringLiteral("EPSG:2154");
        auto made = createWorkspace(tmp(name), o);
        if (!made) {
            qWarning().noquote() << made.error().message;
            return {};
        }
        auto store = Store::open(tmp(name));
        return store ? std::move(*store) : nullptr;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void dates_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<int>("order");
        QTest::addColumn<QDateTime>("from");
        QTest::addColumn<QDateTime>("to");
        QTest::addColumn<QString>("precision");
        const int dmy = int(DateOrder::DayMonthYear), mdy = int(DateOrder::MonthDayYear);
        const QString paris = QStringLiteral("Europe/Paris");
        // Offsets worked out by hand: Paris is UTC+1 in winter, UTC+2 from the last Sunday of
        // March 02:00 (29 March 2026) to the last Sunday of October.
        QTest::newRow("iso day") << "2026-12-03"
                                 << "" << paris << dmy << utc("2026-12-02T23:00:00")
                                 << utc("2026-12-03T23:00:00") << "day";
        QTest::newRow("french date and time") << "03/12/2026 14:05"
                                              << "" << paris << dmy << utc("2026-12-03T13:05:00")
                                              << utc("2026-12-03T13:06:00") << "minute";
        QTest::newRow("us order") << "12/03/2026"
                                  << "" << paris << mdy << utc("2026-12-02T23:00:00")
                                  << utc("2026-12-03T23:00:00") << "day";
        QTest::newRow("separate time") << "28/03/2026"
                                       << "23h30" << paris << dmy << utc("2026-03-28T22:30:00")
                                       << utc("2026-03-28T22:31:00") << "minute";
        QTest::newRow("after the change to summer time")
            << "29/03/2026"
            << "03:30" << paris << dmy << utc("2026-03-29T01:30:00") << utc("2026-03-29T01:31:00")
            << "minute";
        QTest::newRow("hour only") << "01/07/2026"
                                   << "9h" << paris << dmy << utc("2026-07-01T07:00:00")
                                   << utc("2026-07-01T08:00:00") << "hour";
        QTest::newRow("seconds") << "2026-07-01 09:10:11"
                                 << "" << paris << dmy << utc("2026-07-01T07:10:11")
                                 << utc("2026-07-01T07:10:12") << "second";
        QTest::newRow("explicit offset") << "2026-07-01T09:10:00+01:00"
                                         << "" << paris << dmy << utc("2026-07-01T08:10:00")
                                         << utc("2026-07-01T08:10:01") << "second";
        QTest::newRow("utc") << "2026-07-01T09:10Z"
                             << "" << paris << dmy << utc("2026-07-01T09:10:00")
                             << utc("2026-07-01T09:11:00") << "minute";
        QTest::newRow("gdal rendering") << "2026/07/01 09:10:00"
                                        << "" << paris << dmy << utc("2026-07-01T07:10:00")
                                        << utc("2026-07-01T07:10:01") << "second";
        // Excel serial 45658 is 1 January 2025, so 45994 is 3 December 2025; .5 is noon.
        QTest::newRow("excel serial") << "45994.5"
                                      << "" << paris << dmy << utc("2025-12-03T11:00:00")
                                      << utc("2025-12-03T11:01:00") << "minute";
        QTest::newRow("police.uk month in London")
            << "2018-05"
            << ""
            << "Europe/London" << dmy << utc("2018-04-30T23:00:00") << utc("2018-05-31T23:00:00")
            << "month";
        QTest::newRow("year") << "2025"
                              << "" << paris << dmy << utc("2024-12-31T23:00:00")
                              << utc("2025-12-31T23:00:00") << "year";
    }

    void dates()
    {
        QFETCH(QString, date);
        QFETCH(QString, time);
        QFETCH(QString, zone);
        QFETCH(int, order);
        QFETCH(QDateTime, from);
        QFETCH(QDateTime, to);
        QFETCH(QString, precision);
        const DateReader reader(DateOrder(order), QTimeZone(zone.toUtf8()));
        const auto span = reader.read(date, time);
        QVERIFY2(span.has_value(), qPrintable(date));
        QCOMPARE(span->from, from);
        QCOMPARE(span->to, to);
        QCOMPARE(timePrecisionName(span->precision), precision);
    }

    void badDates()
    {
        const DateReader reader(DateOrder::DayMonthYear);
        for (const char *bad : {"31/02/2026", "n/c", "2026-13-01", "03/12/26 25:00", "", "hier"})
            QVERIFY2(!reader.read(QString::fromUtf8(bad)).has_value(), bad);
        QVERIFY(!reader.read(QStringLiteral("03/12/2026"), QStringLiteral("midi")).has_value());
        QCOMPARE(detectDateOrder({QStringLiteral("03/12/2026"), QStringLiteral("25/12/2026")}),
                 std::optional<DateOrder>(DateOrder::DayMonthYear));
        QCOMPARE(detectDateOrder({QStringLiteral("12/25/2026")}),
                 std::optional<DateOrder>(DateOrder::MonthDayYear));
        QVERIFY(!detectDateOrder({QStringLiteral("03/04/2026")}).has_value());
    }

    void mappingFile()
    {
        const FieldMapping m = exportMapping();
        const QByteArray json = QJsonDocument(m.toJson()).toJson();
        auto back = FieldMapping::fromJson(json, QStringLiteral("test"));
        QVERIFY(back.ok());
        QCOMPARE(back->fields, m.fields);
        QCOMPARE(back->categories, m.categories);
        QCOMPARE(back->crs, m.crs);
        for (const char *bad : {"[]", "{\"fields\":{}}", "{\"vigieMapping\":1,\"fields\":3}",
                                "{\"vigieMapping\":1,\"fields\":{},\"timeZone\":\"Mars/Olympus\"}"})
            QVERIFY2(!FieldMapping::fromJson(bad, QStringLiteral("test")).ok(), bad);
    }

    void suggestedMappings()
    {
        using namespace mappingtarget;
        const FieldMapping police = suggestMapping(
            QStringLiteral("crime_id,month,reported_by,falls_within,longitude,latitude,location,"
                           "lsoa_code,lsoa_name,crime_type,last_outcome_category,context")
                .split(u','));
        QCOMPARE(police.fields.value(occurredAt), QStringLiteral("month"));
        QCOMPARE(police.fields.value(category), QStringLiteral("crime_type"));
        QCOMPARE(police.fields.value(sourceKey), QStringLiteral("crime_id"));
        QCOMPARE(police.fields.size(), 3);
        const FieldMapping records =
            suggestMapping(QString::fromUtf8(kExportHeader).trimmed().split(u';'));
        QCOMPARE(records.fields.value(occurredAt), QStringLiteral("Date faits"));
        QCOMPARE(records.fields.value(occurredTime), QStringLiteral("Heure"));
        QCOMPARE(records.fields.value(occurredTo), QStringLiteral("Date fin"));
        QCOMPARE(records.fields.value(occurredToTime), QStringLiteral("Heure fin"));
        QCOMPARE(records.fields.value(category), QStringLiteral("Nature"));
        QCOMPARE(records.fields.value(sourceKey), QStringLiteral("N° dossier"));
        // A modification date is not the date of the record; a time without a date is dropped.
        const FieldMapping events =
            suggestMapping({QStringLiteral("apidae_id"), QStringLiteral("objet_type"),
                            QStringLiteral("date_debut"), QStringLiteral("date_fin"),
                            QStringLiteral("date_modification")});
        QCOMPARE(events.fields.value(occurredAt), QStringLiteral("date_debut"));
        QCOMPARE(events.fields.value(occurredTo), QStringLiteral("date_fin"));
        QVERIFY(!suggestMapping({QStringLiteral("heure"), QStringLiteral("nom")})
                     .fields.contains(occurredTime));
    }

    void recordsExport()
    {
        auto store = newWorkspace(QStringLiteral("export.vigie"));
        QVERIFY(store);
        QByteArray csv = kExportHeader;
        for (int i = 0; i < 100; ++i)
            csv += exportRow(i);
        const QString file = tmp(QStringLiteral("export-mars-avril.csv"));
        writeFile(file, csv);

        ImportOptions o;
        o.layerId = QStringLiteral("incidents");
        o.mapping = exportMapping();
        // Refused whole without --skip-invalid: the error names the bad date, nothing is kept.
        auto refused = Importer::importFile(*store, file, o);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("31/02/2026")),
                 qPrintable(refused.error().message));
        QVERIFY(!store->hasLayer(QStringLiteral("incidents")));

        o.skipInvalid = true;
        auto r = Importer::importFile(*store, file, o);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->features, 97);
        QCOMPARE(r->skipped, 3);
        QCOMPARE(r->inserted, 97);
        QVERIFY(r->layerCreated);
        QCOMPARE(store->featureCount(QStringLiteral("incidents")), 97);
        // The categories found after the mapping, the unmapped code kept as itself.
        QStringList values;
        const auto layer = store->layer(QStringLiteral("incidents"));
        QVERIFY(layer.has_value());
        for (const CategoryDef &c : layer->categories)
            values << c.value;
        values.sort();
        QCOMPARE(values, (QStringList{QStringLiteral("VOL_VEH"), QStringLiteral("cambriolage"),
                                      QStringLiteral("degradation"), QStringLiteral("vol")}));
        const QString path = tmp(QStringLiteral("export.vigie"));
        auto row = [&](const char *key, const char *column) {
            return cell(path, QStringLiteral("SELECT \"%1\" FROM incidents WHERE source_key = '%2'")
                                  .arg(QLatin1String(column), QLatin1String(key)));
        };
        // 01/03/2026 00:00 in Paris (UTC+1); 23/04/2026 02:50 in Paris (UTC+2).
        QCOMPARE(row("MP-00000", "occurred_at"), QStringLiteral("2026-02-28T23:00:00Z"));
        QCOMPARE(row("MP-00000", "time_precision"), QStringLiteral("minute"));
        QCOMPARE(row("MP-00050", "occurred_at"), QStringLiteral("2026-04-23T00:50:00Z"));
        // Known only between 06/03 05:35 and 08/03 08:00.
        QCOMPARE(row("MP-00005", "occurred_at"), QStringLiteral("2026-03-06T04:35:00Z"));
        QCOMPARE(row("MP-00005", "occurred_to"), QStringLiteral("2026-03-08T07:00:00Z"));
        QCOMPARE(row("MP-00005", "time_precision"), QStringLiteral("span"));
        QCOMPARE(row("MP-00001", "category"), QStringLiteral("vol"));
        QCOMPARE(row("MP-00003", "category"), QStringLiteral("VOL_VEH"));
        QVERIFY(row("MP-00017", "fid").isEmpty());
        // The workspace keeps the mapping: next month's file needs no options.
        const auto saved = savedMapping(*store, QStringLiteral("incidents"));
        QVERIFY(saved.has_value());
        QCOMPARE(saved->fields, o.mapping.fields);
        QCOMPARE(saved->crs, QStringLiteral("EPSG:2154"));

        // The same file again changes nothing.
        ImportOptions again;
        again.layerId = QStringLiteral("incidents");
        again.mapping = *saved;
        again.skipInvalid = true;
        auto same = Importer::importFile(*store, file, again);
        QVERIFY2(same.ok(), same.ok() ? "" : qPrintable(same.error().message));
        QCOMPARE(same->inserted, 0);
        QCOMPARE(same->updated, 0);
        QCOMPARE(same->unchanged, 97);
        QCOMPARE(store->featureCount(QStringLiteral("incidents")), 97);

        // Next file: records 90-109; 90-94 corrected (another nature), 95-99 as they were,
        // 100-109 new.
        QByteArray next = kExportHeader;
        for (int i = 90; i < 110; ++i)
            next += exportRow(i, i < 95);
        const QString nextFile = tmp(QStringLiteral("export-suivant.csv"));
        writeFile(nextFile, next);
        auto overlap = Importer::importFile(*store, nextFile, again);
        QVERIFY2(overlap.ok(), overlap.ok() ? "" : qPrintable(overlap.error().message));
        QCOMPARE(overlap->inserted, 10);
        QCOMPARE(overlap->updated, 5);
        QCOMPARE(overlap->unchanged, 5);
        QCOMPARE(store->featureCount(QStringLiteral("incidents")), 107);
        QCOMPARE(row("MP-00090", "category"), QStringLiteral("VOL_VEH"));     // was DEG
        QCOMPARE(row("MP-00091", "category"), QStringLiteral("cambriolage")); // was VOL_VEH
        QCOMPARE(row("MP-00095", "category"), QStringLiteral("VOL_VEH"));     // as it was
    }

    void hashedKeys()
    {
        // No key column: the chosen columns identify a record; two identical records stay two.
        auto store = newWorkspace(QStringLiteral("hashed.vigie"));
        QVERIFY(store);
        QByteArray csv = kExportHeader;
        for (int i = 0; i < 30; ++i)
            csv += exportRow(i);
        csv += exportRow(29); // the same record twice
        const QString file = tmp(QStringLiteral("sans-numero.csv"));
        writeFile(file, csv);
        ImportOptions o;
        o.layerId = QStringLiteral("faits");
        o.mapping = exportMapping();
        o.mapping.fields.insert(mappingtarget::sourceKey, QStringLiteral("Date faits+Heure+X+Y"));
        o.skipInvalid = true;
        auto first = Importer::importFile(*store, file, o);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
        QCOMPARE(first->inserted, 30); // 31 rows, record 17 unusable
        auto second = Importer::importFile(*store, file, o);
        QVERIFY(second.ok());
        QCOMPARE(second->inserted, 0);
        QCOMPARE(second->unchanged, 30);
        QCOMPARE(store->featureCount(QStringLiteral("faits")), 30);
    }

    void spanRules()
    {
        // A burglary known only between Friday 6 March 2026 18:00 and Monday 9 March 08:00
        // (62 hours), a theft on Saturday at noon and one on Sunday; the period is Saturday.
        auto store = newWorkspace(QStringLiteral("spans.vigie"));
        QVERIFY(store);
        const QString file = tmp(QStringLiteral("spans.csv"));
        writeFile(file, kExportHeader + "A;06/03/2026;18:00;09/03/2026;08:00;CAMB;892000;6247000;\n"
                                        "B;07/03/2026;12:00;;;VOL;893000;6248000;\n"
                                        "C;08/03/2026;12:00;;;VOL;894000;6249000;\n");
        ImportOptions o;
        o.layerId = QStringLiteral("incidents");
        o.mapping = exportMapping();
        auto r = Importer::importFile(*store, file, o);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        AnalysisSelection sel;
        sel.from = *parsePeriodBound(QStringLiteral("2026-03-07"), false);
        sel.to = *parsePeriodBound(QStringLiteral("2026-03-07"), true);
        QCOMPARE(sel.to - sel.from, 86399);

        sel.spanRule = SpanRule::Start; // the burglary began on Friday: out
        detail::Selection s = detail::select(*store, sel, nullptr);
        QCOMPARE(s.x.size(), std::size_t(1));
        QCOMPARE(s.x[0], 893000.0);

        sel.spanRule = SpanRule::Overlap; // it overlaps Saturday: counted whole
        s = detail::select(*store, sel, nullptr);
        QCOMPARE(s.x.size(), std::size_t(2));
        QVERIFY(s.w.empty());

        sel.spanRule = SpanRule::Aoristic; // 24 of its 62 hours are on Saturday
        s = detail::select(*store, sel, nullptr);
        QCOMPARE(s.x.size(), std::size_t(2));
        QCOMPARE(s.w.size(), std::size_t(2));
        double burglary = -1, theft = -1;
        for (std::size_t i = 0; i < s.x.size(); ++i)
            (s.x[i] == 892000.0 ? burglary : theft) = s.w[i];
        QVERIFY(std::abs(burglary - 24.0 / 62.0) < 1e-12);
        QCOMPARE(theft, 1.0);
        QCOMPARE(s.t[0] >= 0.0, true); // a span begun before the period starts with it
        QCOMPARE(spanRuleFromKey(QStringLiteral("aoristic")),
                 std::optional<SpanRule>(SpanRule::Aoristic));
        QVERIFY(!spanRuleFromKey(QStringLiteral("everything")).has_value());
    }

    void undatedLayerRefusesPeriod()
    {
        // Imported without a mapping, the French dates stay text: the layer has no time field,
        // and a period on it is refused with a message rather than ignored.
        auto store = newWorkspace(QStringLiteral("undated.vigie"));
        QVERIFY(store);
        QByteArray csv = kExportHeader;
        for (int i = 0; i < 10; ++i)
            csv += exportRow(i);
        const QString file = tmp(QStringLiteral("brut.csv"));
        writeFile(file, csv);
        ImportOptions o;
        o.sourceCrs = QStringLiteral("EPSG:2154");
        auto r = Importer::importFile(*store, file, o);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        AnalysisSelection sel;
        sel.layer = r->layerId;
        QCOMPARE(detail::select(*store, sel, nullptr).x.size(), std::size_t(10));
        sel.from = *parsePeriodBound(QStringLiteral("2026-03-01"), false);
        try {
            detail::select(*store, sel, nullptr);
            QFAIL("a period on an undated layer was accepted");
        } catch (const Exception &e) {
            QVERIFY2(e.error().message.contains(QStringLiteral("no dates")),
                     qPrintable(e.error().message));
        }
    }

    void periodBounds()
    {
        // One rule: a day is a Paris day, an end includes it whole, Z is UTC.
        QCOMPARE(*parsePeriodBound(QStringLiteral("2018-07-31"), false),
                 utc("2018-07-30T22:00:00").toSecsSinceEpoch());
        QCOMPARE(*parsePeriodBound(QStringLiteral("2018-07-31"), true),
                 utc("2018-07-31T21:59:59").toSecsSinceEpoch());
        QCOMPARE(*parsePeriodBound(QStringLiteral("2018-01-31"), true),
                 utc("2018-01-31T22:59:59").toSecsSinceEpoch());
        QCOMPARE(*parsePeriodBound(QStringLiteral("2018-07-31T18:00"), true),
                 utc("2018-07-31T16:00:00").toSecsSinceEpoch());
        QCOMPARE(*parsePeriodBound(QStringLiteral("2018-07-31T18:00Z"), false),
                 utc("2018-07-31T18:00:00").toSecsSinceEpoch());
        QVERIFY(!parsePeriodBound(QStringLiteral("31/07/2018"), false).has_value());
        QVERIFY(!parsePeriodBound(QStringLiteral("2018-02-30"), false).has_value());
    }

    void newWorkspaceLeavesNothingOnError()
    {
        const QString points = tmp(QStringLiteral("points.geojson"));
        writeFile(points, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                          "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":"
                          "[5.37,43.29]}}]}");
        NewWorkspaceOptions o;
        o.boundaries = points;
        auto made = createWorkspace(tmp(QStringLiteral("refused.vigie")), o);
        QVERIFY(!made.ok());
        QVERIFY(!QFile::exists(tmp(QStringLiteral("refused.vigie"))));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("refused*")}), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestMapping)
#include "test_mapping.moc"
