// hues-server as OpenID Provider, black box: the test plays the browser (plain HTTP, a cookie
// jar, redirects read rather than followed) and the clients (app, kiosk, partner), over SQLite
// and, when HUES_TEST_PG_URL is set, PostgreSQL.
#include "Backends.h"
#include "TestServer.h"
#include "jose/Jose.h"

#include <QDateTime>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

#include <QSet>
#include <QSignalSpy>

#include <algorithm>
#include <memory>
#include <vector>

using namespace hues::test;

namespace {

const QString kApp = QStringLiteral("hues-app");
const QString kKiosk = QStringLiteral("hues-kiosk");
const QString kPartner = QStringLiteral("evn-hue");
const QString kPartnerSecret = QStringLiteral("evn-hue-demo-secret");
const QString kCitizenPassword = QStringLiteral("hues-citizen-demo");
const QString kIocPassword = QStringLiteral("hues-ioc-demo");
const QByteArray kDeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

struct Pkce
{
    QString verifier = QString::fromLatin1(jose::randomToken(32));
    QString challenge = QString::fromLatin1(jose::pkceChallengeS256(verifier.toLatin1()));
};

// A loopback redirect URI on an arbitrary port, as a desktop app would open (RFC 8252 §7.3).
QString loopbackRedirect()
{
    return QStringLiteral("http://127.0.0.1:%1/callback")
        .arg(QRandomGenerator::global()->bounded(20000, 60000));
}

QUrlQuery queryOf(const QByteArray &location)
{
    return QUrlQuery(QUrl::fromEncoded(location));
}

QString param(const QByteArray &location, const QString &name)
{
    return queryOf(location).queryItemValue(name, QUrl::FullyDecoded);
}

QJsonObject jwtPart(const QString &jwt, int index)
{
    const auto bytes = jose::base64UrlDecode(jwt.split(QLatin1Char('.')).value(index).toLatin1());
    return bytes ? QJsonDocument::fromJson(*bytes).object() : QJsonObject();
}

qint64 nowS()
{
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

class TestServerOidc : public QObject
{
    Q_OBJECT

private:
    static QUrl authorizeUrl(const TestServer &server, const QString &redirectUri, const Pkce &pkce,
                             const FormFields &extra = {}, const QString &clientId = kApp)
    {
        QUrlQuery query;
        const FormFields fields = FormFields{
            {QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("redirect_uri"), redirectUri},
            {QStringLiteral("scope"), QStringLiteral("openid profile phone citizen")},
            {QStringLiteral("state"),
             QStringLiteral("st-") + QString::fromLatin1(jose::randomToken(8))},
            {QStringLiteral("nonce"),
             QStringLiteral("n-") + QString::fromLatin1(jose::randomToken(8))},
            {QStringLiteral("code_challenge"), pkce.challenge},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
        };
        FormFields merged;
        for (const auto &field : fields) {
            bool overridden = false;
            for (const auto &[name, value] : extra)
                overridden = overridden || name == field.first;
            if (!overridden)
                merged.append(field);
        }
        merged += extra;
        QUrl url = server.url(QStringLiteral("/oauth2/authorize"));
        QByteArray encoded;
        for (const auto &[name, value] : merged) {
            if (value.isNull())
                continue; // a way for a test to drop a parameter
            encoded += (encoded.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' +
                       QUrl::toPercentEncoding(value);
        }
        url.setQuery(QString::fromLatin1(encoded));
        return url;
    }

    static HttpResult tokenRequest(const TestServer &server, const FormFields &fields,
                                   const HeaderList &headers = {})
    {
        HeaderList all = headers;
        all.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
        return httpRequest("POST", server.url(QStringLiteral("/oauth2/token")), formEncode(fields),
                           all);
    }

    static HttpResult apiGet(const TestServer &server, const QString &path,
                             const QString &accessToken)
    {
        HeaderList headers;
        if (!accessToken.isNull())
            headers.append(
                qMakePair(QByteArray("Authorization"), "Bearer " + accessToken.toLatin1()));
        return httpRequest("GET", server.url(path), {}, headers);
    }

    static jose::KeySet serverKeys(const TestServer &server)
    {
        return jose::KeySet::fromJwks(httpGet(server.url(QStringLiteral("/oauth2/jwks"))).object());
    }

    // The server's private signing key, read where the server keeps it.
    static jose::Key serverPrivateKey(TestServer &server)
    {
        if (server.databaseUrl().isEmpty()) {
            QFile file(server.dataDir() + QStringLiteral("/oidc-signing-key.pem"));
            if (!file.open(QIODevice::ReadOnly))
                return {};
            return jose::Key::fromPem(file.readAll());
        }
        QSqlQuery query(server.database());
        if (!query.exec(QStringLiteral("SELECT private_pem FROM signing_keys")) || !query.next())
            return {};
        return jose::Key::fromPem(query.value(0).toString().toLatin1());
    }

    struct Tokens
    {
        QString accessToken;
        QString idToken;
        QString refreshToken;
        QString nonce;
        QString code;
        QString redirectUri;
        Pkce pkce;
    };

    // The whole code + PKCE flow as a browser and the app: sign in (or reuse the browser's
    // session), take the code from the loopback redirect, redeem it.
    static Tokens codeFlow(const TestServer &server, Browser &browser,
                           const QString &username = QStringLiteral("citizen"),
                           const QString &password = kCitizenPassword)
    {
        Tokens tokens;
        tokens.redirectUri = loopbackRedirect();
        const QUrl url = authorizeUrl(server, tokens.redirectUri, tokens.pkce);
        const HttpResult answer = browser.signIn(url, username, password);
        const QByteArray location = answer.header("Location");
        if (answer.status != 302 && answer.status != 303) {
            qWarning() << "authorization ended with" << answer.status << answer.body.left(300);
            return tokens;
        }
        tokens.nonce = QUrlQuery(url).queryItemValue(QStringLiteral("nonce"));
        tokens.code = param(location, QStringLiteral("code"));
        const HttpResult token = tokenRequest(
            server, {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                     {QStringLiteral("client_id"), kApp},
                     {QStringLiteral("code"), tokens.code},
                     {QStringLiteral("redirect_uri"), tokens.redirectUri},
                     {QStringLiteral("code_verifier"), tokens.pkce.verifier}});
        if (token.status != 200)
            qWarning() << "token endpoint said" << token.status << token.body;
        tokens.accessToken = token.object().value(QStringLiteral("access_token")).toString();
        tokens.idToken = token.object().value(QStringLiteral("id_token")).toString();
        tokens.refreshToken = token.object().value(QStringLiteral("refresh_token")).toString();
        return tokens;
    }

    static HttpResult refresh(const TestServer &server, const QString &refreshToken,
                              const QString &clientId = kApp)
    {
        return tokenRequest(server,
                            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                             {QStringLiteral("client_id"), clientId},
                             {QStringLiteral("refresh_token"), refreshToken}});
    }

    static QString errorOf(const HttpResult &result)
    {
        return result.object().value(QStringLiteral("error")).toString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void discoveryAndKeys_data() { backends(); }
    void discoveryAndKeys()
    {
        HUES_START_SERVER(server);
        const QString issuer = server.baseUrl().toString();
        const HttpResult discovery =
            httpGet(server.url(QStringLiteral("/.well-known/openid-configuration")));
        QCOMPARE(discovery.status, 200);
        const QJsonObject doc = discovery.object();
        QCOMPARE(doc.value(QStringLiteral("issuer")).toString(), issuer);
        for (const auto &[key, path] : QList<QPair<QString, QString>>{
                 {QStringLiteral("authorization_endpoint"), QStringLiteral("/oauth2/authorize")},
                 {QStringLiteral("token_endpoint"), QStringLiteral("/oauth2/token")},
                 {QStringLiteral("userinfo_endpoint"), QStringLiteral("/oauth2/userinfo")},
                 {QStringLiteral("jwks_uri"), QStringLiteral("/oauth2/jwks")},
                 {QStringLiteral("revocation_endpoint"), QStringLiteral("/oauth2/revoke")},
                 {QStringLiteral("end_session_endpoint"), QStringLiteral("/oauth2/logout")},
                 {QStringLiteral("device_authorization_endpoint"),
                  QStringLiteral("/oauth2/device_authorization")}})
            QCOMPARE(doc.value(key).toString(), issuer + path);
        QCOMPARE(doc.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("S256")});
        QCOMPARE(doc.value(QStringLiteral("response_types_supported")).toArray(),
                 QJsonArray{QStringLiteral("code")});
        QCOMPARE(doc.value(QStringLiteral("id_token_signing_alg_values_supported")).toArray(),
                 QJsonArray{QStringLiteral("ES256")});
        QCOMPARE(doc.value(QStringLiteral("subject_types_supported")).toArray(),
                 QJsonArray{QStringLiteral("public")});
        const QJsonArray grants = doc.value(QStringLiteral("grant_types_supported")).toArray();
        for (const char *grant : {"authorization_code", "refresh_token", "client_credentials",
                                  "urn:ietf:params:oauth:grant-type:device_code"})
            QVERIFY(grants.contains(QLatin1String(grant)));
        const QJsonArray auth =
            doc.value(QStringLiteral("token_endpoint_auth_methods_supported")).toArray();
        QCOMPARE(auth, (QJsonArray{QStringLiteral("none"), QStringLiteral("client_secret_basic"),
                                   QStringLiteral("client_secret_post")}));
        QVERIFY(doc.value(QStringLiteral("scopes_supported"))
                    .toArray()
                    .contains(QStringLiteral("openid")));
        QVERIFY(doc.value(QStringLiteral("claims_supported"))
                    .toArray()
                    .contains(QStringLiteral("citizen_id")));

        const HttpResult jwks = httpGet(server.url(QStringLiteral("/oauth2/jwks")));
        QCOMPARE(jwks.status, 200);
        const QJsonArray keys = jwks.object().value(QStringLiteral("keys")).toArray();
        QCOMPARE(keys.size(), 1);
        const QJsonObject jwk = keys.first().toObject();
        QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), QStringLiteral("EC"));
        QCOMPARE(jwk.value(QStringLiteral("crv")).toString(), QStringLiteral("P-256"));
        QCOMPARE(jwk.value(QStringLiteral("alg")).toString(), QStringLiteral("ES256"));
        QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
        QVERIFY(!jwk.contains(QStringLiteral("d"))); // never the private part
        const QString kid = jwk.value(QStringLiteral("kid")).toString();
        QVERIFY(!kid.isEmpty());

        // Where the private key lives: a 0600 file on SQLite, the database on PostgreSQL.
        const QString keyFile = server.dataDir() + QStringLiteral("/oidc-signing-key.pem");
        if (backend == QLatin1String("sqlite")) {
            QVERIFY(QFile::exists(keyFile));
            const QFileDevice::Permissions others =
                QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
            QCOMPARE(QFile::permissions(keyFile) & others, QFileDevice::Permissions());
            QVERIFY(QFile::permissions(keyFile) & QFileDevice::ReadOwner);
        } else {
            QVERIFY(!QFile::exists(keyFile));
        }
        QCOMPARE(serverPrivateKey(server).kid(), kid);

        // The key survives a restart.
        QCOMPARE(server.stop(), 0);
        TestServer::Options again = seeded(dbUrl_);
        again.dataDir = server.dataDir();
        TestServer second(again);
        QVERIFY2(second.start(), qPrintable(second.errorString()));
        const QJsonObject after = httpGet(second.url(QStringLiteral("/oauth2/jwks"))).object();
        QCOMPARE(after.value(QStringLiteral("keys"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("kid")),
                 QJsonValue(kid));
    }

    void processesShareOneKeyOnPostgres()
    {
        if (postgresUrlFromEnv().isEmpty())
            QSKIP(kNoPostgres);
        ScratchDatabase scratch(postgresUrlFromEnv());
        QVERIFY2(scratch.isValid(), qPrintable(scratch.errorString()));
        std::vector<std::unique_ptr<TestServer>> servers;
        // Behind one proxy, as in a deployment: one issuer for all processes.
        TestServer::Options options = seeded(scratch.url());
        options.extraArgs = {QStringLiteral("--issuer"), QStringLiteral("http://localhost:9")};
        for (int i = 0; i < 3; ++i)
            servers.push_back(std::make_unique<TestServer>(options));
        for (auto &server : servers)
            server->launch(); // at once: the first start races to make the key
        for (auto &server : servers)
            QVERIFY2(server->waitUntilListening(), qPrintable(server->errorString()));
        QSet<QString> kids;
        for (auto &server : servers) {
            const QJsonArray keys = httpGet(server->url(QStringLiteral("/oauth2/jwks")))
                                        .object()
                                        .value(QStringLiteral("keys"))
                                        .toArray();
            QCOMPARE(keys.size(), 1);
            kids.insert(keys.first().toObject().value(QStringLiteral("kid")).toString());
        }
        QCOMPARE(kids.size(), 1);
        QSqlQuery count(servers.front()->database());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM signing_keys")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 1);
        count.finish();

        // Tokens of one process are good at another; a refresh token spent at one and
        // replayed at another revokes the family, whose access tokens then fail everywhere.
        TestServer &a = *servers.at(0);
        TestServer &b = *servers.at(1);
        Browser browser;
        const Tokens tokens = codeFlow(a, browser);
        QVERIFY(!tokens.accessToken.isEmpty());
        QCOMPARE(apiGet(b, QStringLiteral("/api/v1/me"), tokens.accessToken).status, 200);
        QCOMPARE(jwtPart(tokens.idToken, 1).value(QStringLiteral("iss")).toString(),
                 QStringLiteral("http://localhost:9"));
        QCOMPARE(refresh(a, tokens.refreshToken).status, 200);
        QCOMPARE(errorOf(refresh(b, tokens.refreshToken)), QStringLiteral("invalid_grant"));
        QSqlQuery reason(a.database());
        QVERIFY(reason.exec(QStringLiteral("SELECT revoked_reason FROM token_families")));
        QVERIFY(reason.next());
        QCOMPARE(reason.value(0).toString(), QStringLiteral("refresh token reused"));
        reason.finish();
        QCOMPARE(apiGet(*servers.at(2), QStringLiteral("/api/v1/me"), tokens.accessToken).status,
                 401);
    }

    void issuerOption()
    {
        TestServer::Options o;
        o.extraArgs = {QStringLiteral("--issuer"), QStringLiteral("https://id.hue.example/")};
        TestServer server(o);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QJsonObject doc =
            httpGet(server.url(QStringLiteral("/.well-known/openid-configuration"))).object();
        QCOMPARE(doc.value(QStringLiteral("issuer")).toString(),
                 QStringLiteral("https://id.hue.example"));
        QCOMPARE(doc.value(QStringLiteral("token_endpoint")).toString(),
                 QStringLiteral("https://id.hue.example/oauth2/token"));

        for (const char *bad :
             {"http://id.hue.example", "https://id.hue.example/?x=1", "ftp://x", "not a url"}) {
            TestServer::Options b;
            b.extraArgs = {QStringLiteral("--issuer"), QLatin1String(bad)};
            TestServer refused(b);
            QVERIFY(!refused.start());
            QVERIFY(refused.waitForExit());
            QCOMPARE(refused.exitCode(), 2);
            QVERIFY2(refused.stderrText().contains(QLatin1String("bad --issuer")),
                     qPrintable(refused.stderrText()));
        }
    }

    void codeFlowWithPkce_data() { backends(); }
    void codeFlowWithPkce()
    {
        HUES_START_SERVER(server);
        Browser browser;
        const QString redirectUri = loopbackRedirect();
        const Pkce pkce;
        const QString state = QStringLiteral("state with spaces & symbols/+=");
        const QUrl url = authorizeUrl(server, redirectUri, pkce,
                                      {{QStringLiteral("state"), state},
                                       {QStringLiteral("nonce"), QStringLiteral("nonce-123")}});

        // The login form: Vietnamese by default, English when the browser prefers it.
        const HttpResult form = browser.get(url, {{"Accept-Language", "fr-FR,fr;q=0.9"}});
        QCOMPARE(form.status, 200);
        QVERIFY(form.header("Content-Type").startsWith("text/html"));
        QCOMPARE(form.header("X-Frame-Options"), QByteArray("DENY"));
        QVERIFY(form.body.contains("lang=\"vi\""));
        QVERIFY(QString::fromUtf8(form.body).contains(QStringLiteral("Mật khẩu")));
        QVERIFY(form.header("Set-Cookie").contains("HttpOnly"));
        const HttpResult english =
            browser.get(url, {{"Accept-Language", "en-GB,en;q=0.9,vi;q=0.5"}});
        QVERIFY(english.body.contains("lang=\"en\""));
        QVERIFY(english.body.contains("Password"));
        QVERIFY(
            browser.get(QUrl(url.toString(QUrl::FullyEncoded) + QStringLiteral("&ui_locales=en")))
                .body.contains("lang=\"en\""));

        // A wrong password: the form again, a message that does not say which part was wrong.
        FormFields fields = Browser::hiddenFields(form.body);
        QVERIFY(!fields.isEmpty());
        FormFields wrong = fields;
        wrong += {{QStringLiteral("username"), QStringLiteral("citizen")},
                  {QStringLiteral("password"), QStringLiteral("not-the-password")}};
        const HttpResult refused =
            browser.post(server.url(QStringLiteral("/oauth2/authorize")), wrong);
        QCOMPARE(refused.status, 200);
        QVERIFY(refused.header("Location").isEmpty());
        QVERIFY(QString::fromUtf8(refused.body)
                    .contains(QStringLiteral("Tên đăng nhập hoặc mật khẩu không đúng")));

        // The right one: 303 to the loopback URI with code, state and iss.
        fields += {{QStringLiteral("username"), QStringLiteral("citizen")},
                   {QStringLiteral("password"), kCitizenPassword}};
        const HttpResult signedIn =
            browser.post(server.url(QStringLiteral("/oauth2/authorize")), fields);
        QCOMPARE(signedIn.status, 303);
        const QByteArray location = signedIn.header("Location");
        QVERIFY2(location.startsWith(QByteArray(redirectUri.toLatin1() + '?')),
                 location.constData());
        QCOMPARE(param(location, QStringLiteral("state")), state);
        QCOMPARE(param(location, QStringLiteral("iss")), server.baseUrl().toString());
        const QString code = param(location, QStringLiteral("code"));
        QVERIFY(code.size() >= 43);
        const QByteArray sessionCookie = signedIn.header("Set-Cookie");
        QVERIFY2(sessionCookie.startsWith("hues_session="), sessionCookie.constData());
        QVERIFY(sessionCookie.contains("HttpOnly"));
        QVERIFY(sessionCookie.contains("SameSite=Lax"));

        const HttpResult token = tokenRequest(
            server, {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                     {QStringLiteral("client_id"), kApp},
                     {QStringLiteral("code"), code},
                     {QStringLiteral("redirect_uri"), redirectUri},
                     {QStringLiteral("code_verifier"), pkce.verifier}});
        QCOMPARE(token.status, 200);
        QCOMPARE(token.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject body = token.object();
        QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QVERIFY(body.value(QStringLiteral("expires_in")).toInt() > 0);
        QVERIFY(body.value(QStringLiteral("expires_in")).toInt() <= 600);
        QVERIFY(!body.value(QStringLiteral("refresh_token")).toString().isEmpty());

        // The ID token, checked as a relying party would, with the keys from the JWKS.
        const QString idToken = body.value(QStringLiteral("id_token")).toString();
        jose::ClaimsCheck check;
        check.issuer = server.baseUrl().toString();
        check.audience = kApp;
        check.nonce = QStringLiteral("nonce-123");
        QString error;
        const auto claims = jose::verifyJwt(idToken.toLatin1(), serverKeys(server),
                                            {QStringLiteral("ES256")}, check, &error);
        QVERIFY2(claims, qPrintable(error));
        QCOMPARE(claims->value(QStringLiteral("sub")).toString(), QStringLiteral("acc-citizen"));
        QCOMPARE(claims->value(QStringLiteral("name")).toString(),
                 QStringLiteral("Nguyễn Thị Hương"));
        QVERIFY(qAbs(claims->value(QStringLiteral("auth_time")).toInteger() - nowS()) < 120);
        QVERIFY(!claims->value(QStringLiteral("sid")).toString().isEmpty());
        const QString accessToken = body.value(QStringLiteral("access_token")).toString();
        QCOMPARE(claims->value(QStringLiteral("at_hash")).toString(),
                 QString::fromLatin1(
                     jose::base64UrlEncode(jose::sha256(accessToken.toLatin1()).left(16))));
        // The wrong nonce fails.
        check.nonce = QStringLiteral("other");
        QVERIFY(!jose::verifyJwt(idToken.toLatin1(), serverKeys(server), {QStringLiteral("ES256")},
                                 check));

        // The access token: an RFC 9068 JWT for the API audience.
        QCOMPARE(jwtPart(accessToken, 0).value(QStringLiteral("typ")).toString(),
                 QStringLiteral("at+jwt"));
        const QJsonObject access = jwtPart(accessToken, 1);
        QCOMPARE(access.value(QStringLiteral("aud")).toString(), QStringLiteral("hues-api"));
        QCOMPARE(access.value(QStringLiteral("client_id")).toString(), kApp);
        QCOMPARE(access.value(QStringLiteral("sub")).toString(), QStringLiteral("acc-citizen"));
        QVERIFY(access.value(QStringLiteral("exp")).toInteger() - nowS() <= 600);
        QVERIFY(!access.value(QStringLiteral("jti")).toString().isEmpty());
        QCOMPARE(access.value(QStringLiteral("scope")).toString(),
                 QStringLiteral("openid profile phone citizen"));

        const HttpResult userinfo = apiGet(server, QStringLiteral("/oauth2/userinfo"), accessToken);
        QCOMPARE(userinfo.status, 200);
        QCOMPARE(userinfo.object().value(QStringLiteral("sub")).toString(),
                 QStringLiteral("acc-citizen"));
        QCOMPARE(userinfo.object().value(QStringLiteral("citizen_id")).toString(),
                 QStringLiteral("046190001234"));
        QCOMPARE(userinfo.object().value(QStringLiteral("phone_number")).toString(),
                 QStringLiteral("+84905123456"));
        QVERIFY(!userinfo.object().contains(QStringLiteral("email"))); // scope email not asked
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), accessToken).status, 200);

