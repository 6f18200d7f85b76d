// ApiClient against the real hues-server, and against scripted TCP/TLS peers for the
// transport failures a real server cannot be made to show on demand (hang, 503, bad JSON,
// an untrusted certificate).
#include "TestServer.h"
#include "net/ApiClient.h"
#include "net/ServerStatus.h"

#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using hues::test::TestServer;
using net::ApiClient;
using net::ApiError;
using net::ApiReply;
using net::RetryPolicy;

namespace {

// Answers each connection with the next canned response (the last one repeats); an empty
// canned response means: accept, read, never answer.
class ScriptedPeer : public QObject
{
public:
    explicit ScriptedPeer(QList<QByteArray> responses, QTcpServer *server = nullptr)
        : m_responses(std::move(responses)), m_server(server ? server : new QTcpServer(this))
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this,
                &ScriptedPeer::onConnection);
    }
    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server->serverPort(); }
    int connections() const { return m_connections; }
    QByteArray lastRequest() const { return m_lastRequest; }

private:
    void onConnection()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            const QByteArray response =
                m_responses.at(qMin(m_connections, int(m_responses.size()) - 1));
            ++m_connections;
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, response] {
                m_lastRequest += socket->readAll();
                if (!m_lastRequest.contains("\r\n\r\n") || response.isEmpty())
                    return;
                socket->write(response);
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    QList<QByteArray> m_responses;
    QTcpServer *m_server;
    int m_connections = 0;
    QByteArray m_lastRequest;
};

QByteArray httpResponse(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\n" +
           extraHeaders + "Content-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// A port on which nothing listens.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Waits for the reply to finish and returns it (owned by the caller through the test).
ApiReply *waitFor(ApiReply *reply, int timeoutMs = 20000)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &ApiReply::finished);
        if (!spy.wait(timeoutMs))
            return reply;
    }
    return reply;
}

RetryPolicy fastRetry(int attempts)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.baseDelayMs = 10;
    p.maxDelayMs = 40;
    return p;
}

QUrl localUrl(quint16 port, const char *scheme = "http")
{
    QUrl url;
    url.setScheme(QString::fromLatin1(scheme));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

TestServer::Options seededOptions()
{
    TestServer::Options o;
    o.seedDemo = true;
    return o;
}

} // namespace

class TstApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void acceptableBaseUrl_data();
    void acceptableBaseUrl();
    void healthzAgainstRealServer();
    void notFoundIsNotRetried();
    void directoryListing();
    void offlineAfterRetries();
    void postWithoutKeyIsNotRetried();
    void postWithKeyIsRetried();
    void timeout();
    void serverErrorThenSuccess();
    void retryAfterIsHonoured();
    void badJson();
    void abortWhileWaiting();
    void noBaseUrl();
    void backoffBounds();
    void untrustedCertificateIsRefused();
    void extraCaIsTrusted();
    void everyErrorHasAMessage();
    void serverStatusOnlineAndOffline();

private:
    TestServer m_server{seededOptions()};
    QTemporaryDir m_tls;
    bool m_haveTls = false;
};

void TstApiClient::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    // A self-signed certificate for 127.0.0.1, made by openssl for the TLS cases.
    QVERIFY(m_tls.isValid());
    QProcess openssl;
    openssl.setWorkingDirectory(m_tls.path());
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), QStringLiteral("key.pem"), QStringLiteral("-out"),
                   QStringLiteral("cert.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    m_haveTls =
        openssl.waitForFinished(30000) && openssl.exitCode() == 0 && QSslSocket::supportsSsl();
    if (!m_haveTls)
        qWarning() << "openssl/TLS unavailable:" << openssl.readAllStandardError();
}

