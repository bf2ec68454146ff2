// SPDX-License-Identifier: GPL-3.0-or-later
// Vigie's algorithms inside QGIS Processing (issue 14), with Debian's QGIS 3.22 headless, out of
// process: the plugin (plugins/qgis/vigie) shows a "Vigie" provider in `qgis_process.bin list`
// both from QGIS_PLUGINPATH and installed from the zip the build makes; its algorithms' parameters
// are Vigie's own definitions; Gi* run from qgis_process on the demo incidents (a GeoPackage, as
// any QGIS layer) gives the z-scores, p-values and cells vigie-cli gives on the workspace (1e-12),
// KDE the same grid; Local Moran, emerging hot spots, ST-DBSCAN, the SEPP forecast and its
// evaluation run from QGIS's Python API with progress, outputs load as QGIS layers, and a run
// cancelled from QGIS stops at once and leaves no output.
#include "../cli/clirun.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <gdal_priv.h>
#include <sqlite3.h>

#include <cmath>
#include <map>

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3"); // Debian's, which sees python3-qgis
const QString kQgisProcess = QStringLiteral("/usr/bin/qgis_process.bin");
const QString kPluginParent = QStringLiteral(VIGIE_SOURCE_DIR "/plugins/qgis");
const QStringList kRequired = {QStringLiteral("kde"),
                               QStringLiteral("gistar"),
                               QStringLiteral("moran"),
                               QStringLiteral("emerging"),
                               QStringLiteral("stdbscan"),
                               QStringLiteral("forecast"),
                               QStringLiteral("forecast_evaluation")};

/// unit -> (z, p) of a GeoPackage table written by Vigie's export.
std::map<qint64, std::pair<double, double>> zScores(const QString &gpkg)
{
    std::map<qint64, std::pair<double, double>> out;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(gpkg.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) ==
        SQLITE_OK) {
        sqlite3_stmt *t = nullptr;
        QByteArray table;
        if (sqlite3_prepare_v2(db, "SELECT table_name FROM gpkg_contents LIMIT 1", -1, &t,
                               nullptr) == SQLITE_OK &&
            sqlite3_step(t) == SQLITE_ROW)
            table = reinterpret_cast<const char *>(sqlite3_column_text(t, 0));
        sqlite3_finalize(t);
        const QByteArray sql = "SELECT unit, z, p FROM \"" + table + "\"";
        sqlite3_stmt *st = nullptr;
        if (!table.isEmpty() &&
            sqlite3_prepare_v2(db, sql.constData(), -1, &st, nullptr) == SQLITE_OK)
            while (sqlite3_step(st) == SQLITE_ROW)
                out[sqlite3_column_int64(st, 0)] = {sqlite3_column_double(st, 1),
                                                    sqlite3_column_double(st, 2)};
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

struct Grid
{
    int width = 0, height = 0;
    double transform[6] = {};
    std::vector<double> values;
};

Grid readGrid(const QString &tif)
{
    Grid g;
    GDALAllRegister();
    GDALDataset *ds =
        GDALDataset::Open(tif.toUtf8().constData(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    if (!ds)
        return g;
    g.width = ds->GetRasterXSize();
    g.height = ds->GetRasterYSize();
    ds->GetGeoTransform(g.transform);
    g.values.resize(std::size_t(g.width) * std::size_t(g.height));
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, g.width, g.height, g.values.data(), g.width,
                                       g.height, GDT_Float64, 0, 0) != CE_None)
        g.values.clear();
    GDALClose(ds);
    return g;
}

} // namespace

