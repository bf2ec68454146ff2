// SPDX-License-Identifier: GPL-3.0-or-later
#include "crs.h"

#include <QCoreApplication>

#include <proj.h>

#include <cmath>

namespace vigie::core {

struct CoordinateTransform::Private
{
    PJ_CONTEXT *ctx = nullptr;
    PJ *pj = nullptr;
    ~Private()
    {
        if (pj)
            proj_destroy(pj);
        if (ctx)
            proj_context_destroy(ctx);
    }
};

namespace {

/// Translation context of this file's messages (lupdate reads the macro).
struct CrsTr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::CoordinateTransform)
};

/// Collects PROJ's log messages of one context (instead of its global stderr output).
void logToString(void *data, int level, const char *message)
{
    if (level <= PJ_LOG_ERROR && message)
        static_cast<QString *>(data)->append(QString::fromUtf8(message));
}

} // namespace

Result<CoordinateTransform> CoordinateTransform::create(const QString &source,
                                                        const QString &target)
{
    CoordinateTransform t;
    t.d = std::make_unique<Private>();
    t.d->ctx = proj_context_create();
    QString log;
    proj_log_func(t.d->ctx, &log, logToString);
    proj_context_set_enable_network(t.d->ctx, 0);

    const QByteArray src = source.trimmed().toUtf8();
    const QByteArray dst = target.trimmed().toUtf8();
    auto checkCrs = [&](const QByteArray &def, const QString &name) -> std::optional<Error> {
        PJ *crs = proj_create(t.d->ctx, def.constData());
        if (!crs || !proj_is_crs(crs)) {
            if (crs)
                proj_destroy(crs);
            const char *why = proj_context_errno_string(t.d->ctx, proj_context_errno(t.d->ctx));
            return Error{ErrorCode::Crs, CrsTr::tr("Unknown coordinate reference system \"%1\": %2")
                                             .arg(name, QString::fromUtf8(why ? why : ""))};
        }
        proj_destroy(crs);
        return std::nullopt;
    };
    if (source.trimmed().isEmpty() || target.trimmed().isEmpty())
        return Error{ErrorCode::Crs, CrsTr::tr("No coordinate reference system given.")};
    if (auto e = checkCrs(src, source))
        return *e;
    if (auto e = checkCrs(dst, target))
        return *e;

    PJ *op = proj_create_crs_to_crs(t.d->ctx, src.constData(), dst.constData(), nullptr);
    if (!op)
        return Error{
            ErrorCode::Crs,
            CrsTr::tr("No coordinate operation from %1 to %2: %3").arg(source, target, log)};
    PJ *norm = proj_normalize_for_visualization(t.d->ctx, op);
    proj_destroy(op);
    if (!norm)
        return Error{
            ErrorCode::Crs,
            CrsTr::tr("No coordinate operation from %1 to %2: %3").arg(source, target, log)};
    t.d->pj = norm;
    return t;
}

CoordinateTransform::CoordinateTransform(CoordinateTransform &&) noexcept = default;
CoordinateTransform &CoordinateTransform::operator=(CoordinateTransform &&) noexcept = default;
CoordinateTransform::~CoordinateTransform() = default;

bool CoordinateTransform::transform(double &x, double &y) const
{
    if (!d || !d->pj)
        return false;
    PJ_COORD c = proj_coord(x, y, 0, HUGE_VAL);
    const PJ_COORD r = proj_trans(d->pj, PJ_FWD, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL)
        return false;
    x = r.xy.x;
    y = r.xy.y;
    return true;
}

bool CoordinateTransform::inverse(double &x, double &y) const
{
    if (!d || !d->pj)
        return false;
    PJ_COORD c = proj_coord(x, y, 0, HUGE_VAL);
    const PJ_COORD r = proj_trans(d->pj, PJ_INV, c);
    if (!std::isfinite(r.xy.x) || !std::isfinite(r.xy.y) || r.xy.x == HUGE_VAL)
        return false;
    x = r.xy.x;
    y = r.xy.y;
    return true;
}

QPointF CoordinateTransform::transform(const QPointF &p) const
{
    double x = p.x(), y = p.y();
    if (!transform(x, y))
        return QPointF(qQNaN(), qQNaN());
    return QPointF(x, y);
}

} // namespace vigie::core
