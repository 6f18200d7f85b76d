// Helpers of the push stream and alert tests: tokens, CAP messages, a stream client.
#pragma once

#include "TestServer.h"
#include "jose/Jose.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <memory>

namespace hues::test {

inline HeaderList bearer(const QString &token)
{
    return {qMakePair(QByteArray("Authorization"), "Bearer " + token.toLatin1())};
}

// Signs in through hues-server's OpenID Provider (code + PKCE) and returns an access token.
inline QString signIn(const TestServer &server, const QString &username, const QString &password)
{
    Browser browser;
    const QString verifier = QString::fromLatin1(jose::randomToken(32));
    const QString redirect = QStringLiteral("http://127.0.0.1:%1/callback")
                                 .arg(QRandomGenerator::global()->bounded(20000, 60000));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("hues-app"));
    query.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid profile"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromLatin1(jose::pkceChallengeS256(verifier.toLatin1())));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QUrl url = server.url(QStringLiteral("/oauth2/authorize"));
    url.setQuery(query);
    const HttpResult answer = browser.signIn(url, username, password);
    const QString code = QUrlQuery(QUrl::fromEncoded(answer.header("Location")))
                             .queryItemValue(QStringLiteral("code"));
    const HttpResult token = httpRequest(
        "POST", server.url(QStringLiteral("/oauth2/token")),
        formEncode({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                    {QStringLiteral("client_id"), QStringLiteral("hues-app")},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("redirect_uri"), redirect},
                    {QStringLiteral("code_verifier"), verifier}}),
        {qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded"))});
    return token.object().value(QStringLiteral("access_token")).toString();
}

// The partner's client-credentials token (evn-hue, scope alerts:publish).
inline QString partnerToken(const TestServer &server)
{
    const HttpResult token = httpRequest(
        "POST", server.url(QStringLiteral("/oauth2/token")),
        formEncode({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                    {QStringLiteral("client_id"), QStringLiteral("evn-hue")},
                    {QStringLiteral("client_secret"), QStringLiteral("evn-hue-demo-secret")},
                    {QStringLiteral("scope"), QStringLiteral("alerts:publish")}}),
        {qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded"))});
    return token.object().value(QStringLiteral("access_token")).toString();
}

inline QString capTime(const QDateTime &time)
{
    return time.toOffsetFromUtc(7 * 3600).toString(Qt::ISODate);
}

struct Cap
{
    QString identifier;
    QString sender = QStringLiteral("ioc@hue.gov.vn");
    QString msgType = QStringLiteral("Alert");
    QDateTime sent = QDateTime::currentDateTimeUtc().addSecs(-60);
    QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(3 * 3600); // invalid: none
    QString references; // "sender,identifier,sent ..."
    QString headline = QStringLiteral("Ngập lụt ven sông Hương");
    QString area = QStringLiteral("<circle>16.4637,107.5909 2</circle>");

    QByteArray xml() const
    {
        QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"
                                      "  <identifier>%1</identifier>\n  <sender>%2</sender>\n"
                                      "  <sent>%3</sent>\n  <status>Actual</status>\n"
                                      "  <msgType>%4</msgType>\n  <scope>Public</scope>\n")
                           .arg(identifier, sender, capTime(sent), msgType);
        if (!references.isEmpty())
            text += QStringLiteral("  <references>%1</references>\n").arg(references);
        text += QStringLiteral("  <info>\n    <language>vi-VN</language>\n"
                               "    <category>Met</category>\n    <event>Lũ</event>\n"
                               "    <urgency>Immediate</urgency>\n    <severity>Severe</severity>\n"
                               "    <certainty>Observed</certainty>\n");
        if (expires.isValid())
            text += QStringLiteral("    <expires>%1</expires>\n").arg(capTime(expires));
        text += QStringLiteral("    <headline>%1</headline>\n    <area>\n"
                               "      <areaDesc>Huế</areaDesc>\n      %2\n    </area>\n"
                               "  </info>\n</alert>\n")
                    .arg(headline, area);
        return text.toUtf8();
    }
    QString reference() const
    {
        return sender + QLatin1Char(',') + identifier + QLatin1Char(',') + capTime(sent);
    }
};

inline HttpResult postCap(const TestServer &server, const QByteArray &xml, const QString &token,
                          const QByteArray &type = "application/cap+xml",
                          const QString &path = QStringLiteral("/api/v1/alerts"))
{
    HeaderList headers{qMakePair(QByteArray("Content-Type"), type)};
    if (!token.isEmpty())
        headers += bearer(token);
    return httpRequest("POST", server.url(path), xml, headers);
}

inline QUrl streamUrl(const QUrl &base, qint64 since = -1, const QString &token = {})
{
    QUrl url = base;
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/push"));
    QUrlQuery query;
    if (since >= 0)
        query.addQueryItem(QStringLiteral("since"), QString::number(since));
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("token"), token);
    url.setQuery(query);
    return url;
}

inline QString socketToken(const TestServer &server, const QString &accessToken)
{
    const HttpResult reply = httpRequest("POST", server.url(QStringLiteral("/api/v1/push/token")),
                                         {}, bearer(accessToken));
    return reply.object().value(QStringLiteral("token")).toString();
}

// A WebSocket client of the push stream that records every frame.
class StreamClient : public QObject
{
public:
    StreamClient()
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            frames.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] { closed = true; });
    }

    // Opens the socket and waits until the hello came (or the socket closed).
    bool open(const QUrl &url, int timeoutMs = 15000)
    {
        closed = false;
        socket.open(url);
        return QTest::qWaitFor([this] { return hello() >= 0 || closed; }, timeoutMs) &&
               hello() >= 0;
    }
    // latest_seq of the first hello, -1 before it.
    qint64 hello() const
    {
        for (const QJsonObject &frame : frames) {
            if (frame.value(QLatin1String("type")).toString() == u"hello")
                return qint64(frame.value(QLatin1String("latest_seq")).toDouble());
        }
        return -1;
    }
    QList<QJsonObject> events(const QString &kind = {}) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &frame : frames) {
            if (frame.value(QLatin1String("type")).toString() == u"event" &&
                (kind.isEmpty() || frame.value(QLatin1String("kind")).toString() == kind))
                list.append(frame);
        }
        return list;
    }
    QList<qint64> seqs(const QString &kind = {}) const
    {
        QList<qint64> list;
        for (const QJsonObject &event : events(kind))
            list.append(qint64(event.value(QLatin1String("seq")).toDouble()));
        return list;
    }
    bool waitForEvents(int count, const QString &kind = {}, int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return events(kind).size() >= count || closed; }, timeoutMs) &&
               events(kind).size() >= count;
    }
    QStringList types() const
    {
        QStringList list;
        for (const QJsonObject &frame : frames)
            list << frame.value(QLatin1String("type")).toString();
        return list;
    }

    QWebSocket socket;
    QList<QJsonObject> frames;
    bool closed = false;
};

