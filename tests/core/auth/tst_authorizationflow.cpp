// AuthorizationFlow against a scripted provider: the happy path (ES256 and RS256), and every
// refusal ending with a clear error, no result and the tokens given back to the provider.
#include "FakeProvider.h"
#include "auth/AuthorizationFlow.h"
#include "auth/IdTokenVerifier.h"
#include "auth/Tokens.h"
#include "net/ApiClient.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using auth::AuthError;
using auth::AuthorizationFlow;
using auth::OidcClientConfig;
using auth::TokenSet;
using authtest::FakeBrowser;
using authtest::FakeProvider;

Q_DECLARE_METATYPE(AuthError::Kind)

namespace {

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QByteArray b64(const QByteArray &data)
{
    return jose::base64UrlEncode(data);
}

QByteArray compact(const QJsonObject &header, const QJsonObject &claims, const QByteArray &sig)
{
    return b64(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
           b64(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + sig;
}

} // namespace

class TstAuthorizationFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void signInEs256();
    void signInRs256();
    void freshSecretsEachTime();
    void keyRotationRefetchesJwks();
    void wrongState();
    void callbackNamesOtherIssuer();
    void userRefused();
    void idTokenRefused_data();
    void idTokenRefused();
    void reusedCode();
    void providerDown();
    void tokenEndpointDown();
    void badTokenResponse_data();
    void badTokenResponse();
    void discoveryForOtherIssuer();
    void noBrowser();
    void timesOut();
    void cancelWhileWaiting();
    void tokenSetParsing();

private:
    AuthorizationFlow *makeFlow();
    bool run(AuthorizationFlow *flow);

    std::unique_ptr<FakeProvider> m_op;
    std::unique_ptr<FakeBrowser> m_browser;
    std::unique_ptr<net::ApiClient> m_client;
};

void TstAuthorizationFlow::init()
{
    m_op = std::make_unique<FakeProvider>();
    m_browser = std::make_unique<FakeBrowser>();
    m_browser->provider = m_op.get();
    m_client = std::make_unique<net::ApiClient>();
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 5;
    fast.maxDelayMs = 10;
    m_client->setRetryPolicy(fast);
}

void TstAuthorizationFlow::cleanup()
{
    m_client.reset();
    m_browser.reset();
    m_op.reset();
}

AuthorizationFlow *TstAuthorizationFlow::makeFlow()
{
    OidcClientConfig config;
    config.issuer = m_op->issuer();
    config.clientId = QStringLiteral("hues-app");
    auto *flow = new AuthorizationFlow(m_client.get(), config, m_client.get());
    flow->setBrowser(m_browser->function());
    return flow;
}

bool TstAuthorizationFlow::run(AuthorizationFlow *flow)
{
    QSignalSpy finished(flow, &AuthorizationFlow::finished);
    flow->start();
    if (!finished.wait(20000))
        return false;
    return finished.size() == 1 && flow->isFinished();
}

void TstAuthorizationFlow::signInEs256()
{
    AuthorizationFlow *flow = makeFlow();
    QSignalSpy states(flow, &AuthorizationFlow::stateChanged);
    QVERIFY(run(flow));
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    QCOMPARE(flow->state(), AuthorizationFlow::Succeeded);
    QCOMPARE(states.size(), 5); // Discovering, WaitingForBrowser, Exchanging, Verifying, Succeeded

    // The authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 8252 §7.3).
    QCOMPARE(m_browser->opened.size(), 1);
    const QUrl url = m_browser->opened.first();
    QCOMPARE(url.adjusted(QUrl::RemoveQuery), m_op->stub.url("/authorize"));
    const QUrlQuery q(url);
    auto p = [&q](const char *k) { return q.queryItemValue(k, QUrl::FullyDecoded); };
    QCOMPARE(p("response_type"), QString("code"));
    QCOMPARE(p("client_id"), QString("hues-app"));
    QCOMPARE(p("scope"), QString("openid profile offline_access"));
    QCOMPARE(p("code_challenge_method"), QString("S256"));
    QVERIFY(p("state").size() >= 43);
    QVERIFY(p("nonce").size() >= 43);
    const QUrl redirect(p("redirect_uri"));
    QCOMPARE(redirect.scheme(), QString("http"));
    QCOMPARE(redirect.host(), QString("127.0.0.1"));
    QCOMPARE(redirect.path(), QString("/callback"));
    QVERIFY(redirect.port() > 0);
    QVERIFY(!url.toString(QUrl::FullyEncoded).contains('+')); // spaces as %20

    // The token request (RFC 6749 §4.1.3 + RFC 7636 §4.5), a public client: no secret.
    const authtest::StubRequest t = m_op->stub.last("/token");
    QCOMPARE(t.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QVERIFY(!t.headers.contains("authorization"));
    const QUrlQuery f = t.form();
    QCOMPARE(f.queryItemValue("grant_type"), QString("authorization_code"));
    QCOMPARE(f.queryItemValue("redirect_uri", QUrl::FullyDecoded), redirect.toString());
    const QString verifier = f.queryItemValue("code_verifier", QUrl::FullyDecoded);
    QVERIFY(verifier.size() >= 43 && verifier.size() <= 128);
    QCOMPARE(jose::pkceChallengeS256(verifier.toLatin1()), p("code_challenge").toLatin1());
    QVERIFY(!url.toString().contains(verifier)); // the verifier never travels via the browser

    // The result.
    const auth::SignInResult &r = flow->result();
    QCOMPARE(r.clientId, QString("hues-app"));
    QCOMPARE(r.provider.issuer, m_op->issuer());
    QCOMPARE(r.idClaims.value("sub").toString(), QString("citizen-1"));
    QCOMPARE(r.idClaims.value("nonce").toString(), p("nonce"));
    QVERIFY(m_op->accessTokens.contains(QString::fromLatin1(r.tokens.accessToken)));
    QVERIFY(m_op->refreshTokens.contains(QString::fromLatin1(r.tokens.refreshToken)));
    QVERIFY(r.tokens.expiresAt > QDateTime::currentSecsSinceEpoch() + 200);
    QVERIFY(m_op->revoked.isEmpty());

    // The browser was told to go back to the app.
    QTRY_COMPARE(m_browser->callbackStatus, 200);
    QVERIFY(m_browser->callbackPage.contains("You can return to the Hue-S app"));
}

void TstAuthorizationFlow::signInRs256()
{
    m_op->key = jose::Key::generateRs256();
    m_op->published = jose::KeySet();
    m_op->published.add(m_op->key);
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    const QByteArray header = flow->result().tokens.idToken.split('.').first();
    QVERIFY(jose::base64UrlDecode(header)->contains("RS256"));
}

void TstAuthorizationFlow::freshSecretsEachTime()
{
    AuthorizationFlow *one = makeFlow();
    AuthorizationFlow *two = makeFlow();
    QVERIFY(run(one));
    QVERIFY(run(two));
    QVERIFY(one->isOk() && two->isOk());
    const QUrlQuery a(m_browser->opened.at(0));
    const QUrlQuery b(m_browser->opened.at(1));
    for (const char *k : {"state", "nonce", "code_challenge", "redirect_uri"})
        QVERIFY2(a.queryItemValue(k) != b.queryItemValue(k), k);
}

void TstAuthorizationFlow::keyRotationRefetchesJwks()
{
    // A verifier that holds the provider's keys fetches them again, once, when a token names
    // a key it does not know (rotation); a key nobody publishes stays refused.
    const jose::Key next = jose::Key::generateEs256();
    QString why;
    const auto info =
        auth::OidcProviderInfo::fromDiscovery(m_op->discovery(), m_op->issuer(), &why);
    QVERIFY2(info, qPrintable(why));
    auth::IdTokenVerifier verifier(m_client.get(), *info);
    auth::IdTokenExpectations expect;
    expect.issuer = m_op->issuer();
    expect.clientId = "hues-app";
    auto verify = [&verifier, &expect](const QByteArray &token) {
        AuthError error;
        bool called = false;
        verifier.verify(token, expect, [&](const std::optional<QJsonObject> &, const AuthError &e) {
            error = e;
            called = true;
        });
        if (!QTest::qWaitFor([&called] { return called; }, 10000))
            return AuthError::make(AuthError::TimedOut, "no answer");
        return error;
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{"iss", m_op->issuer()},
                             {"sub", "s"},
                             {"aud", "hues-app"},
                             {"exp", now + 60},
                             {"iat", now}};
    QCOMPARE(verify(jose::signJwt(claims, m_op->key)).kind, AuthError::None);
    QCOMPARE(m_op->stub.count("/jwks"), 1);
    QCOMPARE(verify(jose::signJwt(claims, m_op->key)).kind, AuthError::None);
    QCOMPARE(m_op->stub.count("/jwks"), 1); // cached
    m_op->published.add(next);
    QCOMPARE(verify(jose::signJwt(claims, next)).kind, AuthError::None);
    QCOMPARE(m_op->stub.count("/jwks"), 2);
    QCOMPARE(verify(jose::signJwt(claims, jose::Key::generateEs256())).kind,
             AuthError::IdTokenSignature);
    QCOMPARE(m_op->stub.count("/jwks"), 3);
}

void TstAuthorizationFlow::wrongState()
{
    m_browser->bend = [](QUrl back) {
        QUrlQuery q(back);
        q.removeAllQueryItems("state");
        q.addQueryItem("state", QString::fromLatin1(jose::randomToken(32)));
        back.setQuery(q);
        return back;
    };
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::StateMismatch);
    QVERIFY(!flow->error().message().isEmpty());
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
    QCOMPARE(m_op->stub.count("/token"), 0); // the code was never redeemed
}

void TstAuthorizationFlow::callbackNamesOtherIssuer()
{
    m_browser->bend = [](QUrl back) {
        QUrlQuery q(back);
        q.addQueryItem("iss", "https://evil.example");
        back.setQuery(q);
        return back;
    };
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::StateMismatch);
    QCOMPARE(m_op->stub.count("/token"), 0);
}

