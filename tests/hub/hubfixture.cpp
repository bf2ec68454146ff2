// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubfixture.h"

#include "core/demo/demogenerator.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QThread>
#include <QTimeZone>
#include <QtTest>

#include <ogrsf_frmts.h>
#include <sqlite3.h>

#include <cmath>
#include <csignal>
#include <memory>

namespace vigie::hubtest {

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

QString script(const QString &name)
{
    return QStringLiteral(VIGIE_SOURCE_DIR "/packaging/hub/") + name;
}

/// All points of a geometry, in order.
void collectPoints(const OGRGeometry *g, std::vector<std::pair<double, double>> &out)
{
    if (!g)
        return;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPoint) {
        const auto *p = g->toPoint();
        out.emplace_back(p->getX(), p->getY());
    } else if (type == wkbLineString || type == wkbLinearRing) {
        const auto *l = g->toSimpleCurve();
        for (int i = 0; i < l->getNumPoints(); ++i)
            out.emplace_back(l->getX(i), l->getY(i));
    } else if (type == wkbPolygon) {
        const auto *poly = g->toPolygon();
        collectPoints(poly->getExteriorRing(), out);
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            collectPoints(poly->getInteriorRing(i), out);
    } else if (OGR_GT_IsSubClassOf(type, wkbGeometryCollection)) {
        const auto *c = g->toGeometryCollection();
        for (int i = 0; i < c->getNumGeometries(); ++i)
            collectPoints(c->getGeometryRef(i), out);
    }
}

struct Row
{
    QStringList values;
    std::vector<std::pair<double, double>> points;
};

QString normaliseValue(const QString &v)
{
    // Datetimes as the store keeps them ("yyyy-MM-ddTHH:mm:ssZ"); numbers as numbers.
    if (v.size() >= 19 && v.at(4) == QLatin1Char('-') &&
        (v.at(10) == QLatin1Char('T') || v.at(10) == QLatin1Char(' ')))
        return v.left(10) + QLatin1Char('T') + v.mid(11, 8) + QLatin1Char('Z');
    if (v.size() >= 19 && v.at(4) == QLatin1Char('/'))
        return QString(v.left(10)).replace(QLatin1Char('/'), QLatin1Char('-')) + QLatin1Char('T') +
               v.mid(11, 8) + QLatin1Char('Z');
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (ok)
        return QString::number(d, 'g', 12);
    return v;
}

} // namespace

