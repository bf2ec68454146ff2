// SPDX-License-Identifier: GPL-3.0-or-later
// bench_import [points=1000000] [workdir]
// Writes random incidents inside Marseille to a GeoPackage, then times Importer::importFile into
// a new store and `ogr2ogr -f SQLite -dsco SPATIALITE=YES` of the same file, and prints the
// ratio. Also times Store::loadSnapshot of the imported layer.
#include "io/importer.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <random>

using namespace vigie::core;

namespace {

bool writeInput(const QString &path, long long n)
{
    GDALAllRegister();
    GDALDriver *drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!drv)
        return false;
    std::unique_ptr<GDALDataset> ds(
        drv->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds)
        return false;
    OGRSpatialReference srs;
    srs.importFromEPSG(2154);
    const char *layerOptions[] = {"SPATIAL_INDEX=NO", nullptr};
    OGRLayer *lyr = ds->CreateLayer("incidents", &srs, wkbPoint, const_cast<char **>(layerOptions));
    OGRFieldDefn when("occurred_at", OFTDateTime);
    OGRFieldDefn cat("category", OFTString);
    OGRFieldDefn sev("severity", OFTInteger);
    lyr->CreateField(&when);
    lyr->CreateField(&cat);
    lyr->CreateField(&sev);
    static const char *categories[] = {"atteintes_biens", "violences", "nuisances",
                                       "stupefiants",     "accidents", "incivilites"};
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> ux(881000, 906000), uy(6233000, 6258000);
    std::uniform_int_distribution<int> ucat(0, 5), usev(1, 3), usec(0, 365 * 86400 - 1);
    ds->StartTransaction();
    for (long long i = 0; i < n; ++i) {
        OGRFeature f(lyr->GetLayerDefn());
        const int s = usec(rng);
        const int day = s / 86400, rem = s % 86400;
        QDate d = QDate(2024, 1, 1).addDays(day);
        f.SetField(0, d.year(), d.month(), d.day(), rem / 3600, rem / 60 % 60, float(rem % 60),
                   100);
        f.SetField(1, categories[ucat(rng)]);
        f.SetField(2, usev(rng));
        OGRPoint p(ux(rng), uy(rng));
        f.SetGeometry(&p);
        if (lyr->CreateFeature(&f) != OGRERR_NONE)
            return false;
    }
    ds->CommitTransaction();
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const long long n = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    QTemporaryDir tmp;
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.path();
    QDir().mkpath(dir);
    const QString input = QDir(dir).filePath(QStringLiteral("bench_points_%1.gpkg").arg(n));
    const QString store = QDir(dir).filePath(QStringLiteral("bench.vigie"));
    const QString peer = QDir(dir).filePath(QStringLiteral("bench_peer.sqlite"));
    for (const QString &f :
         {store, peer, store + QStringLiteral("-wal"), store + QStringLiteral("-shm")})
        QFile::remove(f);

    QElapsedTimer t;
    if (!QFile::exists(input)) {
        t.start();
        if (!writeInput(input, n)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(input));
            return 1;
        }
        std::printf("input: %lld points written to a GeoPackage in %.2f s\n", n,
                    t.elapsed() / 1000.0);
    }

    auto s = Store::create(store);
    if (!s.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().message));
        return 1;
    }
    ImportOptions options;
    options.layerId = QStringLiteral("incidents");
    options.dropUnknownFields = true;
    t.start();
    auto r = Importer::importFile(**s, input, options);
    const double vigieSeconds = t.elapsed() / 1000.0;
    if (!r.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().message));
        return 1;
    }
    std::printf("vigie import: %lld features in %.2f s = %.0f features/s\n", r->features,
                vigieSeconds, r->features / vigieSeconds);

    t.start();
    auto snap = (*s)->loadSnapshot(QStringLiteral("incidents"));
    std::printf("vigie loadSnapshot: %zu points in %.2f s\n", snap.ok() ? (*snap)->size() : 0,
                t.elapsed() / 1000.0);
    s->reset();

    const QString ogr2ogr = QStandardPaths::findExecutable(QStringLiteral("ogr2ogr"));
    if (ogr2ogr.isEmpty()) {
        std::printf("peer: ogr2ogr not found, no ratio\n");
        return 0;
    }
    QProcess proc;
    t.start();
    proc.start(ogr2ogr, {QStringLiteral("-f"), QStringLiteral("SQLite"), QStringLiteral("-dsco"),
                         QStringLiteral("SPATIALITE=YES"), peer, input});
    proc.waitForFinished(-1);
    const double peerSeconds = t.elapsed() / 1000.0;
    if (proc.exitCode() != 0) {
        std::printf("peer: ogr2ogr failed: %s\n", proc.readAllStandardError().constData());
        return 0;
    }
    std::printf("peer ogr2ogr -f SQLite -dsco SPATIALITE=YES: %.2f s = %.0f features/s\n",
                peerSeconds, double(r->features) / peerSeconds);
    std::printf("ratio (vigie speed / ogr2ogr speed): %.2f\n", peerSeconds / vigieSeconds);
    return 0;
}
