// OidcProviderInfo: what an issuer's discovery document must say before the app uses it.
#include "HttpStub.h"
#include "auth/OidcProviderInfo.h"
#include "net/ApiClient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using auth::AuthError;
using auth::DiscoveryReply;
using auth::OidcProviderInfo;
using authtest::HttpStub;
using authtest::StubRequest;

namespace {

QJsonObject goodDocument(const QString &issuer)
{
    return QJsonObject{
        {"issuer", issuer},
        {"authorization_endpoint", QString(issuer + "/oauth/authorize")},
        {"token_endpoint", QString(issuer + "/oauth/token")},
        {"jwks_uri", QString(issuer + "/oauth/jwks")},
        {"userinfo_endpoint", QString(issuer + "/oauth/userinfo")},
        {"revocation_endpoint", QString(issuer + "/oauth/revoke")},
        {"end_session_endpoint", QString(issuer + "/oauth/logout")},
        {"device_authorization_endpoint", QString(issuer + "/oauth/device")},
        {"response_types_supported", QJsonArray{"code"}},
        {"code_challenge_methods_supported", QJsonArray{"S256"}},
        {"id_token_signing_alg_values_supported", QJsonArray{"ES256"}},
    };
}

DiscoveryReply *waitFor(DiscoveryReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &DiscoveryReply::finished);
        spy.wait(20000);
    }
    return reply;
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TstOidcDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptableIssuer_data();
    void acceptableIssuer();
    void goodDocumentIsAccepted();
    void refused_data();
    void refused();
    void algorithmsAreFiltered();
    void discoveryUrl();
    void roundTripThroughJson();
    void fetchFromProvider();
    void fetchRefusesOtherIssuer();
    void fetchNotJson();
    void fetchNotFound();
    void fetchProviderDown();
    void fetchUnsafeIssuer();
    void fetchAborted();
};

void TstOidcDiscovery::acceptableIssuer_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << "https://id.hue.gov.vn" << true;
    QTest::newRow("https path") << "https://id.hue.gov.vn/realms/citizens" << true;
    QTest::newRow("http loopback") << "http://127.0.0.1:8080" << true;
    QTest::newRow("http v6 loopback") << "http://[::1]:8080" << true;
    QTest::newRow("http localhost") << "http://localhost:8080" << true;
    QTest::newRow("http remote") << "http://id.hue.gov.vn" << false;
    QTest::newRow("http lan") << "http://10.0.0.2" << false;
    QTest::newRow("query") << "https://id.hue.gov.vn/?tenant=a" << false;
    QTest::newRow("fragment") << "https://id.hue.gov.vn/#x" << false;
    QTest::newRow("user") << "https://a@id.hue.gov.vn" << false;
    QTest::newRow("ftp") << "ftp://id.hue.gov.vn" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("words") << "id dot hue" << false;
}

void TstOidcDiscovery::acceptableIssuer()
{
    QFETCH(QString, issuer);
    QFETCH(bool, ok);
    QString why;
    QCOMPARE(OidcProviderInfo::isAcceptableIssuer(issuer, &why), ok);
    QCOMPARE(why.isEmpty(), ok);
}

void TstOidcDiscovery::goodDocumentIsAccepted()
{
    const QString issuer = QStringLiteral("https://id.hue.gov.vn");
    QString error;
    const auto info = OidcProviderInfo::fromDiscovery(goodDocument(issuer), issuer, &error);
    QVERIFY2(info, qPrintable(error));
    QCOMPARE(info->issuer, issuer);
    QCOMPARE(info->authorizationEndpoint, QUrl("https://id.hue.gov.vn/oauth/authorize"));
    QCOMPARE(info->tokenEndpoint, QUrl("https://id.hue.gov.vn/oauth/token"));
    QCOMPARE(info->jwksUri, QUrl("https://id.hue.gov.vn/oauth/jwks"));
    QCOMPARE(info->userinfoEndpoint, QUrl("https://id.hue.gov.vn/oauth/userinfo"));
    QCOMPARE(info->revocationEndpoint, QUrl("https://id.hue.gov.vn/oauth/revoke"));
    QCOMPARE(info->endSessionEndpoint, QUrl("https://id.hue.gov.vn/oauth/logout"));
    QCOMPARE(info->deviceAuthorizationEndpoint, QUrl("https://id.hue.gov.vn/oauth/device"));
    QCOMPARE(info->idTokenAlgs, QStringList{"ES256"});

    // Optional endpoints may be absent; a loopback issuer may use http on loopback.
    const QString local = QStringLiteral("http://127.0.0.1:4000");
    QJsonObject doc = goodDocument(local);
    doc.remove("revocation_endpoint");
    doc.remove("end_session_endpoint");
    doc.remove("device_authorization_endpoint");
    doc.remove("userinfo_endpoint");
    const auto minimal = OidcProviderInfo::fromDiscovery(doc, local, &error);
    QVERIFY2(minimal, qPrintable(error));
    QVERIFY(minimal->revocationEndpoint.isEmpty());
    QVERIFY(minimal->deviceAuthorizationEndpoint.isEmpty());
}

