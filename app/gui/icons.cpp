// SPDX-License-Identifier: GPL-3.0-or-later
#include "icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace vigie::gui {

namespace {

const QColor kInk(0x2b, 0x3a, 0x4a);
const QColor kAccent(0x1f, 0x6f, 0xc5);

void magnifier(QPainter &p)
{
    p.setPen(QPen(kInk, 2.4, Qt::SolidLine, Qt::RoundCap));
    p.setBrush(QColor(255, 255, 255, 220));
    p.drawEllipse(QRectF(4, 4, 15, 15));
    p.drawLine(QPointF(17, 17), QPointF(26, 26));
}

QPixmap draw(IconKind kind, int size)
{
    QPixmap pix(size, size);
    pix.fill(Qt::transparent);
    QPainter p(&pix);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.scale(size / 30.0, size / 30.0);
    switch (kind) {
    case IconKind::Pan: {
        p.setPen(QPen(kInk, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(15, 3), QPointF(15, 27));
        p.drawLine(QPointF(3, 15), QPointF(27, 15));
        p.setBrush(kInk);
        const QPolygonF heads[] = {QPolygonF({QPointF(15, 2), QPointF(11, 7), QPointF(19, 7)}),
                                   QPolygonF({QPointF(15, 28), QPointF(11, 23), QPointF(19, 23)}),
                                   QPolygonF({QPointF(2, 15), QPointF(7, 11), QPointF(7, 19)}),
                                   QPolygonF({QPointF(28, 15), QPointF(23, 11), QPointF(23, 19)})};
        for (const auto &h : heads)
            p.drawPolygon(h);
        break;
    }
    case IconKind::ZoomBox:
        p.setPen(QPen(kAccent, 1.6, Qt::DashLine));
        p.setBrush(QColor(31, 111, 197, 40));
        p.drawRect(QRectF(2, 2, 17, 13));
        p.translate(6, 6);
        p.scale(0.8, 0.8);
        magnifier(p);
        break;
    case IconKind::ZoomIn:
    case IconKind::ZoomOut:
        magnifier(p);
        p.setPen(QPen(kAccent, 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 11.5), QPointF(15, 11.5));
        if (kind == IconKind::ZoomIn)
            p.drawLine(QPointF(11.5, 8), QPointF(11.5, 15));
        break;
    case IconKind::Identify: {
        p.setPen(Qt::NoPen);
        p.setBrush(kAccent);
        p.drawEllipse(QRectF(3, 3, 24, 24));
        p.setBrush(Qt::white);
        p.drawEllipse(QRectF(13.2, 7, 3.6, 3.6));
        p.drawRoundedRect(QRectF(13.2, 12.5, 3.6, 10.5), 1.2, 1.2);
        break;
    }
    case IconKind::FullExtent: {
        p.setPen(QPen(kInk, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        const double c = 6.0;
        p.drawPolyline(QPolygonF({QPointF(3, 3 + c), QPointF(3, 3), QPointF(3 + c, 3)}));
        p.drawPolyline(QPolygonF({QPointF(27 - c, 3), QPointF(27, 3), QPointF(27, 3 + c)}));
        p.drawPolyline(QPolygonF({QPointF(3, 27 - c), QPointF(3, 27), QPointF(3 + c, 27)}));
        p.drawPolyline(QPolygonF({QPointF(27 - c, 27), QPointF(27, 27), QPointF(27, 27 - c)}));
        p.setPen(QPen(kAccent, 1.4));
        p.setBrush(QColor(31, 111, 197, 60));
        QPainterPath land;
        land.moveTo(8, 20);
        land.cubicTo(9, 11, 14, 8, 21, 9);
        land.lineTo(22, 17);
        land.cubicTo(18, 22, 13, 21, 8, 20);
        p.drawPath(land);
        break;
    }
    case IconKind::ZoomLayer: {
        p.setPen(QPen(kInk, 1.6));
        p.setBrush(QColor(0xf4, 0xf1, 0xea));
        p.drawPolygon(
            QPolygonF({QPointF(3, 19), QPointF(15, 25), QPointF(27, 19), QPointF(15, 13)}));
        p.setBrush(QColor(31, 111, 197, 150));
        p.drawPolygon(
            QPolygonF({QPointF(3, 12), QPointF(15, 18), QPointF(27, 12), QPointF(15, 6)}));
        break;
    }
    case IconKind::Import: {
        p.setPen(QPen(kInk, 1.6));
        p.setBrush(Qt::white);
        p.drawRect(QRectF(5, 3, 17, 23));
        p.setPen(QPen(kAccent, 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawLine(QPointF(27, 15), QPointF(13, 15));
        p.drawPolyline(QPolygonF({QPointF(18, 10), QPointF(13, 15), QPointF(18, 20)}));
        break;
    }
    case IconKind::Open: {
        p.setPen(QPen(kInk, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(QColor(0xf2, 0xc1, 0x4e));
        p.drawPolygon(QPolygonF({QPointF(3, 8), QPointF(11, 8), QPointF(13, 11), QPointF(26, 11),
                                 QPointF(26, 25), QPointF(3, 25)}));
        break;
    }
    case IconKind::New: {
        p.setPen(QPen(kInk, 1.6));
        p.setBrush(Qt::white);
        p.drawPolygon(QPolygonF(
            {QPointF(6, 3), QPointF(18, 3), QPointF(24, 9), QPointF(24, 27), QPointF(6, 27)}));
        p.setPen(QPen(kAccent, 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(15, 13), QPointF(15, 22));
        p.drawLine(QPointF(10.5, 17.5), QPointF(19.5, 17.5));
        break;
    }
    case IconKind::Calendar: {
        p.setPen(QPen(kInk, 1.8));
        p.setBrush(Qt::white);
        p.drawRoundedRect(QRectF(4, 6, 22, 20), 2, 2);
        p.fillRect(QRectF(4, 6, 22, 6), kAccent);
        p.setPen(QPen(kInk, 2.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(10, 3), QPointF(10, 8));
        p.drawLine(QPointF(20, 3), QPointF(20, 8));
        p.setPen(Qt::NoPen);
        p.setBrush(kInk);
        for (int row = 0; row < 2; ++row)
            for (int col = 0; col < 4; ++col)
                p.drawRect(QRectF(7 + col * 4.5, 15 + row * 5, 2.6, 2.6));
        break;
    }
    }
    return pix;
}

} // namespace

QIcon toolIcon(IconKind kind)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(draw(kind, size));
    return icon;
}

} // namespace vigie::gui
