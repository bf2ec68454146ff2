// SPDX-License-Identifier: GPL-3.0-or-later
// The data commands of vigie-cli: demo, info, layers, check (importcommand.cpp: new, import).
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
    if (!parseWithHelp(parser, args, ctx, code))
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

int runInfo(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Describes a workspace."));
    parser.addOption({QStringLiteral("store"), tr("Workspace file."), tr("FILE")});
    parser.addOption({QStringLiteral("lang"), tr("Language of titles: fr or en."), tr("LANG")});
    int code = ExitOk;
    if (!parseWithHelp(parser, args, ctx, code))
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
    if (!parseWithHelp(parser, args, ctx, code))
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
    if (!parseWithHelp(parser, args, ctx, code))
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
    if (!parseWithHelp(parser, args, ctx, code))
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
