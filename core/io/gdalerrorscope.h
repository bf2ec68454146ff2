// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <cpl_error.h>

namespace vigie::core::detail {

/**
 * Captures the GDAL/OGR errors raised on this thread while it lives (CPLPushErrorHandlerEx),
 * so that each call's errors are read here and never from GDAL's global "last error".
 */
class GdalErrorScope
{
public:
    GdalErrorScope() { CPLPushErrorHandlerEx(&GdalErrorScope::handler, this); }
    ~GdalErrorScope() { CPLPopErrorHandler(); }
    GdalErrorScope(const GdalErrorScope &) = delete;
    GdalErrorScope &operator=(const GdalErrorScope &) = delete;

    int failureCount() const { return m_failures; }
    /// Failure messages (CE_Failure, CE_Fatal), oldest first.
    const QStringList &errors() const { return m_errors; }
    const QStringList &warnings() const { return m_warnings; }
    QString lastError() const { return m_errors.isEmpty() ? QString() : m_errors.last(); }
    /// The first failures, in order and without repeats (GDAL's first error says what is wrong,
    /// the later ones where it noticed): what a message shows.
    QString summary(int count = 3) const
    {
        QStringList shown;
        for (const QString &e : m_errors)
            if (!shown.contains(e) && shown.size() < count)
                shown << e;
        return shown.join(QStringLiteral("; "));
    }
    void clear()
    {
        m_errors.clear();
        m_warnings.clear();
        m_failures = 0;
    }

private:
    static void CPL_STDCALL handler(CPLErr level, CPLErrorNum, const char *message)
    {
        auto *self = static_cast<GdalErrorScope *>(CPLGetErrorHandlerUserData());
        if (!self)
            return;
        const QString text = QString::fromUtf8(message ? message : "");
        if (level == CE_Failure || level == CE_Fatal) {
            ++self->m_failures;
            if (self->m_errors.size() < 50)
                self->m_errors << text;
        } else if (level == CE_Warning && self->m_warnings.size() < 50) {
            self->m_warnings << text;
        }
    }

    QStringList m_errors;
    QStringList m_warnings;
    int m_failures = 0;
};

} // namespace vigie::core::detail
