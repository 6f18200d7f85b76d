// DeviceFlow (RFC 8628) against a scripted provider: the code shown, polling at the interval,
// slow_down, refusal, expiry, cancel, a provider that breaks the protocol.
#include "FakeProvider.h"
#include "auth/DeviceFlow.h"
#include "net/ApiClient.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using auth::AuthError;
using auth::DeviceFlow;
using authtest::FakeProvider;
using authtest::StubRequest;

class TstDeviceFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void approved();
    void slowDownAddsFiveSeconds();
    void denied();
    void expiredAtProvider();
    void expiresLocally();
    void cancel();
    void networkErrorKeepsPolling();
    void providerWithoutDeviceGrant();
    void badDeviceResponse_data();
    void badDeviceResponse();
    void defaultInterval();
    void idTokenRefused();

private:
    DeviceFlow *makeFlow();
    bool run(DeviceFlow *flow, int timeoutMs = 30000);

    std::unique_ptr<FakeProvider> m_op;
    std::unique_ptr<net::ApiClient> m_client;
};

void TstDeviceFlow::init()
{
    m_op = std::make_unique<FakeProvider>();
    m_op->clientId = QStringLiteral("hues-kiosk");
    m_client = std::make_unique<net::ApiClient>();
    net::RetryPolicy once;
    once.maxAttempts = 1;
    m_client->setRetryPolicy(once);
}

void TstDeviceFlow::cleanup()
{
    m_client.reset();
    m_op.reset();
}

DeviceFlow *TstDeviceFlow::makeFlow()
{
    auth::OidcClientConfig config;
    config.issuer = m_op->issuer();
    config.clientId = QStringLiteral("hues-kiosk");
    return new DeviceFlow(m_client.get(), config, m_client.get());
}

bool TstDeviceFlow::run(DeviceFlow *flow, int timeoutMs)
{
    QSignalSpy finished(flow, &DeviceFlow::finished);
    flow->start();
    return finished.wait(timeoutMs) && finished.size() == 1 && flow->isFinished();
}

void TstDeviceFlow::approved()
{
    m_op->devicePolls = {"authorization_pending", "authorization_pending", "ok"};
    DeviceFlow *flow = makeFlow();
    QSignalSpy code(flow, &DeviceFlow::codeReady);
    QVERIFY(run(flow));
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    QCOMPARE(code.size(), 1);
    QCOMPARE(flow->userCode(), QString("WDJB-MJHT"));
    QCOMPARE(flow->verificationUri(), m_op->stub.url("/device/verify"));
    QCOMPARE(QUrlQuery(flow->verificationUriComplete()).queryItemValue("user_code"),
             QString("WDJB-MJHT"));
    QCOMPARE(flow->polls(), 3);
    QCOMPARE(flow->result().clientId, QString("hues-kiosk"));
    QCOMPARE(flow->result().idClaims.value("sub").toString(), QString("citizen-1"));
    QVERIFY(!flow->result().tokens.refreshToken.isEmpty());
    // The device authorization request and the polls (RFC 8628 §3.1, §3.4).
    const StubRequest device = m_op->stub.last("/device");
    QCOMPARE(device.form().queryItemValue("client_id"), QString("hues-kiosk"));
    QVERIFY(device.form().queryItemValue("scope", QUrl::FullyDecoded).contains("openid"));
    const StubRequest poll = m_op->stub.last("/token");
    QCOMPARE(poll.form().queryItemValue("grant_type", QUrl::FullyDecoded),
             QString("urn:ietf:params:oauth:grant-type:device_code"));
    QCOMPARE(poll.form().queryItemValue("device_code"), QString("dev-code-1"));
    // At the interval (1 s here), never faster.
    QList<qint64> times;
    for (const auto &r : m_op->stub.requests())
        if (r.path == "/token" || r.path == "/device")
            times << r.receivedMs;
    for (qsizetype i = 1; i < times.size(); ++i)
        QVERIFY2(times[i] - times[i - 1] >= 950,
                 qPrintable(QString::number(times[i] - times[i - 1])));
}

void TstDeviceFlow::slowDownAddsFiveSeconds()
{
    m_op->devicePolls = {"slow_down", "ok"};
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    QCOMPARE(flow->interval(), 6);
    QList<qint64> polls;
    for (const auto &r : m_op->stub.requests())
        if (r.path == "/token")
            polls << r.receivedMs;
    QCOMPARE(polls.size(), 2);
    QVERIFY2(polls[1] - polls[0] >= 5950, qPrintable(QString::number(polls[1] - polls[0])));
}

void TstDeviceFlow::denied()
{
    m_op->devicePolls = {"authorization_pending", "access_denied"};
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::Denied);
    QCOMPARE(flow->polls(), 2);
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
    QVERIFY(!flow->error().message().isEmpty());
}

