// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubclient.h"

#include "../printable.h"
#include "../result.h"
#include "analytics/feedback.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>

namespace vigie::core::sync {

namespace {
bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/// One request/answer exchange, no redirect followed.
struct Exchange
{
    int status = 0;
    QByteArray body;
    QByteArray contentCrs;
    QByteArray location;
    QString reason;
    QString networkError; ///< empty when the transfer itself succeeded
    enum class Stop { None, Canceled, Stalled, Deadline, TooLarge } stop = Stop::None;
};
} // namespace

struct HubClient::Private
{
    HubCredentials credentials;
    HubLimits limits;
    std::unique_ptr<QNetworkAccessManager> manager; ///< created in the thread that uses it

    QByteArray authorization() const
    {
        if (!credentials.bearerToken.isEmpty())
            return "Bearer " + credentials.bearerToken.toUtf8();
        if (!credentials.user.isEmpty())
            return "Basic " +
                   (credentials.user + QLatin1Char(':') + credentials.password).toUtf8().toBase64();
        return {};
    }

    Exchange exchange(const QUrl &url, bool withCredentials, const QByteArray &accept,
                      analytics::Feedback *feedback, int remainingMs);
};

Exchange HubClient::Private::exchange(const QUrl &url, bool withCredentials,
                                      const QByteArray &accept, analytics::Feedback *feedback,
                                      int remainingMs)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    // Redirects are HubClient's business: Qt would carry the Authorization header along.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (withCredentials && !credentials.isEmpty())
        request.setRawHeader("Authorization", authorization());

    Exchange out;
    QNetworkReply *reply = manager->get(request);
    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> guard(
        reply, [](QNetworkReply *r) { r->deleteLater(); });
    QEventLoop loop;
    QTimer stall, deadline, poll;
    stall.setSingleShot(true);
    stall.setInterval(limits.stallTimeoutMs);
    deadline.setSingleShot(true);
    deadline.setInterval(std::max(1, remainingMs));
    poll.setInterval(100);
    auto stop = [&](Exchange::Stop why) {
        if (out.stop == Exchange::Stop::None)
            out.stop = why;
        reply->abort();
    };
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &loop, [&] {
        bool known = false;
        const qint64 length =
            reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && length > limits.maxBodyBytes)
            stop(Exchange::Stop::TooLarge);
    });
    // The body is taken as it comes, so the limit bounds memory, not only the final size.
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&] {
        stall.start();
        out.body += reply->read(limits.maxBodyBytes + 1 - out.body.size());
        if (out.body.size() > limits.maxBodyBytes)
            stop(Exchange::Stop::TooLarge);
    });
    QObject::connect(&stall, &QTimer::timeout, &loop, [&] { stop(Exchange::Stop::Stalled); });
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] { stop(Exchange::Stop::Deadline); });
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (feedback && feedback->isCanceled())
            stop(Exchange::Stop::Canceled);
    });
    stall.start();
    deadline.start();
    poll.start();
    if (!reply->isFinished())
        loop.exec();
    if (out.stop == Exchange::Stop::None && out.body.size() <= limits.maxBodyBytes) {
        out.body += reply->read(limits.maxBodyBytes + 1 - out.body.size());
        if (out.body.size() > limits.maxBodyBytes)
            out.stop = Exchange::Stop::TooLarge;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    out.contentCrs = reply->rawHeader("Content-Crs");
    out.location = reply->rawHeader("Location");
    if (reply->error() != QNetworkReply::NoError)
        out.networkError = reply->errorString();
    return out;
}

HubClient::HubClient(const QUrl &root, HubCredentials credentials, HubLimits limits)
    : d(std::make_unique<Private>()), m_root(root)
{
    if (!root.userInfo().isEmpty())
        throw Exception(ErrorCode::InvalidInput,
                        tr("The hub URL must not contain a user name or password; give the "
                           "credentials separately."));
    if (!root.isValid() || root.host().isEmpty() ||
        (root.scheme() != QLatin1String("http") && root.scheme() != QLatin1String("https")))
        throw Exception(
            ErrorCode::InvalidInput,
            tr("\"%1\" is not an http(s) URL of a hub.").arg(printableText(root.toString(), 200)));
    if (!credentials.isEmpty() && root.scheme() == QLatin1String("http") && !isLoopback(root) &&
        !limits.allowPlainHttpCredentials)
        throw Exception(ErrorCode::InvalidInput,
                        tr("The credentials would travel unencrypted to %1 (plain http): use the "
                           "hub's https:// address. On a closed network, allow plain http "
                           "explicitly (vigie-cli sync --allow-plain-http).")
                            .arg(displayUrl(root)));
    d->credentials = std::move(credentials);
    d->limits = limits;
    d->limits.stallTimeoutMs = std::max(1, d->limits.stallTimeoutMs);
    d->limits.requestTimeoutMs = std::max(1, d->limits.requestTimeoutMs);
    d->limits.maxBodyBytes = std::max<qint64>(1, d->limits.maxBodyBytes);
}

HubClient::~HubClient() = default;