class TestQgisProcessing : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_store, m_points, m_area, m_home;

    QProcessEnvironment qgisEnvironment(bool pluginPath = true) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home);
        env.insert(QStringLiteral("VIGIE_CLI"), QStringLiteral(VIGIE_CLI));
        env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
        if (pluginPath)
            env.insert(QStringLiteral("QGIS_PLUGINPATH"), kPluginParent);
        else
            env.remove(QStringLiteral("QGIS_PLUGINPATH"));
        return env;
    }

    /// Runs a QGIS program; its standard output, empty on failure (warned).
    QString runQgis(const QString &program, const QStringList &args, bool pluginPath = true)
    {
        QProcess p;
        p.setProcessEnvironment(qgisEnvironment(pluginPath));
        p.start(program, args);
        if (!p.waitForFinished(240000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            qWarning().noquote() << program << args.join(u' ')
                                 << "failed:" << p.readAllStandardError().right(3000);
            return {};
        }
        return QString::fromUtf8(p.readAllStandardOutput());
    }

    static QString cli(const QStringList &args, const QString &language = QStringLiteral("fr"))
    {
        const vigie::test::CliRun r = vigie::test::runCli(args, language);
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        return r.exitCode == 0 ? r.out : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("VIGIE_LANGUAGE", "fr"); // vigie-cli here and in the plugin, as ctest sets it
        QVERIFY2(QFileInfo::exists(kQgisProcess), "qgis_process.bin is missing (qgis package)");
        m_store = m_dir.filePath(QStringLiteral("demo.vigie"));
        QVERIFY(!cli({QStringLiteral("demo"), QStringLiteral("--out"), m_store,
                      QStringLiteral("--scale"), QStringLiteral("0.05")})
                     .isEmpty());
        // The demo incidents and arrondissements as files, as a QGIS user has any layer.
        m_points = m_dir.filePath(QStringLiteral("incidents.gpkg"));
        m_area = m_dir.filePath(QStringLiteral("arrondissements.gpkg"));
        for (const auto &[layer, out] : {std::pair{QStringLiteral("incidents"), m_points},
                                         std::pair{QStringLiteral("arrondissements"), m_area}})
            QVERIFY(!cli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                          QStringLiteral("--layer"), layer, QStringLiteral("--out"), out})
                         .isEmpty());
        // A QGIS profile in which the plugin is switched on, as the plugin manager leaves it.
        m_home = m_dir.filePath(QStringLiteral("home"));
        const QString profile =
            m_home + QStringLiteral("/.local/share/QGIS/QGIS3/profiles/default");
        QVERIFY(QDir().mkpath(profile + QStringLiteral("/QGIS")));
        QFile ini(profile + QStringLiteral("/QGIS/QGIS3.ini"));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[PythonPlugins]\nvigie=true\n");
    }

    void providerListedFromPluginPath()
    {
        const QString list = runQgis(kQgisProcess, {QStringLiteral("list")});
        QVERIFY2(list.contains(QStringLiteral("\nVigie\n")), qPrintable(list.right(2000)));
        for (const QString &id : kRequired)
            QVERIFY2(list.contains(QStringLiteral("vigie:") + id + u'\t'), qPrintable(id));
    }

    void providerListedWhenInstalledFromZip()
    {
        const QString zip = QStringLiteral(VIGIE_QGIS_PLUGIN_ZIP);
        QVERIFY2(QFileInfo::exists(zip), qPrintable(zip));
        const QString plugins =
            m_home + QStringLiteral("/.local/share/QGIS/QGIS3/profiles/default/python/plugins");
        QVERIFY(QDir().mkpath(plugins));
        QProcess unzip; // what QGIS's plugin manager does with the zip
        unzip.setWorkingDirectory(plugins);
        unzip.start(kPython, {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-e"),
                              zip, QStringLiteral(".")});
        QVERIFY(unzip.waitForFinished(60000) && unzip.exitCode() == 0);
        QVERIFY(QFileInfo::exists(plugins + QStringLiteral("/vigie/metadata.txt")));
        const QString list = runQgis(kQgisProcess, {QStringLiteral("list")}, false);
        QVERIFY2(list.contains(QStringLiteral("vigie:gistar\t")), qPrintable(list.right(2000)));
        QDir(plugins + QStringLiteral("/vigie")).removeRecursively();
    }

    /// Every parameter QGIS shows for an algorithm is one of Vigie's declarations.
    void parametersAreVigiesDefinitions()
    {
        const QJsonArray all =
            QJsonDocument::fromJson(
                cli({QStringLiteral("run"), QStringLiteral("--list"), QStringLiteral("--json")})
                    .toUtf8())
                .array();
        QVERIFY(!all.isEmpty());
        for (const QJsonValue &a : all) {
            const QString id = a[QStringLiteral("id")].toString();
            if (id != QLatin1String("gistar") && id != QLatin1String("forecast"))
                continue;
            const QString help =
                runQgis(kQgisProcess, {QStringLiteral("help"), QStringLiteral("vigie:") + id});
            QVERIFY2(help.contains(a[QStringLiteral("title")].toString()), qPrintable(id));
            for (const QJsonValue &p : a[QStringLiteral("parameters")].toArray()) {
                const QString line = u'\n' + p[QStringLiteral("name")].toString() +
                                     QStringLiteral(": ") + p[QStringLiteral("label")].toString();
                QVERIFY2(help.contains(line), qPrintable(id + line));
            }
        }
    }

    void gistarGivesVigiesZScores()
    {
        const QString fromQgis = m_dir.filePath(QStringLiteral("qgis-gistar.gpkg"));
        const QString out = runQgis(
            kQgisProcess,
            {QStringLiteral("run"), QStringLiteral("vigie:gistar"),
             QStringLiteral("--INPUT=") + m_points, QStringLiteral("--TIME_FIELD=occurred_at"),
             QStringLiteral("--CATEGORY_FIELD=category"), QStringLiteral("--STUDY_AREA=") + m_area,
             QStringLiteral("--OUTPUT=") + fromQgis});
        QVERIFY2(out.contains(QStringLiteral("OUTPUT:")), qPrintable(out));
        const QJsonObject run =
            QJsonDocument::fromJson(
                cli({QStringLiteral("run"), QStringLiteral("gistar"), QStringLiteral("--store"),
                     m_store, QStringLiteral("--json")})
                    .toUtf8())
                .object();
        const QString reference = m_dir.filePath(QStringLiteral("vigie-gistar.gpkg"));
        QVERIFY(!cli({QStringLiteral("export"), QStringLiteral("--store"), m_store,
                      QStringLiteral("--analysis"), run[QStringLiteral("id")].toString(),
                      QStringLiteral("--out"), reference})
                     .isEmpty());
        const auto a = zScores(fromQgis);
        const auto b = zScores(reference);
        QVERIFY(b.size() > 100);
        QCOMPARE(a.size(), b.size());
        double worstZ = 0.0, worstP = 0.0;
        for (const auto &[unit, zp] : b) {
            const auto it = a.find(unit);
            QVERIFY2(it != a.end(), qPrintable(QString::number(unit)));
            worstZ = std::max(worstZ, std::abs(it->second.first - zp.first));
            worstP = std::max(worstP, std::abs(it->second.second - zp.second));
        }
        qInfo("Gi* from QGIS against vigie-cli: %zu cells, largest |dz| %.3g, |dp| %.3g", b.size(),
              worstZ, worstP);
        QVERIFY(worstZ <= 1e-12);
        QVERIFY(worstP <= 1e-12);
    }

    void kdeGivesVigiesGrid()
    {
        const QString fromQgis = m_dir.filePath(QStringLiteral("qgis-kde.tif"));
        const QString out =
            runQgis(kQgisProcess, {QStringLiteral("run"), QStringLiteral("vigie:kde"),
                                   QStringLiteral("--INPUT=") + m_points,
                                   QStringLiteral("--STUDY_AREA=") + m_area,
                                   QStringLiteral("--OUTPUT=") + fromQgis});
        QVERIFY2(out.contains(QStringLiteral("OUTPUT:")), qPrintable(out));
        const QString reference = m_dir.filePath(QStringLiteral("vigie-kde.tif"));
        QVERIFY(!cli({QStringLiteral("run"), QStringLiteral("kde"), QStringLiteral("--store"),
                      m_store, QStringLiteral("--geotiff"), reference})
                     .isEmpty());
        const Grid a = readGrid(fromQgis), b = readGrid(reference);
        QVERIFY(b.width > 10 && b.height > 10);
        QCOMPARE(a.width, b.width);
        QCOMPARE(a.height, b.height);
        for (int k = 0; k < 6; ++k)
            QCOMPARE(a.transform[k], b.transform[k]);
        QCOMPARE(a.values.size(), b.values.size());
        double worst = 0.0, peak = 0.0;
        for (std::size_t i = 0; i < b.values.size(); ++i) {
            if (std::isnan(b.values[i]) != std::isnan(a.values[i]))
                QFAIL("no-data cells differ");
            if (!std::isnan(b.values[i])) {
                worst = std::max(worst, std::abs(a.values[i] - b.values[i]));
                peak = std::max(peak, std::abs(b.values[i]));
            }
        }
        qInfo("KDE from QGIS against vigie-cli: %dx%d cells, largest difference %.3g (peak %.3g)",
              b.width, b.height, worst, peak);
        QVERIFY(peak > 0.0);
        QVERIFY(worst <= 1e-12 * peak);
    }

    void algorithmsRunFromQgisPython()
    {
        const QString outDir = m_dir.filePath(QStringLiteral("python"));
        QVERIFY(QDir().mkpath(outDir));
        const QString out =
            runQgis(kPython, {QStringLiteral(VIGIE_TEST_SOURCE_DIR "/qgis_processing.py"),
                              kPluginParent, m_points, m_area, outDir});
        QHash<QString, QJsonObject> reports;
        for (const QString &line : out.split(u'\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
            if (!o.isEmpty())
                reports.insert(o[QStringLiteral("algorithm")].toString(), o);
        }
        for (const QString &id : {QStringLiteral("moran"), QStringLiteral("emerging"),
                                  QStringLiteral("stdbscan"), QStringLiteral("forecast"),
                                  QStringLiteral("forecast_evaluation"), QStringLiteral("kde")}) {
            QVERIFY2(reports.contains(id), qPrintable(id + QStringLiteral(" did not report")));
            const QJsonObject r = reports.value(id);
            QVERIFY2(!r.contains(QStringLiteral("error")),
                     qPrintable(id + u' ' + r[QStringLiteral("error")].toString()));
            QVERIFY(!r[QStringLiteral("summary")].toObject().isEmpty());
            const QJsonArray progress = r[QStringLiteral("progress")].toArray();
            QVERIFY2(progress.size() >= 5 && progress.last().toInt() >= 90, qPrintable(id));
            if (id == QLatin1String("forecast_evaluation"))
                continue; // figures only
            const QJsonObject output = r[QStringLiteral("output")].toObject();
            QVERIFY2(output[QStringLiteral("valid")].toBool(), qPrintable(id));
            if (output.contains(QStringLiteral("count")))
                QVERIFY2(output[QStringLiteral("count")].toInt() > 0, qPrintable(id));
            else
                QVERIFY2(output[QStringLiteral("width")].toInt() > 10, qPrintable(id));
        }
        QVERIFY(reports.value(QStringLiteral("moran"))[QStringLiteral("output")]
                    .toObject()[QStringLiteral("fields")]
                    .toArray()
                    .contains(QStringLiteral("i_local")));
        const QJsonObject cancel = reports.value(QStringLiteral("cancel"));
        QCOMPARE(cancel[QStringLiteral("error")].toString(), QStringLiteral("Annulé."));
        QVERIFY(!cancel[QStringLiteral("outputExists")].toBool(true));
        qInfo("A forecast cancelled from QGIS stopped after %.2f s",
              cancel[QStringLiteral("seconds")].toDouble());
        QVERIFY(cancel[QStringLiteral("seconds")].toDouble() < 20.0);
    }
};

QTEST_GUILESS_MAIN(TestQgisProcessing)
#include "test_qgis_processing.moc"
