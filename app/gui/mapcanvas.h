// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/basemap/basemap.h"
#include "core/geometry.h"
#include "render/mapsettings.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QTimer>
#include <QWidget>

#include <cstdint>

class QPainter;

namespace vigie::gui {
class BaseMapLayer;
}
#include <memory>
#include <optional>
#include <vector>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::gui {

/// What a background render produced.
struct CanvasRenderResult
{
    QImage image;
    QRectF extent;      ///< map extent covered by the image
    quint64 serial = 0; ///< view state the image was rendered for
    bool canceled = false;
    bool failed = false;
    int layersDrawn = 0;
    std::size_t featuresDrawn = 0;
    std::size_t pointsAggregated = 0;
    double milliseconds = 0.0;
    int layersWithData = 0; ///< layers of the settings that had a snapshot
};

/**
 * The map view: a thin widget over render::MapRenderer. Renders off the GUI thread and, while a
 * render is in flight, shows the previous image transformed to the current view, so pan and
 * zoom stay smooth. Draws the scale bar and north arrow on top. Coordinates are Lambert-93.
 */
class MapCanvas : public QWidget
{
    Q_OBJECT

public:
    enum class Tool { Pan, ZoomBox, Identify };

    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// Layers in drawing order (first at the bottom).
    void setLayers(std::vector<render::MapLayer> layers);
    void setTimeRange(std::int64_t from, std::int64_t to);
    void setLanguage(const QString &language);
    /// Outlines a feature (the identified one) above the map; clearHighlight() removes it.
    void setHighlight(const core::Geometry &geometry);
    void setHighlight(const QPointF &point);
    void clearHighlight();
    /// Features selected (in the attribute table): rings on points, outlines of areas, in map
    /// units; empty clears.
    void setSelection(std::vector<QPointF> points, const QPainterPath &areas);
    std::size_t selectionSize() const
    {
        return m_selectionPoints.size() + (m_selectionAreas.isEmpty() ? 0 : 1);
    }
    bool hasHighlight() const { return m_hasHighlight; }
    /// Text shown on an empty map (no layer loaded).
    void setPlaceholderText(const QString &text);
    /// The base map under the layers (tiles fetched apart from the data); none: the plain
    /// background.
    void setBaseMap(std::optional<core::BaseMapSource> source);
    BaseMapLayer *baseMapLayer() const { return m_baseMap; }
    /// A caption written at the top of the map (the window while the period plays); empty: none.
    void setCaption(const QString &text);
    QString caption() const { return m_caption; }

    void setTool(Tool tool);
    Tool tool() const { return m_tool; }

    /// Pick mode (a scenario picking a place): while on, a left click that does not drag emits
    /// pointPicked() instead of the current tool's action (dragging still pans); the cursor is
    /// a cross. The mode stays on until setPickMode(false).
    void setPickMode(bool on);
    bool isPickMode() const { return m_pickMode; }

    /// View: centre (map units) and resolution (map units per pixel).
    void setView(const QPointF &center, double mapUnitsPerPixel);
    void zoomToRect(const QRectF &mapRect);
    /// Shows an extent that was visible before, without zoomToRect's margin: the same view
    /// again on a canvas of the same size, at least that extent on another.
    void showExtent(const QRectF &extent);
    /// factor < 1 zooms in; the map point under `pixel` stays in place.
    void zoomBy(double factor, const QPointF &pixel);
    void zoomBy(double factor);

    QPointF center() const { return m_center; }
    double mapUnitsPerPixel() const { return m_mupp; }
    QRectF visibleExtent() const;
    double scaleDenominator() const;
    QPointF toMap(const QPointF &pixel) const;
    QPointF toPixel(const QPointF &mapPoint) const;
    /// The settings of the next render (current view, layers and time range).
    render::MapSettings settings() const;

    /// Completed (not canceled) renders since construction.
    int renderCount() const { return m_renderCount; }
    const CanvasRenderResult &lastRender() const { return m_last; }
    bool isRendering() const;
    /// Renders now (skipping the debounce); used by tests and the screenshot mode.
    void refresh();

signals:
    void renderFinished();
    /// Emitted from paintEvent after a rendered map image was painted for the first time.
    void mapPainted();
    /// A quiet message about the base map (offline, unreadable); empty when all is well.
    void baseMapNotice(const QString &text);
    void scaleChanged(double denominator);
    /// The view moved or zoomed (or the canvas was resized).
    void extentChanged();
    void cursorMoved(const QPointF &mapPoint);
    void identifyRequested(const QPointF &mapPoint, double toleranceMapUnits);
    /// A click in pick mode: the point in Lambert-93 metres and a click tolerance (6 pixels in
    /// map units).
    void pointPicked(const QPointF &mapPoint, double toleranceMapUnits);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void scheduleRender(int delayMs);
    void startRender();
    void renderDone();
    void viewChanged();
    void updateCursor();
    void drawCaption(QPainter &p) const;
    void drawSelection(QPainter &p) const;

    render::MapSettings m_base; ///< layers, time, language, background
    QString m_placeholder;
    QString m_caption;
    std::vector<QPointF> m_selectionPoints;
    QPainterPath m_selectionAreas;
    BaseMapLayer *m_baseMap = nullptr;
    QPainterPath m_highlightPath; ///< map units
    std::optional<QPointF> m_highlightPoint;
    bool m_hasHighlight = false;
    QPointF m_center{893000.0, 6250000.0};
    double m_mupp = 20.0;
    Tool m_tool = Tool::Pan;
    bool m_pickMode = false;

    QTimer m_debounce;
    QFutureWatcher<CanvasRenderResult> m_watcher;
    std::shared_ptr<analytics::Feedback> m_feedback;
    quint64 m_changeSerial = 0;
    bool m_restartAfterCancel = false;

    QImage m_image;
    QRectF m_imageExtent;
    CanvasRenderResult m_last;
    int m_renderCount = 0;
    int m_paintedCount = 0;

    // interaction
    bool m_panning = false;
    bool m_rubber = false;
    bool m_moved = false;
    QPointF m_pressPos;
    QPointF m_lastPos;
    QPointF m_rubberEnd;
    double m_lastScale = 0.0;
};

} // namespace vigie::gui
