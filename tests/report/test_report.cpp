// SPDX-License-Identifier: GPL-3.0-or-later
// CLSPD reports: the demo atlas is rendered, then read back with poppler's pdftotext and pdftoppm:
// the key figures must equal counts computed here directly with SQL, small counts must read
// "< 5", pages 1-3 must match control images, and bad requests must fail clearly without
// leaving a PDF behind.
#include "controlimage.h"

#include "core/analysis/analysis.h"
#include "core/analytics/feedback.h"
#include "core/demo/demogenerator.h"
#include "core/report/reportfigures.h"
#include "core/report/reporttemplate.h"
#include "core/store/store.h"
#include "render/report/reportpdf.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <utility>

using namespace vigie;

namespace {

struct ToolRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun run(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    ToolRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        r.err = QStringLiteral("timed out or could not start: ") + program;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// Local midnight (Europe/Paris) as stored: "YYYY-MM-DDTHH:MM:SSZ".
QString localMidnight(const QDate &d)
{
    return QDateTime(d, QTime(0, 0), QTimeZone(QByteArrayLiteral("Europe/Paris")))
        .toUTC()
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
}

/// How the report must print a count: "< 5" when 1..4, French digit groups otherwise.
QString expectedCount(qint64 n, int minCount = 5)
{
    if (n > 0 && n < minCount)
        return QStringLiteral("< %1").arg(minCount);
    QString digits = QString::number(n), grouped;
    for (int i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += QLatin1Char(' ');
        grouped += digits[i];
    }
    return grouped;
}

/// The table row of pdftotext -layout text starting with `label`: its cells (split on 2+ spaces).
QStringList tableRow(const QString &pageText, const QString &label)
{
    static const QRegularExpression cellGap(QStringLiteral("\\s{2,}"));
    for (QString line : pageText.split(QLatin1Char('\n'))) {
        line.replace(QChar(0x00a0), QLatin1Char(' ')).replace(QChar(0x202f), QLatin1Char(' '));
        const QString t = line.trimmed();
        if (!t.startsWith(label))
            continue;
        static const QRegularExpression lessThan(QStringLiteral("<\\s*"));
        QStringList cells = t.split(cellGap, Qt::SkipEmptyParts);
        for (QString &cell : cells)
            cell.replace(lessThan, QStringLiteral("< ")); // pdftotext may drop the space
        if (cells.size() >= 6)
            return cells;
    }
    return {};
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<core::Store> m_db;

    /// category -> count for one arrondissement (code_insee) and [from, to) local days, by SQL.
    QHash<QString, qint64> sqlCounts(const QString &arrondissement, const QDate &first,
                                     const QDate &last, const QString &quartier = {})
    {
        const char *sql =
            quartier.isEmpty()
                ? "SELECT i.category, COUNT(*) FROM incidents i JOIN quartiers q ON q.code_qua = "
                  "i.code_qua "
                  "WHERE q.code_insee = ?1 AND i.occurred_at >= ?2 AND i.occurred_at < ?3 GROUP BY "
                  "1"
                : "SELECT i.category, COUNT(*) FROM incidents i "
                  "WHERE i.code_qua = ?1 AND i.occurred_at >= ?2 AND i.occurred_at < ?3 GROUP BY 1";
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(m_db->handle(), sql, -1, &stmt, nullptr);
        const QByteArray key = (quartier.isEmpty() ? arrondissement : quartier).toUtf8();
        const QByteArray from = localMidnight(first).toUtf8();
        const QByteArray to = localMidnight(last.addDays(1)).toUtf8();
        sqlite3_bind_text(stmt, 1, key.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, from.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, to.constData(), -1, SQLITE_TRANSIENT);
        QHash<QString, qint64> counts;
        qint64 total = 0;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const QString category =
                QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
            counts.insert(category, sqlite3_column_int64(stmt, 1));
            total += sqlite3_column_int64(stmt, 1);
        }
        sqlite3_finalize(stmt);
        counts.insert(QStringLiteral("*"), total);
        return counts;
    }

    QString pdfText(const QString &pdf, int page)
    {
        const ToolRun r =
            run(QStringLiteral("pdftotext"),
                {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(page),
                 QStringLiteral("-l"), QString::number(page), pdf, QStringLiteral("-")});
        if (r.exitCode != 0)
            qWarning() << "pdftotext failed:" << r.err;
        return r.out;
    }

    core::ReportRequest request(const QString &templateId, const QString &period,
                                const QStringList &areas)
    {
        core::ReportRequest req;
        auto t = core::ReportTemplate::load(templateId);
        if (!t)
            qFatal("%s", qPrintable(t.error().message));
        req.reportTemplate = *t;
        req.period = *core::ReportPeriod::parse(period);
        req.areas = areas;
        req.producedOn = QDate(2025, 4, 2);
        req.author = QStringLiteral("Secrétariat du CLSPD");
        return req;
    }

private slots:
    void initTestCase()
    {
        for (const char *tool : {"pdftotext", "pdftoppm", "pdfinfo", "pdffonts"})
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 is missing: install poppler-utils")
                                     .arg(QLatin1String(tool))));
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        core::DemoOptions options;
        options.incidentScale = 0.3; // smaller counts: some fall under the threshold
        auto demo = core::createDemoStore(m_store, options);
        QVERIFY2(demo.ok(), demo.ok() ? "" : qPrintable(demo.error().message));
        auto store = core::Store::open(m_store);
        QVERIFY(store.ok());
        m_db = std::move(*store);
        // A heatmap of the period for the maps.
        core::AnalysisRequest kde;
        kde.kind = core::AnalysisKind::Kde;
        kde.selection.from = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        kde.selection.to =
            QDateTime(QDate(2025, 3, 31), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
        kde.parameters.insert(QStringLiteral("cellSize"), 100);
        auto outcome = core::AnalysisRunner::run(*m_db, kde);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
    }

