// SPDX-License-Identifier: GPL-3.0-or-later
#include "layerregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace vigie::core {

namespace {

/// Translation context of this file's messages (lupdate reads the macro).
struct RegistryTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::LayerRegistry)
};

} // namespace

LayerRegistry &LayerRegistry::instance()
{
    static LayerRegistry *registry = [] {
        auto *r = new LayerRegistry;
        r->loadBuiltins();
        for (const QString &folder : pluginFolders())
            r->loadFolder(folder);
        return r;
    }();
    return *registry;
}

void LayerRegistry::loadBuiltins()
{
    if (loadFolder(QStringLiteral(":/vigie/layers")) == 0)
        m_problems.push_back({QStringLiteral(":/vigie/layers"),
                              RegistryTr::tr("No built-in layer manifest was found.")});
}

int LayerRegistry::loadFolder(const QString &folder)
{
    QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        return 0;
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_problems.push_back(
                {path, RegistryTr::tr("Cannot read %1: %2").arg(path, file.errorString())});
            continue;
        }
        auto manifest = LayerManifest::fromJson(file.readAll(), path);
        if (!manifest) {
            m_problems.push_back({path, manifest.error().message});
            continue;
        }
        add(*manifest);
    }
    return static_cast<int>(files.size());
}

bool LayerRegistry::add(const LayerManifest &manifest)
{
    if (const LayerManifest *existing = find(manifest.id)) {
        m_problems.push_back(
            {manifest.origin,
             RegistryTr::tr(
                 "Layer id \"%1\" from %2 is already defined by %3; the manifest is ignored.")
                 .arg(manifest.id, manifest.origin, existing->origin)});
        return false;
    }
    m_manifests.push_back(manifest);
    return true;
}

const LayerManifest *LayerRegistry::find(const QString &id) const
{
    for (const LayerManifest &m : m_manifests)
        if (m.id == id)
            return &m;
    return nullptr;
}

QStringList LayerRegistry::pluginFolders()
{
    QStringList folders;
    const QString env = qEnvironmentVariable("VIGIE_PLUGIN_PATH");
    for (const QString &p : env.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        folders << p;
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!data.isEmpty())
        folders << QDir(data).filePath(QStringLiteral("layers"));
    return folders;
}

} // namespace vigie::core
