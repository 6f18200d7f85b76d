// What auth needs of net::ApiClient: absolute endpoint URLs, form POSTs, an explicit
// Authorization header, and the authenticator hook (bearer token, one renewal after a 401).
#include "HttpStub.h"
#include "net/ApiClient.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using authtest::HttpStub;
using authtest::StubRequest;
using net::ApiClient;
using net::ApiError;
using net::ApiReply;

namespace {

ApiReply *waitFor(ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &ApiReply::finished);
        spy.wait(20000);
    }
    return reply;
}

// Scripted credentials: a token that renewal replaces with the next one.
class FakeAuthenticator : public net::ApiAuthenticator
{
public:
    QByteArray token = "Bearer one";
    QByteArray next = "Bearer two";
    bool renewable = true;
    int renewals = 0;
    QList<QByteArray> used;
    bool manual = false; // the test calls pending() itself
    std::function<void(bool)> pending;

    QByteArray authorization() const override { return token; }
    void renewAfterUnauthorized(const QByteArray &usedValue,
                                std::function<void(bool)> done) override
    {
        ++renewals;
        used << usedValue;
        if (manual) {
            pending = [this, done](bool ok) {
                token = next;
                done(ok);
            };
            return;
        }
        QTimer::singleShot(10, [this, done] {
            if (renewable)
                token = next;
            done(renewable);
        });
    }
};

} // namespace

class TstApiAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formEncoding();
    void acceptableEndpoint_data();
    void acceptableEndpoint();
    void postFormToAbsoluteUrl();
    void unsafeAbsoluteUrlIsRefused();
    void explicitAuthorization();
    void bearerOnBaseUrlOnly();
    void unauthorizedRenewsOnceAndRetries();
    void renewalFailsKeeps401();
    void stillUnauthorizedAfterRenewal();
    void noCredentialsNoRenewal();
    void abortWhileRenewing();
};

void TstApiAuth::formEncoding()
{
    QUrlQuery form;
    form.addQueryItem("grant_type", "authorization_code");
    form.addQueryItem("code", "a+b/c=d&e f");
    form.addQueryItem("redirect_uri", "http://127.0.0.1:5000/callback");
    form.addQueryItem("name", QString::fromUtf8("Hương"));
    const QByteArray body = ApiClient::formEncode(form);
    QCOMPARE(body, QByteArray("grant_type=authorization_code&code=a%2Bb%2Fc%3Dd%26e%20f"
                              "&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fcallback"
                              "&name=H%C6%B0%C6%A1ng"));
    // And a server-side form parser reads back exactly what went in.
    QUrlQuery back(QString::fromLatin1(body));
    QCOMPARE(back.queryItemValue("code", QUrl::FullyDecoded), QString("a+b/c=d&e f"));
    QCOMPARE(back.queryItemValue("name", QUrl::FullyDecoded), QString::fromUtf8("Hương"));
}

void TstApiAuth::acceptableEndpoint_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https with query") << "https://id.example/auth?tenant=1" << true;
    QTest::newRow("http loopback") << "http://127.0.0.1:1/token" << true;
    QTest::newRow("http remote") << "http://id.example/token" << false;
    QTest::newRow("user info") << "https://u:p@id.example/token" << false;
    QTest::newRow("fragment") << "https://id.example/token#x" << false;
    QTest::newRow("file") << "file:///etc/passwd" << false;
    QTest::newRow("relative") << "/token" << false;
}

void TstApiAuth::acceptableEndpoint()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    QCOMPARE(ApiClient::isAcceptableEndpoint(QUrl(url)), ok);
}

void TstApiAuth::postFormToAbsoluteUrl()
{
    HttpStub stub;
    stub.route("/token", [](const StubRequest &) {
        return authtest::jsonResponse(200, QJsonObject{{"ok", true}});
    });
    ApiClient client; // no base URL at all: absolute URLs do not need one
    QUrlQuery form;
    form.addQueryItem("code", "x y");
    std::unique_ptr<ApiReply> reply(waitFor(client.postForm(stub.url("/token"), form)));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    const StubRequest r = stub.last("/token");
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(r.body, QByteArray("code=x%20y"));
    QCOMPARE(reply->attempts(), 1);
}

void TstApiAuth::unsafeAbsoluteUrlIsRefused()
{
    ApiClient client;
    std::unique_ptr<ApiReply> reply(
        waitFor(client.postForm(QUrl("http://id.example/token"), QUrlQuery())));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, ApiError::InvalidUrl);
}

void TstApiAuth::explicitAuthorization()
{
    HttpStub stub;
    stub.route("/userinfo", [](const StubRequest &) {
        return authtest::jsonResponse(200, QJsonObject{{"sub", "1"}});
    });
    ApiClient client;
    FakeAuthenticator authenticator;
    client.setAuthenticator(&authenticator);
    net::ApiRequest request;
    request.url = stub.url("/userinfo");
    request.authorization = "Bearer explicit";
    std::unique_ptr<ApiReply> reply(waitFor(client.send(request)));
    QVERIFY(reply->isOk());
    QCOMPARE(stub.last("/userinfo").headers.value("authorization"), QByteArray("Bearer explicit"));
}

