// SPDX-License-Identifier: GPL-3.0-or-later
#include "hubclient.h"

#include "../result.h"
#include "analytics/feedback.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace vigie::core::sync {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::sync", text);
}
} // namespace

struct HubClient::Private
{
    HubCredentials credentials;
    int stallTimeoutMs = 30000;
    std::unique_ptr<QNetworkAccessManager> manager; ///< created in the thread that uses it
};

HubClient::HubClient(const QUrl &root, HubCredentials credentials, int stallTimeoutMs)
    : d(std::make_unique<Private>()), m_root(root)
{
    if (!root.userInfo().isEmpty())
        throw Exception(ErrorCode::InvalidInput,
                        tr("The hub URL must not contain a user name or password; give the "
                           "credentials separately."));
    if (!root.isValid() || (root.scheme() != QLatin1String("http") &&
                            root.scheme() != QLatin1String("https")))
        throw Exception(ErrorCode::InvalidInput,
                        tr("\"%1\" is not an http(s) URL of a hub.").arg(root.toString()));
    d->credentials = std::move(credentials);
    d->stallTimeoutMs = stallTimeoutMs;
}

HubClient::~HubClient() = default;

QString HubClient::displayUrl(const QUrl &root)
{
    QUrl u = root;
    u.setUserInfo(QString());
    u.setQuery(QString());
    u.setFragment(QString());
    QString s = u.toString();
    while (s.endsWith(QLatin1Char('/')))
        s.chop(1);
    return s;
}

HubResponse HubClient::get(const QString &path, const QUrlQuery &query,
                           analytics::Feedback *feedback, const QByteArray &accept)
{
    if (!d->manager)
        d->manager = std::make_unique<QNetworkAccessManager>();
    QUrl url(displayUrl(m_root) + path);
    url.setQuery(query);
    HubResponse response;
    response.url = url.toString();

    QNetworkRequest request(url);
    request.setRawHeader("Accept", accept);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!d->credentials.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + d->credentials.bearerToken.toUtf8());
    else if (!d->credentials.user.isEmpty())
        request.setRawHeader("Authorization",
                             "Basic " + (d->credentials.user + QLatin1Char(':') +
                                         d->credentials.password)
                                            .toUtf8()
                                            .toBase64());

    QNetworkReply *reply = d->manager->get(request);
    QEventLoop loop;
    QTimer stall;
    stall.setSingleShot(true);
    stall.setInterval(d->stallTimeoutMs);
    QTimer poll;
    poll.setInterval(100);
    bool stalled = false;
    bool canceled = false;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &stall,
                     [&stall](qint64, qint64) { stall.start(); });
    QObject::connect(&stall, &QTimer::timeout, reply, [&] {
        stalled = true;
        reply->abort();
    });
    QObject::connect(&poll, &QTimer::timeout, reply, [&] {
        if (feedback && feedback->isCanceled()) {
            canceled = true;
            reply->abort();
        }
    });
    stall.start();
    poll.start();
    if (!reply->isFinished())
        loop.exec();
    stall.stop();
    poll.stop();

    std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> guard(
        reply, [](QNetworkReply *r) { r->deleteLater(); });
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.contentCrs = reply->rawHeader("Content-Crs");
    if (canceled)
        throw Exception(ErrorCode::Canceled, tr("Synchronisation canceled."));
    if (stalled)
        throw Exception(ErrorCode::Io, tr("The hub stopped answering: nothing received for %1 s "
                                          "from %2.")
                                           .arg(d->stallTimeoutMs / 1000.0)
                                           .arg(response.url));
    response.body = reply->readAll();
    if (response.status >= 400) {
        QString detail = QString::fromUtf8(response.body.left(300)).simplified();
        if (response.status == 401 || response.status == 403)
            throw Exception(ErrorCode::Io,
                            tr("The hub refused access (HTTP %1) to %2: check the credentials.")
                                .arg(response.status)
                                .arg(response.url));
        throw Exception(ErrorCode::Io, tr("The hub answered HTTP %1 %2 for %3%4")
                                           .arg(response.status)
                                           .arg(reply->attribute(
                                                   QNetworkRequest::HttpReasonPhraseAttribute)
                                                    .toString())
                                           .arg(response.url)
                                           .arg(detail.isEmpty() ? QString()
                                                                 : QStringLiteral(": ") + detail));
    }
    if (reply->error() != QNetworkReply::NoError)
        throw Exception(ErrorCode::Io, tr("Cannot read %1 from the hub: %2")
                                           .arg(response.url, reply->errorString()));
    if (response.status == 0)
        throw Exception(ErrorCode::Io,
                        tr("The hub gave no HTTP answer for %1.").arg(response.url));
    return response;
}

} // namespace vigie::core::sync
