// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace vigie::analytics {
class Feedback;
}

namespace vigie::core::sync {

/// Credentials for a hub. Held in memory only: never written to the store, the sync log,
/// messages or any output. Either user+password (HTTP basic) or a bearer token, or none.
struct HubCredentials
{
    QString user;
    QString password;
    QString bearerToken;
    bool isEmpty() const { return user.isEmpty() && bearerToken.isEmpty(); }
};

/// One HTTP answer from the hub.
struct HubResponse
{
    int status = 0;         ///< HTTP status code
    QByteArray body;
    QByteArray contentCrs;  ///< the Content-Crs header (OGC API Part 2), empty when absent
    QString url;            ///< the URL asked (never holds credentials)
};

/**
 * A small blocking HTTP client for the hub (Qt Network), usable from any thread: each get()
 * runs its own event loop. It sends credentials as a preemptive Authorization header.
 * Errors throw core::Exception with a translated message naming the URL: connection refused or
 * reset, no byte received for stallTimeoutMs, HTTP >= 400, cancellation (ErrorCode::Canceled).
 */
class HubClient
{
public:
    /// root: the API root, e.g. http://127.0.0.1:8090/wfs3 (user info in it is refused).
    HubClient(const QUrl &root, HubCredentials credentials, int stallTimeoutMs);
    ~HubClient();
    HubClient(const HubClient &) = delete;
    HubClient &operator=(const HubClient &) = delete;

    /// GET root + path with query; throws Exception on any failure (status >= 400 included).
    /// accept: the Accept header (GeoJSON for items, JSON for metadata).
    HubResponse get(const QString &path, const QUrlQuery &query,
                    analytics::Feedback *feedback = nullptr,
                    const QByteArray &accept = QByteArrayLiteral("application/geo+json"));

    QUrl root() const { return m_root; }
    /// The root as text for logs and the sync state: no user info, no query, no trailing '/'.
    static QString displayUrl(const QUrl &root);

private:
    struct Private;
    std::unique_ptr<Private> d;
    QUrl m_root;
};

} // namespace vigie::core::sync
