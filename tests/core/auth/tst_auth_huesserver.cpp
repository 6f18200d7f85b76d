// The app's OpenID Connect client end to end against the real hues-server: the test plays
// the browser (plain HTTP, cookies, the login form with the demo password), the app's code
// does the rest: code + PKCE through the loopback receiver, the session, refresh, the bearer
// hook with a 401 refreshed once and retried, userinfo, sign-out, the device grant, and the
// refusals a real provider can be made to show.
#include "PlainBrowser.h"
#include "TestServer.h"
#include "auth/AuthorizationFlow.h"
#include "auth/CustomSchemeReceiver.h"
#include "auth/DeviceFlow.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "securestore/SecureStore.h"

#include <QDesktopServices>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using auth::AuthError;
using auth::AuthorizationFlow;
using auth::Session;
using authtest::PlainBrowser;
using hues::test::TestServer;

namespace {

// Written in README.md ("Demo accounts") and seeded by --seed demo.
const QString kCitizen = QStringLiteral("citizen");
const QString kCitizenPassword = QStringLiteral("hues-citizen-demo");

TestServer::Options seeded()
{
    TestServer::Options o;
    o.seedDemo = true;
    return o;
}

net::ApiReply *waitFor(net::ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &net::ApiReply::finished);
        spy.wait(20000);
    }
    return reply;
}

} // namespace

class TstAuthHuesServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void signInRefreshApiSignOut();
    void restoredSessionWorks();
    void wrongStateRedeemsNothing();
    void customSchemeRedirect();
    void reusedCodeIsRefused();
    void reusedRefreshTokenEndsSession();
    void wrongPasswordThenTimeOut();
    void deviceGrant();
    void deviceGrantDenied();
    void providerDown();

private:
    QByteArray storedBlob();
    auth::OidcClientConfig config(const QString &clientId = QStringLiteral("hues-app")) const;
    // Runs a sign-in with the browser; bend may change the redirect before it is followed.
    std::unique_ptr<AuthorizationFlow> signIn(std::function<QUrl(QUrl)> bend = {});

    TestServer m_server{seeded()};
    std::unique_ptr<net::ApiClient> m_client;
    std::unique_ptr<platform::MemorySecureStore> m_store;
    std::unique_ptr<PlainBrowser> m_browser;
};

void TstAuthHuesServer::initTestCase()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void TstAuthHuesServer::init()
{
    m_client = std::make_unique<net::ApiClient>();
    QVERIFY(m_client->setBaseUrl(m_server.baseUrl()));
    m_store = std::make_unique<platform::MemorySecureStore>();
    m_browser = std::make_unique<PlainBrowser>();
    m_browser->username = kCitizen;
    m_browser->password = kCitizenPassword;
}

void TstAuthHuesServer::cleanup()
{
    m_browser.reset();
    m_store.reset();
    m_client.reset();
}

