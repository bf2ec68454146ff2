// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <QtGlobal>

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

/// What one request may cost, and what the client refuses (see HubClient).
struct HubLimits
{
    int stallTimeoutMs = 30000;              ///< a request fails when nothing arrives for this long
    int requestTimeoutMs = 120000;           ///< and when it takes longer than this in all
    qint64 maxBodyBytes = qint64(256) << 20; ///< an answer larger than this is refused
    int maxRedirects = 5;                    ///< redirects within the hub's own origin
    /// Credentials over plain http are refused except to the loopback interface; this allows
    /// them (a test hub on another machine of a closed network, at the user's explicit request).
    bool allowPlainHttpCredentials = false;
};

/// One HTTP answer from the hub.
struct HubResponse
{
    int status = 0; ///< HTTP status code
    QByteArray body;
    QByteArray contentCrs; ///< the Content-Crs header (OGC API Part 2), empty when absent
    QString url;           ///< the URL asked (never holds credentials)
};

/**
 * A small blocking HTTP client for the hub (Qt Network), usable from any thread: each get()
 * runs its own event loop.
 *
 * Credentials go only to the hub's own origin (scheme, host and port of the root): they are
 * attached per request after checking its URL, redirects are followed by this class (never by
 * Qt) and only within that origin; a redirect elsewhere is refused. Credentials over plain http
 * are refused unless the hub is on the loopback interface (or HubLimits allows it). Every
 * request has a size limit and an overall deadline besides the stall timeout.
 *
 * Errors throw core::Exception with a translated message naming the URL: connection refused or
 * reset, stall, deadline, size, HTTP >= 400, refused redirect, cancellation
 * (ErrorCode::Canceled). Anything the hub sent that reaches a message is made printable and
 * has the credentials masked.
 */
class HubClient
{
    Q_DECLARE_TR_FUNCTIONS(vigie::core::sync::HubClient)

public:
    /// root: the API root, e.g. http://127.0.0.1:8090/wfs3 (user info in it is refused).
    HubClient(const QUrl &root, HubCredentials credentials, HubLimits limits = {});
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
    /// True when url has the scheme, host and port of origin (the default port made explicit).
    static bool sameOrigin(const QUrl &url, const QUrl &origin);
    /// True when url's host is the loopback interface (localhost, 127.0.0.0/8, ::1).
    static bool isLoopback(const QUrl &url);
    /// message made printable with this client's credentials masked: for anything that holds
    /// text from the hub before it is printed or stored.
    QString sanitized(const QString &message) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QUrl m_root;
};

} // namespace vigie::core::sync
