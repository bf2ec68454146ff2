// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layermanifest.h"

#include <QStringList>

#include <vector>

namespace vigie::core {

/**
 * The layer types known to this run of Vigie: the built-in manifests (compiled in as Qt
 * resources under :/vigie/layers) plus manifests found in plugin folders. Manifests are read
 * at start-up; a broken or duplicate manifest is refused and reported, never fatal.
 */
class LayerRegistry
{
public:
    struct Problem
    {
        QString origin;
        QString message;
    };

    /// Built-ins plus the default user plugin folders (see pluginFolders()).
    static LayerRegistry &instance();

    LayerRegistry() = default;

    /// Loads the built-in manifests. Returns the problems met (should be none).
    void loadBuiltins();
    /// Loads every *.json in folder; built-ins win over duplicates, which are reported.
    /// Returns the number of manifest files found (loaded or refused).
    int loadFolder(const QString &folder);
    /// Adds one manifest; refuses a duplicate id with a problem entry.
    bool add(const LayerManifest &manifest);

    const LayerManifest *find(const QString &id) const;
    const std::vector<LayerManifest> &manifests() const { return m_manifests; }
    const std::vector<Problem> &problems() const { return m_problems; }

    /// $VIGIE_PLUGIN_PATH (colon separated) then <AppDataLocation>/layers.
    static QStringList pluginFolders();

private:
    std::vector<LayerManifest> m_manifests;
    std::vector<Problem> m_problems;
};

} // namespace vigie::core