        // Single sign-on: the same browser gets a code at once, without the form.
        const Pkce second;
        const HttpResult sso = browser.get(authorizeUrl(server, loopbackRedirect(), second));
        QCOMPARE(sso.status, 302);
        QVERIFY(!param(sso.header("Location"), QStringLiteral("code")).isEmpty());
        // ...unless the client asks for a fresh login.
        const HttpResult again =
            browser.get(authorizeUrl(server, loopbackRedirect(), second,
                                     {{QStringLiteral("prompt"), QStringLiteral("login")}}));
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("name=\"password\""));

        // The custom scheme of the mobile app is registered too.
        const HttpResult mobile = browser.get(
            authorizeUrl(server, QStringLiteral("vn.hue.hues:/oauth2redirect"), second));
        QCOMPARE(mobile.status, 302);
        QVERIFY(mobile.header("Location").startsWith("vn.hue.hues:/oauth2redirect?code="));

        QCOMPARE(server.stop(), 0);
        const QString log = server.stderrText();
        QVERIFY(!log.contains(kCitizenPassword));
        QVERIFY(!log.contains(QLatin1String("not-the-password")));
        QVERIFY(!log.contains(code));
        QVERIFY(!log.contains(body.value(QStringLiteral("refresh_token")).toString()));
        QVERIFY(!log.contains(accessToken.left(60)));
    }

    void authorizationErrorsBeforeRedirectAreShown_data()
    {
        QTest::addColumn<QString>("clientId");
        QTest::addColumn<QString>("redirectUri");
        QTest::newRow("unknown-client") << QStringLiteral("nobody") << loopbackRedirect();
        QTest::newRow("no-client") << QString() << loopbackRedirect();
        QTest::newRow("kiosk-cannot-use-code") << kKiosk << loopbackRedirect();
        QTest::newRow("no-redirect") << kApp << QString();
        QTest::newRow("other-host") << kApp << QStringLiteral("http://evil.example/callback");
        QTest::newRow("localhost") << kApp << QStringLiteral("http://localhost:4000/callback");
        QTest::newRow("other-path") << kApp << QStringLiteral("http://127.0.0.1:4000/callbacks");
        QTest::newRow("extra-query")
            << kApp << QStringLiteral("http://127.0.0.1:4000/callback?x=1");
        QTest::newRow("fragment") << kApp << QStringLiteral("http://127.0.0.1:4000/callback#x");
        QTest::newRow("https-loopback")
            << kApp << QStringLiteral("https://127.0.0.1:4000/callback");
        QTest::newRow("port-zero") << kApp << QStringLiteral("http://127.0.0.1:0/callback");
        QTest::newRow("port-too-big") << kApp << QStringLiteral("http://127.0.0.1:70000/callback");
        QTest::newRow("userinfo") << kApp << QStringLiteral("http://x@127.0.0.1:4000/callback");
        QTest::newRow("scheme-variant") << kApp << QStringLiteral("vn.hue.hues:/oauth2redirect/x");
    }
    void authorizationErrorsBeforeRedirectAreShown()
    {
        QFETCH(QString, clientId);
        QFETCH(QString, redirectUri);
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const Pkce pkce;
        FormFields extra{{QStringLiteral("client_id"), clientId},
                         {QStringLiteral("redirect_uri"), redirectUri}};
        const HttpResult page = browser.get(authorizeUrl(server, redirectUri, pkce, extra));
        QCOMPARE(page.status, 400);
        QVERIFY(page.header("Location").isEmpty());
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QVERIFY(page.body.contains("<h1>"));
    }

    void authorizationErrorsAfterRedirectGoBack_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << QStringLiteral("code_challenge_method") << QStringLiteral("plain")
                               << QStringLiteral("invalid_request");
        QTest::newRow("no-method") << QStringLiteral("code_challenge_method") << QString()
                                   << QStringLiteral("invalid_request");
        QTest::newRow("no-challenge")
            << QStringLiteral("code_challenge") << QString() << QStringLiteral("invalid_request");
        QTest::newRow("short-challenge")
            << QStringLiteral("code_challenge") << QStringLiteral("abc")
            << QStringLiteral("invalid_request");
        QTest::newRow("token-flow") << QStringLiteral("response_type") << QStringLiteral("token")
                                    << QStringLiteral("unsupported_response_type");
        QTest::newRow("no-openid") << QStringLiteral("scope") << QStringLiteral("profile")
                                   << QStringLiteral("invalid_scope");
        QTest::newRow("scope-not-allowed")
            << QStringLiteral("scope") << QStringLiteral("openid alerts:publish")
            << QStringLiteral("invalid_scope");
        QTest::newRow("prompt-none") << QStringLiteral("prompt") << QStringLiteral("none")
                                     << QStringLiteral("login_required");
        QTest::newRow("request-object") << QStringLiteral("request") << QStringLiteral("eyJ.x.y")
                                        << QStringLiteral("request_not_supported");
        QTest::newRow("bad-max-age") << QStringLiteral("max_age") << QStringLiteral("-1")
                                     << QStringLiteral("invalid_request");
    }
    void authorizationErrorsAfterRedirectGoBack()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, error);
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const QString redirectUri = loopbackRedirect();
        const HttpResult answer = browser.get(
            authorizeUrl(server, redirectUri, Pkce(),
                         {{name, value}, {QStringLiteral("state"), QStringLiteral("s-1")}}));
        QCOMPARE(answer.status, 302);
        const QByteArray location = answer.header("Location");
        QVERIFY2(location.startsWith(QByteArray(redirectUri.toLatin1() + '?')),
                 location.constData());
        QCOMPARE(param(location, QStringLiteral("error")), error);
        QVERIFY(!param(location, QStringLiteral("error_description")).isEmpty());
        QCOMPARE(param(location, QStringLiteral("state")), QStringLiteral("s-1"));
        QVERIFY(param(location, QStringLiteral("code")).isEmpty());
    }

    void repeatedParameterIsRefused()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        QUrl url = authorizeUrl(server, loopbackRedirect(), Pkce());
        url.setQuery(url.query(QUrl::FullyEncoded) + QStringLiteral("&client_id=hues-kiosk"),
                     QUrl::StrictMode);
        const HttpResult page = browser.get(url);
        QCOMPARE(page.status, 400);
        QVERIFY(page.header("Location").isEmpty());
        const HttpResult token =
            httpRequest("POST", server.url(QStringLiteral("/oauth2/token")),
                        "grant_type=refresh_token&grant_type=client_credentials&client_id=hues-app",
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(token.status, 400);
        QCOMPARE(errorOf(token), QStringLiteral("invalid_request"));
    }

    void loginFormNeedsCsrfToken()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const QUrl url = authorizeUrl(server, loopbackRedirect(), Pkce());
        FormFields fields = Browser::hiddenFields(browser.get(url).body);
        for (auto &field : fields) {
            if (field.first == QLatin1String("csrf"))
                field.second = QString::fromLatin1(jose::randomToken(32));
        }
        fields += {{QStringLiteral("username"), QStringLiteral("citizen")},
                   {QStringLiteral("password"), kCitizenPassword}};
        const HttpResult answer =
            browser.post(server.url(QStringLiteral("/oauth2/authorize")), fields);
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.header("Location").isEmpty());
        // A browser without the cookie (another site's form) is refused the same way.
        Browser other;
        QCOMPARE(other.post(server.url(QStringLiteral("/oauth2/authorize")), fields).status, 400);
    }

    void codeIsOneTimeAndBound_data() { backends(); }
    void codeIsOneTimeAndBound()
    {
        HUES_START_SERVER(server);
        Browser browser;
        const Tokens tokens = codeFlow(server, browser);
        QVERIFY(!tokens.accessToken.isEmpty());
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), tokens.accessToken).status, 200);

        // Used again: refused, and what the first use obtained is revoked (RFC 6749 §4.1.2).
        const FormFields redeem{
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("client_id"), kApp},
            {QStringLiteral("code"), tokens.code},
            {QStringLiteral("redirect_uri"), tokens.redirectUri},
            {QStringLiteral("code_verifier"), tokens.pkce.verifier}};
        const HttpResult reuse = tokenRequest(server, redeem);
        QCOMPARE(reuse.status, 400);
        QCOMPARE(errorOf(reuse), QStringLiteral("invalid_grant"));
        QCOMPARE(errorOf(refresh(server, tokens.refreshToken)), QStringLiteral("invalid_grant"));
        const HttpResult me = apiGet(server, QStringLiteral("/api/v1/me"), tokens.accessToken);
        QCOMPARE(me.status, 401);
        QVERIFY(me.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    }

    void concurrentCodeRedemption_data() { backends(); }
    void concurrentCodeRedemption()
    {
        // Two redemptions of one code at the same moment (on PostgreSQL at two processes):
        // exactly one gets tokens, and the other's refusal revokes them, whatever the order.
        HUES_START_SERVER(server);
        std::unique_ptr<TestServer> other;
        if (!dbUrl_.isEmpty()) {
            TestServer::Options o = seeded(dbUrl_);
            o.extraArgs = {QStringLiteral("--issuer"), server.baseUrl().toString()};
            other = std::make_unique<TestServer>(o);
            QVERIFY2(other->start(), qPrintable(other->errorString()));
        }
        Browser browser;
        const QString redirectUri = loopbackRedirect();
        const Pkce pkce;
        const QString code = param(browser
                                       .signIn(authorizeUrl(server, redirectUri, pkce),
                                               QStringLiteral("citizen"), kCitizenPassword)
                                       .header("Location"),
                                   QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        const QByteArray body =
            formEncode({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                        {QStringLiteral("client_id"), kApp},
                        {QStringLiteral("code"), code},
                        {QStringLiteral("redirect_uri"), redirectUri},
                        {QStringLiteral("code_verifier"), pkce.verifier}});
        QNetworkAccessManager manager;
        QList<QNetworkReply *> replies;
        for (const TestServer *target : {&server, other ? other.get() : &server}) {
            QNetworkRequest request(target->url(QStringLiteral("/oauth2/token")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            replies.append(manager.post(request, body));
        }
        QList<int> statuses;
        QString accessToken;
        QString refreshToken;
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished()) {
                QSignalSpy finished(reply, &QNetworkReply::finished);
                QVERIFY(finished.wait(15000));
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            statuses.append(status);
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            if (status == 200) {
                accessToken = answer.value(QStringLiteral("access_token")).toString();
                refreshToken = answer.value(QStringLiteral("refresh_token")).toString();
            } else {
                QCOMPARE(answer.value(QStringLiteral("error")).toString(),
                         QStringLiteral("invalid_grant"));
            }
            reply->deleteLater();
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 400}));
        QCOMPARE(errorOf(refresh(server, refreshToken)), QStringLiteral("invalid_grant"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), accessToken).status, 401);
    }

    void codeRedemptionChecks_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("wrong-verifier")
            << QStringLiteral("code_verifier") << QString::fromLatin1(jose::randomToken(32))
            << QStringLiteral("invalid_grant");
        QTest::newRow("challenge-as-verifier")
            << QStringLiteral("code_verifier") << QStringLiteral("CHALLENGE")
            << QStringLiteral("invalid_grant");
        QTest::newRow("short-verifier") << QStringLiteral("code_verifier") << QStringLiteral("abc")
                                        << QStringLiteral("invalid_grant");
        QTest::newRow("no-verifier")
            << QStringLiteral("code_verifier") << QString() << QStringLiteral("invalid_request");
        QTest::newRow("other-redirect")
            << QStringLiteral("redirect_uri") << QStringLiteral("http://127.0.0.1:1/callback")
            << QStringLiteral("invalid_grant");
        QTest::newRow("other-client")
            << QStringLiteral("client_id") << kKiosk << QStringLiteral("unauthorized_client");
        QTest::newRow("unknown-code")
            << QStringLiteral("code") << QStringLiteral("nope") << QStringLiteral("invalid_grant");
        QTest::newRow("unknown-client") << QStringLiteral("client_id") << QStringLiteral("x")
                                        << QStringLiteral("invalid_client");
        QTest::newRow("unknown-grant") << QStringLiteral("grant_type") << QStringLiteral("password")
                                       << QStringLiteral("unsupported_grant_type");
    }
    void codeRedemptionChecks()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, error);
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const QString redirectUri = loopbackRedirect();
        const Pkce pkce;
        const HttpResult answer = browser.signIn(authorizeUrl(server, redirectUri, pkce),
                                                 QStringLiteral("citizen"), kCitizenPassword);
        const QString code = param(answer.header("Location"), QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        FormFields fields{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                          {QStringLiteral("client_id"), kApp},
                          {QStringLiteral("code"), code},
                          {QStringLiteral("redirect_uri"), redirectUri},
                          {QStringLiteral("code_verifier"), pkce.verifier}};
        for (auto &field : fields) {
            if (field.first == name)
                field.second = value == u"CHALLENGE" ? pkce.challenge : value;
        }
        const HttpResult refused = tokenRequest(server, fields);
        QVERIFY(refused.status == 400 || refused.status == 401);
        QCOMPARE(errorOf(refused), error);
        QVERIFY(!refused.object().value(QStringLiteral("error_description")).toString().isEmpty());
        QVERIFY(!refused.object().contains(QStringLiteral("access_token")));
        // The failed attempt did not spend the code: the right request still works once.
        fields = {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("client_id"), kApp},
                  {QStringLiteral("code"), code},
                  {QStringLiteral("redirect_uri"), redirectUri},
                  {QStringLiteral("code_verifier"), pkce.verifier}};
        QCOMPARE(tokenRequest(server, fields).status, 200);
        QCOMPARE(tokenRequest(server, fields).status, 400);
    }

    void expiredCodeIsRefused()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const QString redirectUri = loopbackRedirect();
        const Pkce pkce;
        const QString code = param(browser
                                       .signIn(authorizeUrl(server, redirectUri, pkce),
                                               QStringLiteral("citizen"), kCitizenPassword)
                                       .header("Location"),
                                   QStringLiteral("code"));
        QVERIFY(!code.isEmpty());
        // Codes live at most 10 minutes: the stored expiry says so, and an expired one fails.
        QSqlQuery lifetime(server.database());
        QVERIFY(lifetime.exec(QStringLiteral("SELECT expires_at - created_at FROM auth_codes")));
        QVERIFY(lifetime.next());
        QVERIFY(lifetime.value(0).toLongLong() <= 10LL * 60 * 1000);
        lifetime.finish();
        QVERIFY(server.execSql(QStringLiteral("UPDATE auth_codes SET expires_at = 0")));
        const HttpResult refused = tokenRequest(
            server, {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                     {QStringLiteral("client_id"), kApp},
                     {QStringLiteral("code"), code},
                     {QStringLiteral("redirect_uri"), redirectUri},
                     {QStringLiteral("code_verifier"), pkce.verifier}});
        QCOMPARE(errorOf(refused), QStringLiteral("invalid_grant"));
    }

    void refreshRotationAndReuse_data() { backends(); }
    void refreshRotationAndReuse()
    {
        HUES_START_SERVER(server);
        Browser browser;
        const Tokens tokens = codeFlow(server, browser);
        QVERIFY(!tokens.refreshToken.isEmpty());

        // Each refresh gives a new refresh token; the old one is spent.
        const HttpResult first = refresh(server, tokens.refreshToken);
        QCOMPARE(first.status, 200);
        const QString second = first.object().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!second.isEmpty());
        QVERIFY(second != tokens.refreshToken);
        const QString access2 = first.object().value(QStringLiteral("access_token")).toString();
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), access2).status, 200);
        // A refreshed ID token: same subject and auth_time, no nonce.
        const QString id2 = first.object().value(QStringLiteral("id_token")).toString();
        jose::ClaimsCheck check;
        check.issuer = server.baseUrl().toString();
        check.audience = kApp;
        const auto claims =
            jose::verifyJwt(id2.toLatin1(), serverKeys(server), {QStringLiteral("ES256")}, check);
        QVERIFY(claims);
        QCOMPARE(claims->value(QStringLiteral("sub")).toString(), QStringLiteral("acc-citizen"));
        QCOMPARE(claims->value(QStringLiteral("auth_time")),
                 jwtPart(tokens.idToken, 1).value(QStringLiteral("auth_time")));
        QVERIFY(!claims->contains(QStringLiteral("nonce")));

        // A narrower scope is fine; a wider one is not; another client cannot use it.
        const HttpResult narrow =
            tokenRequest(server, {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                  {QStringLiteral("client_id"), kApp},
                                  {QStringLiteral("refresh_token"), second},
                                  {QStringLiteral("scope"), QStringLiteral("openid")}});
        QCOMPARE(narrow.status, 200);
        QCOMPARE(narrow.object().value(QStringLiteral("scope")).toString(),
                 QStringLiteral("openid"));
        const QString third = narrow.object().value(QStringLiteral("refresh_token")).toString();
        const HttpResult wider =
            tokenRequest(server, {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                  {QStringLiteral("client_id"), kApp},
                                  {QStringLiteral("refresh_token"), third},
                                  {QStringLiteral("scope"), QStringLiteral("openid email")}});
        QCOMPARE(errorOf(wider), QStringLiteral("invalid_scope"));
        QCOMPARE(errorOf(refresh(server, third, QStringLiteral("hues-tool"))),
                 QStringLiteral("invalid_grant"));

        // The old token comes back (a thief, or a copy): the whole family dies.
        const HttpResult reuse = refresh(server, tokens.refreshToken);
        QCOMPARE(reuse.status, 400);
        QCOMPARE(errorOf(reuse), QStringLiteral("invalid_grant"));
        QCOMPARE(errorOf(refresh(server, third)), QStringLiteral("invalid_grant"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), access2).status, 401);
        QSqlQuery reason(server.database());
        QVERIFY(reason.exec(QStringLiteral("SELECT revoked_reason FROM token_families")));
        QVERIFY(reason.next());
        QCOMPARE(reason.value(0).toString(), QStringLiteral("refresh token reused"));
        reason.finish();

        // Only hashes are stored.
        QSqlQuery stored(server.database());
        QVERIFY(stored.exec(QStringLiteral("SELECT token_hash FROM refresh_tokens")));
        while (stored.next()) {
            const QString hash = stored.value(0).toString();
            QVERIFY(hash != tokens.refreshToken && hash != second && hash != third);
            QCOMPARE(hash.size(), 64);
        }
        stored.finish();

        // A new sign-in is a new family, unaffected.
        const Tokens fresh = codeFlow(server, browser);
        QCOMPARE(refresh(server, fresh.refreshToken).status, 200);
    }

    void refreshTokenAbsoluteLifetime()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const Tokens tokens = codeFlow(server, browser);
        QSqlQuery lifetime(server.database());
        QVERIFY(
            lifetime.exec(QStringLiteral("SELECT expires_at - created_at FROM token_families")));
        QVERIFY(lifetime.next());
        QCOMPARE(lifetime.value(0).toLongLong(), 30LL * 24 * 3600 * 1000);
        lifetime.finish();
        // The family's end has come: no more refreshes, whatever the token says.
        QVERIFY(server.execSql(QStringLiteral("UPDATE token_families SET expires_at = 1")));
        QCOMPARE(errorOf(refresh(server, tokens.refreshToken)), QStringLiteral("invalid_grant"));
    }

    void deviceGrant_data() { backends(); }
    void deviceGrant()
    {
        HUES_START_SERVER(server);
        const HttpResult start =
            httpRequest("POST", server.url(QStringLiteral("/oauth2/device_authorization")),
                        formEncode({{QStringLiteral("client_id"), kKiosk},
                                    {QStringLiteral("scope"), QStringLiteral("openid profile")}}),
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(start.status, 200);
        const QJsonObject grant = start.object();
        const QString deviceCode = grant.value(QStringLiteral("device_code")).toString();
        const QString userCode = grant.value(QStringLiteral("user_code")).toString();
        QVERIFY(deviceCode.size() >= 43);
        QVERIFY2(QRegularExpression(
                     QStringLiteral("^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$"))
                     .match(userCode)
                     .hasMatch(),
                 qPrintable(userCode));
        QCOMPARE(grant.value(QStringLiteral("verification_uri")).toString(),
                 server.baseUrl().toString() + QStringLiteral("/device"));
        QCOMPARE(grant.value(QStringLiteral("verification_uri_complete")).toString(),
                 server.baseUrl().toString() + QStringLiteral("/device?user_code=") + userCode);
        QCOMPARE(grant.value(QStringLiteral("interval")).toInt(), 5);
        QCOMPARE(grant.value(QStringLiteral("expires_in")).toInt(), 600);

        const FormFields poll{{QStringLiteral("grant_type"), QString::fromLatin1(kDeviceGrant)},
                              {QStringLiteral("client_id"), kKiosk},
                              {QStringLiteral("device_code"), deviceCode}};
        QCOMPARE(errorOf(tokenRequest(server, poll)), QStringLiteral("authorization_pending"));
        // Polled again at once: slow down, and the interval grows by 5 s (RFC 8628 §3.5).
        QCOMPARE(errorOf(tokenRequest(server, poll)), QStringLiteral("slow_down"));
        QSqlQuery interval(server.database());
        QVERIFY(interval.exec(QStringLiteral("SELECT poll_interval FROM device_codes")));
        QVERIFY(interval.next());
        QCOMPARE(interval.value(0).toInt(), 10);
        interval.finish(); // SQLite: an open read keeps an old snapshot and blocks our writes
        // Time passes (the last poll is moved back rather than waiting for it).
        QVERIFY(server.execSql(QStringLiteral("UPDATE device_codes SET last_polled_at = 1")));
        QCOMPARE(errorOf(tokenRequest(server, poll)), QStringLiteral("authorization_pending"));

        // The citizen opens the QR code's address on a phone, signs in and approves.
        Browser phone;
        const QUrl complete(grant.value(QStringLiteral("verification_uri_complete")).toString());
        const HttpResult login = phone.get(complete, {{"Accept-Language", "en"}});
        QCOMPARE(login.status, 200);
        QVERIFY(login.body.contains("name=\"password\""));
        FormFields fields = Browser::hiddenFields(login.body);
        fields += {{QStringLiteral("username"), QStringLiteral("citizen")},
                   {QStringLiteral("password"), kCitizenPassword}};
        const HttpResult confirm = phone.post(server.url(QStringLiteral("/device")), fields);
        QCOMPARE(confirm.status, 200);
        QVERIFY(confirm.body.contains(userCode.toLatin1()));
        QVERIFY(confirm.body.contains("value=\"approve\""));
        QVERIFY(confirm.header("Set-Cookie").startsWith("hues_session="));
        // Not yet approved: still pending.
        QVERIFY(server.execSql(QStringLiteral("UPDATE device_codes SET last_polled_at = 1")));
        QCOMPARE(errorOf(tokenRequest(server, poll)), QStringLiteral("authorization_pending"));
        FormFields approve = Browser::hiddenFields(confirm.body);
        approve += {{QStringLiteral("decision"), QStringLiteral("approve")}};
        const HttpResult done = phone.post(server.url(QStringLiteral("/device")), approve);
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("Signed in"));

        QVERIFY(server.execSql(QStringLiteral("UPDATE device_codes SET last_polled_at = 1")));
        const HttpResult tokens = tokenRequest(server, poll);
        QCOMPARE(tokens.status, 200);
        const QString idToken = tokens.object().value(QStringLiteral("id_token")).toString();
        jose::ClaimsCheck check;
        check.issuer = server.baseUrl().toString();
        check.audience = kKiosk;
        const auto claims = jose::verifyJwt(idToken.toLatin1(), serverKeys(server),
                                            {QStringLiteral("ES256")}, check);
        QVERIFY(claims);
        QCOMPARE(claims->value(QStringLiteral("sub")).toString(), QStringLiteral("acc-citizen"));
        QCOMPARE(claims->value(QStringLiteral("name")).toString(),
                 QStringLiteral("Nguyễn Thị Hương"));
        const QString access = tokens.object().value(QStringLiteral("access_token")).toString();
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), access).status, 200);
        const QString refreshToken =
            tokens.object().value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(refresh(server, refreshToken, kKiosk).status, 200);
        // The device code is spent.
        QCOMPARE(errorOf(tokenRequest(server, poll)), QStringLiteral("invalid_grant"));
        // Another client cannot poll with it either.
        QCOMPARE(errorOf(tokenRequest(
                     server, {{QStringLiteral("grant_type"), QString::fromLatin1(kDeviceGrant)},
                              {QStringLiteral("client_id"), QStringLiteral("hues-tool")},
                              {QStringLiteral("device_code"), deviceCode}})),
                 QStringLiteral("invalid_grant"));

        // Codes never reach the log.
        QCOMPARE(server.stop(), 0);
        const QString log = server.stderrText();
        QVERIFY2(log.contains(QLatin1String("GET /device?user_code=*** 200")), qPrintable(log));
        QVERIFY(!log.contains(userCode));
        QVERIFY(!log.contains(deviceCode));
        QVERIFY(!log.contains(kCitizenPassword));
    }

    void deviceDenyExpiryAndWrongCodes()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const auto startGrant = [&server]() {
            return httpRequest("POST", server.url(QStringLiteral("/oauth2/device_authorization")),
                               formEncode({{QStringLiteral("client_id"), kKiosk}}),
                               {{"Content-Type", "application/x-www-form-urlencoded"}})
                .object();
        };
        const auto pollOf = [](const QJsonObject &grant) {
            return FormFields{{QStringLiteral("grant_type"), QString::fromLatin1(kDeviceGrant)},
                              {QStringLiteral("client_id"), kKiosk},
                              {QStringLiteral("device_code"),
                               grant.value(QStringLiteral("device_code")).toString()}};
        };

        // A signed-in browser denies: the kiosk hears access_denied.
        Browser phone;
        const Tokens signedIn = codeFlow(server, phone);
        QVERIFY(!signedIn.accessToken.isEmpty());
        const QJsonObject denied = startGrant();
        // The code typed by hand, in lower case and without the dash, is understood.
        const QString typed =
            denied.value(QStringLiteral("user_code")).toString().toLower().remove(QLatin1Char('-'));
        const HttpResult confirm =
            phone.get(server.url(QStringLiteral("/device?user_code=") + typed));
        QCOMPARE(confirm.status, 200);
        QVERIFY(confirm.body.contains("value=\"deny\""));
        FormFields deny = Browser::hiddenFields(confirm.body);
        deny += {{QStringLiteral("decision"), QStringLiteral("deny")}};
        const HttpResult done = phone.post(server.url(QStringLiteral("/device")), deny);
        QCOMPARE(done.status, 200);
        QCOMPARE(errorOf(tokenRequest(server, pollOf(denied))), QStringLiteral("access_denied"));
        // A decision is final.
        FormFields approve = Browser::hiddenFields(confirm.body);
        approve += {{QStringLiteral("decision"), QStringLiteral("approve")}};
        QCOMPARE(phone.post(server.url(QStringLiteral("/device")), approve).status, 400);
        QVERIFY(server.execSql(QStringLiteral("UPDATE device_codes SET last_polled_at = 1")));
        QCOMPARE(errorOf(tokenRequest(server, pollOf(denied))), QStringLiteral("access_denied"));

        // Expiry: the kiosk is told to start again, and the page no longer knows the code.
        const QJsonObject expiring = startGrant();
        QVERIFY(server.execSql(QStringLiteral("UPDATE device_codes SET expires_at = 1 WHERE "
                                              "status = 'pending'")));
        QCOMPARE(errorOf(tokenRequest(server, pollOf(expiring))), QStringLiteral("expired_token"));
        const HttpResult gone =
            phone.get(server.url(QStringLiteral("/device?user_code=") +
                                 expiring.value(QStringLiteral("user_code")).toString()));
        QCOMPARE(gone.status, 400);

        // Wrong codes are counted per address: the 10th failure in 15 minutes is the last.
        QSqlQuery counted(server.database());
        QVERIFY(counted.exec(QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE bucket "
                                            "LIKE 'user_code:%'")));
        QVERIFY(counted.next());
        const int earlier = counted.value(0).toInt();
        counted.finish();
        QVERIFY(earlier >= 1); // the expired code just tried
        int throttledAt = 0;
        for (int i = 1; i <= 12 && throttledAt == 0; ++i) {
            const HttpResult guess =
                phone.get(server.url(QStringLiteral("/device?user_code=BCDF-GHJK")));
            if (guess.status == 429) {
                throttledAt = i;
                QVERIFY(guess.header("Retry-After").toInt() > 0);
            } else {
                QCOMPARE(guess.status, 400);
            }
        }
        QCOMPARE(throttledAt, 11 - earlier);

        // The kiosk cannot use the code flow, the app cannot use the device grant.
        const HttpResult appDevice =
            httpRequest("POST", server.url(QStringLiteral("/oauth2/device_authorization")),
                        formEncode({{QStringLiteral("client_id"), kApp}}),
                        {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(errorOf(appDevice), QStringLiteral("unauthorized_client"));
    }

    void clientCredentials()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QByteArray basic =
            "Basic " + (kPartner + QLatin1Char(':') + kPartnerSecret).toUtf8().toBase64();
        const FormFields grant{
            {QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};

        const HttpResult viaBasic = tokenRequest(server, grant, {{"Authorization", basic}});
        QCOMPARE(viaBasic.status, 200);
        QCOMPARE(viaBasic.object().value(QStringLiteral("scope")).toString(),
                 QStringLiteral("alerts:publish"));
        QVERIFY(!viaBasic.object().contains(QStringLiteral("refresh_token")));
        QVERIFY(!viaBasic.object().contains(QStringLiteral("id_token")));
        const QString access = viaBasic.object().value(QStringLiteral("access_token")).toString();
        const QJsonObject claims = jwtPart(access, 1);
        QCOMPARE(claims.value(QStringLiteral("sub")).toString(), kPartner);
        QCOMPARE(claims.value(QStringLiteral("client_id")).toString(), kPartner);

        FormFields viaPost = grant;
        viaPost += {{QStringLiteral("client_id"), kPartner},
                    {QStringLiteral("client_secret"), kPartnerSecret},
                    {QStringLiteral("scope"), QStringLiteral("alerts:publish")}};
        QCOMPARE(tokenRequest(server, viaPost).status, 200);

        // Wrong secret: 401 with a Basic challenge (Basic) or 400 (form).
        const QByteArray wrongBasic =
            "Basic " + (kPartner + QStringLiteral(":wrong")).toUtf8().toBase64();
        const HttpResult wrong = tokenRequest(server, grant, {{"Authorization", wrongBasic}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(errorOf(wrong), QStringLiteral("invalid_client"));
        QVERIFY(wrong.header("WWW-Authenticate").startsWith("Basic"));
        FormFields wrongPost = grant;
        wrongPost += {{QStringLiteral("client_id"), kPartner},
                      {QStringLiteral("client_secret"), QStringLiteral("wrong")}};
        QCOMPARE(errorOf(tokenRequest(server, wrongPost)), QStringLiteral("invalid_client"));
        FormFields noSecret = grant;
        noSecret += {{QStringLiteral("client_id"), kPartner}};
        QCOMPARE(errorOf(tokenRequest(server, noSecret)), QStringLiteral("invalid_client"));
        // Two methods at once.
        QCOMPARE(errorOf(tokenRequest(server, viaPost, {{"Authorization", basic}})),
                 QStringLiteral("invalid_request"));

        // A scope it was not given.
        FormFields more = grant;
        more += {{QStringLiteral("scope"), QStringLiteral("alerts:publish reports:write")}};
        QCOMPARE(errorOf(tokenRequest(server, more, {{"Authorization", basic}})),
                 QStringLiteral("invalid_scope"));
        // A public client cannot use this grant.
        FormFields publicClient = grant;
        publicClient += {{QStringLiteral("client_id"), kApp}};
        QCOMPARE(errorOf(tokenRequest(server, publicClient)),
                 QStringLiteral("unauthorized_client"));

        // A machine token is not a person's: /api/v1/me says 403.
        const HttpResult me = apiGet(server, QStringLiteral("/api/v1/me"), access);
        QCOMPARE(me.status, 403);
        QVERIFY(me.header("WWW-Authenticate").contains("insufficient_scope"));

        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.stderrText().contains(kPartnerSecret));
    }

    void revocation()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const auto revoke = [&server](const FormFields &fields) {
            return httpRequest("POST", server.url(QStringLiteral("/oauth2/revoke")),
                               formEncode(fields),
                               {{"Content-Type", "application/x-www-form-urlencoded"}});
        };

        // A refresh token: its family ends, access tokens included.
        const Tokens one = codeFlow(server, browser);
        QCOMPARE(revoke({{QStringLiteral("client_id"), kApp},
                         {QStringLiteral("token"), one.refreshToken},
                         {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")}})
                     .status,
                 200);
        QCOMPARE(errorOf(refresh(server, one.refreshToken)), QStringLiteral("invalid_grant"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), one.accessToken).status, 401);

        // An access token: that token only.
        const Tokens two = codeFlow(server, browser);
        QCOMPARE(revoke({{QStringLiteral("client_id"), kApp},
                         {QStringLiteral("token"), two.accessToken}})
                     .status,
                 200);
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), two.accessToken).status, 401);
        QCOMPARE(refresh(server, two.refreshToken).status, 200);

        // Unknown tokens are fine (RFC 7009 §2.2); another client's are refused.
        QCOMPARE(revoke({{QStringLiteral("client_id"), kApp},
                         {QStringLiteral("token"), QStringLiteral("no-such-token")}})
                     .status,
                 200);
        const Tokens three = codeFlow(server, browser);
        const HttpResult foreign = revoke(
            {{QStringLiteral("client_id"), kKiosk}, {QStringLiteral("token"), three.refreshToken}});
        QCOMPARE(foreign.status, 400);
        QCOMPARE(refresh(server, three.refreshToken).status, 200);
        QCOMPARE(errorOf(revoke({{QStringLiteral("client_id"), kApp}})),
                 QStringLiteral("invalid_request"));
    }

    void logout_data() { backends(); }
    void logout()
    {
        HUES_START_SERVER(server);
        Browser browser;
        const Tokens tokens = codeFlow(server, browser);
        QVERIFY(!tokens.idToken.isEmpty());

        // A post_logout_redirect_uri that is not registered: a page, no redirect.
        const auto logoutUrl = [&server](const FormFields &fields) {
            QUrl url = server.url(QStringLiteral("/oauth2/logout"));
            url.setQuery(QString::fromLatin1(formEncode(fields)));
            return url;
        };
        const HttpResult mismatch =
            browser.get(logoutUrl({{QStringLiteral("id_token_hint"), tokens.idToken},
                                   {QStringLiteral("post_logout_redirect_uri"),
                                    QStringLiteral("http://evil.example/")}}));
        QCOMPARE(mismatch.status, 400);
        QVERIFY(mismatch.header("Location").isEmpty());
        // A forged hint: refused.
        QString forged = tokens.idToken;
        forged[forged.size() - 5] =
            forged.at(forged.size() - 5) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QCOMPARE(browser.get(logoutUrl({{QStringLiteral("id_token_hint"), forged}})).status, 400);
        // The refresh token still works: nothing was ended by the refused requests.
        const HttpResult still = refresh(server, tokens.refreshToken);
        QCOMPARE(still.status, 200);
        const QString refreshToken =
            still.object().value(QStringLiteral("refresh_token")).toString();

        const QString postLogout = loopbackRedirect();
        const HttpResult out =
            browser.get(logoutUrl({{QStringLiteral("id_token_hint"), tokens.idToken},
                                   {QStringLiteral("post_logout_redirect_uri"), postLogout},
                                   {QStringLiteral("state"), QStringLiteral("bye")}}));
        QCOMPARE(out.status, 302);
        QCOMPARE(out.header("Location"), (postLogout + QStringLiteral("?state=bye")).toLatin1());
        QVERIFY(out.header("Set-Cookie").contains("Max-Age=0"));

        // The session's tokens are gone, and the browser must sign in again.
        QCOMPARE(errorOf(refresh(server, refreshToken)), QStringLiteral("invalid_grant"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), tokens.accessToken).status, 401);
        const HttpResult form = browser.get(authorizeUrl(server, loopbackRedirect(), Pkce()));
        QCOMPARE(form.status, 200);
        QVERIFY(form.body.contains("name=\"password\""));

        // Without a hint the browser is asked first (logout CSRF), then signed out.
        const Tokens again = codeFlow(server, browser);
        QVERIFY(!again.accessToken.isEmpty());
        const HttpResult ask = browser.get(logoutUrl({}));
        QCOMPARE(ask.status, 200);
        QVERIFY(ask.body.contains("name=\"confirm\""));
        QCOMPARE(refresh(server, again.refreshToken).status, 200); // asking ended nothing
        FormFields confirm = Browser::hiddenFields(ask.body);
        confirm += {{QStringLiteral("confirm"), QStringLiteral("yes")}};
        const HttpResult done = browser.post(server.url(QStringLiteral("/oauth2/logout")), confirm);
        QCOMPARE(done.status, 200);
        QVERIFY(browser.get(authorizeUrl(server, loopbackRedirect(), Pkce()))
                    .body.contains("name=\"password\""));

        QCOMPARE(server.stop(), 0);
        const QString log = server.stderrText();
        QVERIFY2(log.contains(QLatin1String("id_token_hint=***")), qPrintable(log));
        QVERIFY(!log.contains(tokens.idToken.right(40)));
    }

    void logoutWithoutBrowserEndsTheHintedSession()
    {
        // The app signs out with an HTTP client of its own: the ID token's sid names the session.
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const Tokens tokens = codeFlow(server, browser);
        QUrl url = server.url(QStringLiteral("/oauth2/logout"));
        url.setQuery(
            QString::fromLatin1(formEncode({{QStringLiteral("id_token_hint"), tokens.idToken}})));
        Browser app;
        const HttpResult out = app.get(url);
        QCOMPARE(out.status, 200);
        QCOMPARE(errorOf(refresh(server, tokens.refreshToken)), QStringLiteral("invalid_grant"));
        // The browser's session was that session: it must sign in again.
        QVERIFY(browser.get(authorizeUrl(server, loopbackRedirect(), Pkce()))
                    .body.contains("name=\"password\""));
    }

    void failedLoginsAreRateLimited()
    {
        TestServer server(seeded(QString()));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Browser browser;
        const QUrl url = authorizeUrl(server, loopbackRedirect(), Pkce());
        const FormFields hidden = Browser::hiddenFields(browser.get(url).body);
        const auto attempt = [&](const QString &username, const QString &password) {
            FormFields fields = hidden;
            fields +=
                {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
            return browser.post(server.url(QStringLiteral("/oauth2/authorize")), fields);
        };
        // No user enumeration: an unknown user and a wrong password read the same.
        const HttpResult unknown = attempt(QStringLiteral("nobody-here"), QStringLiteral("x"));
        const HttpResult wrong = attempt(QStringLiteral("citizen"), QStringLiteral("wrong-1"));
        QCOMPARE(unknown.status, wrong.status);
        const QRegularExpression alert(QStringLiteral("<p class=\"error\"[^>]*>([^<]*)</p>"));
        QCOMPARE(alert.match(QString::fromUtf8(unknown.body)).captured(1),
                 alert.match(QString::fromUtf8(wrong.body)).captured(1));
        QVERIFY(!alert.match(QString::fromUtf8(wrong.body)).captured(1).isEmpty());

        for (int i = 2; i <= 5; ++i)
            QCOMPARE(attempt(QStringLiteral("citizen"), QStringLiteral("wrong-%1").arg(i)).status,
                     200);
        // Five failures for the account: even the right password waits now.
        const HttpResult limited = attempt(QStringLiteral("citizen"), kCitizenPassword);
        QCOMPARE(limited.status, 429);
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY(retryAfter > 0 && retryAfter <= 15 * 60);
        QVERIFY(limited.header("Location").isEmpty());
        // Another account from the same address still signs in (6 failures < 20 per address).
        const HttpResult other = attempt(QStringLiteral("ioc"), kIocPassword);
        QCOMPARE(other.status, 303);

        // Per address: after 20 failures from 127.0.0.1 everyone there waits.
        Browser second;
        const FormFields hidden2 = Browser::hiddenFields(second.get(url).body);
        int status = 0;
        for (int i = 0; i < 14; ++i) {
            FormFields fields = hidden2;
            fields += {{QStringLiteral("username"), QStringLiteral("user%1").arg(i)},
                       {QStringLiteral("password"), QStringLiteral("x")}};
            status = second.post(server.url(QStringLiteral("/oauth2/authorize")), fields).status;
        }
        QCOMPARE(status, 200); // the 20th failure
        FormFields merchant = hidden2;
        merchant += {{QStringLiteral("username"), QStringLiteral("merchant")},
                     {QStringLiteral("password"), QStringLiteral("hues-merchant-demo")}};
        QCOMPARE(second.post(server.url(QStringLiteral("/oauth2/authorize")), merchant).status,
                 429);

        QCOMPARE(server.stop(), 0);
        const QString log = server.stderrText();
        QVERIFY(!log.contains(kCitizenPassword));
        QVERIFY(!log.contains(QLatin1String("wrong-3")));
        QVERIFY(!log.contains(QLatin1String("hues-merchant-demo")));
    }

    void bearerChecks_data() { backends(); }
    void bearerChecks()
    {
        HUES_START_SERVER(server);
        Browser browser;
        const Tokens citizen = codeFlow(server, browser);
        QVERIFY(!citizen.accessToken.isEmpty());

        // No token: 401 with a bare challenge (RFC 6750 §3.1).
        const HttpResult none = apiGet(server, QStringLiteral("/api/v1/me"), QString());
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer"));
        QVERIFY(!none.header("WWW-Authenticate").contains("error="));

        // Expired, signed by the server's own key.
        const jose::Key key = serverPrivateKey(server);
        QVERIFY(key.hasPrivate());
        QJsonObject claims = jwtPart(citizen.accessToken, 1);
        claims.insert(QStringLiteral("exp"), nowS() - 3600);
        claims.insert(QStringLiteral("iat"), nowS() - 4000);
        const QString expired =
            QString::fromLatin1(jose::signJwt(claims, key, QStringLiteral("at+jwt")));
        const HttpResult old = apiGet(server, QStringLiteral("/api/v1/me"), expired);
        QCOMPARE(old.status, 401);
        QVERIFY(old.header("WWW-Authenticate").contains("error=\"invalid_token\""));

        // Another audience, signed by the server's key: still 401.
        claims = jwtPart(citizen.accessToken, 1);
        claims.insert(QStringLiteral("aud"), QStringLiteral("some-other-api"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"),
                        QString::fromLatin1(jose::signJwt(claims, key, QStringLiteral("at+jwt"))))
                     .status,
                 401);
        // Another issuer, a foreign key, an ID token, garbage: 401.
        claims = jwtPart(citizen.accessToken, 1);
        claims.insert(QStringLiteral("iss"), QStringLiteral("https://elsewhere.example"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"),
                        QString::fromLatin1(jose::signJwt(claims, key, QStringLiteral("at+jwt"))))
                     .status,
                 401);
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"),
                        QString::fromLatin1(jose::signJwt(jwtPart(citizen.accessToken, 1),
                                                          jose::Key::generateEs256(),
                                                          QStringLiteral("at+jwt"))))
                     .status,
                 401);
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), citizen.idToken).status, 401);
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/me"), QStringLiteral("garbage")).status,
                 401);

        // The real one.
        const HttpResult me = apiGet(server, QStringLiteral("/api/v1/me"), citizen.accessToken);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.object().value(QStringLiteral("sub")).toString(),
                 QStringLiteral("acc-citizen"));
        QCOMPARE(me.object().value(QStringLiteral("role")).toString(), QStringLiteral("citizen"));

        // Role-restricted: a citizen gets 403, IOC staff get the list.
        const HttpResult forbidden =
            apiGet(server, QStringLiteral("/api/v1/admin/clients"), citizen.accessToken);
        QCOMPARE(forbidden.status, 403);
        QVERIFY(forbidden.header("WWW-Authenticate").contains("error=\"insufficient_scope\""));
        Browser staffBrowser;
        const Tokens staff = codeFlow(server, staffBrowser, QStringLiteral("ioc"), kIocPassword);
        const HttpResult clients =
            apiGet(server, QStringLiteral("/api/v1/admin/clients"), staff.accessToken);
        QCOMPARE(clients.status, 200);
        QVERIFY(clients.array().size() >= 4);
        QVERIFY(!clients.body.contains("secret"));
        QCOMPARE(apiGet(server, QStringLiteral("/api/v1/admin/clients"), QString()).status, 401);
        // Public endpoints stay public.
        QCOMPARE(httpGet(server.url(QStringLiteral("/api/v1/sites"))).status, 200);
        QCOMPARE(httpGet(server.url(QStringLiteral("/healthz"))).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestServerOidc)
#include "tst_server_oidc.moc"
