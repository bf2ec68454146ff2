// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/basemap/basemap.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QRectF>
#include <QSize>

#include <memory>
#include <optional>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::gui {

/// One base map image for the canvas, drawn in the background.
struct BaseMapFrame
{
    QImage image;
    QRectF extent;
    QSize size; ///< as requested
    bool offline = false;
    QString problem; ///< why it is offline or missing; empty when all went well
    bool failed = false;
    quint64 serial = 0;
};

/**
 * The canvas's base map: fetches and reprojects tiles on a worker thread (tiles can take
 * seconds on a slow network; the data are drawn meanwhile), one request at a time, the latest
 * view winning. Never shows a dialog: a server that does not answer is reported by notice().
 */
class BaseMapLayer : public QObject
{
    Q_OBJECT

public:
    explicit BaseMapLayer(QObject *parent = nullptr);
    ~BaseMapLayer() override;

    void setSource(std::optional<core::BaseMapSource> source);
    const std::optional<core::BaseMapSource> &source() const { return m_source; }
    /// Asks for the view; the current request, if any, is canceled and this one follows it.
    void request(const QRectF &extent, const QSize &size);
    bool isBusy() const { return m_watcher.isRunning(); }
    /// The last image drawn (for the current source), null when none yet.
    const BaseMapFrame &frame() const { return m_frame; }
    /// Completed images since construction.
    int frameCount() const { return m_frames; }

signals:
    void frameReady();
    /// A quiet message for the status bar (offline, cache only, unreadable file); empty: all is
    /// well again.
    void notice(const QString &text);

private:
    void start();
    void done();

    std::optional<core::BaseMapSource> m_source;
    QFutureWatcher<BaseMapFrame> m_watcher;
    std::shared_ptr<analytics::Feedback> m_feedback;
    QRectF m_wantedExtent;
    QSize m_wantedSize;
    quint64 m_serial = 0;
    bool m_pending = false;
    BaseMapFrame m_frame;
    int m_frames = 0;
    QString m_lastNotice;
};

} // namespace vigie::gui
