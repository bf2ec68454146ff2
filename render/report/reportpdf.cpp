// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpdf.h"
#include "core/argtext.h"

#include "geopdf.h"

#include "core/analytics/feedback.h"
#include "core/scenario/scenario.h"
#include "core/store/store.h"
#include "render/decorations.h"
#include "render/maprenderer.h"
#include "render/mapsettings.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace vigie::render {

namespace {

using core::AreaFigures;
using core::ReportData;

/// Report texts are chosen by the report's language, not by the application's translator, so
/// that an English session can print a French report (and the reverse).
QString L(const QString &language, const char *fr, const char *en)
{
    return QString::fromUtf8(language.startsWith(QLatin1String("en")) ? en : fr);
}

/// Resolution of the PDF device. The output is vector, so this only sets the unit of the layout;
/// it equals the default font resolution (what QFontMetricsF measures with when given no
/// device), so that the texts the map renderer and the legend measure have the size they are
/// drawn with on paper (a scaled painter would measure tiny, rounded fonts and overlap lines).
constexpr double kDeviceDpi = 96.0;
double mapDpi()
{
    return kDeviceDpi;
}

double mm(double v)
{
    return v * kDeviceDpi / 25.4;
}

const QColor kAccent(0x1f, 0x3a, 0x5f);
const QColor kBanner(0xb0, 0x00, 0x20);
const QColor kText(0x22, 0x22, 0x22);
const QColor kMuted(0x66, 0x66, 0x66);
const QColor kRule(0xc8, 0xcc, 0xd2);
const QColor kZebra(0xf3, 0xf5, 0xf8);
const QColor kHeaderFill(0xe3, 0xe8, 0xef);

QFont font(double points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures: "fi" stays two letters, so the PDF text is searchable and copyable as typed.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

/// The largest of 1, 2, 5 x 10^k not giving more than `ticks` intervals up to `max`.
double niceStep(double max, int ticks)
{
    const double raw = std::max(1.0, max / ticks);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw)
            return m * p;
    return 10.0 * p;
}

struct Column
{
    QString title;
    double width; ///< mm
    Qt::Alignment align = Qt::AlignRight;
};

class ReportWriter
{
public:
    ReportWriter(const core::Store &store, const ReportData &data, QPdfWriter &writer,
                 analytics::Feedback *feedback)
        : m_store(store), m_data(data), m_req(data.request), m_lang(data.request.language),
          m_writer(writer), m_feedback(feedback)
    {
    }

    int run()
    {
        loadLayers();
        const bool landscape = m_req.orientation == QLatin1String("landscape");
        m_pageW = m_writer.width();
        m_pageH = m_writer.height();
        m_margin = mm(landscape ? 10 : 12);
        m_content = QRectF(m_margin, m_margin + mm(9), m_pageW - 2 * m_margin,
                           m_pageH - 2 * m_margin - mm(9) - mm(8));
        planOverview();
        m_pageCount = 1 + m_overviewPages + int(m_data.areas.size());

        if (!m_painter.begin(&m_writer))
            throw core::Exception(core::ErrorCode::Io, QStringLiteral("cannot start the PDF"));
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.setRenderHint(QPainter::TextAntialiasing, true);
        progress(1.0, L(m_lang, "Page de garde", "Cover"));
        drawFrame();
        drawCover();
        for (int i = 0; i < m_overviewPages; ++i) {
            analytics::throwIfCanceled(m_feedback);
            progress(3.0 + i, L(m_lang, "Vue d'ensemble", "Overview"));
            newPage();
            drawOverview(i);
        }
        for (std::size_t i = 0; i < m_data.areas.size(); ++i) {
            analytics::throwIfCanceled(m_feedback);
            progress(5.0 + 95.0 * double(i) / double(m_data.areas.size()), m_data.areas[i].label);
            newPage();
            drawAreaPage(m_data.areas[i]);
        }
        m_painter.end();
        return m_pageCount;
    }

private:
    // --- data ------------------------------------------------------------------------------

    void loadLayers()
    {
        auto load = [&](const QString &id) {
            auto snap = m_store.loadSnapshot(id, nullptr);
            if (!snap)
                throw core::Exception(snap.error().code, snap.error().message);
            return *snap;
        };
        const core::ReportTemplate &t = m_req.reportTemplate;
        m_areas = load(t.areaLayer);
        std::vector<core::LayerSnapshotPtr> context;
        for (const QString &id : t.contextLayers)
            context.push_back(id == t.areaLayer ? m_areas : load(id));
        std::stable_sort(context.begin(), context.end(), [](const auto &a, const auto &b) {
            return a->manifest.symbology.zOrder < b->manifest.symbology.zOrder;
        });
        // Filled backgrounds (zOrder <= 0) first, then the analysis, then outlines and points.
        bool analysisAdded = false;
        auto addAnalysis = [&] {
            if (analysisAdded || !m_data.analysis)
                return;
            analysisAdded = true;
            MapLayer layer;
            // A short legend title: the stored one holds the whole selection.
            auto shortened =
                std::make_shared<core::LayerSnapshot>(*load(m_data.analysis->resultLayer));
            const QString kind = m_data.analysis->kind;
            shortened->manifest.title =
                kind == QLatin1String("kde")
                    ? core::LocalizedText{QStringLiteral("Densité des faits (KDE)"),
                                          QStringLiteral("Incident density (KDE)")}
                : kind == QLatin1String("gistar")
                    ? core::LocalizedText{QStringLiteral("Points chauds et froids (Gi*)"),
                                          QStringLiteral("Hot and cold spots (Gi*)")}
                : core::scenarioKindFromKey(kind).has_value()
                    // Scenarios title their layers in both languages, "what — detail, date…":
                    // the legend keeps "what — detail".
                    ? core::LocalizedText{shortened->manifest.title.fr.section(QStringLiteral(", "),
                                                                               0, 0),
                                          shortened->manifest.title.en.section(QStringLiteral(", "),
                                                                               0, 0)}
                    : core::LocalizedText{m_data.analysis->title, m_data.analysis->title};
            layer.data = shortened;
            m_analysisTitle = shortened->manifest.title.text(m_lang);
            layer.opacity = layer.data->isRaster() ? 0.7 : 0.75;
            layer.showLabels = false;
            m_layers.push_back(layer);
        };
        for (const auto &snap : context) {
            if (snap->manifest.symbology.zOrder > 0)
                addAnalysis();
            MapLayer layer;
            layer.data = snap;
            m_layers.push_back(layer);
        }
        addAnalysis();
        MapLayer points;
        points.data = load(t.pointLayer);
        points.showLabels = false;
        m_layers.push_back(points);
        for (std::size_t row = 0; row < m_areas->size(); ++row)
            m_areaRow.insert(m_areas->fids[row], row);
    }