void TstApiClient::acceptableBaseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << "https://hues.example.vn" << true;
    QTest::newRow("https with path") << "https://hues.example.vn/city/" << true;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080" << true;
    QTest::newRow("http localhost") << "http://localhost:8080" << true;
    QTest::newRow("http loopback v6") << "http://[::1]:8080" << true;
    QTest::newRow("http remote") << "http://hues.example.vn" << false;
    QTest::newRow("http private lan") << "http://192.168.1.10" << false;
    QTest::newRow("ftp") << "ftp://hues.example.vn" << false;
    QTest::newRow("user info") << "https://user:pw@hues.example.vn" << false;
    QTest::newRow("query") << "https://hues.example.vn/?a=b" << false;
    QTest::newRow("no host") << "https://" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("words") << "not a url" << false;
}

void TstApiClient::acceptableBaseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QString why;
    QCOMPARE(ApiClient::isAcceptableBaseUrl(QUrl(url), &why), ok);
    QCOMPARE(why.isEmpty(), ok);
    ApiClient client;
    QCOMPARE(client.setBaseUrl(QUrl(url)), ok);
}

void TstApiClient::healthzAgainstRealServer()
{
    ApiClient client;
    QVERIFY(client.setBaseUrl(m_server.baseUrl()));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QVERIFY(reply->isFinished());
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->httpStatus(), 200);
    QCOMPARE(reply->json().object().value(QLatin1String("status")).toString(),
             QStringLiteral("ok"));
    QCOMPARE(reply->attempts(), 1);
}

void TstApiClient::notFoundIsNotRetried()
{
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(m_server.baseUrl()));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/api/v1/no-such-thing"))));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, ApiError::NotFound);
    QCOMPARE(reply->httpStatus(), 404);
    QCOMPARE(reply->error().code, QStringLiteral("not_found"));
    QCOMPARE(reply->attempts(), 1);
    QVERIFY(!reply->error().isTransient());
}

void TstApiClient::directoryListing()
{
    // A base URL with a trailing slash and a path without a leading one still meet.
    ApiClient client;
    QUrl base = m_server.baseUrl();
    base.setPath(QStringLiteral("/"));
    QVERIFY(client.setBaseUrl(base));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("api/v1/sites"))));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QVERIFY(!reply->body().isEmpty());
    QVERIFY(reply->body().contains("Kh\xe1\xba\xa3i \xc4\x90\xe1\xbb\x8bnh")); // Khải Định, UTF-8
}

void TstApiClient::offlineAfterRetries()
{
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(localUrl(closedPort())));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, ApiError::Offline);
    QCOMPARE(reply->attempts(), 3);
    QVERIFY(reply->error().isTransient());
    QCOMPARE(reply->httpStatus(), 0);
}

void TstApiClient::postWithoutKeyIsNotRetried()
{
    // A POST is not idempotent: sending it twice could create two reports.
    ScriptedPeer peer({httpResponse(503, R"({"error":"busy"})")});
    QVERIFY(peer.listen());
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(localUrl(peer.port())));
    std::unique_ptr<ApiReply> reply(waitFor(
        client.postJson(QStringLiteral("/api/v1/x"), QJsonDocument(QJsonObject{{"a", 1}}))));
    QCOMPARE(reply->error().kind, ApiError::ServerError);
    QCOMPARE(reply->error().code, QStringLiteral("busy"));
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(peer.connections(), 1);
}

void TstApiClient::postWithKeyIsRetried()
{
    ScriptedPeer peer({httpResponse(503, R"({"error":"busy"})"), httpResponse(201, R"({"id":7})")});
    QVERIFY(peer.listen());
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(localUrl(peer.port())));
    std::unique_ptr<ApiReply> reply(waitFor(client.postJson(
        QStringLiteral("/api/v1/x"), QJsonDocument(QJsonObject{{"a", 1}}), "key-123")));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->httpStatus(), 201);
    QCOMPARE(reply->json().object().value(QLatin1String("id")).toInt(), 7);
    QCOMPARE(reply->attempts(), 2);
    QVERIFY(peer.lastRequest().contains("Idempotency-Key: key-123"));
    QVERIFY(peer.lastRequest().contains("{\"a\":1}"));
}

