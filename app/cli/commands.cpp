// SPDX-License-Identifier: GPL-3.0-or-later
// The data commands of vigie-cli: demo, import, info, layers, check.
#include "clicontext.h"
#include "core/argtext.h"

#include "core/demo/demogenerator.h"
#include "core/i18n.h"
#include "core/io/importer.h"
#include "core/layerregistry.h"
#include "core/privacy/pseudonymiser.h"
#include "core/store/store.h"

#include <QCommandLineParser>

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <memory>

namespace vigie::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::cli", text);
}

/// Adds --help and parses args; false when the command must stop (see parseArguments()).
bool parse(QCommandLineParser &parser, const QStringList &args, CliContext &ctx, int &exitCode)
{
    parser.addHelpOption();
    return parseArguments(parser, args, ctx, exitCode);
}

QString formatTime(std::int64_t t)
{
    if (t == core::LayerSnapshot::kNoTime)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

int runDemo(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Creates a deterministic demo workspace shaped like "
                                        "Marseille: 16 arrondissements, 111 quartiers, three years "
                                        "of incidents, cameras, events and traffic."));
    parser.addOption(
        {QStringLiteral("out"), tr("Workspace file to create (must not exist)."), tr("FILE")});
    parser.addOption({QStringLiteral("seed"), tr("Random seed (same seed, identical file)."),
                      tr("N"), QStringLiteral("13013")});
    parser.addOption({QStringLiteral("scale"),
                      tr("Multiplier of the incident volume (1 = about 45,000 a year)."), tr("X"),
                      QStringLiteral("1")});
    int code = ExitOk;
    if (!parse(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("out")))
        return ctx.usageError(tr("--out FILE is required"));

    core::DemoOptions options;
    bool ok = false;
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok)
        return ctx.usageError(tr("--seed must be a non-negative integer"));
    options.incidentScale = parser.value(QStringLiteral("scale")).toDouble(&ok);
    if (!ok || options.incidentScale <= 0 || options.incidentScale > 50)
        return ctx.usageError(tr("--scale must be a number between 0 and 50"));

    QElapsedTimer timer;
    timer.start();
    const QString out = parser.value(QStringLiteral("out"));
    auto result = core::createDemoStore(out, options, &ctx.feedback());
    if (!result)
        return ctx.fail(result.error());
    const core::DemoSummary &s = *result;
    ctx.out() << tr("Demo workspace written to %1 in %2 s")
                     .arg(out, argText(timer.elapsed() / 1000.0, 0, 'f', 1))
              << "\n"
              << tr("  %1 arrondissements, %2 quartiers, %3 incidents, %4 cameras, %5 events, "
                    "%6 traffic segments")
                     .arg(argText(s.arrondissements), argText(s.quartiers), argText(s.incidents),
                          argText(s.cameras), argText(s.events), argText(s.trafficSegments))
              << "\n";
    return ExitOk;
}