    const core::Geometry *areaGeometry(std::int64_t fid) const
    {
        const auto it = m_areaRow.constFind(fid);
        if (it == m_areaRow.constEnd() || *it >= m_areas->geometries.size())
            return nullptr;
        return &m_areas->geometries[*it];
    }

    void progress(double percent, const QString &step)
    {
        if (m_feedback)
            m_feedback->setProgress(std::clamp(percent, 0.0, 100.0), step.toStdString());
    }

    QString count(std::int64_t v) const { return core::formatCount(v, m_req.minCount, m_lang); }
    QString change(std::int64_t a, std::int64_t b) const
    {
        return core::formatChange(a, b, m_req.minCount, m_lang);
    }
    QString rate(std::int64_t v, std::int64_t population) const
    {
        return core::formatRate(v, population, m_req.minCount, m_lang);
    }
    QString title() const { return m_req.reportTemplate.title.text(m_lang); }
    QString dateText(const QDate &d) const { return d.toString(QStringLiteral("dd/MM/yyyy")); }

    // --- page furniture ---------------------------------------------------------------------

    void newPage()
    {
        m_writer.newPage();
        ++m_page;
        drawFrame();
    }

    void drawFrame()
    {
        QPainter &p = m_painter;
        const QString classification = m_req.reportTemplate.classification.text(m_lang);
        if (!classification.isEmpty()) {
            p.setFont(font(8.5, true));
            const QFontMetricsF fm(p.font());
            const QString text = classification.toUpper();
            const double w = fm.horizontalAdvance(text) + mm(8);
            const QRectF box((m_pageW - w) / 2.0, m_margin, w, mm(6));
            p.setPen(QPen(kBanner, mm(0.35)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(box);
            p.setPen(kBanner);
            p.drawText(box, Qt::AlignCenter, text);
        }
        const double y = m_pageH - m_margin - mm(5);
        p.setPen(QPen(kRule, mm(0.2)));
        p.drawLine(QPointF(m_margin, y - mm(1.5)), QPointF(m_pageW - m_margin, y - mm(1.5)));
        p.setFont(font(7));
        p.setPen(kMuted);
        const QRectF line(m_margin, y, m_pageW - 2 * m_margin, mm(5));
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                   title() + QStringLiteral(" — ") + m_req.period.label(m_lang));
        p.drawText(line, Qt::AlignHCenter | Qt::AlignVCenter,
                   L(m_lang, "Édité le %1 avec Vigie", "Printed on %1 with Vigie")
                       .arg(dateText(m_req.producedOn)));
        p.drawText(
            line, Qt::AlignRight | Qt::AlignVCenter,
            L(m_lang, "page %1 / %2", "page %1 of %2").arg(argText(m_page), argText(m_pageCount)));
    }

    /// Page title band; returns the y below it.
    double drawPageTitle(const QString &text, const QString &right = {})
    {
        QPainter &p = m_painter;
        const QRectF band(m_content.left(), m_content.top(), m_content.width(), mm(10));
        p.setFont(font(15, true));
        p.setPen(kAccent);
        p.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, text);
        if (!right.isEmpty()) {
            p.setFont(font(9));
            p.setPen(kMuted);
            p.drawText(band, Qt::AlignRight | Qt::AlignVCenter, right);
        }
        p.setPen(QPen(kAccent, mm(0.5)));
        p.drawLine(band.bottomLeft(), band.bottomRight());
        return band.bottom() + mm(3);
    }

    // --- cover ---------------------------------------------------------------------------------

    void drawCover()
    {
        QPainter &p = m_painter;
        const QRectF c = m_content;
        double y = c.top() + c.height() * 0.16;
        p.fillRect(QRectF(c.left(), y, mm(2.5), mm(34)), kAccent);
        const double x = c.left() + mm(7);
        const double w = c.right() - x;
        p.setPen(kAccent);
        p.setFont(font(26, true));
        QRectF r(x, y, w, mm(14));
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, title());
        y += mm(14);
        p.setFont(font(13));
        p.setPen(kText);
        p.drawText(QRectF(x, y, w, mm(9)), Qt::AlignLeft | Qt::AlignVCenter,
                   m_req.reportTemplate.subtitle.text(m_lang));
        y += mm(10);
        p.setFont(font(16, true));
        p.drawText(QRectF(x, y, w, mm(10)), Qt::AlignLeft | Qt::AlignVCenter,
                   m_req.period.label(m_lang));
        y += mm(24);