QByteArray TstAuthHuesServer::storedBlob()
{
    QByteArray data = "<timeout>";
    bool done = false;
    platform::SecureStoreJob *job = m_store->read("session");
    connect(job, &platform::SecureStoreJob::finished, this, [&] {
        data = job->error() == platform::SecureStoreJob::NoError ? job->data() : "<none>";
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        qWarning() << "the store did not answer";
    return data;
}

auth::OidcClientConfig TstAuthHuesServer::config(const QString &clientId) const
{
    auth::OidcClientConfig c;
    c.issuer = m_server.baseUrl().toString();
    c.clientId = clientId;
    c.scopes = QStringList{"openid", "profile", "phone", "citizen", "offline_access"};
    return c;
}

std::unique_ptr<AuthorizationFlow> TstAuthHuesServer::signIn(std::function<QUrl(QUrl)> bend)
{
    auto flow = std::make_unique<AuthorizationFlow>(m_client.get(), config());
    PlainBrowser *browser = m_browser.get();
    flow->setBrowser([browser, bend](const QUrl &url) {
        // The browser runs after the app has handed the URL over, like a real one.
        QTimer::singleShot(0, [browser, url, bend] {
            const QUrl redirect(QUrlQuery(url).queryItemValue("redirect_uri", QUrl::FullyDecoded));
            if (!bend) {
                browser->browse(url, redirect);
                return;
            }
            // Stop before the app's receiver, bend the redirect, then follow it.
            const PlainBrowser::Page last = browser->browse(url, redirect, 20, false);
            if (!last.location.isEmpty())
                browser->get(bend(last.url.resolved(QUrl::fromEncoded(last.location))));
        });
        return true;
    });
    QSignalSpy finished(flow.get(), &AuthorizationFlow::finished);
    flow->start();
    if (!finished.wait(30000))
        qWarning() << "the sign-in did not finish";
    return flow;
}

void TstAuthHuesServer::signInRefreshApiSignOut()
{
    QElapsedTimer clock;
    clock.start();
    const auto flow = signIn();
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    qInfo("sign-in through the browser: %lld ms", static_cast<long long>(clock.elapsed()));
    // The browser saw the login page, then the app's "you can return to the app" page.
    QVERIFY(m_browser->history.first().body.contains("name=\"password\""));
    QCOMPARE(m_browser->history.last().status, 200);
    QVERIFY(m_browser->history.last().body.contains("You can return to the Hue-S app"));
    const QJsonObject &claims = flow->result().idClaims;
    QCOMPARE(claims.value("aud").toString(), QString("hues-app"));
    QVERIFY(!claims.value("sub").toString().isEmpty());

    Session session(m_client.get(), m_store.get());
    session.begin(flow->result());
    QVERIFY(session.isSignedIn());

    // The city's API with the bearer token.
    std::unique_ptr<net::ApiReply> me(waitFor(m_client->get("/api/v1/me")));
    QVERIFY2(me->isOk(), qPrintable(me->error().detail));
    QCOMPARE(me->json().object().value("name").toString(), QString::fromUtf8("Nguyễn Thị Hương"));

    // Userinfo, kept masked.
    QSignalSpy userInfo(&session, &Session::userInfoChanged);
    session.fetchUserInfo();
    QVERIFY(userInfo.wait(10000));
    QCOMPARE(session.displayName(), QString::fromUtf8("Nguyễn Thị Hương"));
    QVERIFY(session.maskedCitizenId().endsWith(
        me->json().object().value("citizen_id").toString().right(3)));
    QVERIFY(session.maskedCitizenId().startsWith(QChar(0x2022)));
    QVERIFY(!session.maskedPhone().isEmpty());

    // Refresh: a new access token, the refresh token rotated.
    const QByteArray before = session.authorization();
    QSignalSpy refreshed(&session, &Session::refreshed);
    clock.restart();
    session.refresh();
    QVERIFY(refreshed.wait(10000));
    qInfo("refresh: %lld ms", static_cast<long long>(clock.elapsed()));
    QVERIFY(session.authorization() != before);

    // The API stops accepting the access token (revoked, RFC 7009): the client refreshes once
    // and sends the request again.
    QUrlQuery revoke;
    revoke.addQueryItem("token", QString::fromLatin1(session.authorization().mid(7)));
    revoke.addQueryItem("token_type_hint", "access_token");
    revoke.addQueryItem("client_id", "hues-app");
    net::ApiClient other;
    std::unique_ptr<net::ApiReply> revoked(
        waitFor(other.postForm(m_server.url("/oauth2/revoke"), revoke)));
    QVERIFY2(revoked->isOk(), qPrintable(revoked->error().detail));
    std::unique_ptr<net::ApiReply> again(waitFor(m_client->get("/api/v1/me")));
    QVERIFY2(again->isOk(), qPrintable(again->error().detail));
    QCOMPARE(again->attempts(), 2);
    QCOMPARE(refreshed.size(), 2);

    // Sign out: tokens revoked, the provider's session ended through the browser.
    const QByteArray lastAccess = session.authorization().mid(7);
    QSignalSpy signedOut(&session, &Session::signedOut);
    const QUrl logout = session.signOut();
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(logout.adjusted(QUrl::RemoveQuery), m_server.url("/oauth2/logout"));
    const PlainBrowser::Page bye = m_browser->get(logout);
    QCOMPARE(bye.status, 200);
    // The revoked access token no longer opens the API.
    QTRY_VERIFY_WITH_TIMEOUT(hues::test::httpRequest("GET", m_server.url("/api/v1/me"), {},
                                                     {{"Authorization", "Bearer " + lastAccess}})
                                     .status == 401,
                             10000);
    // And the browser has to sign in again.
    const auto next = std::make_unique<AuthorizationFlow>(m_client.get(), config());
    QUrl shown;
    next->setBrowser([&shown](const QUrl &url) {
        shown = url;
        return true;
    });
    next->start();
    QTRY_VERIFY(shown.isValid());
    const PlainBrowser::Page login = m_browser->get(shown);
    QCOMPARE(login.status, 200);
    QVERIFY(login.body.contains("name=\"password\""));
    next->cancel();
    QCOMPARE(storedBlob(), QByteArray("<none>"));
}

void TstAuthHuesServer::restoredSessionWorks()
{
    const auto flow = signIn();
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    {
        Session first(m_client.get(), m_store.get());
        first.begin(flow->result());
        QTRY_VERIFY(storedBlob().contains("refresh_token"));
    }
    net::ApiClient client;
    QVERIFY(client.setBaseUrl(m_server.baseUrl()));
    Session next(&client, m_store.get());
    QSignalSpy restored(&next, &Session::restored);
    next.restore();
    QVERIFY(restored.wait(10000));
    QVERIFY(next.isSignedIn());
    QSignalSpy refreshed(&next, &Session::refreshed);
    next.refresh();
    QVERIFY(refreshed.wait(10000));
    std::unique_ptr<net::ApiReply> me(waitFor(client.get("/api/v1/me")));
    QVERIFY2(me->isOk(), qPrintable(me->error().detail));
}

// The phone path (RFC 8252 §7.1): the provider redirects to vn.hue.hues:/oauth2redirect; the
// OS hands that URL to Qt, which calls QDesktopServices' handler. Here the test is the OS: it
// opens the URL with QDesktopServices::openUrl, as Qt's Android and iOS glue does.
void TstAuthHuesServer::customSchemeRedirect()
{
    const QUrl appRedirect(QStringLiteral("vn.hue.hues:/oauth2redirect"));
    AuthorizationFlow flow(m_client.get(), config());
    flow.setReceiverFactory([appRedirect](QObject *parent) {
        return new auth::CustomSchemeReceiver(appRedirect, parent);
    });
    PlainBrowser *browser = m_browser.get();
    QUrl delivered;
    flow.setBrowser([browser, appRedirect, &delivered](const QUrl &url) {
        QTimer::singleShot(0, [browser, url, appRedirect, &delivered] {
            const PlainBrowser::Page last = browser->browse(url, appRedirect, 20, false);
            delivered = last.url.resolved(QUrl::fromEncoded(last.location));
            // Another URL of the app's scheme (a link, a forged path) is not the answer.
            QDesktopServices::openUrl(
                QUrl(QStringLiteral("vn.hue.hues:/elsewhere?code=x&state=y")));
            QDesktopServices::openUrl(delivered);
        });
        return true;
    });
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    flow.start();
    QVERIFY(finished.wait(30000));
    QVERIFY2(flow.isOk(), qPrintable(flow.error().detail));
    QCOMPARE(delivered.scheme(), QStringLiteral("vn.hue.hues"));
    QCOMPARE(delivered.path(), QStringLiteral("/oauth2redirect"));
    QCOMPARE(QUrlQuery(flow.authorizationUrl()).queryItemValue("redirect_uri", QUrl::FullyDecoded),
             appRedirect.toString());
    QCOMPARE(flow.result().idClaims.value("aud").toString(), QString("hues-app"));

    // Once done, the scheme has no handler any more: a late URL reaches nobody.
    auth::CustomSchemeReceiver receiver(appRedirect);
    QSignalSpy received(&receiver, &auth::RedirectReceiver::callbackReceived);
    receiver.handleUrl(delivered); // not listening
    QCOMPARE(received.count(), 0);
    // A scheme that is not a reverse domain name (or http) is refused.
    auth::CustomSchemeReceiver web(QUrl(QStringLiteral("https://example.vn/cb")));
    QString why;
    QVERIFY(!web.listen(&why));
    QVERIFY(!why.isEmpty());
}

void TstAuthHuesServer::wrongStateRedeemsNothing()
{
    QByteArray code;
    const auto flow = signIn([&code](QUrl back) {
        QUrlQuery q(back);
        code = q.queryItemValue("code", QUrl::FullyDecoded).toLatin1();
        q.removeAllQueryItems("state");
        q.addQueryItem("state", "forged");
        back.setQuery(q);
        return back;
    });
    QCOMPARE(flow->error().kind, AuthError::StateMismatch);
    QVERIFY(!code.isEmpty());
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
}

void TstAuthHuesServer::reusedCodeIsRefused()
{
    QUrl firstRedirect;
    const auto first = signIn([&firstRedirect](QUrl back) {
        firstRedirect = back;
        return back;
    });
    QVERIFY2(first->isOk(), qPrintable(first->error().detail));
    // The second sign-in's browser delivers the first (spent) code with the new state.
    const auto second = signIn([&firstRedirect](QUrl back) {
        QUrlQuery q(back);
        q.removeAllQueryItems("code");
        q.addQueryItem("code", QUrlQuery(firstRedirect).queryItemValue("code", QUrl::FullyDecoded));
        back.setQuery(q);
        return back;
    });
    QCOMPARE(second->error().kind, AuthError::ProviderRefused);
    QCOMPARE(second->error().code, QString("invalid_grant"));
    QVERIFY(second->result().tokens.accessToken.isEmpty());
    QVERIFY(!second->error().message().isEmpty());
}

void TstAuthHuesServer::reusedRefreshTokenEndsSession()
{
    const auto flow = signIn();
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    Session session(m_client.get(), m_store.get());
    session.begin(flow->result());
    // A copy of the refresh token is used elsewhere first.
    QUrlQuery form;
    form.addQueryItem("grant_type", "refresh_token");
    form.addQueryItem("refresh_token", QString::fromLatin1(flow->result().tokens.refreshToken));
    form.addQueryItem("client_id", "hues-app");
    net::ApiClient thief;
    std::unique_ptr<net::ApiReply> stolen(
        waitFor(thief.postForm(m_server.url("/oauth2/token"), form)));
    QVERIFY2(stolen->isOk(), qPrintable(stolen->error().detail));
    QSignalSpy required(&session, &Session::signInRequired);
    session.refresh();
    QVERIFY(required.wait(10000));
    QCOMPARE(session.state(), Session::SignedOut);
    QCOMPARE(session.lastError().code, QString("invalid_grant"));
    // The whole family is gone: the thief's fresh tokens too.
    const QString thiefAccess = stolen->json().object().value("access_token").toString();
    QCOMPARE(hues::test::httpRequest("GET", m_server.url("/api/v1/me"), {},
                                     {{"Authorization", "Bearer " + thiefAccess.toLatin1()}})
                 .status,
             401);
}

void TstAuthHuesServer::wrongPasswordThenTimeOut()
{
    // A wrong password never gets anywhere; the user gives up: the app times out cleanly.
    m_browser->password = QStringLiteral("not-the-password");
    auto flow = std::make_unique<AuthorizationFlow>(m_client.get(), config());
    flow->setTimeout(3000);
    PlainBrowser *browser = m_browser.get();
    flow->setBrowser([browser](const QUrl &url) {
        QTimer::singleShot(0, [browser, url] { browser->browse(url, {}, 3); });
        return true;
    });
    QSignalSpy finished(flow.get(), &AuthorizationFlow::finished);
    flow->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(flow->error().kind, AuthError::TimedOut);
    QVERIFY(m_browser->history.last().body.contains("name=\"password\""));
}

void TstAuthHuesServer::deviceGrant()
{
    auth::DeviceFlow flow(m_client.get(), config("hues-kiosk"));
    QSignalSpy code(&flow, &auth::DeviceFlow::codeReady);
    QSignalSpy finished(&flow, &auth::DeviceFlow::finished);
    flow.start();
    QVERIFY(code.wait(10000));
    QVERIFY(!flow.userCode().isEmpty());
    QVERIFY(flow.verificationUriComplete().toString().contains(
                QUrl::toPercentEncoding(flow.userCode())) ||
            flow.verificationUriComplete().toString().contains(flow.userCode()));
    // The citizen's phone opens the QR code's URL, signs in and approves.
    const PlainBrowser::Page done = m_browser->browse(flow.verificationUriComplete());
    QCOMPARE(done.status, 200);
    QVERIFY(finished.wait(30000));
    QVERIFY2(flow.isOk(), qPrintable(flow.error().detail));
    QCOMPARE(flow.result().clientId, QString("hues-kiosk"));
    Session session(m_client.get(), m_store.get());
    session.begin(flow.result());
    std::unique_ptr<net::ApiReply> me(waitFor(m_client->get("/api/v1/me")));
    QVERIFY2(me->isOk(), qPrintable(me->error().detail));
    QCOMPARE(me->json().object().value("preferred_username").toString(), kCitizen);
    session.signOut();
}

void TstAuthHuesServer::deviceGrantDenied()
{
    auth::DeviceFlow flow(m_client.get(), config("hues-kiosk"));
    QSignalSpy code(&flow, &auth::DeviceFlow::codeReady);
    QSignalSpy finished(&flow, &auth::DeviceFlow::finished);
    flow.start();
    QVERIFY(code.wait(10000));
    m_browser->decision = QStringLiteral("deny");
    QCOMPARE(m_browser->browse(flow.verificationUriComplete()).status, 200);
    QVERIFY(finished.wait(30000));
    QCOMPARE(flow.error().kind, AuthError::Denied);
    QVERIFY(flow.result().tokens.accessToken.isEmpty());
}

void TstAuthHuesServer::providerDown()
{
    TestServer gone(seeded());
    QVERIFY(gone.start());
    const QString issuer = gone.baseUrl().toString();
    QCOMPARE(gone.stop(), 0);
    auth::OidcClientConfig c = config();
    c.issuer = issuer;
    net::RetryPolicy once;
    once.maxAttempts = 1;
    m_client->setRetryPolicy(once);
    AuthorizationFlow flow(m_client.get(), c);
    bool opened = false;
    flow.setBrowser([&opened](const QUrl &) { return opened = true; });
    QSignalSpy finished(&flow, &AuthorizationFlow::finished);
    flow.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(flow.error().kind, AuthError::Network);
    QVERIFY(!opened);
}

QTEST_GUILESS_MAIN(TstAuthHuesServer)
#include "tst_auth_huesserver.moc"
