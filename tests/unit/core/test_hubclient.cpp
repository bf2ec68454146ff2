// SPDX-License-Identifier: GPL-3.0-or-later
// The hub client's rules that need no server: where credentials may go, what counts as the hub's
// origin, and what is done to text from outside before it is printed or stored. (The same rules
// against a real hub, through the fault proxy, are in tests/hub/test_hub_faults.cpp.)
#include "layermanifest.h"
#include "printable.h"
#include "sync/hubclient.h"

#include <QTest>

using namespace vigie::core;
using namespace vigie::core::sync;

class TestHubClient : public QObject
{
    Q_OBJECT

private:
    static QString constructionError(const QString &url, const HubCredentials &credentials,
                                     HubLimits limits = {})
    {
        try {
            HubClient client(QUrl(url), credentials, limits);
            return {};
        } catch (const Exception &e) {
            return e.error().message;
        }
    }

private slots:
    void credentialsOverPlainHttp_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<bool>("allowPlain");
        QTest::addColumn<bool>("refused");
        QTest::newRow("token, http, other machine")
            << "http://192.0.2.10/wfs3" << true << false << true;
        QTest::newRow("token, http, a name")
            << "http://hub.example.org/wfs3" << true << false << true;
        QTest::newRow("token, http, explicitly allowed")
            << "http://192.0.2.10/wfs3" << true << true << false;
        QTest::newRow("token, https") << "https://hub.example.org/wfs3" << true << false << false;
        QTest::newRow("token, http, 127.0.0.1")
            << "http://127.0.0.1:8090/wfs3" << true << false << false;
        QTest::newRow("token, http, localhost")
            << "http://localhost:8090/wfs3" << true << false << false;
        QTest::newRow("token, http, [::1]") << "http://[::1]:8090/wfs3" << true << false << false;
        QTest::newRow("no credentials, http")
            << "http://192.0.2.10/wfs3" << false << false << false;
    }

    void credentialsOverPlainHttp()
    {
        QFETCH(QString, url);
        QFETCH(bool, withToken);
        QFETCH(bool, allowPlain);
        QFETCH(bool, refused);
        HubCredentials c;
        if (withToken)
            c.bearerToken = QStringLiteral("tok-0123456789");
        HubLimits limits;
        limits.allowPlainHttpCredentials = allowPlain;
        const QString error = constructionError(url, c, limits);
        QCOMPARE(!error.isEmpty(), refused);
        if (refused) {
            QVERIFY2(error.contains(QLatin1String("unencrypted")), qPrintable(error));
            QVERIFY(!error.contains(c.bearerToken));
        }
    }

    void urlsRefused()
    {
        QVERIFY(constructionError(QStringLiteral("http://me:secret@127.0.0.1/wfs3"), {})
                    .contains(QLatin1String("user name or password")));
        QVERIFY(!constructionError(QStringLiteral("ftp://127.0.0.1/wfs3"), {}).isEmpty());
        QVERIFY(!constructionError(QStringLiteral("file:///etc/passwd"), {}).isEmpty());
        const QString shown = constructionError(QStringLiteral("gopher://x/\x1b[2Jy"), {});
        QVERIFY(!shown.isEmpty());
        QVERIFY2(!shown.contains(QChar(0x1b)), qPrintable(shown));
    }

    void sameOrigin_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("same");
        QTest::newRow("same path") << "https://hub.example.org/wfs3/collections" << true;
        QTest::newRow("explicit default port") << "https://hub.example.org:443/x" << true;
        QTest::newRow("host case") << "https://HUB.example.org/x" << true;
        QTest::newRow("other port") << "https://hub.example.org:8443/x" << false;
        QTest::newRow("other scheme") << "http://hub.example.org/x" << false;
        QTest::newRow("other host") << "https://evil.example.org/x" << false;
        QTest::newRow("suffix host") << "https://hub.example.org.evil.net/x" << false;
        QTest::newRow("sub-domain") << "https://a.hub.example.org/x" << false;
    }

    void sameOrigin()
    {
        QFETCH(QString, url);
        QFETCH(bool, same);
        QCOMPARE(
            HubClient::sameOrigin(QUrl(url), QUrl(QStringLiteral("https://hub.example.org/wfs3"))),
            same);
    }

    void printableStripsControls()
    {
        const QString hostile = QStringLiteral("ok\x1b[2J\x1b]0;title\x07 bell\r\nnext\tcol") +
                                QChar(0x9b) + QChar(0x202e) + QStringLiteral("gnp.exe") +
                                QChar(0x7f);
        const QString p = printableText(hostile);
        for (QChar c : p) {
            QVERIFY2(c == QLatin1Char('\n') || c == QLatin1Char('\t') || c.unicode() >= 0x20,
                     qPrintable(QString::number(c.unicode(), 16)));
            QVERIFY(c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() < 0xa0));
            QVERIFY(c.unicode() != 0x202e);
        }
        QVERIFY(p.contains(QLatin1String("next\tcol")));
        QVERIFY(p.startsWith(QLatin1String("ok")));
        QCOMPARE(printableText(QStringLiteral("abcdefghij"), 5), QStringLiteral("abcde…"));
        QCOMPARE(printableText(QStringLiteral("Arrondissement 13 — Château-Gombert")),
                 QStringLiteral("Arrondissement 13 — Château-Gombert"));
    }

    void secretsRedacted()
    {
        const QString token = QStringLiteral("tok-9f8e7d6c");
        const QString b64 = QString::fromLatin1(token.toUtf8().toBase64());
        const QString userPass = QString::fromLatin1(QByteArray("alice:s3cr3t!").toBase64());
        const QString text =
            QStringLiteral("Bearer %1; b64 %2; pct %3; basic %4; short ab")
                .arg(token, b64, QString::fromLatin1(QUrl::toPercentEncoding(token + "/x")),
                     userPass);
        const QString out =
            redactSecrets(text, {token, QStringLiteral("alice:s3cr3t!"), QStringLiteral("ab")});
        QVERIFY2(!out.contains(token), qPrintable(out));
        QVERIFY2(!out.contains(b64), qPrintable(out));
        QVERIFY2(!out.contains(userPass), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("short ab")), qPrintable(out)); // too short to mask
        QVERIFY(out.count(QLatin1String("***")) >= 4);
    }

    void collectionNames()
    {
        for (const char *good : {"incidents", "cctv_cameras", "traffic.v2", "Events-2026", "a"})
            QVERIFY2(isHubCollectionName(QLatin1String(good)), good);
        for (const char *bad :
             {"", "..", "a/b", "../x", "a..b", "-x", ".hidden", "x?f=json", "a b", "a%2fb", "é"})
            QVERIFY2(!isHubCollectionName(QString::fromUtf8(bad)), bad);
        QVERIFY(!isHubCollectionName(QString(129, QLatin1Char('a'))));
    }
};

QTEST_GUILESS_MAIN(TestHubClient)
#include "test_hubclient.moc"
