// SPDX-License-Identifier: GPL-3.0-or-later
#include "basemaplayer.h"

#include "core/analytics/feedback.h"
#include "render/basemapdraw.h"

#include <QtConcurrent/QtConcurrentRun>

namespace vigie::gui {

BaseMapLayer::BaseMapLayer(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<BaseMapFrame>::finished, this, &BaseMapLayer::done);
}

BaseMapLayer::~BaseMapLayer()
{
    if (m_feedback)
        m_feedback->cancel();
    m_watcher.waitForFinished();
}

void BaseMapLayer::setSource(std::optional<core::BaseMapSource> source)
{
    m_source = std::move(source);
    m_frame = BaseMapFrame();
    ++m_serial;
    if (!m_source && !m_lastNotice.isEmpty()) {
        m_lastNotice.clear();
        emit notice(QString());
    }
    if (m_watcher.isRunning() && m_feedback)
        m_feedback->cancel();
    if (m_source && m_wantedSize.isValid())
        request(m_wantedExtent, m_wantedSize);
    emit frameReady();
}

void BaseMapLayer::request(const QRectF &extent, const QSize &size)
{
    m_wantedExtent = extent;
    m_wantedSize = size;
    if (!m_source)
        return;
    if (m_frame.serial == m_serial && m_frame.extent == extent && m_frame.size == size &&
        !m_frame.image.isNull())
        return;
    if (m_watcher.isRunning()) {
        if (m_feedback)
            m_feedback->cancel();
        m_pending = true;
        return;
    }
    start();
}

void BaseMapLayer::start()
{
    m_pending = false;
    if (!m_source || !m_wantedSize.isValid() || !m_wantedExtent.isValid())
        return;
    auto feedback = std::make_shared<analytics::Feedback>();
    m_feedback = feedback;
    const core::BaseMapSource source = *m_source;
    const QRectF extent = m_wantedExtent;
    const QSize size = m_wantedSize;
    const quint64 serial = m_serial;
    m_watcher.setFuture(QtConcurrent::run([source, extent, size, feedback, serial] {
        BaseMapFrame frame;
        frame.extent = extent;
        frame.size = size;
        frame.serial = serial;
        const auto image = core::renderBaseMap(source, extent, size, feedback.get());
        if (!image) {
            frame.failed = image.error().code != core::ErrorCode::Canceled;
            frame.problem = image.error().message;
            return frame;
        }
        frame.image = render::baseMapToImage(*image);
        frame.offline = image->offline;
        frame.problem = image->problem;
        return frame;
    }));
}

void BaseMapLayer::done()
{
    BaseMapFrame frame = m_watcher.result();
    const bool current = frame.serial == m_serial;
    const bool sameView = current && frame.extent == m_wantedExtent && frame.size == m_wantedSize;
    if (current) {
        QString text;
        if (frame.failed)
            text = tr("Base map not shown: %1").arg(frame.problem);
        else if (frame.offline)
            text =
                tr("Base map offline: the tiles already seen are shown (%1).").arg(frame.problem);
        if (text != m_lastNotice && (frame.failed || !frame.image.isNull())) {
            m_lastNotice = text;
            emit notice(text);
        }
    }
    if (current && !frame.image.isNull()) {
        m_frame = std::move(frame);
        ++m_frames;
        emit frameReady();
    }
    // A failed view is not asked again (it would fail again); a newer one is.
    if (m_pending || (!sameView && m_source))
        start();
}

} // namespace vigie::gui