void TstOidcDiscovery::refused_data()
{
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QJsonObject>("document");
    QTest::addColumn<QString>("reason"); // a word the error must contain

    const QString https = QStringLiteral("https://id.hue.gov.vn");
    const QString local = QStringLiteral("http://127.0.0.1:4000");
    auto with = [](QJsonObject o, const char *key, const QJsonValue &value) {
        if (value.isUndefined())
            o.remove(QLatin1String(key));
        else
            o.insert(QLatin1String(key), value);
        return o;
    };
    const QJsonObject g = goodDocument(https);
    QTest::newRow("other issuer") << https << with(g, "issuer", "https://evil.example") << "issuer";
    QTest::newRow("trailing slash") << https << with(g, "issuer", QString(https + "/")) << "issuer";
    QTest::newRow("issuer case") << https << with(g, "issuer", "https://ID.hue.gov.vn") << "issuer";
    QTest::newRow("issuer missing")
        << https << with(g, "issuer", QJsonValue::Undefined) << "issuer";
    QTest::newRow("issuer number") << https << with(g, "issuer", 42) << "issuer";
    QTest::newRow("http token endpoint")
        << https << with(g, "token_endpoint", "http://id.hue.gov.vn/token") << "token_endpoint";
    QTest::newRow("http loopback endpoint for https issuer")
        << https << with(g, "token_endpoint", "http://127.0.0.1/token") << "token_endpoint";
    QTest::newRow("loopback issuer, remote http endpoint")
        << local << with(goodDocument(local), "authorization_endpoint", "http://evil.example/a")
        << "authorization_endpoint";
    QTest::newRow("http jwks") << https << with(g, "jwks_uri", "http://id.hue.gov.vn/jwks")
                               << "jwks_uri";
    QTest::newRow("http userinfo")
        << https << with(g, "userinfo_endpoint", "http://id.hue.gov.vn/u") << "userinfo";
    QTest::newRow("endpoint with user")
        << https << with(g, "token_endpoint", "https://u:p@id.hue.gov.vn/t") << "token_endpoint";
    QTest::newRow("endpoint not a string")
        << https << with(g, "token_endpoint", 1) << "token_endpoint";
    QTest::newRow("no token endpoint")
        << https << with(g, "token_endpoint", QJsonValue::Undefined) << "token_endpoint";
    QTest::newRow("no authorization endpoint")
        << https << with(g, "authorization_endpoint", QJsonValue::Undefined)
        << "authorization_endpoint";
    QTest::newRow("no jwks") << https << with(g, "jwks_uri", QJsonValue::Undefined) << "jwks_uri";
    QTest::newRow("no pkce") << https
                             << with(g, "code_challenge_methods_supported", QJsonValue::Undefined)
                             << "S256";
    QTest::newRow("plain pkce only")
        << https << with(g, "code_challenge_methods_supported", QJsonArray{"plain"}) << "S256";
    QTest::newRow("no code flow") << https
                                  << with(g, "response_types_supported", QJsonArray{"id_token"})
                                  << "code";
    QTest::newRow("alg none only")
        << https << with(g, "id_token_signing_alg_values_supported", QJsonArray{"none"}) << "ES256";
    QTest::newRow("HS256 only") << https
                                << with(g, "id_token_signing_alg_values_supported",
                                        QJsonArray{"HS256"})
                                << "ES256";
    QTest::newRow("no algs") << https
                             << with(g, "id_token_signing_alg_values_supported",
                                     QJsonValue::Undefined)
                             << "ES256";
    QTest::newRow("configured issuer unsafe")
        << "http://id.hue.gov.vn" << goodDocument("http://id.hue.gov.vn") << "https";
}