void TstDeviceFlow::expiredAtProvider()
{
    m_op->devicePolls = {"expired_token"};
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::Expired);
    QCOMPARE(flow->polls(), 1);
}

void TstDeviceFlow::expiresLocally()
{
    m_op->deviceExpiresIn = 2;
    m_op->devicePolls = {"authorization_pending"};
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow, 10000));
    QCOMPARE(flow->error().kind, AuthError::Expired);
    QVERIFY(flow->polls() >= 1 && flow->polls() <= 3);
}

void TstDeviceFlow::cancel()
{
    m_op->devicePolls = {"authorization_pending"};
    DeviceFlow *flow = makeFlow();
    QSignalSpy finished(flow, &DeviceFlow::finished);
    QSignalSpy code(flow, &DeviceFlow::codeReady);
    flow->start();
    QVERIFY(code.wait(10000));
    flow->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(flow->error().kind, AuthError::Cancelled);
    // Nothing left that could poll again: no timer running, no request in flight.
    const auto timers = flow->findChildren<QTimer *>();
    QVERIFY(!timers.isEmpty());
    for (const QTimer *timer : timers)
        QVERIFY(!timer->isActive());
    QTRY_COMPARE(m_client->findChildren<net::ApiReply *>().size(), 0);
}

void TstDeviceFlow::networkErrorKeepsPolling()
{
    int calls = 0;
    FakeProvider *op = m_op.get();
    m_op->tokenOverride = [&calls, op](const StubRequest &r) {
        if (++calls == 1)
            return authtest::httpResponse(502, "bad gateway", "text/plain");
        op->tokenOverride = nullptr;
        return op->token(r);
    };
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    QCOMPARE(flow->interval(), 2); // doubled after the failure
}

void TstDeviceFlow::providerWithoutDeviceGrant()
{
    m_op->discoveryOverride.insert("device_authorization_endpoint", QJsonValue::Null);
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::BadProvider);
    QCOMPARE(m_op->stub.count("/device"), 0);
}

void TstDeviceFlow::badDeviceResponse_data()
{
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("no device_code") << "device_code" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("device_code with CRLF") << "device_code" << QJsonValue("a\r\nb");
    QTest::newRow("no user_code") << "user_code" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("user_code markup") << "user_code" << QJsonValue(QString(100, 'A'));
    QTest::newRow("javascript uri") << "verification_uri" << QJsonValue("javascript:alert(1)");
    QTest::newRow("http remote uri") << "verification_uri" << QJsonValue("http://evil.example/d");
    QTest::newRow("bad complete uri")
        << "verification_uri_complete" << QJsonValue("http://evil.example/d?user_code=1");
    QTest::newRow("no expires_in") << "expires_in" << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("interval as text") << "interval" << QJsonValue("fast");
}

void TstDeviceFlow::badDeviceResponse()
{
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    FakeProvider *op = m_op.get();
    m_op->stub.route("/device", [op, member, value](const StubRequest &) {
        QJsonObject o{{"device_code", "dev-code-1"},
                      {"user_code", "WDJB-MJHT"},
                      {"verification_uri", QString(op->issuer() + "/device/verify")},
                      {"expires_in", 600},
                      {"interval", 1}};
        if (value.isUndefined())
            o.remove(member);
        else
            o.insert(member, value);
        return authtest::jsonResponse(200, o);
    });
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::BadProvider);
    QVERIFY2(flow->error().detail.contains(member), qPrintable(flow->error().detail));
    QCOMPARE(m_op->stub.count("/token"), 0);
    QVERIFY(flow->userCode().isEmpty());
}

void TstDeviceFlow::defaultInterval()
{
    m_op->stub.route("/device", [](const StubRequest &r) {
        Q_UNUSED(r);
        return authtest::jsonResponse(200,
                                      QJsonObject{{"device_code", "dev-code-1"},
                                                  {"user_code", "WDJB-MJHT"},
                                                  {"verification_uri", "https://id.example/device"},
                                                  {"expires_in", 600}});
    });
    DeviceFlow *flow = makeFlow();
    QSignalSpy code(flow, &DeviceFlow::codeReady);
    flow->start();
    QVERIFY(code.wait(10000));
    QCOMPARE(flow->interval(), 5);
    QVERIFY(flow->verificationUriComplete().isEmpty());
    flow->cancel();
}

void TstDeviceFlow::idTokenRefused()
{
    m_op->idTokenHook = [](QJsonObject &claims, QByteArray &) { claims.insert("aud", "hues-app"); };
    DeviceFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::IdTokenAudience);
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
    QTRY_COMPARE(m_op->revoked.size(), 1);
}

QTEST_GUILESS_MAIN(TstDeviceFlow)
#include "tst_deviceflow.moc"