        // Facts as label / value rows.
        QStringList names;
        for (const AreaFigures &a : m_data.areas)
            names << a.label;
        const QString areasText = m_data.areas.size() > 24 ? L(m_lang, "%1 zones (liste en page 2)",
                                                               "%1 areas (list on page 2)")
                                                                 .arg(m_data.areas.size())
                                                           : names.join(QStringLiteral(", "));
        const std::vector<std::pair<QString, QString>> facts = {
            {L(m_lang, "Période", "Period"),
             L(m_lang, "du %1 au %2 inclus (heure de Paris)", "%1 to %2 inclusive (Paris time)")
                 .arg(dateText(m_req.period.first), dateText(m_req.period.last))},
            {L(m_lang, "Comparaisons", "Compared with"),
             L(m_lang, "période précédente : %1 ; même période un an plus tôt : %2",
               "previous period: %1; same period a year earlier: %2")
                 .arg(m_req.period.previous().label(m_lang),
                      m_req.period.sameLastYear().label(m_lang))},
            {L(m_lang, "Zones", "Areas"), areasText},
            {L(m_lang, "Faits constatés", "Recorded incidents"),
             L(m_lang, "%1 sur l'ensemble des zones", "%1 in all the areas")
                 .arg(count(m_data.all.total()))},
            {L(m_lang, "Date d'édition", "Printed on"), dateText(m_req.producedOn)},
            {L(m_lang, "Auteur", "Author"),
             m_req.author.isEmpty() ? QStringLiteral("—") : m_req.author},
            {L(m_lang, "Secret statistique", "Small counts"),
             L(m_lang,
               "les effectifs de 1 à %1 sont affichés « < %2 » dans les tableaux et "
               "graphiques ; les évolutions et taux correspondants sont masqués (—).",
               "counts from 1 to %1 are shown as \"< %2\" in tables and charts; the matching "
               "changes and rates are hidden (—).")
                 .arg(argText(m_req.minCount - 1), argText(m_req.minCount))},
        };
        const double labelW = mm(38);
        for (const auto &[label, value] : facts) {
            p.setFont(font(9.5, true));
            p.setPen(kMuted);
            p.drawText(QRectF(x, y, labelW, mm(6)), Qt::AlignLeft | Qt::AlignTop, label);
            p.setFont(font(9.5));
            p.setPen(kText);
            const QRectF valueBox(x + labelW, y, w - labelW, mm(40));
            const QRectF used =
                p.boundingRect(valueBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, value);
            p.drawText(valueBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, value);
            y += std::max(mm(6), used.height() + mm(2.2));
        }
        if (!m_req.analysis.isEmpty() && !m_data.analysis) {
            // In the report's language (data.notes are in the application's, for the user).
            p.setFont(font(8.5));
            p.setPen(kMuted);
            p.drawText(QRectF(x, y, w, mm(6)), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       L(m_lang,
                         "Aucune analyse « %1 » dans l'espace de travail : les cartes ne "
                         "montrent que les faits.",
                         "No \"%1\" analysis in the workspace: the maps show the incidents only.")
                           .arg(m_req.analysis));
            y += mm(6);
        }