void TstAuthorizationFlow::userRefused()
{
    m_browser->bend = [](QUrl back) {
        QUrlQuery q(back);
        q.removeAllQueryItems("code");
        q.addQueryItem("error", "access_denied");
        back.setQuery(q);
        return back;
    };
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::ProviderRefused);
    QCOMPARE(flow->error().code, QString("access_denied"));
    QCOMPARE(m_op->stub.count("/token"), 0);
    QTRY_COMPARE(m_browser->callbackStatus, 200);
    QVERIFY(m_browser->callbackPage.contains("Sign-in did not complete"));
}

using Hook = std::function<void(FakeProvider *, QJsonObject &, QByteArray &)>;
Q_DECLARE_METATYPE(Hook)

void TstAuthorizationFlow::idTokenRefused_data()
{
    QTest::addColumn<Hook>("hook");
    QTest::addColumn<AuthError::Kind>("kind");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto claim = [](const char *name, const QJsonValue &value) {
        return Hook([name, value](FakeProvider *, QJsonObject &c, QByteArray &) {
            if (value.isUndefined())
                c.remove(name);
            else
                c.insert(name, value);
        });
    };
    QTest::newRow("wrong nonce") << claim("nonce", "another-nonce") << AuthError::IdTokenNonce;
    QTest::newRow("no nonce") << claim("nonce", QJsonValue::Undefined) << AuthError::IdTokenNonce;
    QTest::newRow("expired") << claim("exp", now - 3600) << AuthError::IdTokenExpired;
    QTest::newRow("not yet valid") << claim("iat", now + 3600) << AuthError::IdTokenNotYetValid;
    QTest::newRow("nbf in the future") << claim("nbf", now + 3600) << AuthError::IdTokenNotYetValid;
    QTest::newRow("no exp") << claim("exp", QJsonValue::Undefined) << AuthError::IdTokenMalformed;
    QTest::newRow("exp as text") << claim("exp", QString::number(now + 300))
                                 << AuthError::IdTokenMalformed;
    QTest::newRow("wrong audience") << claim("aud", "hues-kiosk") << AuthError::IdTokenAudience;
    QTest::newRow("audience list without us")
        << claim("aud", QJsonArray{"a", "b"}) << AuthError::IdTokenAudience;
    QTest::newRow("several audiences, no azp")
        << claim("aud", QJsonArray{"hues-app", "hues-api"}) << AuthError::IdTokenAudience;
    QTest::newRow("azp of another client")
        << claim("azp", "hues-kiosk") << AuthError::IdTokenAudience;
    QTest::newRow("wrong issuer") << claim("iss", "https://evil.example")
                                  << AuthError::IdTokenIssuer;
    QTest::newRow("issuer with slash") << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &) {
        c.insert("iss", QString(op->issuer() + "/"));
    }) << AuthError::IdTokenIssuer;
    QTest::newRow("no sub") << claim("sub", QJsonValue::Undefined) << AuthError::IdTokenMalformed;
    QTest::newRow("bad signature") << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &token) {
        token = jose::signJwt(c, op->key);
        const qsizetype dot = token.lastIndexOf('.');
        token[dot + 5] = token[dot + 5] == 'A' ? 'B' : 'A';
    }) << AuthError::IdTokenSignature;
    QTest::newRow("tampered claims")
        << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &token) {
               const QList<QByteArray> parts = jose::signJwt(c, op->key).split('.');
               c.insert("sub", "someone-else");
               token = parts[0] + '.' + b64(QJsonDocument(c).toJson(QJsonDocument::Compact)) + '.' +
                       parts[2];
           })
        << AuthError::IdTokenSignature;
    QTest::newRow("signed by a stranger")
        << Hook([](FakeProvider *, QJsonObject &c, QByteArray &token) {
               token = jose::signJwt(c, jose::Key::generateEs256());
           })
        << AuthError::IdTokenSignature;
    QTest::newRow("stranger borrowing our kid")
        << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &token) {
               const jose::Key stranger = jose::Key::generateEs256();
               const QList<QByteArray> parts = jose::signJwt(c, stranger).split('.');
               QJsonObject h = QJsonDocument::fromJson(*jose::base64UrlDecode(parts[0])).object();
               h.insert("kid", op->key.kid());
               token = compact(h, c, parts[2]);
           })
        << AuthError::IdTokenSignature;
    QTest::newRow("alg none") << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &token) {
        token = compact(QJsonObject{{"alg", "none"}, {"kid", op->key.kid()}}, c, {});
    }) << AuthError::IdTokenSignature;
    QTest::newRow("alg HS256 keyed with the public key")
        << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &token) {
               const QJsonObject h{{"alg", "HS256"}, {"kid", op->key.kid()}};
               const QByteArray input = b64(QJsonDocument(h).toJson(QJsonDocument::Compact)) + '.' +
                                        b64(QJsonDocument(c).toJson(QJsonDocument::Compact));
               const QByteArray mac = QMessageAuthenticationCode::hash(input, op->key.toPublicPem(),
                                                                       QCryptographicHash::Sha256);
               token = input + '.' + b64(mac);
           })
        << AuthError::IdTokenSignature;
    QTest::newRow("two parts") << Hook([](FakeProvider *op, QJsonObject &c, QByteArray &token) {
        const QList<QByteArray> parts = jose::signJwt(c, op->key).split('.');
        token = parts[0] + '.' + parts[1];
    }) << AuthError::IdTokenMalformed;
    QTest::newRow("not a JWT") << Hook([](FakeProvider *, QJsonObject &, QByteArray &token) {
        token = "hello";
    }) << AuthError::IdTokenMalformed;
}

