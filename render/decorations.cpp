// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/decorations.h"

#include "render/symbolstyle.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace vigie::render {

namespace {

QString formatNumber(double value)
{
    // Stop values of ramps: integers without separators noise, otherwise 2 significant decimals.
    if (std::abs(value - std::round(value)) < 1e-9)
        return QString::number(qint64(std::llround(value)));
    return QString::number(value, 'g', 3);
}

} // namespace

double niceScaleLength(double maxMetres)
{
    if (!(maxMetres > 0.0) || !std::isfinite(maxMetres))
        return 0.0;
    const double power = std::pow(10.0, std::floor(std::log10(maxMetres)));
    for (double f : {5.0, 2.0, 1.0}) {
        if (f * power <= maxMetres * (1.0 + 1e-12))
            return f * power;
    }
    return power;
}

QString formatDistance(double metres)
{
    if (metres >= 1000.0) {
        const double km = metres / 1000.0;
        return QCoreApplication::translate("vigie::render::Decorations", "%1 km")
            .arg(QLocale().toString(km, 'g', 6));
    }
    return QCoreApplication::translate("vigie::render::Decorations", "%1 m")
        .arg(QLocale().toString(metres, 'g', 6));
}

QRectF drawScaleBar(QPainter &painter, const MapSettings &settings, QRectF where)
{
    const double mupp = settings.mapUnitsPerPixel();
    if (!(mupp > 0.0) || where.width() <= 4.0)
        return {};
    const double dpi = settings.dpi;
    const QFont font = mapFont(7.5, dpi, painter.device());
    const QFontMetricsF fm(font);
    // Keep room for the half-width of the end label.
    const double room = where.width() - fm.horizontalAdvance(QStringLiteral("0000 km")) / 2.0;
    const double metres = niceScaleLength(std::max(1.0, room) * mupp);
    if (metres <= 0.0)
        return {};
    const double length = metres / mupp;
    const double barHeight = std::max(3.0, mmToPixels(1.2, dpi));
    const double x0 = where.left() + fm.horizontalAdvance(QStringLiteral("0")) / 2.0 + 1.0;
    const double textBaseline = where.bottom() - barHeight - mmToPixels(0.8, dpi);
    const double barTop = where.bottom() - barHeight;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QString endLabel = formatDistance(metres);
    // A soft background plate so the bar reads over any map.
    const QRectF used(where.left(), textBaseline - fm.ascent() - 1.0,
                      x0 - where.left() + length + fm.horizontalAdvance(endLabel) / 2.0 + 2.0,
                      where.bottom() - (textBaseline - fm.ascent() - 1.0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 190));
    painter.drawRoundedRect(used.adjusted(-3, -2, 3, 2), 2, 2);

    const QColor dark(0x22, 0x22, 0x22);
    const int segments = 4;
    for (int i = 0; i < segments; ++i) {
        const QRectF seg(x0 + length * i / segments, barTop, length / segments, barHeight);
        painter.setBrush(i % 2 == 0 ? dark : QColor(Qt::white));
        painter.setPen(Qt::NoPen);
        painter.drawRect(seg);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(dark, 0.8));
    painter.drawRect(QRectF(x0, barTop, length, barHeight));

    painter.setFont(font);
    painter.setPen(dark);
    const QString zero = QStringLiteral("0");
    painter.drawText(QPointF(x0 - fm.horizontalAdvance(zero) / 2.0, textBaseline), zero);
    painter.drawText(QPointF(x0 + length - fm.horizontalAdvance(endLabel) / 2.0, textBaseline),
                     endLabel);
    painter.restore();
    return used;
}