void TstApiClient::timeout()
{
    ScriptedPeer peer({QByteArray()}); // accepts, never answers
    QVERIFY(peer.listen());
    ApiClient client;
    client.setTimeout(150);
    client.setRetryPolicy(fastRetry(2));
    QVERIFY(client.setBaseUrl(localUrl(peer.port())));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/slow"))));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, ApiError::Timeout);
    QCOMPARE(reply->attempts(), 2);
    QTRY_COMPARE(peer.connections(), 2);
}

void TstApiClient::serverErrorThenSuccess()
{
    ScriptedPeer peer({httpResponse(500, R"({"error":"boom"})"), httpResponse(502, "{}"),
                       httpResponse(200, R"({"status":"ok"})")});
    QVERIFY(peer.listen());
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(localUrl(peer.port())));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->attempts(), 3);
    QVERIFY(peer.lastRequest().contains("Accept: application/json"));
}

void TstApiClient::retryAfterIsHonoured()
{
    // Retry-After: 1 asks for 1000 ms; the policy's own delays are ~10 ms but capped at 1500.
    ScriptedPeer peer({httpResponse(503, "{}", "Retry-After: 1\r\n"), httpResponse(200, "{}")});
    QVERIFY(peer.listen());
    ApiClient client;
    RetryPolicy p = fastRetry(2);
    p.maxDelayMs = 1500;
    client.setRetryPolicy(p);
    QVERIFY(client.setBaseUrl(localUrl(peer.port())));
    QElapsedTimer t;
    t.start();
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->attempts(), 2);
    QVERIFY2(t.elapsed() >= 1000, qPrintable(QString::number(t.elapsed())));
}

void TstApiClient::badJson()
{
    ScriptedPeer peer({httpResponse(200, "{not json")});
    QVERIFY(peer.listen());
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(localUrl(peer.port())));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QCOMPARE(reply->error().kind, ApiError::BadResponse);
    QCOMPARE(reply->attempts(), 1); // a broken answer is not fixed by asking again
}

void TstApiClient::abortWhileWaiting()
{
    ApiClient client;
    RetryPolicy p;
    p.maxAttempts = 5;
    p.baseDelayMs = 60000; // the second attempt would wait a minute
    p.maxDelayMs = 60000;
    client.setRetryPolicy(p);
    QVERIFY(client.setBaseUrl(localUrl(closedPort())));
    std::unique_ptr<ApiReply> reply(client.get(QStringLiteral("/healthz")));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    // After the first refusal the reply sits in its backoff wait.
    QTRY_COMPARE(reply->attempts(), 1);
    QVERIFY(!reply->isFinished());
    reply->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->error().kind, ApiError::Cancelled);
    QVERIFY(!reply->error().isTransient());
}

void TstApiClient::noBaseUrl()
{
    ApiClient client;
    std::unique_ptr<ApiReply> reply(client.get(QStringLiteral("/healthz")));
    QVERIFY(!reply->isFinished()); // finishes asynchronously so callers can connect
    waitFor(reply.get());
    QCOMPARE(reply->error().kind, ApiError::InvalidUrl);
    QCOMPARE(reply->attempts(), 0);
}

void TstApiClient::backoffBounds()
{
    RetryPolicy p;
    p.baseDelayMs = 400;
    p.maxDelayMs = 3000;
    QSet<int> seen;
    for (int i = 0; i < 200; ++i) {
        const int d2 = ApiClient::backoffDelayMs(p, 2);
        QVERIFY2(d2 >= 200 && d2 <= 400, qPrintable(QString::number(d2)));
        const int d3 = ApiClient::backoffDelayMs(p, 3);
        QVERIFY2(d3 >= 400 && d3 <= 800, qPrintable(QString::number(d3)));
        const int d10 = ApiClient::backoffDelayMs(p, 10);
        QVERIFY2(d10 >= 1500 && d10 <= 3000, qPrintable(QString::number(d10)));
        seen.insert(d2);
    }
    QVERIFY2(seen.size() > 10, "the delay is jittered");
    QVERIFY(ApiClient::backoffDelayMs(p, 1000) <= 3000); // no overflow on huge attempts
}