// The raw bytes of an opening handshake for the push path, plus extra header lines.
inline QByteArray handshake(const QByteArray &target, const QByteArray &extra = {},
                            const QByteArray &key = "dGhlIHNhbXBsZSBub25jZQ==",
                            const QByteArray &version = "13")
{
    return "GET " + target +
           " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: " +
           key + "\r\nSec-WebSocket-Version: " + version + "\r\n" + extra + "\r\n";
}

// The status code of a raw HTTP answer ("HTTP/1.1 403 ..." -> 403), 0 if none.
inline int statusOf(const QByteArray &answer)
{
    if (!answer.startsWith("HTTP/1.1 "))
        return 0;
    return answer.mid(9, 3).toInt();
}

inline int count(TestServer &server, const QString &sql)
{
    QSqlQuery query(server.database());
    if (!query.exec(sql) || !query.next()) {
        qWarning() << sql << query.lastError().text();
        return -1;
    }
    return query.value(0).toInt();
}

inline bool exec(TestServer &server, const QString &sql)
{
    QSqlQuery query(server.database());
    if (!query.exec(sql)) {
        qWarning() << sql << query.lastError().text();
        return false;
    }
    return true;
}

} // namespace hues::test

inline const char kNoPg[] = "PostgreSQL rows need HUES_TEST_PG_URL (start one with "
                            "scripts/test-postgres.sh start DIR)";

// Fetches the "backend" column and, for PostgreSQL, creates a fresh database (or skips).
#define HUES_FETCH_BACKEND(dbUrl)                                                                  \
    QFETCH(QString, backend);                                                                      \
    std::unique_ptr<ScratchDatabase> scratch_;                                                     \
    if (backend == QLatin1String("postgresql")) {                                                  \
        if (postgresUrlFromEnv().isEmpty())                                                        \
            QSKIP(kNoPg);                                                                          \
        scratch_ = std::make_unique<ScratchDatabase>(postgresUrlFromEnv());                        \
        QVERIFY2(scratch_->isValid(), qPrintable(scratch_->errorString()));                        \
    }                                                                                              \
    const QString dbUrl = scratch_ ? scratch_->url() : QString()