void TstAuthorizationFlow::idTokenRefused()
{
    QFETCH(Hook, hook);
    QFETCH(AuthError::Kind, kind);
    FakeProvider *op = m_op.get();
    m_op->idTokenHook = [op, hook](QJsonObject &claims, QByteArray &token) {
        hook(op, claims, token);
    };
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QVERIFY(!flow->isOk());
    QCOMPARE(flow->state(), AuthorizationFlow::Failed);
    QCOMPARE(flow->error().kind, kind);
    QVERIFY(!flow->error().message().isEmpty());
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
    QVERIFY(flow->result().tokens.refreshToken.isEmpty());
    // No session left behind at the provider either: the refresh token was given back.
    QTRY_COMPARE(m_op->revoked.size(), 1);
    QVERIFY(m_op->refreshTokens.contains(m_op->revoked.first()));
}

void TstAuthorizationFlow::reusedCode()
{
    // The browser replays the same code: the provider says invalid_grant.
    QUrl first;
    m_browser->bend = [&first](QUrl back) {
        if (first.isEmpty())
            first = back;
        QUrl replay = back;
        QUrlQuery q(back);
        QUrlQuery old(first);
        q.removeAllQueryItems("code");
        q.addQueryItem("code", old.queryItemValue("code", QUrl::FullyDecoded));
        replay.setQuery(q);
        return replay;
    };
    AuthorizationFlow *one = makeFlow();
    QVERIFY(run(one));
    QVERIFY(one->isOk());
    AuthorizationFlow *two = makeFlow();
    QVERIFY(run(two));
    QCOMPARE(two->error().kind, AuthError::ProviderRefused);
    QCOMPARE(two->error().code, QString("invalid_grant"));
    QVERIFY(two->result().tokens.accessToken.isEmpty());
}