        // Contents.
        y += mm(6);
        p.setFont(font(11, true));
        p.setPen(kAccent);
        p.drawText(QRectF(x, y, w, mm(7)), Qt::AlignLeft | Qt::AlignVCenter,
                   L(m_lang, "Sommaire", "Contents"));
        y += mm(8);
        p.setFont(font(9));
        p.setPen(kText);
        struct Entry
        {
            QString text;
            int page;
        };
        std::vector<Entry> entries{{L(m_lang, "Vue d'ensemble", "Overview"), 2}};
        for (std::size_t i = 0; i < m_data.areas.size(); ++i)
            entries.push_back({m_data.areas[i].label, 2 + m_overviewPages + int(i)});
        const int maxPerColumn = std::max(1, int((c.bottom() - mm(4) - y) / mm(5)));
        const int columns =
            std::clamp(int((entries.size() + maxPerColumn - 1) / maxPerColumn), 1, 3);
        // Balanced columns: 17 entries in two columns are 9 + 8, not 14 + 3.
        const int perColumn = std::min(maxPerColumn, int((entries.size() + columns - 1) / columns));
        const double colW = w / std::max(1, columns);
        for (int i = 0; i < int(entries.size()) && i < perColumn * 3; ++i) {
            const int col = i / perColumn;
            const QRectF row(x + col * colW, y + (i % perColumn) * mm(5), colW - mm(6), mm(5));
            p.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, entries[std::size_t(i)].text);
            p.drawText(row, Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(entries[std::size_t(i)].page));
        }
    }

    // --- maps ----------------------------------------------------------------------------------

    MapSettings mapSettings(QSizeF deviceSize, const QRectF &extent, bool overview) const
    {
        MapSettings s;
        const double k = kDeviceDpi / mapDpi();
        s.outputSize = QSize(int(deviceSize.width() / k), int(deviceSize.height() / k));
        s.dpi = mapDpi();
        s.extent = extent;
        s.language = m_lang;
        s.background = Qt::white;
        s.baseMap = m_req.baseMap;
        s.timeFrom = m_req.period.fromUtc();
        s.timeTo = m_req.period.toUtcExclusive() - 1;
        s.layers = m_layers;
        for (MapLayer &layer : s.layers)
            if (overview && layer.data != m_areas)
                layer.showLabels = false;
        // At city scale thousands of markers would hide the analysis, which summarises them.
        if (overview && m_data.analysis && !s.layers.empty())
            s.layers.back().visible = false;
        return s;
    }

    static QPainterPath pathOf(const core::Geometry &g)
    {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const core::PolygonRings &polygon : g.polygons)
            for (const core::Path &ring : polygon) {
                if (ring.empty())
                    continue;
                path.moveTo(ring.front());
                for (std::size_t i = 1; i < ring.size(); ++i)
                    path.lineTo(ring[i]);
                path.closeSubpath();
            }
        return path;
    }

    /// Draws a map in `rect` (device pixels) with its scale bar and north arrow; `focus` areas
    /// are outlined, and with `dim` everything outside them is faded. Returns the settings used.
    MapSettings drawMap(const QRectF &rect, const QRectF &extent,
                        const std::vector<const core::Geometry *> &focus, bool dim, bool overview)
    {
        QPainter &p = m_painter;
        MapSettings s = mapSettings(rect.size(), extent, overview);
        const double k = kDeviceDpi / mapDpi();
        p.save();
        p.translate(rect.topLeft());
        p.scale(k, k);
        const QRectF frame(QPointF(0, 0), QSizeF(s.outputSize));
        p.setClipRect(frame);
        const RenderStats stats = MapRenderer::render(s, p, m_feedback);
        // For the GeoPDF viewport: the frame in points (1/72 in) and the extent it shows.
        const double pt = 72.0 / kDeviceDpi;
        m_frames.push_back({m_page - 1,
                            QRectF(rect.left() * pt, rect.top() * pt, s.outputSize.width() * pt,
                                   s.outputSize.height() * pt),
                            s.visibleExtent()});
        if (stats.canceled)
            throw analytics::Canceled{};
        if (!focus.empty()) {
            QPainterPath areas;
            for (const core::Geometry *g : focus)
                if (g)
                    areas.addPath(pathOf(*g));
            const QPainterPath mapped = s.mapToPixel().map(areas);
            if (dim) {
                QPainterPath outside;
                outside.addRect(frame);
                outside = outside.subtracted(mapped);
                p.fillPath(outside, QColor(255, 255, 255, 150));
            }
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(kAccent, mmToPx(0.9), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(mapped);
        }
        p.setClipping(false);
        drawScaleBar(p, s,
                     QRectF(mmToPx(3), s.outputSize.height() - mmToPx(13),
                            std::min(mmToPx(45), s.outputSize.width() / 3.0), mmToPx(10)));
        drawNorthArrow(p,
                       QRectF(s.outputSize.width() - mmToPx(11), mmToPx(3), mmToPx(8), mmToPx(12)));
        p.restore();
        p.setPen(QPen(kRule, mm(0.3)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect);
        return s;
    }

    static double mmToPx(double v) { return v * mapDpi() / 25.4; }

    /// The legend of `s` at `topLeft` (device pixels); returns its height in device pixels.
    double drawMapLegend(const MapSettings &s, QPointF topLeft, bool draw = true)
    {
        QPainter &p = m_painter;
        const double k = kDeviceDpi / mapDpi();
        p.save();
        p.translate(topLeft);
        p.scale(k, k);
        MapSettings legendSettings = s;
        // The area layer is drawn as context: keep the legend to what is read on the map.
        const QRectF r = drawLegend(p, legendSettings, QPointF(0, 0), m_lang, draw);
        p.restore();
        return r.height() * k;
    }

    void drawSourceLine(const QRectF &below)
    {
        QPainter &p = m_painter;
        p.setFont(font(6.5));
        p.setPen(kMuted);
        QString text = m_req.reportTemplate.sources.text(m_lang);
        text += L(m_lang, " · Période : %1 · Lambert-93 (EPSG:2154)",
                  " · Period: %1 · Lambert-93 (EPSG:2154)")
                    .arg(m_req.period.label(m_lang));
        if (!m_analysisTitle.isEmpty())
            text += QStringLiteral(" · ") + m_analysisTitle;
        // The base map's credit only when there is one under the maps.
        if (m_req.baseMap && !m_req.baseMap->attribution.isEmpty())
            text += L(m_lang, " · Fond de plan : %1", " · Base map: %1")
                        .arg(m_req.baseMap->attribution);
        p.drawText(QRectF(below.left(), below.bottom() + mm(0.8), below.width(), mm(6)),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    }

    // --- tables --------------------------------------------------------------------------------

    /// Draws a table at (x, y); the last row is bold when `totalRow`. Returns the bottom y.
    double drawTable(double x, double y, const std::vector<Column> &columns,
                     const std::vector<QStringList> &rows, bool totalRow, double rowH = mm(5.2))
    {
        QPainter &p = m_painter;
        double width = 0;
        for (const Column &c : columns)
            width += mm(c.width);
        const double headerH = mm(9);
        p.fillRect(QRectF(x, y, width, headerH), kHeaderFill);
        p.setFont(font(width < mm(160) ? 6.8 : 7.5, true));
        p.setPen(kText);
        double cx = x;
        for (const Column &c : columns) {
            const QRectF cell(cx + mm(1.2), y, mm(c.width) - mm(2.4), headerH);
            p.drawText(cell,
                       (c.align & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter | Qt::TextWordWrap,
                       c.title);
            cx += mm(c.width);
        }
        y += headerH;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const bool total = totalRow && r + 1 == rows.size();
            if (total) {
                p.setPen(QPen(kText, mm(0.3)));
                p.drawLine(QPointF(x, y), QPointF(x + width, y));
            } else if (r % 2 == 1) {
                p.fillRect(QRectF(x, y, width, rowH), kZebra);
            }
            p.setFont(font(width < mm(160) ? 7.5 : 8, total));
            p.setPen(kText);
            cx = x;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const QRectF cell(cx + mm(1.2), y, mm(columns[c].width) - mm(2.4), rowH);
                const QString text = rows[r].value(int(c));
                const QString shown =
                    QFontMetricsF(p.font()).elidedText(text, Qt::ElideRight, cell.width());
                p.drawText(cell, (columns[c].align & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter,
                           shown);
                cx += mm(columns[c].width);
            }
            y += rowH;
        }
        p.setPen(QPen(kRule, mm(0.25)));
        p.drawLine(QPointF(x, y), QPointF(x + width, y));
        if (width < mm(160)) {
            p.setFont(font(6.5));
            p.setPen(kMuted);
            p.drawText(QRectF(x, y + mm(0.8), width, mm(3.5)), Qt::AlignLeft | Qt::AlignTop,
                       L(m_lang,
                         "Préc. : période précédente ; N-1 : même période un an plus tôt ; "
                         "‰ hab. : faits pour 1 000 habitants",
                         "Prev.: previous period; Y-1: same period a year earlier; "
                         "‰ inh.: incidents per 1,000 inhabitants"));
            y += mm(4);
        }
        return y;
    }

    /// Scales column widths (mm) to fill `total` device pixels.
    static std::vector<Column> fit(std::vector<Column> columns, double total)
    {
        double sum = 0;
        for (const Column &c : columns)
            sum += c.width;
        for (Column &c : columns)
            c.width *= (total / (kDeviceDpi / 25.4)) / sum;
        return columns;
    }

    /// Narrow tables (landscape columns) get short headers.
    bool narrow(double width) const { return width < mm(160); }

    std::vector<Column> areaColumns(double width) const
    {
        if (narrow(width))
            return fit({{L(m_lang, "Zone", "Area"), 48, Qt::AlignLeft},
                        {L(m_lang, "Habitants", "Inhabit."), 18},
                        {L(m_lang, "Faits", "Incid."), 14},
                        {L(m_lang, "Préc.", "Prev."), 14},
                        {L(m_lang, "Évol.", "Chg."), 13},
                        {L(m_lang, "N-1", "Y-1"), 14},
                        {L(m_lang, "Évol.", "Chg."), 13},
                        {L(m_lang, "‰ hab.", "‰ inh."), 13}},
                       width);
        return fit({{L(m_lang, "Zone", "Area"), 46, Qt::AlignLeft},
                    {L(m_lang, "Habitants", "Inhabitants"), 20},
                    {L(m_lang, "Faits (période)", "Incidents (period)"), 19},
                    {L(m_lang, "Période précédente", "Previous period"), 19},
                    {L(m_lang, "Évolution", "Change"), 16},
                    {L(m_lang, "Même période N-1", "Same period last year"), 19},
                    {L(m_lang, "Évolution", "Change"), 16},
                    {L(m_lang, "Pour 1 000 hab.", "Per 1,000 inhab."), 17}},
                   width);
    }

    QStringList areaRow(const AreaFigures &a, const QString &name) const
    {
        return {name,
                a.population >= 0 ? core::formatCount(a.population, 0, m_lang)
                                  : QStringLiteral("—"),
                count(a.current.back()),
                count(a.previous.back()),
                change(a.current.back(), a.previous.back()),
                count(a.lastYear.back()),
                change(a.current.back(), a.lastYear.back()),
                rate(a.current.back(), a.population)};
    }

    // --- overview ------------------------------------------------------------------------------

    void planOverview()
    {
        const bool landscape = m_req.orientation == QLatin1String("landscape");
        const double titleH = mm(13);
        const double rowH = mm(5.2);
        const double headerH = mm(9);
        const double available = m_content.height() - titleH - headerH - mm(4);
        m_overviewMapH = landscape ? 0 : m_content.height() * 0.46;
        const double firstTableH = landscape ? available : available - m_overviewMapH - mm(9);
        m_overviewFirstRows = std::max(1, int(firstTableH / rowH) - 1); // - the total row
        m_overviewNextRows = std::max(1, int(available / rowH) - 1);
        const int n = int(m_data.areas.size());
        m_overviewPages = 1;
        if (n > m_overviewFirstRows)
            m_overviewPages +=
                (n - m_overviewFirstRows + m_overviewNextRows - 1) / m_overviewNextRows;
    }

    void drawOverview(int index)
    {
        const bool landscape = m_req.orientation == QLatin1String("landscape");
        const QRectF c = m_content;
        double y =
            drawPageTitle(index == 0 ? L(m_lang, "Vue d'ensemble", "Overview")
                                     : L(m_lang, "Vue d'ensemble (suite)", "Overview (continued)"),
                          m_req.period.label(m_lang));
        double tableX = c.left();
        double tableW = c.width();
        if (index == 0) {
            std::vector<const core::Geometry *> focus;
            const bool allAreas = m_data.areas.size() == m_areas->size();
            if (!allAreas)
                for (const AreaFigures &a : m_data.areas)
                    focus.push_back(areaGeometry(a.fid));
            QRectF extent = m_areas->extent;
            const double legendW = mm(52);
            QRectF mapRect =
                landscape ? QRectF(c.left(), y, c.width() * 0.5 - mm(2), c.bottom() - y - mm(6))
                          : QRectF(c.left(), y, c.width() - legendW - mm(3), m_overviewMapH);
            const MapSettings s =
                drawMap(mapRect,
                        extent.adjusted(-extent.width() * 0.02, -extent.height() * 0.02,
                                        extent.width() * 0.02, extent.height() * 0.02),
                        focus, false, true);
            drawSourceLine(mapRect);
            if (landscape) {
                drawMapLegend(s, mapRect.topLeft() + QPointF(mm(2), mm(2)));
                tableX = mapRect.right() + mm(5);
                tableW = c.right() - tableX;
            } else {
                drawMapLegend(s, QPointF(mapRect.right() + mm(3), mapRect.top()));
                y = mapRect.bottom() + mm(9);
            }
        }
        const int first = index == 0 ? 0 : m_overviewFirstRows + (index - 1) * m_overviewNextRows;
        const int count = index == 0 ? m_overviewFirstRows : m_overviewNextRows;
        std::vector<QStringList> rows;
        for (int i = first; i < int(m_data.areas.size()) && i < first + count; ++i)
            rows.push_back(
                areaRow(m_data.areas[std::size_t(i)], m_data.areas[std::size_t(i)].label));
        const bool last = index + 1 == m_overviewPages;
        if (last)
            rows.push_back(areaRow(m_data.all, L(m_lang, "Ensemble des zones", "All areas")));
        drawTable(tableX, y, areaColumns(tableW), rows, last);
    }

    // --- area pages ----------------------------------------------------------------------------

    void drawAreaPage(const AreaFigures &a)
    {
        const bool landscape = m_req.orientation == QLatin1String("landscape");
        const QRectF c = m_content;
        QString right = m_req.period.label(m_lang);
        if (a.population >= 0)
            right = L(m_lang, "%1 habitants · %2", "%1 inhabitants · %2")
                        .arg(core::formatCount(a.population, 0, m_lang), right);
        double y = drawPageTitle(a.label, right);

        const core::Geometry *g = areaGeometry(a.fid);
        QRectF extent = g ? g->bounds : m_areas->extent;
        const double pad = std::max(extent.width(), extent.height()) * 0.08 + 150.0;
        extent.adjust(-pad, -pad, pad, pad);

        const double legendW = mm(52);
        QRectF mapRect;
        QRectF figures; // where the table and charts go
        if (landscape) {
            mapRect = QRectF(c.left(), y, c.width() * 0.52, c.bottom() - y - mm(5));
            figures = QRectF(mapRect.right() + mm(5), y, c.right() - mapRect.right() - mm(5),
                             c.bottom() - y);
        } else {
            mapRect = QRectF(c.left(), y, c.width() - legendW - mm(3), c.height() * 0.43);
            figures = QRectF(c.left(), mapRect.bottom() + mm(8.5), c.width(),
                             c.bottom() - mapRect.bottom() - mm(8.5));
        }
        const MapSettings s = drawMap(mapRect, extent, {g}, true, false);
        drawSourceLine(mapRect);
        if (landscape)
            drawMapLegend(s, mapRect.topLeft() + QPointF(mm(2), mm(2)));
        else
            drawMapLegend(s, QPointF(mapRect.right() + mm(3), mapRect.top()));

        // Key figures.
        const core::LayerManifest &pm = m_data.pointManifest;
        std::vector<QStringList> rows;
        for (std::size_t k = 0; k < pm.categories.size(); ++k)
            rows.push_back({pm.categories[k].label.text(m_lang), count(a.current[k]),
                            count(a.previous[k]), change(a.current[k], a.previous[k]),
                            count(a.lastYear[k]), change(a.current[k], a.lastYear[k]),
                            rate(a.current[k], a.population)});
        rows.push_back({L(m_lang, "Total des faits", "All incidents"), count(a.current.back()),
                        count(a.previous.back()), change(a.current.back(), a.previous.back()),
                        count(a.lastYear.back()), change(a.current.back(), a.lastYear.back()),
                        rate(a.current.back(), a.population)});
        m_painter.setFont(font(10, true));
        m_painter.setPen(kAccent);
        m_painter.drawText(QRectF(figures.left(), figures.top(), figures.width(), mm(6)),
                           Qt::AlignLeft | Qt::AlignVCenter,
                           L(m_lang, "Chiffres clés", "Key figures"));
        const std::vector<Column> columns =
            narrow(figures.width())
                ? fit({{L(m_lang, "Catégorie", "Category"), 50, Qt::AlignLeft},
                       {L(m_lang, "Faits", "Incid."), 15},
                       {L(m_lang, "Préc.", "Prev."), 15},
                       {L(m_lang, "Évol.", "Chg."), 13},
                       {L(m_lang, "N-1", "Y-1"), 15},
                       {L(m_lang, "Évol.", "Chg."), 13},
                       {L(m_lang, "‰ hab.", "‰ inh."), 13}},
                      figures.width())
                : fit({{L(m_lang, "Catégorie", "Category"), 52, Qt::AlignLeft},
                       {L(m_lang, "Faits (période)", "Incidents (period)"), 19},
                       {L(m_lang, "Période précédente", "Previous period"), 19},
                       {L(m_lang, "Évolution", "Change"), 15},
                       {L(m_lang, "Même période N-1", "Same period last year"), 19},
                       {L(m_lang, "Évolution", "Change"), 15},
                       {L(m_lang, "Pour 1 000 hab.", "Per 1,000 inhab."), 18}},
                      figures.width());
        double ty = drawTable(figures.left(), figures.top() + mm(7), columns, rows, true);

        // Charts.
        ty += mm(6);
        const double chartsH = figures.bottom() - ty;
        if (landscape) {
            const double h = (chartsH - mm(4)) / 2.0;
            drawWeeklyChart(QRectF(figures.left(), ty, figures.width(), h), a);
            drawHourWeekday(QRectF(figures.left(), ty + h + mm(4), figures.width(), h), a);
        } else {
            const double w = (figures.width() - mm(6)) / 2.0;
            drawWeeklyChart(QRectF(figures.left(), ty, w, chartsH), a);
            drawHourWeekday(QRectF(figures.left() + w + mm(6), ty, w, chartsH), a);
        }
    }

    /// Chart title; returns the y below it.
    double chartTitle(const QRectF &r, const QString &text)
    {
        m_painter.setFont(font(9, true));
        m_painter.setPen(kAccent);
        m_painter.drawText(QRectF(r.left(), r.top(), r.width(), mm(5)),
                           Qt::AlignLeft | Qt::AlignVCenter, text);
        return r.top() + mm(6);
    }

    void drawWeeklyChart(const QRectF &r, const AreaFigures &a)
    {
        QPainter &p = m_painter;
        const double top = chartTitle(r, L(m_lang, "Évolution hebdomadaire (faits par semaine)",
                                           "Weekly trend (incidents per week)"));
        const int n = int(a.weekly.size());
        if (n == 0)
            return;
        std::int64_t maxV = m_req.minCount;
        for (std::int64_t v : a.weekly)
            maxV = std::max(maxV, v);
        const double step = niceStep(double(maxV), 4);
        const double yMax = std::ceil(double(maxV) / step) * step;
        p.setFont(font(6.5));
        const QFontMetricsF fm(p.font());
        const double axisW = fm.horizontalAdvance(QStringLiteral("00000")) + mm(1);
        const QRectF plot(r.left() + axisW, top + mm(2), r.width() - axisW - mm(1),
                          r.bottom() - top - mm(13));
        auto yOf = [&](double v) { return plot.bottom() - v / yMax * plot.height(); };
        // Grid and y ticks (scale values, not data).
        for (double v = 0; v <= yMax + 1e-9; v += step) {
            p.setPen(QPen(v == 0 ? kMuted : kRule, mm(v == 0 ? 0.25 : 0.15)));
            p.drawLine(QPointF(plot.left(), yOf(v)), QPointF(plot.right(), yOf(v)));
            p.setPen(kMuted);
            p.drawText(
                QRectF(r.left(), yOf(v) - mm(2), axisW - mm(1), mm(4)),
                Qt::AlignRight | Qt::AlignVCenter,
                QLocale(m_lang.startsWith(QLatin1String("en")) ? QLocale::English : QLocale::French)
                    .toString(v, 'f', 0));
        }
        const double slot = plot.width() / n;
        const double barW = std::max(mm(0.4), slot * 0.72);
        bool anySuppressed = false, anyPartial = false;
        for (int i = 0; i < n; ++i) {
            const QDate start = m_data.weekStarts[std::size_t(i)];
            const bool partial = start < m_req.period.first || start.addDays(6) > m_req.period.last;
            const std::int64_t v = a.weekly[std::size_t(i)];
            const bool hidden = core::isSuppressed(v, m_req.minCount);
            const double shown = hidden ? m_req.minCount : double(v);
            const QRectF bar(plot.left() + i * slot + (slot - barW) / 2, yOf(shown), barW,
                             plot.bottom() - yOf(shown));
            if (hidden) {
                anySuppressed = true;
                p.fillRect(bar, QColor(0xdd, 0xdd, 0xdd));
                p.fillRect(bar, QBrush(QColor(0x88, 0x88, 0x88), Qt::BDiagPattern));
            } else {
                p.fillRect(bar, partial ? QColor(0x9d, 0xb0, 0xc8) : kAccent);
            }
            anyPartial = anyPartial || partial;
        }
        // x labels: week starts, thinned so they never overlap.
        const double labelW = fm.horizontalAdvance(QStringLiteral("00/00")) + mm(1.5);
        const int every = std::max(1, int(std::ceil(labelW / slot)));
        p.setPen(kMuted);
        for (int i = 0; i < n; i += every) {
            const double cx = plot.left() + (i + 0.5) * slot;
            p.drawText(QRectF(cx - labelW / 2, plot.bottom() + mm(0.8), labelW, mm(3.5)),
                       Qt::AlignCenter,
                       m_data.weekStarts[std::size_t(i)].toString(QStringLiteral("dd/MM")));
        }
        QStringList notes{L(m_lang, "Semaines commençant le lundi indiqué",
                            "Weeks starting on the Monday shown")};
        if (anyPartial)
            notes << L(m_lang, "bleu clair : semaine incomplète", "light blue: partial week");
        if (anySuppressed)
            notes << L(m_lang, "hachuré : < %1", "hatched: < %1").arg(m_req.minCount);
        p.drawText(QRectF(r.left(), plot.bottom() + mm(5), r.width(), mm(6)),
                   Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   notes.join(QStringLiteral(" ; ")));
    }

    void drawHourWeekday(const QRectF &r, const AreaFigures &a)
    {
        QPainter &p = m_painter;
        const double top = chartTitle(r, L(m_lang, "Jour et heure des faits (heure locale)",
                                           "Day and hour of incidents (local time)"));
        const QStringList days =
            m_lang.startsWith(QLatin1String("en"))
                ? QStringList{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
                : QStringList{"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
        p.setFont(font(6.5));
        const QFontMetricsF fm(p.font());
        const double dayW = fm.horizontalAdvance(QStringLiteral("mer.")) + mm(1.5);
        const double totalW = fm.horizontalAdvance(QStringLiteral("00 000")) + mm(2);
        const double legendH = mm(9);
        const QRectF grid(r.left() + dayW, top + mm(4), r.width() - dayW - totalW,
                          std::min(r.bottom() - top - mm(4) - legendH,
                                   (r.width() - dayW - totalW) / 24.0 * 7 * 1.6));
        const double cw = grid.width() / 24.0, ch = grid.height() / 7.0;
        std::int64_t maxV = 0;
        // Aoristic weights are fractions: cells are shown (and suppressed) as rounded counts.
        for (const auto &row : a.hourWeekday)
            for (double w : row)
                if (const std::int64_t v = std::llround(w); !core::isSuppressed(v, m_req.minCount))
                    maxV = std::max(maxV, v);
        auto colour = [&](std::int64_t v) {
            const double t = maxV > 0 ? std::sqrt(double(v) / double(maxV)) : 0.0;
            const QColor lo(0xfb, 0xf3, 0xe9), hi(0xa5, 0x0f, 0x15);
            return QColor::fromRgbF(lo.redF() + (hi.redF() - lo.redF()) * t,
                                    lo.greenF() + (hi.greenF() - lo.greenF()) * t,
                                    lo.blueF() + (hi.blueF() - lo.blueF()) * t);
        };
        bool anySuppressed = false;
        p.setPen(kMuted);
        for (int h = 0; h < 24; h += 3)
            p.drawText(QRectF(grid.left() + h * cw - mm(2), top, mm(6), mm(3.5)),
                       Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1h").arg(h));
        p.drawText(QRectF(grid.right(), top, totalW, mm(3.5)), Qt::AlignRight | Qt::AlignVCenter,
                   L(m_lang, "Total", "Total"));
        for (int d = 0; d < 7; ++d) {
            double dayTotal = 0;
            for (int h = 0; h < 24; ++h) {
                const double w = a.hourWeekday[std::size_t(d)][std::size_t(h)];
                const std::int64_t v = std::llround(w);
                dayTotal += w;
                const QRectF cell(grid.left() + h * cw, grid.top() + d * ch, cw, ch);
                if (core::isSuppressed(v, m_req.minCount)) {
                    anySuppressed = true;
                    p.fillRect(cell, QColor(0xe4, 0xe4, 0xe4));
                    p.fillRect(cell, QBrush(QColor(0x99, 0x99, 0x99), Qt::BDiagPattern));
                } else {
                    p.fillRect(cell, colour(v));
                }
            }
            p.setPen(kText);
            p.drawText(QRectF(r.left(), grid.top() + d * ch, dayW, ch),
                       Qt::AlignLeft | Qt::AlignVCenter, days[d]);
            p.drawText(QRectF(grid.right(), grid.top() + d * ch, totalW, ch),
                       Qt::AlignRight | Qt::AlignVCenter, count(std::llround(dayTotal)));
        }
        p.setPen(QPen(kRule, mm(0.2)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(grid);
        // Colour scale.
        const double ly = grid.bottom() + mm(2);
        const QRectF ramp(grid.left(), ly, mm(25), mm(2.5));
        for (int i = 0; i < 50; ++i)
            p.fillRect(QRectF(ramp.left() + ramp.width() * i / 50.0, ramp.top(),
                              ramp.width() / 50.0 + 0.5, ramp.height()),
                       colour(std::int64_t(std::llround(double(maxV) * (i / 49.0) * (i / 49.0)))));
        p.setPen(kMuted);
        p.drawText(QRectF(ramp.left() - mm(8), ly - mm(0.5), mm(7), mm(3.5)),
                   Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
        QString legend =
            count(maxV) + L(m_lang, " faits par heure (maximum)", " incidents per hour (maximum)");
        if (anySuppressed)
            legend += L(m_lang, " ; hachuré : < %1", "; hatched: < %1").arg(m_req.minCount);
        p.drawText(QRectF(ramp.right() + mm(1.5), ly - mm(0.5), r.right() - ramp.right(), mm(3.5)),
                   Qt::AlignLeft | Qt::AlignVCenter, legend);
    }

    const core::Store &m_store;
    const ReportData &m_data;
    const core::ReportRequest &m_req;
    QString m_lang;
    QPdfWriter &m_writer;
    analytics::Feedback *m_feedback;
    QPainter m_painter;
    core::LayerSnapshotPtr m_areas;
    QHash<std::int64_t, std::size_t> m_areaRow;
    std::vector<MapLayer> m_layers;
    QString m_analysisTitle;

public:
    std::vector<GeoFrame> m_frames; ///< every map drawn, for the GeoPDF metadata

private:
    double m_pageW = 0, m_pageH = 0, m_margin = 0;
    QRectF m_content;
    int m_page = 1;
    int m_pageCount = 0;
    int m_overviewPages = 1;
    int m_overviewFirstRows = 1;
    int m_overviewNextRows = 1;
    double m_overviewMapH = 0;
};

void setUpWriter(QPdfWriter &writer, const core::ReportRequest &request)
{
    writer.setResolution(int(kDeviceDpi));
    writer.setCreator(QStringLiteral("Vigie"));
    writer.setTitle(request.reportTemplate.title.text(request.language) + QStringLiteral(" — ") +
                    request.period.label(request.language));
    const QPageSize size(request.paper == QLatin1String("a3") ? QPageSize::A3 : QPageSize::A4);
    writer.setPageLayout(QPageLayout(size,
                                     request.orientation == QLatin1String("landscape")
                                         ? QPageLayout::Landscape
                                         : QPageLayout::Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
}

} // namespace

core::Result<ReportOutcome> renderReportPdf(const core::Store &store, const core::ReportData &data,
                                            QIODevice *device, analytics::Feedback *feedback)
{
    QElapsedTimer timer;
    timer.start();
    try {
        // Written to memory first, then made geospatial (an incremental update of the file).
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        ReportOutcome outcome;
        std::vector<GeoFrame> frames;
        {
            QPdfWriter writer(&buffer);
            setUpWriter(writer, data.request);
            ReportWriter report(store, data, writer, feedback);
            outcome.pages = report.run();
            frames = report.m_frames;
        }
        buffer.close();
        bytes = addGeospatialMetadata(bytes, frames);
        if (device->write(bytes) != bytes.size())
            throw core::Exception(core::ErrorCode::Io, device->errorString());
        outcome.notes = data.notes;
        outcome.milliseconds = double(timer.nsecsElapsed()) / 1e6;
        if (feedback)
            feedback->setProgress(100.0, {});
        return outcome;
    } catch (const core::Exception &e) {
        return e.error();
    } catch (const analytics::Canceled &) {
        return core::Error{core::ErrorCode::Canceled,
                           core::ReportMessages::tr("the report was canceled")};
    }
}

core::Result<ReportOutcome> exportReport(const core::Store &store,
                                         const core::ReportRequest &request, QIODevice *device,
                                         analytics::Feedback *feedback)
{
    QElapsedTimer timer;
    timer.start();
    auto data = core::computeReportData(store, request, feedback);
    if (!data)
        return data.error();
    auto outcome = renderReportPdf(store, *data, device, feedback);
    if (outcome)
        outcome->milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return outcome;
}

core::Result<ReportOutcome> exportReport(const core::Store &store,
                                         const core::ReportRequest &request, const QString &path,
                                         analytics::Feedback *feedback)
{
    QElapsedTimer timer;
    timer.start();
    // Figures (and every check) first: a bad request never creates a file.
    auto data = core::computeReportData(store, request, feedback);
    if (!data)
        return data.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{
            core::ErrorCode::Io,
            core::ReportMessages::tr("cannot write %1: %2").arg(path, file.errorString())};
    auto outcome = renderReportPdf(store, *data, &file, feedback);
    if (!outcome) {
        file.cancelWriting();
        return outcome.error();
    }
    if (!file.commit())
        return core::Error{
            core::ErrorCode::Io,
            core::ReportMessages::tr("cannot write %1: %2").arg(path, file.errorString())};
    outcome->path = path;
    outcome->milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return outcome;
}

} // namespace vigie::render