namespace {

// A TLS peer with the self-signed certificate, answering 200 {"status":"ok"}.
class TlsPeer
{
public:
    explicit TlsPeer(const QString &dir)
    {
        auto *server = new QSslServer;
        QFile certFile(dir + QStringLiteral("/cert.pem"));
        QFile keyFile(dir + QStringLiteral("/key.pem"));
        if (certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly)) {
            QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
            conf.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
            conf.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem));
            server->setSslConfiguration(conf);
        }
        peer = std::make_unique<ScriptedPeer>(
            QList<QByteArray>{httpResponse(200, R"({"status":"ok"})")}, server);
    }
    std::unique_ptr<ScriptedPeer> peer;
};

} // namespace

void TstApiClient::untrustedCertificateIsRefused()
{
    if (!m_haveTls)
        QSKIP("openssl or TLS support missing");
    TlsPeer tls(m_tls.path());
    QVERIFY(tls.peer->listen());
    ApiClient client;
    client.setRetryPolicy(fastRetry(3));
    QVERIFY(client.setBaseUrl(localUrl(tls.peer->port(), "https")));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, ApiError::Tls);
    QCOMPARE(reply->attempts(), 1); // an untrusted certificate is not a passing fault
    QVERIFY(!reply->error().message().isEmpty());
}

void TstApiClient::extraCaIsTrusted()
{
    if (!m_haveTls)
        QSKIP("openssl or TLS support missing");
    TlsPeer tls(m_tls.path());
    QVERIFY(tls.peer->listen());
    ApiClient client;
    QString error;
    QVERIFY(
        !client.addCaCertificatesFromFile(m_tls.path() + QStringLiteral("/missing.pem"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!client.addCaCertificatesFromFile(m_tls.path() + QStringLiteral("/key.pem"), &error));
    QVERIFY2(client.addCaCertificatesFromFile(m_tls.path() + QStringLiteral("/cert.pem"), &error),
             qPrintable(error));
    QVERIFY(client.setBaseUrl(localUrl(tls.peer->port(), "https")));
    std::unique_ptr<ApiReply> reply(waitFor(client.get(QStringLiteral("/healthz"))));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->json().object().value(QLatin1String("status")).toString(),
             QStringLiteral("ok"));
}

void TstApiClient::everyErrorHasAMessage()
{
    QSet<QString> messages;
    for (int k = ApiError::Offline; k <= ApiError::InvalidUrl; ++k) {
        ApiError e;
        e.kind = ApiError::Kind(k);
        QVERIFY2(!e.message().isEmpty(), qPrintable(QString::number(k)));
        messages.insert(e.message());
    }
    QVERIFY(messages.size() >= 8); // distinct advice, not one generic text
    QVERIFY(ApiError().message().isEmpty());
}

void TstApiClient::serverStatusOnlineAndOffline()
{
    ApiClient client;
    client.setRetryPolicy(fastRetry(2));
    QVERIFY(client.setBaseUrl(m_server.baseUrl()));
    net::ServerStatus status(&client);
    QSignalSpy checked(&status, &net::ServerStatus::checked);
    status.check();
    QCOMPARE(status.state(), net::ServerStatus::Checking);
    QVERIFY(checked.wait(20000));
    QCOMPARE(checked.constLast().constFirst().toBool(), true);
    QCOMPARE(status.state(), net::ServerStatus::Online);
    QVERIFY(!status.serverVersion().isEmpty());

    // Pointing the client elsewhere re-checks by itself.
    QVERIFY(client.setBaseUrl(localUrl(closedPort())));
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 20000);
    QCOMPARE(checked.constLast().constFirst().toBool(), false);
    QCOMPARE(status.state(), net::ServerStatus::Offline);
    QVERIFY(!status.message().isEmpty());
}

QTEST_GUILESS_MAIN(TstApiClient)
#include "tst_apiclient.moc"