void TstAuthorizationFlow::providerDown()
{
    OidcClientConfig config;
    config.issuer = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    config.clientId = QStringLiteral("hues-app");
    AuthorizationFlow flow(m_client.get(), config);
    flow.setBrowser(m_browser->function());
    QVERIFY(run(&flow));
    QCOMPARE(flow.error().kind, AuthError::Network);
    QCOMPARE(flow.error().network.kind, net::ApiError::Offline);
    QVERIFY(m_browser->opened.isEmpty());
}

void TstAuthorizationFlow::tokenEndpointDown()
{
    m_op->discoveryOverride.insert("token_endpoint",
                                   QStringLiteral("http://127.0.0.1:%1/token").arg(closedPort()));
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::Network);
    QTRY_COMPARE(m_client->findChildren<net::ApiReply *>().size(), 0); // none leaked
}

void TstAuthorizationFlow::badTokenResponse_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::newRow("not json") << authtest::httpResponse(200, "<html>", "text/html");
    QTest::newRow("array") << authtest::httpResponse(200, "[1]");
    QTest::newRow("mac token") << authtest::jsonResponse(
        200, {{"access_token", "a"}, {"token_type", "mac"}, {"id_token", "x.y.z"}});
    QTest::newRow("no access token")
        << authtest::jsonResponse(200, {{"token_type", "Bearer"}, {"id_token", "x.y.z"}});
    QTest::newRow("header injection") << authtest::jsonResponse(
        200, {{"access_token", "a\r\nX-Evil: 1"}, {"token_type", "Bearer"}, {"id_token", "x"}});
    QTest::newRow("no id token") << authtest::jsonResponse(
        200, {{"access_token", "a"}, {"token_type", "Bearer"}, {"expires_in", 60}});
    QTest::newRow("negative expiry") << authtest::jsonResponse(
        200, {{"access_token", "a"}, {"token_type", "Bearer"}, {"expires_in", -5}});
}

