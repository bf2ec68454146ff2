// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/basemapdraw.h"

#include "core/analytics/feedback.h"
#include "render/mapsettings.h"

#include <QFontMetricsF>
#include <QPainter>

namespace vigie::render {

QImage baseMapToImage(const core::BaseMapImage &image)
{
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() < std::size_t(image.width) * std::size_t(image.height) * 4)
        return {};
    const QImage view(image.rgba.data(), image.width, image.height, image.width * 4,
                      QImage::Format_RGBA8888);
    return view.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

BaseMapOutcome drawBaseMap(QPainter &painter, const MapSettings &settings,
                           const analytics::Feedback *feedback)
{
    BaseMapOutcome outcome;
    if (!settings.baseMap)
        return outcome;
    const auto image = core::renderBaseMap(*settings.baseMap, settings.visibleExtent(),
                                           settings.outputSize, feedback);
    if (!image) {
        outcome.problem = image.error().message;
        return outcome;
    }
    outcome.drawn = true;
    outcome.offline = image->offline;
    outcome.problem = image->problem;
    painter.drawImage(QRectF(QPointF(0, 0), QSizeF(settings.outputSize)), baseMapToImage(*image));
    return outcome;
}

void drawAttribution(QPainter &painter, const QRectF &area, const QString &text)
{
    if (text.isEmpty())
        return;
    painter.save();
    QFont f = painter.font();
    f.setPointSizeF(std::max(5.0, f.pointSizeF() * 0.75));
    painter.setFont(f);
    const QFontMetricsF fm(f, painter.device());
    const double w = fm.horizontalAdvance(text) + 8;
    const double h = fm.height() + 2;
    const QRectF box(area.right() - w, area.bottom() - h, w, h);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 200));
    painter.drawRect(box);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

} // namespace vigie::render
