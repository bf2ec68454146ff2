// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttables.h"

#include "../io/gdalerrorscope.h"
#include "../io/stagingfolder.h"
#include "reportfigures.h"

#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace vigie::core {

namespace {

struct Closer
{
    void operator()(GDALDataset *d) const { GDALClose(d); }
};

/// A count as the table holds it: plain digits, or "< N" when it may not be published.
QString cell(std::int64_t count, int minCount)
{
    return isSuppressed(count, minCount) ? QStringLiteral("< %1").arg(minCount)
                                         : QString::number(count);
}

} // namespace

Result<int> writeReportTable(const ReportData &data, const QString &path, bool overwrite)
{
    return captureErrors([&]() -> int {
        const QFileInfo info(path);
        const QString suffix = info.suffix().toLower();
        const char *driverName = suffix == QLatin1String("csv")    ? "CSV"
                                 : suffix == QLatin1String("xlsx") ? "XLSX"
                                                                   : nullptr;
        if (!driverName)
            throw Exception(
                ErrorCode::InvalidInput,
                ReportMessages::tr("A table is written as .csv or .xlsx: %1.").arg(path));
        if (info.exists() && !overwrite)
            throw Exception(ErrorCode::InvalidInput,
                            ReportMessages::tr("%1 already exists.").arg(path));
        GDALAllRegister();
        GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName);
        if (!driver)
            throw Exception(ErrorCode::Io, ReportMessages::tr("Cannot write %1.").arg(path));
        detail::StagingFolder staging(path);
        const QString temporary = staging.stagedPath();
        const bool fr = !data.request.language.startsWith(QLatin1String("en"));
        const int minCount = data.request.minCount;
        int rows = 0;
        {
            detail::GdalErrorScope errors;
            std::unique_ptr<GDALDataset, Closer> ds(
                driver->Create(temporary.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!ds)
                throw Exception(
                    ErrorCode::Io,
                    ReportMessages::tr("Cannot write %1: %2").arg(path, errors.lastError()));
            OGRLayer *layer =
                ds->CreateLayer(fr ? "chiffres" : "figures", nullptr, wkbNone, nullptr);
            const QStringList headers =
                fr ? QStringList{QStringLiteral("code"),
                                 QStringLiteral("zone"),
                                 QStringLiteral("catégorie"),
                                 QStringLiteral("période"),
                                 QStringLiteral("période précédente"),
                                 QStringLiteral("évolution"),
                                 QStringLiteral("même période l’an dernier")}
                   : QStringList{QStringLiteral("code"),
                                 QStringLiteral("area"),
                                 QStringLiteral("category"),
                                 QStringLiteral("period"),
                                 QStringLiteral("previous period"),
                                 QStringLiteral("change"),
                                 QStringLiteral("same period last year")};
            for (const QString &h : headers) {
                // Text everywhere: a suppressed count is "< 5", never a number.
                OGRFieldDefn field(h.toUtf8().constData(), OFTString);
                if (!layer || layer->CreateField(&field) != OGRERR_NONE)
                    throw Exception(
                        ErrorCode::Io,
                        ReportMessages::tr("Cannot write %1: %2").arg(path, errors.lastError()));
            }
            const auto &categories = data.pointManifest.categories;
            std::vector<const AreaFigures *> areas;
            for (const AreaFigures &a : data.areas)
                areas.push_back(&a);
            if (data.areas.size() > 1)
                areas.push_back(&data.all);
            for (const AreaFigures *a : areas) {
                for (std::size_t c = 0; c < a->current.size(); ++c) {
                    const bool total = c + 1 == a->current.size();
                    const QString category =
                        total ? (fr ? QStringLiteral("toutes") : QStringLiteral("all"))
                        : c < categories.size() ? categories[c].label.text(data.request.language)
                                                : QString();
                    const std::int64_t now = a->current[c];
                    const std::int64_t before = c < a->previous.size() ? a->previous[c] : 0;
                    const std::int64_t lastYear = c < a->lastYear.size() ? a->lastYear[c] : 0;
                    const QStringList values = {
                        a == &data.all ? QString() : a->key,
                        a == &data.all ? (fr ? QStringLiteral("ensemble") : QStringLiteral("all"))
                                       : a->label,
                        category,
                        cell(now, minCount),
                        cell(before, minCount),
                        formatChange(now, before, minCount, data.request.language),
                        cell(lastYear, minCount)};
                    OGRFeature feature(layer->GetLayerDefn());
                    for (int k = 0; k < values.size(); ++k)
                        feature.SetField(k, values[k].toUtf8().constData());
                    if (layer->CreateFeature(&feature) != OGRERR_NONE)
                        throw Exception(ErrorCode::Io, ReportMessages::tr("Cannot write %1: %2")
                                                           .arg(path, errors.lastError()));
                    ++rows;
                }
            }
            ds->FlushCache();
            if (errors.failureCount() > 0)
                throw Exception(
                    ErrorCode::Io,
                    ReportMessages::tr("Cannot write %1: %2").arg(path, errors.lastError()));
        }
        staging.commit(overwrite);
        return rows;
    });
}

} // namespace vigie::core
