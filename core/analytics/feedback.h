// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace vigie::analytics {

/**
 * Progress and cancellation for long work, shared by every layer of Vigie (sync, analyses,
 * reports). The worker calls setProgress() and polls isCanceled(); the owner (GUI thread, CLI)
 * calls cancel() from any thread. No Qt here so that batch jobs and plugins can use it.
 */
class Feedback
{
public:
    using ProgressCallback = std::function<void(double percent, const std::string &step)>;

    Feedback() = default;
    explicit Feedback(ProgressCallback cb) : m_callback(std::move(cb)) {}
    Feedback(const Feedback &) = delete;
    Feedback &operator=(const Feedback &) = delete;

    void cancel() { m_canceled.store(true, std::memory_order_relaxed); }
    bool isCanceled() const { return m_canceled.load(std::memory_order_relaxed); }

    /// percent in [0, 100]; step is a short, already translated description (may be empty).
    void setProgress(double percent, const std::string &step = {})
    {
        m_progress.store(percent, std::memory_order_relaxed);
        if (m_callback)
            m_callback(percent, step);
    }
    double progress() const { return m_progress.load(std::memory_order_relaxed); }

private:
    ProgressCallback m_callback;
    std::atomic<bool> m_canceled{false};
    std::atomic<double> m_progress{0.0};
};

/// Thrown by long work when it notices cancellation; caught at the public boundary.
struct Canceled
{
};

/// Convenience: throws Canceled when the (optional) feedback asks to stop.
inline void throwIfCanceled(const Feedback *feedback)
{
    if (feedback && feedback->isCanceled())
        throw Canceled{};
}

} // namespace vigie::analytics