void TstApiAuth::bearerOnBaseUrlOnly()
{
    HttpStub api;
    api.route("/api/v1/me", [](const StubRequest &) {
        return authtest::jsonResponse(200, QJsonObject{{"sub", "1"}});
    });
    HttpStub other;
    other.route("/elsewhere",
                [](const StubRequest &) { return authtest::jsonResponse(200, QJsonObject{}); });
    ApiClient client;
    QVERIFY(client.setBaseUrl(api.url()));
    FakeAuthenticator authenticator;
    client.setAuthenticator(&authenticator);
    std::unique_ptr<ApiReply> one(waitFor(client.get("/api/v1/me")));
    QVERIFY(one->isOk());
    QCOMPARE(api.last("/api/v1/me").headers.value("authorization"), QByteArray("Bearer one"));
    // The city's token never goes to another host (an OpenID Provider, a CDN).
    net::ApiRequest request;
    request.url = other.url("/elsewhere");
    std::unique_ptr<ApiReply> two(waitFor(client.send(request)));
    QVERIFY(two->isOk());
    QVERIFY(!other.last("/elsewhere").headers.contains("authorization"));
    client.setAuthenticator(nullptr);
    std::unique_ptr<ApiReply> three(waitFor(client.get("/api/v1/me")));
    QVERIFY(!api.last("/api/v1/me").headers.contains("authorization"));
}

void TstApiAuth::unauthorizedRenewsOnceAndRetries()
{
    HttpStub api;
    api.route("/api/v1/me", [](const StubRequest &r) {
        if (r.headers.value("authorization") == "Bearer two")
            return authtest::jsonResponse(200, QJsonObject{{"sub", "1"}});
        return authtest::jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
    });
    ApiClient client;
    QVERIFY(client.setBaseUrl(api.url()));
    FakeAuthenticator authenticator;
    client.setAuthenticator(&authenticator);
    std::unique_ptr<ApiReply> reply(waitFor(client.get("/api/v1/me")));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(authenticator.renewals, 1);
    QCOMPARE(authenticator.used, QList<QByteArray>{"Bearer one"});
    QCOMPARE(api.count("/api/v1/me"), 2);
    QCOMPARE(reply->attempts(), 2);
    // A POST refused with 401 was not processed: it is safe to send again after renewal.
    authenticator.token = "Bearer one";
    std::unique_ptr<ApiReply> post(
        waitFor(client.postJson("/api/v1/me", QJsonDocument(QJsonObject{{"a", 1}}))));
    QVERIFY(post->isOk());
    QCOMPARE(authenticator.renewals, 2);
    QCOMPARE(api.last("/api/v1/me").body, QByteArray("{\"a\":1}"));
}

void TstApiAuth::renewalFailsKeeps401()
{
    HttpStub api;
    api.route("/api/v1/me", [](const StubRequest &) {
        return authtest::jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
    });
    ApiClient client;
    QVERIFY(client.setBaseUrl(api.url()));
    FakeAuthenticator authenticator;
    authenticator.renewable = false;
    client.setAuthenticator(&authenticator);
    std::unique_ptr<ApiReply> reply(waitFor(client.get("/api/v1/me")));
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error().kind, ApiError::Unauthorized);
    QCOMPARE(reply->error().code, QString("invalid_token"));
    QCOMPARE(authenticator.renewals, 1);
    QCOMPARE(api.count("/api/v1/me"), 1);
}

void TstApiAuth::stillUnauthorizedAfterRenewal()
{
    HttpStub api;
    api.route("/api/v1/me", [](const StubRequest &) {
        return authtest::jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
    });
    ApiClient client;
    QVERIFY(client.setBaseUrl(api.url()));
    FakeAuthenticator authenticator;
    client.setAuthenticator(&authenticator);
    std::unique_ptr<ApiReply> reply(waitFor(client.get("/api/v1/me")));
    QCOMPARE(reply->error().kind, ApiError::Unauthorized);
    QCOMPARE(authenticator.renewals, 1); // once, not in a loop
    QCOMPARE(api.count("/api/v1/me"), 2);
}

void TstApiAuth::noCredentialsNoRenewal()
{
    HttpStub api;
    api.route("/api/v1/me", [](const StubRequest &) {
        return authtest::jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
    });
    ApiClient client;
    QVERIFY(client.setBaseUrl(api.url()));
    FakeAuthenticator authenticator;
    authenticator.token.clear(); // signed out
    client.setAuthenticator(&authenticator);
    std::unique_ptr<ApiReply> reply(waitFor(client.get("/api/v1/me")));
    QCOMPARE(reply->error().kind, ApiError::Unauthorized);
    QCOMPARE(authenticator.renewals, 0);
    QVERIFY(!api.last("/api/v1/me").headers.contains("authorization"));
}

void TstApiAuth::abortWhileRenewing()
{
    HttpStub api;
    api.route("/api/v1/me", [](const StubRequest &) {
        return authtest::jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
    });
    ApiClient client;
    QVERIFY(client.setBaseUrl(api.url()));
    FakeAuthenticator authenticator;
    authenticator.manual = true;
    client.setAuthenticator(&authenticator);
    std::unique_ptr<ApiReply> reply(client.get("/api/v1/me"));
    QSignalSpy finished(reply.get(), &ApiReply::finished);
    QTRY_COMPARE(authenticator.renewals, 1);
    reply->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->error().kind, ApiError::Cancelled);
    // The renewal completing later neither finishes it again nor sends the request.
    authenticator.pending(true);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(api.count("/api/v1/me"), 1);
}

QTEST_GUILESS_MAIN(TstApiAuth)
#include "tst_apiauth.moc"