QString HubClient::displayUrl(const QUrl &root)
{
    QUrl u = root;
    u.setUserInfo(QString());
    u.setQuery(QString());
    u.setFragment(QString());
    QString s = printableText(u.toString());
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

bool HubClient::sameOrigin(const QUrl &url, const QUrl &origin)
{
    auto defaultPort = [](const QUrl &u) {
        return u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80;
    };
    return url.isValid() && url.scheme().compare(origin.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(origin.host(), Qt::CaseInsensitive) == 0 &&
           url.port(defaultPort(url)) == origin.port(defaultPort(origin));
}

bool HubClient::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString HubClient::sanitized(const QString &message) const
{
    const HubCredentials &c = d->credentials;
    QStringList secrets{c.bearerToken, c.password};
    if (!c.user.isEmpty())
        secrets << c.user + QLatin1Char(':') + c.password;
    return redactSecrets(printableText(message), secrets);
}

HubResponse HubClient::get(const QString &path, const QUrlQuery &query,
                           analytics::Feedback *feedback, const QByteArray &accept)
{
    if (!d->manager)
        d->manager = std::make_unique<QNetworkAccessManager>();
    QUrl url(displayUrl(m_root) + path);
    url.setQuery(query);
    HubResponse response;
    QElapsedTimer clock;
    clock.start();
    const HubLimits &limits = d->limits;

    for (int hop = 0;; ++hop) {
        response.url = printableText(url.toString());
        const int remaining = limits.requestTimeoutMs - int(clock.elapsed());
        Exchange x = remaining > 0
                         ? d->exchange(url, sameOrigin(url, m_root), accept, feedback, remaining)
                         : Exchange{};
        if (remaining <= 0)
            x.stop = Exchange::Stop::Deadline;
        switch (x.stop) {
        case Exchange::Stop::None:
            break;
        case Exchange::Stop::Canceled:
            throw Exception(ErrorCode::Canceled, tr("Synchronisation canceled."));
        case Exchange::Stop::Stalled:
            throw Exception(ErrorCode::Io, tr("The hub stopped answering: nothing received for "
                                              "%1 s from %2.")
                                               .arg(QString::number(limits.stallTimeoutMs / 1000.0),
                                                    response.url));
        case Exchange::Stop::Deadline:
            throw Exception(
                ErrorCode::Io,
                tr("The hub took longer than %1 s to answer %2 (the "
                   "limit of one request); it is overloaded or the "
                   "connection is too slow.")
                    .arg(QString::number(limits.requestTimeoutMs / 1000.0), response.url));
        case Exchange::Stop::TooLarge:
            throw Exception(
                ErrorCode::Io,
                tr("The hub's answer to %1 is larger than %2 MiB, the limit of one "
                   "page: refused. Sync with a smaller page size.")
                    .arg(response.url,
                         QString::number(double(limits.maxBodyBytes) / (1 << 20), 'f', 1)));
        }
        response.status = x.status;
        response.contentCrs = x.contentCrs;
        if (isRedirect(x.status)) {
            const QUrl next = url.resolved(QUrl::fromEncoded(x.location, QUrl::StrictMode));
            if (x.location.isEmpty() || !next.isValid())
                throw Exception(ErrorCode::Io,
                                tr("The hub answered HTTP %1 for %2 without a valid address to go "
                                   "to.")
                                    .arg(QString::number(x.status), response.url));
            if (!sameOrigin(next, m_root))
                throw Exception(ErrorCode::Io,
                                tr("The hub %1 redirected %2 to another server (%3): refused. "
                                   "Vigie talks only to the configured hub and sends it alone the "
                                   "credentials; if the hub has moved, sync with its new address.")
                                    .arg(displayUrl(m_root), response.url,
                                         sanitized(next.toDisplayString(QUrl::RemoveUserInfo))));
            if (hop >= limits.maxRedirects)
                throw Exception(ErrorCode::Io,
                                tr("The hub redirected %1 more than %2 times.")
                                    .arg(response.url, QString::number(limits.maxRedirects)));
            url = next;
            continue;
        }
        response.body = std::move(x.body);
        if (response.status >= 400) {
            const QString detail =
                sanitized(QString::fromUtf8(response.body.left(600))).simplified().left(300);
            if (response.status == 401 || response.status == 403)
                throw Exception(ErrorCode::Io,
                                tr("The hub refused access (HTTP %1) to %2: check the credentials.")
                                    .arg(QString::number(response.status), response.url));
            throw Exception(ErrorCode::Io,
                            tr("The hub answered HTTP %1 %2 for %3%4")
                                .arg(QString::number(response.status), sanitized(x.reason).left(80),
                                     response.url,
                                     detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
        }
        if (!x.networkError.isEmpty())
            throw Exception(
                ErrorCode::Io,
                tr("Cannot read %1 from the hub: %2").arg(response.url, sanitized(x.networkError)));
        if (response.status == 0)
            throw Exception(ErrorCode::Io,
                            tr("The hub gave no HTTP answer for %1.").arg(response.url));
        return response;
    }
}

} // namespace vigie::core::sync