void TstAuthorizationFlow::badTokenResponse()
{
    QFETCH(QByteArray, response);
    m_op->tokenOverride = [response](const authtest::StubRequest &) { return response; };
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::BadTokenResponse);
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
}

void TstAuthorizationFlow::discoveryForOtherIssuer()
{
    m_op->discoveryOverride.insert("issuer", "https://id.example");
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::BadProvider);
    QVERIFY(m_browser->opened.isEmpty());
}

void TstAuthorizationFlow::noBrowser()
{
    m_browser->works = false;
    AuthorizationFlow *flow = makeFlow();
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::BrowserUnavailable);
    // The loopback port is not left open.
    const QUrl redirect(
        QUrlQuery(m_browser->opened.first()).queryItemValue("redirect_uri", QUrl::FullyDecoded));
    QTcpSocket probe;
    QSignalSpy error(&probe, &QTcpSocket::errorOccurred);
    probe.connectToHost(QHostAddress::LocalHost, quint16(redirect.port()));
    QVERIFY(error.wait(5000));
    QCOMPARE(probe.error(), QAbstractSocket::ConnectionRefusedError);
}

void TstAuthorizationFlow::timesOut()
{
    m_browser->bend = [](QUrl) { return QUrl(); }; // the user never comes back
    AuthorizationFlow *flow = makeFlow();
    flow->setTimeout(200);
    QVERIFY(run(flow));
    QCOMPARE(flow->error().kind, AuthError::TimedOut);
}

void TstAuthorizationFlow::cancelWhileWaiting()
{
    m_browser->bend = [](QUrl) { return QUrl(); };
    AuthorizationFlow *flow = makeFlow();
    QSignalSpy finished(flow, &AuthorizationFlow::finished);
    flow->start();
    QTRY_COMPARE(flow->state(), AuthorizationFlow::WaitingForBrowser);
    flow->cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(flow->error().kind, AuthError::Cancelled);
    flow->cancel(); // twice is harmless
    QCOMPARE(finished.size(), 1);
}

void TstAuthorizationFlow::tokenSetParsing()
{
    QString why;
    const qint64 now = 1700000000;
    auto t = TokenSet::fromResponse({{"access_token", "abc"},
                                     {"token_type", "bearer"},
                                     {"expires_in", "120"},
                                     {"refresh_token", "r1"},
                                     {"scope", "openid"}},
                                    now, &why);
    QVERIFY2(t, qPrintable(why));
    QCOMPARE(t->expiresAt, now + 120);
    QCOMPARE(t->refreshToken, QByteArray("r1"));
    QVERIFY(t->idToken.isEmpty());
    QVERIFY(!TokenSet::fromResponse({{"access_token", "abc"},
                                     {"token_type", "Bearer"},
                                     {"refresh_token", QString::fromUtf8("r\xc3\xa9")}},
                                    now, &why));
    QVERIFY(!TokenSet::fromResponse(
        {{"access_token", QString(20000, 'a')}, {"token_type", "Bearer"}}, now, &why));
    QVERIFY(!TokenSet::fromResponse(
        {{"access_token", "a"}, {"token_type", "Bearer"}, {"expires_in", 1e12}}, now, &why));
    QVERIFY(TokenSet::fromResponse({{"access_token", "a"}, {"token_type", "Bearer"}}, now, &why)
                ->expiresAt == 0);
}

QTEST_GUILESS_MAIN(TstAuthorizationFlow)
#include "tst_authorizationflow.moc"
