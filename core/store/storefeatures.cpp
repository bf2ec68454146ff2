// SPDX-License-Identifier: GPL-3.0-or-later
// Reading whole features (geometry and every field) for exports: Store::readFeatures().
#include "../argtext.h"
#include "statement.h"
#include "store.h"

#include "analytics/feedback.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include "storeinternal.h"

namespace vigie::core {

using namespace storedetail;

namespace {

/// The WHERE clause of a query, with its values in binding order.
QString whereClause(const LayerManifest &m, const FeatureQuery &query, QStringList &texts)
{
    QStringList terms;
    const bool period = query.from != LayerSnapshot::kNoTime || query.to != LayerSnapshot::kNoTime;
    if (period && (m.timeField.isEmpty() || !m.field(m.timeField)))
        throw Exception(
            ErrorCode::InvalidInput,
            StoreTr::tr("Layer \"%1\" has no dates: it cannot be filtered by a period.").arg(m.id));
    const auto iso = [](std::int64_t t) {
        return QDateTime::fromSecsSinceEpoch(t, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
    };
    if (query.from != LayerSnapshot::kNoTime) {
        texts << iso(query.from);
        terms << QStringLiteral("%1 >= ?%2").arg(q(m.timeField), argText(texts.size()));
    }
    if (query.to != LayerSnapshot::kNoTime) {
        texts << iso(query.to);
        terms << QStringLiteral("%1 < ?%2").arg(q(m.timeField), argText(texts.size()));
    }
    if (!query.categories.isEmpty()) {
        if (m.categoryField.isEmpty())
            throw Exception(
                ErrorCode::InvalidInput,
                StoreTr::tr("Layer \"%1\" has no categories to choose from.").arg(m.id));
        QStringList marks;
        for (const QString &c : query.categories) {
            texts << c;
            marks << QStringLiteral("?%1").arg(texts.size());
        }
        terms << QStringLiteral("CAST(%1 AS TEXT) IN (%2)")
                     .arg(q(m.categoryField), marks.join(QLatin1Char(',')));
    }
    if (!query.fids.empty()) {
        QStringList ids;
        for (std::int64_t fid : query.fids)
            ids << QString::number(fid); // numbers: nothing to quote
        terms << QStringLiteral("fid IN (%1)").arg(ids.join(QLatin1Char(',')));
    }
    return terms.isEmpty() ? QString() : QStringLiteral(" WHERE ") + terms.join(" AND ");
}

} // namespace

Result<std::int64_t> Store::readFeatures(const QString &layerId, const FeatureQuery &query,
                                         const std::function<bool(const FeatureRow &)> &sink,
                                         analytics::Feedback *feedback) const
{
    return captureErrors([&]() -> std::int64_t {
        const auto m = layer(layerId);
        if (!m)
            throw Exception(
                ErrorCode::UnknownLayer,
                StoreTr::tr("The workspace %1 has no layer \"%2\".").arg(m_path, layerId));
        if (m->geometryType == GeometryType::Raster)
            throw Exception(
                ErrorCode::InvalidInput,
                StoreTr::tr("Layer \"%1\" is a raster: it has no features.").arg(layerId));
        QStringList texts;
        const QString where = whereClause(*m, query, texts);
        QStringList cols{QStringLiteral("fid"), QStringLiteral("AsBinary(geom)")};
        for (const FieldDef &f : m->fields)
            cols << q(f.name);
        Stmt count(m_db, QStringLiteral("SELECT COUNT(*) FROM %1%2").arg(q(layerId), where));
        for (int i = 0; i < texts.size(); ++i)
            count.bind(i + 1, texts[i]);
        const std::int64_t total = count.step() ? count.int64(0) : 0;
        Stmt s(m_db, QStringLiteral("SELECT %1 FROM %2%3 ORDER BY fid")
                         .arg(cols.join(QLatin1Char(',')), q(layerId), where));
        for (int i = 0; i < texts.size(); ++i)
            s.bind(i + 1, texts[i]);
        std::int64_t given = 0;
        FeatureRow row;
        while (s.step()) {
            row.fid = s.int64(0);
            row.wkb = s.isNull(1) ? QByteArray() : s.blob(1);
            row.values.clear();
            for (int c = 0; c < int(m->fields.size()); ++c)
                row.values << fieldValue(s, c + 2, m->fields[std::size_t(c)].type);
            ++given;
            if (!sink(row))
                break;
            if (feedback && given % 4096 == 0) {
                if (feedback->isCanceled())
                    throw Exception(ErrorCode::Canceled, StoreTr::tr("Reading was cancelled."));
                feedback->setProgress(100.0 * double(given) /
                                      double(std::max<std::int64_t>(1, total)));
            }
        }
        return given;
    });
}

} // namespace vigie::core