void TstOidcDiscovery::refused()
{
    QFETCH(QString, issuer);
    QFETCH(QJsonObject, document);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!OidcProviderInfo::fromDiscovery(document, issuer, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TstOidcDiscovery::algorithmsAreFiltered()
{
    const QString issuer = QStringLiteral("https://id.hue.gov.vn");
    QJsonObject doc = goodDocument(issuer);
    doc.insert("id_token_signing_alg_values_supported",
               QJsonArray{"none", "HS256", "RS256", "PS256", "ES256"});
    const auto info = OidcProviderInfo::fromDiscovery(doc, issuer, nullptr);
    QVERIFY(info);
    QCOMPARE(info->idTokenAlgs, (QStringList{"ES256", "RS256"}));
}

void TstOidcDiscovery::discoveryUrl()
{
    QCOMPARE(OidcProviderInfo::discoveryUrl("https://id.hue.gov.vn"),
             QUrl("https://id.hue.gov.vn/.well-known/openid-configuration"));
    QCOMPARE(OidcProviderInfo::discoveryUrl("https://id.hue.gov.vn/realms/a/"),
             QUrl("https://id.hue.gov.vn/realms/a/.well-known/openid-configuration"));
}

void TstOidcDiscovery::roundTripThroughJson()
{
    const QString issuer = QStringLiteral("https://id.hue.gov.vn");
    const auto info = OidcProviderInfo::fromDiscovery(goodDocument(issuer), issuer, nullptr);
    QVERIFY(info);
    const auto back = OidcProviderInfo::fromJson(info->toJson());
    QVERIFY(back);
    QCOMPARE(back->toJson(), info->toJson());
    QCOMPARE(back->endSessionEndpoint, info->endSessionEndpoint);
    // A tampered stored copy is refused like a bad document.
    QJsonObject tampered = info->toJson();
    tampered.insert("token_endpoint", "http://evil.example/token");
    QVERIFY(!OidcProviderInfo::fromJson(tampered));
}

void TstOidcDiscovery::fetchFromProvider()
{
    HttpStub stub;
    stub.route("/.well-known/openid-configuration", [&stub](const StubRequest &) {
        return authtest::jsonResponse(200, goodDocument(stub.base()));
    });
    net::ApiClient client;
    std::unique_ptr<DiscoveryReply> reply(waitFor(DiscoveryReply::fetch(&client, stub.base())));
    QVERIFY(reply->isFinished());
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->info().issuer, stub.base());
    QCOMPARE(reply->info().tokenEndpoint, stub.url("/oauth/token"));
    QCOMPARE(stub.count("/.well-known/openid-configuration"), 1);
    // No credentials of any kind go to the provider with discovery.
    QVERIFY(!stub.last("/.well-known/openid-configuration").headers.contains("authorization"));
}

void TstOidcDiscovery::fetchRefusesOtherIssuer()
{
    HttpStub stub;
    stub.route("/.well-known/openid-configuration", [](const StubRequest &) {
        return authtest::jsonResponse(200, goodDocument("http://127.0.0.1:1"));
    });
    net::ApiClient client;
    std::unique_ptr<DiscoveryReply> reply(waitFor(DiscoveryReply::fetch(&client, stub.base())));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, AuthError::BadProvider);
    QVERIFY(reply->error().detail.contains("issuer"));
    QVERIFY(!reply->info().isValid());
    QVERIFY(!reply->error().message().isEmpty());
}

void TstOidcDiscovery::fetchNotJson()
{
    HttpStub stub;
    stub.route("/.well-known/openid-configuration", [](const StubRequest &) {
        return authtest::httpResponse(200, "<html>captive portal</html>", "text/html");
    });
    net::ApiClient client;
    std::unique_ptr<DiscoveryReply> reply(waitFor(DiscoveryReply::fetch(&client, stub.base())));
    QCOMPARE(reply->error().kind, AuthError::BadProvider);
}

void TstOidcDiscovery::fetchNotFound()
{
    HttpStub stub; // no routes: 404
    net::ApiClient client;
    std::unique_ptr<DiscoveryReply> reply(waitFor(DiscoveryReply::fetch(&client, stub.base())));
    QCOMPARE(reply->error().kind, AuthError::Network);
    QCOMPARE(reply->error().network.kind, net::ApiError::NotFound);
}

void TstOidcDiscovery::fetchProviderDown()
{
    net::ApiClient client;
    net::RetryPolicy fast;
    fast.maxAttempts = 2;
    fast.baseDelayMs = 10;
    fast.maxDelayMs = 20;
    client.setRetryPolicy(fast);
    const QString issuer = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    std::unique_ptr<DiscoveryReply> reply(waitFor(DiscoveryReply::fetch(&client, issuer)));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, AuthError::Network);
    QCOMPARE(reply->error().network.kind, net::ApiError::Offline);
    QVERIFY(!reply->error().message().isEmpty());
}

void TstOidcDiscovery::fetchUnsafeIssuer()
{
    net::ApiClient client;
    std::unique_ptr<DiscoveryReply> reply(
        waitFor(DiscoveryReply::fetch(&client, "http://id.hue.gov.vn")));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, AuthError::BadProvider);
}

void TstOidcDiscovery::fetchAborted()
{
    HttpStub stub;
    stub.route("/.well-known/openid-configuration",
               [](const StubRequest &) { return QByteArray(); }); // never answers
    net::ApiClient client;
    std::unique_ptr<DiscoveryReply> reply(DiscoveryReply::fetch(&client, stub.base()));
    QSignalSpy finished(reply.get(), &DiscoveryReply::finished);
    QTRY_COMPARE(stub.count("/.well-known/openid-configuration"), 1);
    reply->abort();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(reply->error().kind, AuthError::Cancelled);
}

QTEST_GUILESS_MAIN(TstOidcDiscovery)
#include "tst_oidcdiscovery.moc"
