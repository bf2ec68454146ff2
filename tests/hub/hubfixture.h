// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Test support for the hub tests: builds a hub GeoPackage from a small demo workspace, serves
// it with QGIS Server (packaging/hub/qgis-hub.sh), puts the fault proxy in front of it, edits
// it (packaging/hub/hubedit.py) and compares a store with it.

#include "core/store/store.h"

#include <QString>
#include <QStringList>

namespace vigie::hubtest {

/// Runs a program; returns its exit code (-1 when it could not start or timed out) and fills
/// out with stdout+stderr. Prints the command.
int run(const QString &program, const QStringList &args, QString *out = nullptr,
        int timeoutSec = 60);

/// A demo workspace with about 2,700 incidents (scale 0.02), built once per process.
QString demoStore(const QString &dir);

/// A hub served by QGIS Server from its own folder. Stopped by the destructor (also on failure).
class Hub
{
public:
    explicit Hub(const QString &dir);
    ~Hub();
    Hub(const Hub &) = delete;
    Hub &operator=(const Hub &) = delete;

    /// Builds hub.gpkg and hub.qgs from a workspace; returns an error message or empty.
    QString build(const QString &store, const QStringList &layers);
    /// Starts qgis_mapserver on a free port; returns an error message or empty.
    QString start() { return startOnPort(0); }
    /// Starts on a given port (0: a free one), e.g. to come back on the same address.
    QString startOnPort(int port);
    void stop();
    /// Restarts the server on the same address, as a hub does after publishing new data
    /// (QGIS Server caches feature counts, see docs/hub.md). Returns an error message or empty.
    QString publish();
    /// SIGKILL the server (a crash, not a clean stop).
    void kill();
    QString url() const { return m_url; }
    QString gpkg() const { return m_dir + QStringLiteral("/hub.gpkg"); }

    /// Starts the fault proxy in front of the server; returns its URL (empty on failure).
    QString startProxy(const QString &mode, int nth, const QStringList &extra = {});
    void stopProxy();

    /// packaging/hub/hubedit.py on the hub GeoPackage; returns an error message or empty.
    QString edit(const QString &layer, const QString &op, const QString &arg);

private:
    QString m_dir;
    QString m_url;
    qint64 m_proxyPid = 0;
};

/// Empty when the store's layer holds exactly the hub's live features (same ids, attribute
/// values, coordinates within 1 mm); otherwise the first difference.
QString compareWithHub(core::Store &store, const QString &gpkg, const QString &layer);
/// SHA-1 of every row of the layer (all columns, ordered by fid) plus its sync state and
/// cursor: equal digests = the layer is exactly as it was.
QByteArray layerDigest(core::Store &store, const QString &layer);
/// Number of rows of the layer.
qint64 rowCount(core::Store &store, const QString &layer);

} // namespace vigie::hubtest