int run(const QString &program, const QStringList &args, QString *out, int timeoutSec)
{
    qInfo().noquote() << "$" << program << args.join(QLatin1Char(' '));
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    if (!p.waitForFinished(timeoutSec * 1000)) {
        p.kill();
        p.waitForFinished(2000);
        return -1;
    }
    const QString text = QString::fromUtf8(p.readAll());
    if (out)
        *out = text;
    if (p.exitCode() != 0)
        qWarning().noquote() << text;
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

QString demoStore(const QString &dir)
{
    static QString cached;
    if (!cached.isEmpty() && QFileInfo::exists(cached))
        return cached;
    const QString path = dir + QStringLiteral("/demo.vigie");
    core::DemoOptions options;
    options.incidentScale = 0.02;
    auto result = core::createDemoStore(path, options);
    if (!result) {
        qWarning().noquote() << result.error().message;
        return {};
    }
    cached = path;
    return path;
}

Hub::Hub(const QString &dir) : m_dir(dir)
{
    QDir().mkpath(dir);
}

Hub::~Hub()
{
    stopProxy();
    stop();
}

QString Hub::build(const QString &store, const QStringList &layers)
{
    QFile::remove(gpkg());
    QString out;
    if (run(kPython,
            {script(QStringLiteral("build-hub.py")), QStringLiteral("--store"), store,
             QStringLiteral("--out"), gpkg(), QStringLiteral("--layers"),
             layers.join(QLatin1Char(','))},
            &out) != 0)
        return QStringLiteral("build-hub.py failed: ") + out;
    if (run(kPython,
            {script(QStringLiteral("make-qgis-project.py")), QStringLiteral("--gpkg"), gpkg(),
             QStringLiteral("--out"), m_dir + QStringLiteral("/hub.qgs")},
            &out) != 0)
        return QStringLiteral("make-qgis-project.py failed: ") + out;
    return {};
}

QString Hub::startOnPort(int port)
{
    if (!QFileInfo::exists(QStringLiteral("/usr/bin/qgis_mapserver")))
        return QStringLiteral("qgis_mapserver is missing: install the qgis-server package "
                              "(packaging/install-deps.sh --tests)");
    QString out;
    if (run(QStringLiteral("/bin/sh"),
            {script(QStringLiteral("qgis-hub.sh")), QStringLiteral("start"),
             QStringLiteral("--project"), m_dir + QStringLiteral("/hub.qgs"),
             QStringLiteral("--dir"), m_dir + QStringLiteral("/server"), QStringLiteral("--port"),
             QString::number(port)},
            &out, 45) != 0)
        return QStringLiteral("qgis-hub.sh start failed: ") + out;
    m_url = out.trimmed().split(QLatin1Char('\n')).last();
    return {};
}

void Hub::stop()
{
    if (m_url.isEmpty())
        return;
    run(QStringLiteral("/bin/sh"), {script(QStringLiteral("qgis-hub.sh")), QStringLiteral("stop"),
                                    QStringLiteral("--dir"), m_dir + QStringLiteral("/server")});
    m_url.clear();
}

QString Hub::publish()
{
    const int port = QUrl(m_url).port();
    stop();
    return startOnPort(port);
}

void Hub::kill()
{
    QFile f(m_dir + QStringLiteral("/server/qgis.pid"));
    if (f.open(QIODevice::ReadOnly)) {
        const qint64 pid = f.readAll().trimmed().toLongLong();
        if (pid > 0) {
            qInfo() << "killing the hub server, pid" << pid;
            ::kill(pid_t(pid), SIGKILL);
            QThread::msleep(200);
        }
    }
    f.remove();
    m_url.clear();
}

QString Hub::startProxy(const QString &mode, int nth, const QStringList &extra)
{
    stopProxy();
    const QString portFile = m_dir + QStringLiteral("/proxy.port");
    QFile::remove(portFile);
    QStringList args{QStringLiteral(VIGIE_HUB_TEST_DIR "/faultproxy.py"),
                     QStringLiteral("--upstream"),
                     QUrl(m_url).adjusted(QUrl::RemovePath).toString(),
                     QStringLiteral("--port-file"),
                     portFile,
                     QStringLiteral("--mode"),
                     mode,
                     QStringLiteral("--nth"),
                     QString::number(nth)};
    args << extra;
    qInfo().noquote() << "$ faultproxy.py --mode" << mode << "--nth" << nth;
    if (!QProcess::startDetached(kPython, args, m_dir, &m_proxyPid))
        return {};
    for (int i = 0; i < 100 && !QFileInfo::exists(portFile); ++i)
        QThread::msleep(50);
    QFile f(portFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QUrl url(m_url);
    url.setPort(f.readAll().trimmed().toInt());
    return url.toString();
}

void Hub::stopProxy()
{
    if (m_proxyPid > 0) {
        ::kill(pid_t(m_proxyPid), SIGKILL);
        m_proxyPid = 0;
    }
}

QString Hub::edit(const QString &layer, const QString &op, const QString &arg)
{
    QString out;
    if (run(kPython, {script(QStringLiteral("hubedit.py")), gpkg(), layer, op, arg}, &out) != 0)
        return QStringLiteral("hubedit.py failed: ") + out;
    return {};
}

QString compareWithHub(core::Store &store, const QString &gpkg, const QString &layer)
{
    auto manifest = store.layer(layer);
    if (!manifest)
        return QStringLiteral("the store has no layer %1").arg(layer);
    // Hub: live features.
    QHash<QString, Row> hub;
    {
        GDALAllRegister();
        std::unique_ptr<GDALDataset> ds(
            GDALDataset::Open(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!ds)
            return QStringLiteral("cannot open %1").arg(gpkg);
        OGRLayer *l = ds->GetLayerByName(
            (manifest->hubCollection.isEmpty() ? layer : manifest->hubCollection).toUtf8());
        if (!l)
            return QStringLiteral("the hub has no %1").arg(layer);
        for (auto &f : *l) {
            if (!f->IsFieldNull(f->GetFieldIndex("deleted_at")))
                continue;
            Row row;
            for (const core::FieldDef &fd : manifest->fields) {
                const int i = f->GetFieldIndex(fd.name.toUtf8().constData());
                row.values << (i < 0 || f->IsFieldNull(i)
                                   ? QStringLiteral("<null>")
                                   : normaliseValue(QString::fromUtf8(f->GetFieldAsString(i))));
            }
            collectPoints(f->GetGeometryRef(), row.points);
            hub.insert(QString::fromUtf8(f->GetFieldAsString("id")), row);
        }
    }
    // Store.
    QStringList cols;
    for (const core::FieldDef &fd : manifest->fields)
        cols << QStringLiteral("\"%1\"").arg(fd.name);
    const QByteArray sql = QStringLiteral("SELECT _hub_id, AsBinary(geom), %1 FROM \"%2\"")
                               .arg(cols.join(QLatin1Char(',')), layer)
                               .toUtf8();
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(store.handle(), sql.constData(), -1, &st, nullptr) != SQLITE_OK)
        return QString::fromUtf8(sqlite3_errmsg(store.handle()));
    qint64 rows = 0;
    QString difference;
    while (difference.isEmpty() && sqlite3_step(st) == SQLITE_ROW) {
        ++rows;
        const QString id =
            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        auto it = hub.find(id);
        if (it == hub.end()) {
            difference = QStringLiteral("%1 is in the store but not live on the hub").arg(id);
            break;
        }
        for (int i = 0; i < int(manifest->fields.size()); ++i) {
            const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, 2 + i));
            const QString v = t ? normaliseValue(QString::fromUtf8(t)) : QStringLiteral("<null>");
            if (v != it->values.at(i))
                difference =
                    QStringLiteral("%1.%2: store %3, hub %4")
                        .arg(id, manifest->fields[std::size_t(i)].name, v, it->values.at(i));
        }
        OGRGeometry *g = nullptr;
        OGRGeometryFactory::createFromWkb(sqlite3_column_blob(st, 1), nullptr, &g,
                                          sqlite3_column_bytes(st, 1));
        std::vector<std::pair<double, double>> points;
        collectPoints(g, points);
        OGRGeometryFactory::destroyGeometry(g);
        if (points.size() != it->points.size())
            difference = QStringLiteral("%1: %2 vertices in the store, %3 on the hub")
                             .arg(id)
                             .arg(points.size())
                             .arg(it->points.size());
        else
            for (std::size_t k = 0; k < points.size(); ++k)
                if (std::abs(points[k].first - it->points[k].first) > 1e-3 ||
                    std::abs(points[k].second - it->points[k].second) > 1e-3) {
                    difference = QStringLiteral("%1: vertex %2 differs").arg(id).arg(k);
                    break;
                }
    }
    sqlite3_finalize(st);
    if (difference.isEmpty() && rows != hub.size())
        difference = QStringLiteral("%1 features in the store, %2 live on the hub")
                         .arg(rows)
                         .arg(hub.size());
    return difference;
}

QByteArray layerDigest(core::Store &store, const QString &layer)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    auto add = [&](const QString &sql) {
        sqlite3_stmt *st = nullptr;
        const QByteArray s = sql.toUtf8();
        if (sqlite3_prepare_v2(store.handle(), s.constData(), -1, &st, nullptr) != SQLITE_OK) {
            hash.addData(QByteArrayView("<no table>"));
            return;
        }
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); ++c) {
                hash.addData(
                    QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_blob(st, c)),
                                   sqlite3_column_bytes(st, c)));
                hash.addData(QByteArrayView("|"));
            }
        sqlite3_finalize(st);
    };
    add(QStringLiteral("SELECT * FROM \"%1\" ORDER BY fid").arg(layer));
    add(QStringLiteral("SELECT hub, layer, high_water, extent, since FROM vigie_sync_state "
                       "WHERE layer = '%1'")
            .arg(layer));
    add(QStringLiteral("SELECT * FROM vigie_sync_cursor WHERE layer = '%1'").arg(layer));
    return hash.result().toHex();
}

qint64 rowCount(core::Store &store, const QString &layer)
{
    return store.hasLayer(layer) ? store.featureCount(layer) : 0;
}

} // namespace vigie::hubtest