int runImport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Imports a vector file that GDAL reads into a layer of a workspace, reprojected to "
           "Lambert-93. All or nothing: on any error the workspace is left unchanged."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("layer"),
                      tr("Target layer id (a layer of the workspace or a known layer type). "
                         "Without it, a new layer is created from the file."),
                      tr("ID")});
    parser.addOption({QStringLiteral("new-layer"),
                      tr("Id of the new layer (default: from the "
                         "file name)."),
                      tr("ID")});
    parser.addOption({QStringLiteral("crs"),
                      tr("CRS of the input when the file has none or a wrong one, e.g. EPSG:4326."),
                      tr("CRS")});
    parser.addOption({QStringLiteral("source-layer"),
                      tr("Layer to read in a multi-layer file (GeoPackage)."), tr("NAME")});
    parser.addOption({QStringLiteral("x-field"),
                      tr("CSV column holding the x coordinate or longitude (default: x, lon, lng, "
                         "long or longitude, else the one column starting with X)."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("y-field"),
                      tr("CSV column holding the y coordinate or latitude (default: y, lat or "
                         "latitude, else the one column starting with Y)."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("drop-unknown-fields"),
                      tr("Ignore fields of the file that the target layer does not declare.")});
    parser.addOption({QStringLiteral("skip-invalid"),
                      tr("Skip features without a valid geometry instead of stopping (they are "
                         "counted as warnings).")});
    parser.addOption({QStringLiteral("map-category"),
                      tr("Store the file's category FROM as the layer's category TO (repeat for "
                         "each); any other value outside the layer's categories stops the "
                         "import."),
                      tr("FROM=TO")});
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("Vector file to import."));
    int code = ExitOk;
    if (!parse(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    if (parser.positionalArguments().size() != 1)
        return ctx.usageError(tr("exactly one INPUT file is expected"));

    const QString storePath = parser.value(QStringLiteral("store"));
    auto store = QFileInfo::exists(storePath) ? core::Store::open(storePath)
                                              : core::Store::create(storePath);
    if (!store)
        return ctx.fail(store.error());

    core::ImportOptions options;
    options.layerId = parser.value(QStringLiteral("layer"));
    options.newLayerId = parser.value(QStringLiteral("new-layer"));
    options.sourceCrs = parser.value(QStringLiteral("crs"));
    options.sourceLayer = parser.value(QStringLiteral("source-layer"));
    options.xField = parser.value(QStringLiteral("x-field"));
    options.yField = parser.value(QStringLiteral("y-field"));
    options.dropUnknownFields = parser.isSet(QStringLiteral("drop-unknown-fields"));
    options.skipInvalid = parser.isSet(QStringLiteral("skip-invalid"));
    for (const QString &pair : parser.values(QStringLiteral("map-category"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == pair.size() - 1)
            return ctx.usageError(tr("--map-category expects FROM=TO, not \"%1\"").arg(pair));
        options.categoryMap.insert(pair.left(eq), pair.mid(eq + 1));
    }

    QElapsedTimer timer;
    timer.start();
    const QString input = parser.positionalArguments().constFirst();
    auto report = core::Importer::importFile(**store, input, options, &ctx.feedback());
    if (!report)
        return ctx.fail(report.error());
    const double seconds = std::max(timer.elapsed(), qint64(1)) / 1000.0;
    for (const QString &w : report->warnings)
        ctx.err() << tr("warning: %1").arg(w) << "\n";
    ctx.out() << tr("Imported %1 features from %2 into layer '%3' in %4 s (%5 features/s)")
                     .arg(QString::number(report->features), input, report->layerId,
                          QString::number(seconds, 'f', 2),
                          QString::number(qRound64(report->features / seconds)))
              << "\n";
    return ExitOk;
}

int runInfo(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Describes a workspace."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("lang"), tr("Language of titles: fr or en."), tr("LANG")});
    int code = ExitOk;
    if (!parse(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    auto store = core::Store::open(parser.value(QStringLiteral("store")), /*readOnly=*/true);
    if (!store)
        return ctx.fail(store.error());
    const QString lang = parser.isSet(QStringLiteral("lang")) ? parser.value(QStringLiteral("lang"))
                                                              : core::preferredLanguage();
    ctx.out() << tr("Workspace: %1").arg((*store)->path()) << "\n"
              << tr("Schema version: %1").arg((*store)->schemaVersion()) << "\n";
    for (const core::LayerManifest &m : (*store)->layers()) {
        const QRectF e = (*store)->extent(m.id);
        ctx.out() << "\n"
                  << m.id << " — " << m.title.text(lang) << " ("
                  << core::geometryTypeName(m.geometryType) << ")\n"
                  << "  " << tr("features: %1").arg((*store)->featureCount(m.id)) << "\n"
                  << "  "
                  << tr("extent (Lambert-93): %1, %2 — %3, %4")
                         .arg(argText(e.left(), 0, 'f', 0), argText(e.top(), 0, 'f', 0),
                              argText(e.right(), 0, 'f', 0), argText(e.bottom(), 0, 'f', 0))
                  << "\n";
        if (!m.timeField.isEmpty()) {
            auto snap = (*store)->loadSnapshot(m.id);
            if (snap)
                ctx.out() << "  "
                          << tr("period: %1 — %2")
                                 .arg(formatTime((*snap)->minTime), formatTime((*snap)->maxTime))
                          << "\n";
        }
    }
    return ExitOk;
}

int runLayers(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the layer types known: built-in manifests and those of plugin folders."));
    int code = ExitOk;
    if (!parse(parser, args, ctx, code))
        return code;
    const QString lang = core::preferredLanguage();
    const core::LayerRegistry &registry = core::LayerRegistry::instance();
    for (const core::LayerManifest &m : registry.manifests())
        ctx.out() << m.id.leftJustified(18) << m.title.text(lang).leftJustified(32)
                  << core::geometryTypeName(m.geometryType).leftJustified(10) << m.origin << "\n";
    for (const auto &problem : registry.problems())
        ctx.err() << tr("warning: %1: %2").arg(problem.origin, problem.message) << "\n";
    ctx.out() << tr("Plugin folders: %1")
                     .arg(core::LayerRegistry::pluginFolders().join(QStringLiteral(", ")))
              << "\n";
    return ExitOk;
}

int runCheck(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks a workspace: SQLite's integrity check, its SQL objects against those Vigie "
           "writes, every spatial index, raster grid and layer description. Read-only unless "
           "--repair is given."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("repair"),
                      tr("Recreate Vigie's own SQL objects, remove triggers Vigie did not write "
                         "and rebuild damaged spatial indexes (a copy is kept as FILE.bak).")});
    int code = ExitOk;
    if (!parse(parser, args, ctx, code))
        return code;
    if (!parser.isSet(QStringLiteral("store")))
        return ctx.usageError(tr("--store FILE is required"));
    const QString path = parser.value(QStringLiteral("store"));
    core::CheckReport report;
    if (parser.isSet(QStringLiteral("repair"))) {
        auto store = core::Store::openForRepair(path);
        if (!store)
            return ctx.fail(store.error());
        const QString backup = path + QStringLiteral(".bak");
        QFile::remove(backup);
        if (auto saved = (*store)->saveCopy(backup); !saved)
            return ctx.fail(saved.error());
        auto repaired = (*store)->repair();
        if (!repaired)
            return ctx.fail(repaired.error());
        report = *repaired;
        for (const QString &r : report.repaired)
            ctx.out() << tr("repaired: %1").arg(r) << "\n";
        ctx.out() << tr("A copy of the workspace before the repair: %1").arg(backup) << "\n";
    } else {
        auto store = core::Store::open(path, /*readOnly=*/true);
        if (!store)
            return ctx.fail(store.error());
        auto checked = (*store)->check();
        if (!checked)
            return ctx.fail(checked.error());
        report = *checked;
    }
    for (const QString &n : report.notes)
        ctx.out() << tr("note: %1").arg(n) << "\n";
    for (const QString &p : report.problems)
        ctx.err() << tr("problem: %1").arg(p) << "\n";
    if (!report.sound()) {
        ctx.err() << tr("%1: the workspace is NOT sound.").arg(path) << "\n";
        return ExitFailure;
    }
    ctx.out() << tr("%1: the workspace is sound.").arg(path) << "\n";
    return ExitOk;
}

int runKey(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Shows the pseudonymisation key in use (its file and id, never the key) and, with "
           "--store, whether it is the key of a workspace; --create writes a new key for a team "
           "(name it then with VIGIE_PSEUDONYM_KEY_FILE)."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file to compare with."), tr("FILE")});
    parser.addOption({QStringLiteral("create"),
                      tr("Write a new random key to this file (owner-only; never over an "
                         "existing file)."),
                      tr("FILE")});
    int code = ExitOk;
    if (!parse(parser, args, ctx, code))
        return code;
    if (parser.isSet(QStringLiteral("create"))) {
        const QString file = parser.value(QStringLiteral("create"));
        auto created = core::Pseudonymiser::createKey(file);
        if (!created)
            return ctx.fail(created.error());
        ctx.out() << tr("New pseudonymisation key written to %1 (id %2).").arg(file, *created)
                  << "\n";
        return ExitOk;
    }
    const QString path = core::Pseudonymiser::keyPath();
    if (!QFileInfo::exists(path))
        ctx.out() << tr("No pseudonymisation key at %1 yet.").arg(path) << "\n";
    std::unique_ptr<core::Store> store;
    QString recorded;
    if (parser.isSet(QStringLiteral("store"))) {
        auto opened = core::Store::open(parser.value(QStringLiteral("store")), /*readOnly=*/true);
        if (!opened)
            return ctx.fail(opened.error());
        store = std::move(*opened);
        recorded = store->meta(QStringLiteral("pseudonym_key_id"));
        ctx.out() << (recorded.isEmpty()
                          ? tr("Workspace %1: nothing pseudonymised yet.").arg(store->path())
                          : tr("Workspace %1: pseudonymised with the key whose id is %2.")
                                .arg(store->path(), recorded))
                  << "\n";
    }
    if (!QFileInfo::exists(path))
        return recorded.isEmpty() ? ExitOk : ExitFailure;
    auto key = core::Pseudonymiser::load();
    if (!key)
        return ctx.fail(key.error());
    ctx.out() << tr("Pseudonymisation key: %1 (id %2).").arg(path, key->keyId()) << "\n";
    if (!recorded.isEmpty() && recorded != key->keyId()) {
        ctx.err() << tr("This is not the workspace's key: importing or syncing personal fields "
                        "into it is refused.")
                  << "\n";
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace vigie::cli