    void periods()
    {
        auto p = core::ReportPeriod::parse(QStringLiteral("2025-01..2025-03"));
        QVERIFY(p.ok());
        QCOMPARE(p->first, QDate(2025, 1, 1));
        QCOMPARE(p->last, QDate(2025, 3, 31));
        QCOMPARE(p->previous().first, QDate(2024, 10, 1));
        QCOMPARE(p->previous().last, QDate(2024, 12, 31));
        QCOMPARE(p->sameLastYear().first, QDate(2024, 1, 1));
        QCOMPARE(p->sameLastYear().last, QDate(2024, 3, 31));
        QCOMPARE(p->fromIso(), QStringLiteral("2024-12-31T23:00:00Z")); // Paris is UTC+1 in winter
        QCOMPARE(p->label(QStringLiteral("fr")), QStringLiteral("janvier à mars 2025"));
        auto days = core::ReportPeriod::parse(QStringLiteral("2025-07-01..2025-07-14"));
        QVERIFY(days.ok());
        QCOMPARE(days->previous().first, QDate(2025, 6, 17));
        QCOMPARE(days->toIsoExclusive(), QStringLiteral("2025-07-14T22:00:00Z")); // summer: UTC+2
        QVERIFY(!core::ReportPeriod::parse(QStringLiteral("2025-13")).ok());
        QVERIFY(!core::ReportPeriod::parse(QStringLiteral("mars")).ok());
    }