void drawNorthArrow(QPainter &painter, QRectF where)
{
    const double side = std::min(where.width(), where.height());
    if (side <= 4.0)
        return;
    const QPointF c = where.center();
    const double h = side * 0.62; // arrow height
    const double w = side * 0.36; // arrow width
    const double top = c.y() - side / 2.0 + side * 0.30;
    QFont font(QString::fromLatin1(kMapFontFamily));
    font.setPixelSize(std::max(6, int(side * 0.26)));
    font.setBold(true);
    font.setHintingPreference(QFont::PreferNoHinting);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor dark(0x22, 0x22, 0x22);
    const QPointF tip(c.x(), top);
    const QPointF base(c.x(), top + h);
    const QPointF notch(c.x(), top + h * 0.72);
    QPainterPath left, right;
    left.moveTo(tip);
    left.lineTo(c.x() - w / 2.0, base.y());
    left.lineTo(notch);
    left.closeSubpath();
    right.moveTo(tip);
    right.lineTo(c.x() + w / 2.0, base.y());
    right.lineTo(notch);
    right.closeSubpath();
    painter.setPen(
        QPen(QColor(255, 255, 255, 220), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(left.united(right));
    painter.setPen(QPen(dark, 1.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(dark);
    painter.drawPath(left);
    painter.setBrush(Qt::white);
    painter.drawPath(right);

    QPainterPath n;
    const QFontMetricsF fm(font);
    const QString letter = QStringLiteral("N");
    n.addText(QPointF(c.x() - fm.horizontalAdvance(letter) / 2.0, top - side * 0.05), font, letter);
    painter.setPen(
        QPen(QColor(255, 255, 255, 220), 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(n);
    painter.setPen(Qt::NoPen);
    painter.setBrush(dark);
    painter.drawPath(n);
    painter.restore();
}

QRectF drawLegend(QPainter &painter, const MapSettings &settings, QPointF topLeft,
                  const QString &language, bool draw)
{
    const double dpi = settings.dpi;
    const QFont titleFont = mapFont(7.5, dpi, painter.device(), true);
    const QFont itemFont = mapFont(7.0, dpi, painter.device());
    const QFont smallFont = mapFont(6.0, dpi, painter.device());
    const QFontMetricsF tfm(titleFont), ifm(itemFont), sfm(smallFont);
    const double pad = mmToPixels(1.8, dpi);
    const double symbol = mmToPixels(3.2, dpi);
    const double gap = mmToPixels(1.2, dpi);
    const double rowH = std::max(symbol, ifm.height()) + mmToPixels(0.2, dpi);
    const double rampW = mmToPixels(32.0, dpi);
    const double rampH = mmToPixels(2.2, dpi);
    const QColor textColor(0x22, 0x22, 0x22);

    // Layout in two passes: measure (draw == false), then draw the plate and the content.
    auto layout = [&](bool paint, double &width) -> double {
        double y = topLeft.y() + pad;
        const double x = topLeft.x() + pad;
        width = 0.0;
        bool first = true;
        for (auto it = settings.layers.rbegin(); it != settings.layers.rend(); ++it) {
            const MapLayer &layer = *it;
            if (!layer.visible || !layer.data)
                continue;
            const core::LayerManifest &m = layer.data->manifest;
            const core::Symbology &sym = m.symbology;
            if (!first)
                y += mmToPixels(0.9, dpi);
            first = false;
            const QString title = m.title.text(language);
            width = std::max(width, tfm.horizontalAdvance(title));
            if (paint) {
                painter.setFont(titleFont);
                painter.setPen(textColor);
                painter.drawText(QPointF(x, y + tfm.ascent()), title);
            }
            y += tfm.height() + mmToPixels(0.2, dpi);

            auto symbolRow = [&](const QString &text, auto &&drawSymbol) {
                width = std::max(width, symbol + gap + ifm.horizontalAdvance(text));
                if (paint) {
                    const QRectF box(x, y + (rowH - symbol) / 2.0, symbol, symbol);
                    painter.save();
                    drawSymbol(box);
                    painter.restore();
                    painter.setFont(itemFont);
                    painter.setPen(textColor);
                    painter.drawText(QPointF(x + symbol + gap,
                                             y + rowH / 2.0 + (ifm.ascent() - ifm.descent()) / 2.0),
                                     text);
                }
                y += rowH;
            };

            const double outlinePx = std::max(0.6, mmToPixels(sym.strokeWidth, dpi));
            if (m.geometryType == core::GeometryType::Point) {
                const double markerPx =
                    std::clamp(mmToPixels(sym.size, dpi) * 1.3, symbol * 0.5, symbol);
                const QPainterPath shape = markerPath(sym.marker, markerPx);
                auto marker = [&](int category) {
                    return [&, category](const QRectF &box) {
                        QColor outline = colorFromString(sym.stroke);
                        const QColor fill = pointFillColor(m, category);
                        if (!outline.isValid() || outline.rgba() == fill.rgba() ||
                            outline.lightness() > 230)
                            outline = fill.darker(150);
                        painter.setBrush(fill);
                        painter.setPen(QPen(outline, outlinePx));
                        painter.drawPath(shape.translated(box.center()));
                    };
                };
                if (!m.categories.empty()) {
                    for (std::size_t c = 0; c < m.categories.size(); ++c) {
                        if (!categoryVisible(layer, int(c)))
                            continue;
                        symbolRow(m.categories[c].label.text(language), marker(int(c)));
                    }
                } else {
                    symbolRow(m.title.text(language), marker(-1));
                }
            } else if ((m.geometryType == core::GeometryType::Line &&
                        !sym.graduatedField.isEmpty() && !sym.ramp.empty()) ||
                       (m.geometryType == core::GeometryType::Raster && !sym.ramp.empty())) {
                const core::FieldDef *f = m.field(sym.graduatedField);
                const QString fieldLabel =
                    m.geometryType == core::GeometryType::Raster
                        ? (m.description.text(language).isEmpty() ? m.title.text(language)
                                                                  : m.description.text(language))
                        : (f ? f->label.text(language) : sym.graduatedField);
                width = std::max(width, ifm.horizontalAdvance(fieldLabel));
                if (paint) {
                    painter.setFont(itemFont);
                    painter.setPen(textColor);
                    painter.drawText(QPointF(x, y + ifm.ascent()), fieldLabel);
                }
                y += ifm.height() + mmToPixels(0.3, dpi);
                // Stops evenly spaced (class-like), labelled under the bar.
                const double lastLabel = sfm.horizontalAdvance(formatNumber(sym.ramp.back().value));
                width = std::max(width, rampW + lastLabel / 2.0);
                if (paint) {
                    QLinearGradient g(QPointF(x, 0), QPointF(x + rampW, 0));
                    const std::size_t n = sym.ramp.size();
                    for (std::size_t i = 0; i < n; ++i)
                        g.setColorAt(n > 1 ? double(i) / double(n - 1) : 0.0,
                                     colorFromString(sym.ramp[i].color));
                    painter.setPen(QPen(QColor(0x66, 0x66, 0x66), 0.6));
                    painter.setBrush(g);
                    painter.drawRect(QRectF(x, y, rampW, rampH));
                    painter.setFont(smallFont);
                    painter.setPen(textColor);
                    // Every stop gets a tick; labels that would touch a neighbour's are left
                    // out (the ends first, then the inner stops in order).
                    std::vector<QString> texts(n);
                    std::vector<double> ticks(n), left(n), right(n);
                    for (std::size_t i = 0; i < n; ++i) {
                        texts[i] = formatNumber(sym.ramp[i].value);
                        ticks[i] = x + (n > 1 ? rampW * double(i) / double(n - 1) : 0.0);
                        left[i] = std::max(ticks[i] - sfm.horizontalAdvance(texts[i]) / 2.0, x);
                        right[i] = left[i] + sfm.horizontalAdvance(texts[i]);
                    }
                    const double gap = sfm.horizontalAdvance(QLatin1Char(' '));
                    std::vector<std::size_t> shown;
                    auto fits = [&](std::size_t i) {
                        return std::none_of(shown.begin(), shown.end(), [&](std::size_t j) {
                            return left[i] < right[j] + gap && left[j] < right[i] + gap;
                        });
                    };
                    std::vector<std::size_t> order;
                    if (n > 0)
                        order.push_back(0);
                    if (n > 1)
                        order.push_back(n - 1);
                    for (std::size_t i = 1; i + 1 < n; ++i)
                        order.push_back(i);
                    for (std::size_t i : order)
                        if (fits(i))
                            shown.push_back(i);
                    for (std::size_t i = 0; i < n; ++i)
                        painter.drawLine(QPointF(ticks[i], y + rampH),
                                         QPointF(ticks[i], y + rampH + 2.0));
                    for (std::size_t i : shown)
                        painter.drawText(QPointF(left[i], y + rampH + 2.0 + sfm.ascent()),
                                         texts[i]);
                }
                y += rampH + 2.0 + sfm.height() + mmToPixels(0.3, dpi);
            } else if (m.geometryType == core::GeometryType::Line) {
                symbolRow(m.title.text(language), [&](const QRectF &box) {
                    painter.setPen(QPen(colorFromString(sym.stroke),
                                        std::max(0.8, mmToPixels(sym.strokeWidth, dpi)),
                                        Qt::SolidLine, Qt::RoundCap));
                    painter.drawLine(QPointF(box.left(), box.center().y()),
                                     QPointF(box.right(), box.center().y()));
                });
            } else if (m.geometryType == core::GeometryType::Polygon && !m.categories.empty()) {
                for (std::size_t c = 0; c < m.categories.size(); ++c) {
                    if (!categoryVisible(layer, int(c)))
                        continue;
                    const QColor fill = colorFromString(m.categories[c].color);
                    symbolRow(m.categories[c].label.text(language), [&, fill](const QRectF &box) {
                        const QColor stroke = colorFromString(sym.stroke);
                        painter.setBrush(fill.isValid() ? fill : QColor(Qt::transparent));
                        painter.setPen(
                            QPen(stroke.isValid() && stroke.alpha() > 0 ? stroke : fill.darker(130),
                                 std::max(0.8, mmToPixels(sym.strokeWidth, dpi))));
                        painter.drawRect(box.adjusted(0.5, 1.5, -0.5, -1.5));
                    });
                }
            } else {
                symbolRow(m.title.text(language), [&](const QRectF &box) {
                    const QColor fill = colorFromString(sym.fill);
                    const QColor stroke = colorFromString(sym.stroke);
                    painter.setBrush(fill.isValid() ? fill : QColor(Qt::transparent));
                    painter.setPen(QPen(stroke.isValid() ? stroke : QColor(Qt::gray),
                                        std::max(0.8, mmToPixels(sym.strokeWidth, dpi))));
                    painter.drawRect(box.adjusted(0.5, 1.5, -0.5, -1.5));
                });
            }
        }
        return first ? 0.0 : y + pad - topLeft.y() - mmToPixels(0.6, dpi);
    };

    double width = 0.0;
    const double height = layout(false, width);
    if (height <= 0.0)
        return {};
    const QRectF rect(topLeft, QSizeF(width + 2 * pad, height));
    if (draw) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        painter.setPen(QPen(QColor(0, 0, 0, 60), 1.0));
        painter.setBrush(QColor(255, 255, 255, 225));
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        double w2 = 0.0;
        layout(true, w2);
        painter.restore();
    }
    return rect;
}

} // namespace vigie::render