    void suppressionFormatting()
    {
        QCOMPARE(core::formatCount(0, 5, QStringLiteral("fr")), QStringLiteral("0"));
        QCOMPARE(core::formatCount(4, 5, QStringLiteral("fr")), QStringLiteral("< 5"));
        QCOMPARE(core::formatCount(5, 5, QStringLiteral("fr")), QStringLiteral("5"));
        QCOMPARE(core::formatCount(12345, 5, QStringLiteral("en")), QStringLiteral("12,345"));
        QCOMPARE(core::formatChange(3, 10, 5, QStringLiteral("fr")), QStringLiteral("—"));
        QCOMPARE(core::formatChange(12, 10, 5, QStringLiteral("fr")), QStringLiteral("+20\u00a0%"));
        QCOMPARE(core::formatRate(2, 1000, 5, QStringLiteral("fr")), QStringLiteral("—"));
    }

    /// The 16-arrondissement atlas through the CLI; every key figure equals a direct SQL count.
    void atlasFiguresEqualSql()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("atlas.pdf"));
        const ToolRun r =
            run(QStringLiteral(VIGIE_CLI),
                {QStringLiteral("report"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--template"), QStringLiteral("bilan_mensuel_clspd"),
                 QStringLiteral("--period"), QStringLiteral("2025-01..2025-03"),
                 QStringLiteral("--out"), pdf, QStringLiteral("--author"), QStringLiteral("Test")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString info = run(QStringLiteral("pdfinfo"), {pdf}).out;
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+18"))),
                 qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
        // Vector text with embedded fonts: every font listed by pdffonts is embedded.
        const QStringList fonts =
            run(QStringLiteral("pdffonts"), {pdf}).out.split(QLatin1Char('\n')).mid(2);
        for (const QString &line : fonts)
            if (!line.trimmed().isEmpty())
                QVERIFY2(line.contains(QRegularExpression(
                             QStringLiteral("\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+"))),
                         qPrintable(QStringLiteral("font not embedded: ") + line));

        const auto t = core::ReportTemplate::load(QStringLiteral("bilan_mensuel_clspd"));
        const auto manifest = m_db->layer(QStringLiteral("incidents"));
        const QStringList arrondissements = {QStringLiteral("13201"), QStringLiteral("13207"),
                                             QStringLiteral("13216")};
        int checked = 0, suppressed = 0;
        for (const QString &code : arrondissements) {
            const int page = 3 + code.right(2).toInt() - 1;
            const QString text = pdfText(pdf, page);
            const auto now = sqlCounts(code, QDate(2025, 1, 1), QDate(2025, 3, 31));
            const auto before = sqlCounts(code, QDate(2024, 10, 1), QDate(2024, 12, 31));
            const auto lastYear = sqlCounts(code, QDate(2024, 1, 1), QDate(2024, 3, 31));
            qInfo() << "SQL" << code << "Jan-Mar 2025 total" << now.value(QStringLiteral("*"))
                    << "previous" << before.value(QStringLiteral("*")) << "last year"
                    << lastYear.value(QStringLiteral("*"));
            auto check = [&](const QString &label, const QString &key) {
                const QStringList cells = tableRow(text, label);
                QVERIFY2(cells.size() >= 6,
                         qPrintable(QStringLiteral("no table row \"%1\" on page %2:\n%3")
                                        .arg(label)
                                        .arg(page)
                                        .arg(text)));
                QCOMPARE(cells[1], expectedCount(now.value(key)));
                QCOMPARE(cells[2], expectedCount(before.value(key)));
                QCOMPARE(cells[4], expectedCount(lastYear.value(key)));
                checked += 3;
                suppressed += int(cells[1] == QLatin1String("< 5")) +
                              int(cells[2] == QLatin1String("< 5")) +
                              int(cells[4] == QLatin1String("< 5"));
            };
            for (const core::CategoryDef &c : manifest->categories)
                check(c.label.fr, c.value);
            check(QStringLiteral("Total des faits"), QStringLiteral("*"));
        }
        qInfo() << checked << "figures compared with SQL," << suppressed
                << "of them printed \"< 5\"";

        // Overview: the all-areas total row equals the city count.
        const QString overview = pdfText(pdf, 2);
        qint64 city = 0;
        for (int a = 1; a <= 16; ++a)
            city += sqlCounts(QStringLiteral("132%1").arg(a, 2, 10, QLatin1Char('0')),
                              QDate(2025, 1, 1), QDate(2025, 3, 31))
                        .value(QStringLiteral("*"));
        const QStringList total = tableRow(overview, QStringLiteral("Ensemble des zones"));
        QVERIFY2(total.size() >= 6, qPrintable(overview));
        QCOMPARE(total[2], expectedCount(city));
    }

    /// A quartier with small counts: every count under 5 reads "< 5", none is printed as a digit.
    /// The quartier with the fewest incidents in January 2025 (but at least six).
    QString smallQuartier()
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(
            m_db->handle(),
            "SELECT code_qua, COUNT(*) AS n FROM incidents WHERE occurred_at >= ?1 AND "
            "occurred_at < ?2 GROUP BY code_qua HAVING n BETWEEN 6 AND 40 ORDER BY n, code_qua "
            "LIMIT 1",
            -1, &stmt, nullptr);
        const QByteArray from = localMidnight(QDate(2025, 1, 1)).toUtf8();
        const QByteArray to = localMidnight(QDate(2025, 2, 1)).toUtf8();
        sqlite3_bind_text(stmt, 1, from.constData(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, to.constData(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(stmt) != SQLITE_ROW) {
            sqlite3_finalize(stmt);
            return {};
        }
        const QString quartier =
            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return quartier;
    }

    void smallCountsSuppressed()
    {
        const QString quartier = smallQuartier();
        QVERIFY(!quartier.isEmpty());
        core::ReportRequest req =
            request(QStringLiteral("diagnostic_quartier"), QStringLiteral("2025-01"), {quartier});
        const QString pdf = m_dir.filePath(QStringLiteral("quartier.pdf"));
        auto outcome = render::exportReport(*m_db, req, pdf);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        const QString text = pdfText(pdf, 3);
        const auto now = sqlCounts({}, QDate(2025, 1, 1), QDate(2025, 1, 31), quartier);
        qInfo() << "quartier" << quartier << "January 2025 by SQL:" << now;
        const auto manifest = m_db->layer(QStringLiteral("incidents"));
        int small = 0;
        for (const core::CategoryDef &c : manifest->categories) {
            const QStringList cells = tableRow(text, c.label.fr);
            QVERIFY2(cells.size() >= 6, qPrintable(text));
            QCOMPARE(cells[1], expectedCount(now.value(c.value)));
            for (int i : {1, 2, 4}) {
                QVERIFY2(!cells[i].contains(QRegularExpression(QStringLiteral("^[1-4]$"))),
                         qPrintable(QStringLiteral("a small count is printed: ") +
                                    cells.join(QLatin1Char('|'))));
                small += cells[i] == QLatin1String("< 5");
            }
            // A suppressed count hides its change and rate too.
            if (cells[1] == QLatin1String("< 5")) {
                QCOMPARE(cells[3], QStringLiteral("—"));
                QCOMPARE(cells.last(), QStringLiteral("—"));
            }
        }
        QVERIFY2(small > 0, "the chosen quartier has no small count to suppress");
        QVERIFY(text.contains(QStringLiteral("hachuré : < 5")));

        // A configurable threshold.
        req.minCount = 1000;
        auto high = render::exportReport(*m_db, req, pdf);
        QVERIFY(high.ok());
        const QStringList total = tableRow(pdfText(pdf, 3), QStringLiteral("Total des faits"));
        QVERIFY(total.size() >= 6);
        QCOMPARE(total[1], QStringLiteral("< 1000"));
    }

    /// vigie-cli report --tables: the same counts as the PDF, suppressed by the same rule, in
    /// CSV and XLSX alike.
    void tablesSuppressed()
    {
        const QString quartier = smallQuartier();
        QVERIFY(!quartier.isEmpty());
        const QString csv = m_dir.filePath(QStringLiteral("quartier.csv"));
        const QString xlsx = m_dir.filePath(QStringLiteral("quartier.xlsx"));
        for (const QString &out : {csv, xlsx}) {
            const ToolRun r =
                run(QStringLiteral(VIGIE_CLI),
                    {QStringLiteral("report"), QStringLiteral("--store"), m_store,
                     QStringLiteral("--template"), QStringLiteral("diagnostic_quartier"),
                     QStringLiteral("--period"), QStringLiteral("2025-01"),
                     QStringLiteral("--areas"), quartier, QStringLiteral("--tables"), out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        // The CSV, as GDAL wrote it (quoted where needed).
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
        auto cellsOf = [](const QString &line) {
            QStringList cells;
            QString cell;
            bool quoted = false;
            for (QChar ch : line) {
                if (ch == u'"')
                    quoted = !quoted;
                else if (ch == u',' && !quoted)
                    cells << std::exchange(cell, QString());
                else
                    cell += ch;
            }
            return cells << cell;
        };
        QCOMPARE(cellsOf(lines.first()).value(3), QStringLiteral("période"));
        const auto manifest = m_db->layer(QStringLiteral("incidents"));
        QCOMPARE(lines.size(), qsizetype(manifest->categories.size()) + 2); // + total, header
        const auto now = sqlCounts({}, QDate(2025, 1, 1), QDate(2025, 1, 31), quartier);
        int small = 0;
        QStringList csvCells;
        for (int i = 1; i < lines.size(); ++i) {
            const QStringList cells = cellsOf(lines[i]);
            QCOMPARE(cells.size(), 7);
            QCOMPARE(cells[0], quartier);
            csvCells << cells;
            if (i <= int(manifest->categories.size())) {
                const core::CategoryDef &c = manifest->categories[std::size_t(i - 1)];
                QCOMPARE(cells[2], c.label.fr);
                QCOMPARE(cells[3], expectedCount(now.value(c.value)));
            }
            for (int k : {3, 4, 6}) {
                QVERIFY2(!cells[k].contains(QRegularExpression(QStringLiteral("^[1-4]$"))),
                         qPrintable(QStringLiteral("a small count is written: ") + lines[i]));
                small += cells[k] == QLatin1String("< 5");
            }
            if (cells[3] == QLatin1String("< 5") || cells[4] == QLatin1String("< 5"))
                QCOMPARE(cells[5], QStringLiteral("—"));
        }
        QVERIFY2(small > 0, "the chosen quartier has no small count to suppress");
        // The spreadsheet holds the same cells.
        GDALAllRegister();
        // Every column is text, so GDAL is told the first row is the header (it cannot guess).
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
        GDALDataset *ds = GDALDataset::Open(xlsx.toUtf8().constData(), GDAL_OF_VECTOR);
        QVERIFY(ds);
        QStringList xlsxCells;
        OGRLayer *layer = ds->GetLayer(0);
        for (auto &feature : *layer)
            for (int k = 0; k < feature->GetFieldCount(); ++k)
                xlsxCells << QString::fromUtf8(feature->GetFieldAsString(k));
        GDALClose(ds);
        CPLSetConfigOption("OGR_XLSX_HEADERS", nullptr); // read when the sheet is, not on open
        QCOMPARE(xlsxCells, csvCells);
        qInfo("quartier %s, January 2025: %lld rows, %d counts suppressed in both tables",
              qPrintable(quartier), qlonglong(lines.size() - 1), small);
    }

    /// Pages 1 to 3 as images against the controls (VIGIE_UPDATE_CONTROL=1 regenerates them).
    void controlImages_data()
    {
        QTest::addColumn<QString>("orientation");
        QTest::newRow("portrait") << QStringLiteral("portrait");
        QTest::newRow("landscape") << QStringLiteral("landscape");
    }

    void controlImages()
    {
        QFETCH(QString, orientation);
        core::ReportRequest req =
            request(QStringLiteral("bilan_mensuel_clspd"), QStringLiteral("2025-01..2025-03"),
                    {QStringLiteral("1"), QStringLiteral("13207")});
        req.orientation = orientation;
        const QString pdf = m_dir.filePath(QStringLiteral("control-%1.pdf").arg(orientation));
        auto outcome = render::exportReport(*m_db, req, pdf);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        QCOMPARE(outcome->pages, 4);
        const QString prefix = m_dir.filePath(QStringLiteral("page-%1").arg(orientation));
        const ToolRun r = run(QStringLiteral("pdftoppm"),
                              {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-f"),
                               QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("3"),
                               QStringLiteral("-png"), pdf, prefix});
        QCOMPARE(r.exitCode, 0);
        for (int page = 1; page <= 3; ++page) {
            const QImage image(QStringLiteral("%1-%2.png").arg(prefix).arg(page));
            QVERIFY(!image.isNull());
            const auto cmp = render::test::compareWithControl(
                image, QStringLiteral(VIGIE_TEST_SOURCE_DIR "/control"),
                QStringLiteral("report-%1-page%2").arg(orientation).arg(page), 48,
                image.width() * image.height() / 100);
            qInfo() << orientation << "page" << page << cmp.differingPixels << "pixels differ";
            QVERIFY2(cmp.passed, qPrintable(cmp.message));
        }
    }

    /// Map pages are geospatial: GDAL reads page 3 (the 1st arrondissement) as Lambert-93 and its
    /// georeferenced page contains the arrondissement.
    void geoPdf()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("gdalinfo")).isEmpty())
            QFAIL("gdalinfo is missing: install gdal-bin");
        core::ReportRequest req =
            request(QStringLiteral("bilan_mensuel_clspd"), QStringLiteral("2025-01..2025-03"),
                    {QStringLiteral("13201")});
        const QString pdf = m_dir.filePath(QStringLiteral("geo.pdf"));
        QVERIFY(render::exportReport(*m_db, req, pdf).ok());
        const ToolRun info = run(QStringLiteral("gdalinfo"), {QStringLiteral("PDF:3:") + pdf});
        QVERIFY2(info.exitCode == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral("Lambert-93")), qPrintable(info.out));
        const auto number = QStringLiteral("\\s*([-\\d.]+),\\s*([-\\d.]+)\\)");
        const auto ul =
            QRegularExpression(QStringLiteral("Upper Left\\s*\\(") + number).match(info.out);
        const auto lr =
            QRegularExpression(QStringLiteral("Lower Right\\s*\\(") + number).match(info.out);
        QVERIFY2(ul.hasMatch() && lr.hasMatch(), qPrintable(info.out));
        const QRectF page(QPointF(ul.captured(1).toDouble(), lr.captured(2).toDouble()),
                          QPointF(lr.captured(1).toDouble(), ul.captured(2).toDouble()));
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(m_db->handle(),
                           "SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) FROM "
                           "arrondissements WHERE code_insee = '13201'",
                           -1, &stmt, nullptr);
        QVERIFY(sqlite3_step(stmt) == SQLITE_ROW);
        const QRectF area(QPointF(sqlite3_column_double(stmt, 0), sqlite3_column_double(stmt, 1)),
                          QPointF(sqlite3_column_double(stmt, 2), sqlite3_column_double(stmt, 3)));
        sqlite3_finalize(stmt);
        qInfo() << "GDAL georeferences page 3 over" << page << "; the arrondissement's bounds"
                << area;
        QVERIFY(page.contains(area));
        // The page is A4 at the map scale: a few kilometres wide, not the whole city.
        QVERIFY2(page.width() > area.width() && page.width() < 4 * area.width() + 4000,
                 "unexpected map scale");
    }

    void englishA3()
    {
        core::ReportRequest req = request(QStringLiteral("bilan_mensuel_clspd"),
                                          QStringLiteral("2025-02"), {QStringLiteral("13203")});
        req.language = QStringLiteral("en");
        req.paper = QStringLiteral("a3");
        const QString pdf = m_dir.filePath(QStringLiteral("english.pdf"));
        auto outcome = render::exportReport(*m_db, req, pdf);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        QVERIFY(run(QStringLiteral("pdfinfo"), {pdf}).out.contains(QStringLiteral("(A3)")));
        const QString text = pdfText(pdf, 3);
        QVERIFY(text.contains(QStringLiteral("Key figures")));
        QVERIFY(text.contains(QStringLiteral("Property crime")));
        QVERIFY(text.contains(QStringLiteral("RESTRICTED DISTRIBUTION")));
    }

    /// Bad requests: a clear error naming the problem, and no PDF left behind.
    void errors()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("never.pdf"));
        auto expectFailure = [&](const core::ReportRequest &req, const QString &mention) {
            auto outcome = render::exportReport(*m_db, req, pdf);
            QVERIFY(!outcome.ok());
            qInfo() << "error:" << outcome.error().message;
            QVERIFY2(outcome.error().message.contains(mention),
                     qPrintable(outcome.error().message));
            QVERIFY2(!QFile::exists(pdf), "a PDF was left behind");
        };
        // Unknown layer in a template file.
        QFile source(
            QStringLiteral(VIGIE_SOURCE_DIR "/resources/reports/bilan_mensuel_clspd.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray json =
            source.readAll().replace("\"layer\": \"arrondissements\"", "\"layer\": \"communes\"");
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile out(bad);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
        out.close();
        core::ReportRequest req = request(bad, QStringLiteral("2025-01"), {});
        expectFailure(req, QStringLiteral("communes"));
        // Unknown analysis, unknown area, a period without data.
        req = request(QStringLiteral("bilan_mensuel_clspd"), QStringLiteral("2025-01"), {});
        req.analysis = QStringLiteral("kde_999");
        expectFailure(req, QStringLiteral("kde_999"));
        req = request(QStringLiteral("bilan_mensuel_clspd"), QStringLiteral("2025-01"),
                      {QStringLiteral("Atlantis")});
        expectFailure(req, QStringLiteral("Atlantis"));
        req =
            request(QStringLiteral("bilan_mensuel_clspd"), QStringLiteral("2030-01..2030-02"), {});
        expectFailure(req, QStringLiteral("2030-01..2030-02"));
        // Canceled: nothing written either.
        req = request(QStringLiteral("bilan_mensuel_clspd"), QStringLiteral("2025-01"), {});
        analytics::Feedback feedback;
        feedback.cancel();
        auto canceled = render::exportReport(*m_db, req, pdf, &feedback);
        QVERIFY(!canceled.ok());
        QCOMPARE(canceled.error().code, core::ErrorCode::Canceled);
        QVERIFY(!QFile::exists(pdf));
        // Malformed template and empty period, through the CLI.
        QFile broken(m_dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"vigieReport\": 1, \"id\": ");
        broken.close();
        auto parsed = core::ReportTemplate::load(broken.fileName());
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().message.contains(QStringLiteral("broken.json")));
        const ToolRun empty =
            run(QStringLiteral(VIGIE_CLI),
                {QStringLiteral("report"), QStringLiteral("--store"), m_store,
                 QStringLiteral("--template"), QStringLiteral("bilan_mensuel_clspd"),
                 QStringLiteral("--period"), QStringLiteral("2025-03..2025-01"),
                 QStringLiteral("--out"), pdf});
        qInfo() << "CLI:" << empty.err.trimmed();
        QVERIFY(empty.exitCode != 0);
        QVERIFY(empty.err.contains(QStringLiteral("2025-03..2025-01")));
        QVERIFY(!QFile::exists(pdf));
    }
};

QTEST_MAIN(TestReport)
#include "test_report.moc"
