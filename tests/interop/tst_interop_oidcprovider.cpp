// The app's OpenID Connect client against an independent, certified OpenID Provider
// (panva/oidc-provider 8, RS256) started on loopback: sign-in with code + PKCE through the
// loopback redirect (the test plays the browser through the provider's development login and
// consent pages), refresh with rotation, a 401 refreshed once and retried, userinfo, sign-out
// with revocation and RP-Initiated Logout, and refusals.
#include "PlainBrowser.h"
#include "auth/AuthorizationFlow.h"
#include "auth/Session.h"
#include "jose/Jose.h"
#include "net/ApiClient.h"
#include "securestore/SecureStore.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <memory>

using auth::AuthError;
using auth::AuthorizationFlow;
using auth::Session;
using authtest::PlainBrowser;

namespace {

net::ApiReply *waitFor(net::ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &net::ApiReply::finished);
        spy.wait(20000);
    }
    return reply;
}

} // namespace

class TstInteropOidcProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void discovery();
    void signInRefreshSignOut();
    void wrongState();
    void reusedCode();

private:
    auth::OidcClientConfig config() const;
    std::unique_ptr<AuthorizationFlow> signIn(std::function<QUrl(QUrl)> bend = {});
    QUrlQuery refreshForm(const QByteArray &refreshToken) const;

    QProcess m_provider;
    QString m_issuer;
    std::unique_ptr<net::ApiClient> m_client;
    std::unique_ptr<PlainBrowser> m_browser;
};

void TstInteropOidcProvider::initTestCase()
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    if (node.isEmpty() || npm.isEmpty())
        QSKIP("node and npm are needed to run oidc-provider (scripts/deps.sh installs them)");

    const QDir dir(QStringLiteral(HUES_OP_DIR));
    if (!QFileInfo::exists(dir.filePath("node_modules/oidc-provider/package.json"))) {
        QElapsedTimer clock;
        clock.start();
        QProcess ci;
        ci.setWorkingDirectory(dir.path());
        ci.setProcessChannelMode(QProcess::MergedChannels);
        ci.start(npm, {"ci", "--no-audit", "--no-fund"});
        QVERIFY2(ci.waitForFinished(5 * 60 * 1000) && ci.exitCode() == 0,
                 qPrintable("npm ci failed: " + QString::fromLocal8Bit(ci.readAll())));
        qInfo("npm ci: %lld ms", static_cast<long long>(clock.elapsed()));
    }

    QElapsedTimer clock;
    clock.start();
    m_provider.setWorkingDirectory(dir.path());
    m_provider.setProcessChannelMode(QProcess::SeparateChannels);
    m_provider.start(node, {QStringLiteral("provider.mjs")});
    QVERIFY2(m_provider.waitForStarted(10000), qPrintable(m_provider.errorString()));
    QDeadlineTimer deadline(30000);
    while (!m_provider.canReadLine() && m_provider.state() == QProcess::Running &&
           !deadline.hasExpired())
        m_provider.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    m_issuer = QString::fromUtf8(m_provider.readLine()).trimmed();
    QVERIFY2(m_issuer.startsWith("http://127.0.0.1:"),
             qPrintable("no issuer: " + QString::fromLocal8Bit(m_provider.readAllStandardError())));
    qInfo("oidc-provider at %s after %lld ms", qPrintable(m_issuer),
          static_cast<long long>(clock.elapsed()));
}

void TstInteropOidcProvider::cleanupTestCase()
{
    if (m_provider.state() == QProcess::NotRunning)
        return;
    m_provider.closeWriteChannel(); // the script stops when its stdin closes
    if (!m_provider.waitForFinished(10000)) {
        m_provider.kill();
        m_provider.waitForFinished(5000);
    }
    if (QTest::currentTestFailed())
        qWarning().noquote() << "oidc-provider stderr:\n"
                             << QString::fromLocal8Bit(m_provider.readAllStandardError());
}

void TstInteropOidcProvider::init()
{
    m_client = std::make_unique<net::ApiClient>();
    m_browser = std::make_unique<PlainBrowser>();
    m_browser->username = QStringLiteral("citizen");
    m_browser->password = QStringLiteral("any password works on the development pages");
}

void TstInteropOidcProvider::cleanup()
{
    m_browser.reset();
    m_client.reset();
}

auth::OidcClientConfig TstInteropOidcProvider::config() const
{
    auth::OidcClientConfig c;
    c.issuer = m_issuer;
    c.clientId = QStringLiteral("hues-app");
    c.scopes = QStringList{"openid", "profile", "offline_access"};
    // OpenID Connect Core §11: offline_access is only honoured with prompt=consent.
    c.extraParameters.addQueryItem("prompt", "consent");
    return c;
}

std::unique_ptr<AuthorizationFlow> TstInteropOidcProvider::signIn(std::function<QUrl(QUrl)> bend)
{
    auto flow = std::make_unique<AuthorizationFlow>(m_client.get(), config());
    PlainBrowser *browser = m_browser.get();
    flow->setBrowser([browser, bend](const QUrl &url) {
        QTimer::singleShot(0, [browser, url, bend] {
            const QUrl redirect(QUrlQuery(url).queryItemValue("redirect_uri", QUrl::FullyDecoded));
            const PlainBrowser::Page last = browser->browse(url, redirect, 20, !bend);
            if (bend && !last.location.isEmpty())
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

QUrlQuery TstInteropOidcProvider::refreshForm(const QByteArray &refreshToken) const
{
    QUrlQuery form;
    form.addQueryItem("grant_type", "refresh_token");
    form.addQueryItem("refresh_token", QString::fromLatin1(refreshToken));
    form.addQueryItem("client_id", "hues-app");
    return form;
}

void TstInteropOidcProvider::discovery()
{
    std::unique_ptr<auth::DiscoveryReply> reply(
        auth::DiscoveryReply::fetch(m_client.get(), m_issuer));
    QSignalSpy finished(reply.get(), &auth::DiscoveryReply::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->info().idTokenAlgs, QStringList{"RS256"});
    QVERIFY(!reply->info().revocationEndpoint.isEmpty());
    QVERIFY(!reply->info().endSessionEndpoint.isEmpty());
}

void TstInteropOidcProvider::signInRefreshSignOut()
{
    QElapsedTimer clock;
    clock.start();
    const auto flow = signIn();
    QVERIFY2(flow->isOk(), qPrintable(flow->error().detail));
    qInfo("sign-in through the browser: %lld ms", static_cast<long long>(clock.elapsed()));
    const auth::SignInResult result = flow->result();
    QCOMPARE(result.idClaims.value("iss").toString(), m_issuer);
    QCOMPARE(result.idClaims.value("sub").toString(), QString("citizen"));
    const auto header = jose::base64UrlDecode(result.tokens.idToken.split('.').first());
    QVERIFY(header && header->contains("\"RS256\""));
    QVERIFY2(!result.tokens.refreshToken.isEmpty(), "no refresh token: offline_access refused");
    QVERIFY(m_browser->history.last().body.contains("You can return to the Hue-S app"));
    bool sawLogin = false;
    bool sawConsent = false;
    for (const auto &page : m_browser->history) {
        sawLogin = sawLogin || page.body.contains("name=\"password\"");
        sawConsent = sawConsent || page.body.contains("value=\"consent\"");
    }
    QVERIFY(sawLogin && sawConsent); // the provider's own pages, not a shortcut

    // The provider's userinfo endpoint stands in for an API: base URL = issuer, path /me.
    QVERIFY(m_client->setBaseUrl(QUrl(m_issuer)));
    platform::MemorySecureStore store;
    Session session(m_client.get(), &store);
    session.begin(result);
    std::unique_ptr<net::ApiReply> me(waitFor(m_client->get("/me")));
    QVERIFY2(me->isOk(), qPrintable(me->error().detail));
    QCOMPARE(me->json().object().value("sub").toString(), QString("citizen"));
    QSignalSpy userInfo(&session, &Session::userInfoChanged);
    session.fetchUserInfo();
    QVERIFY(userInfo.wait(10000));
    QCOMPARE(session.displayName(), QString("Interop citizen"));

    // Refresh, with the provider's rotation: the first refresh token is spent afterwards.
    QSignalSpy refreshed(&session, &Session::refreshed);
    clock.restart();
    session.refresh();
    QVERIFY(refreshed.wait(10000));
    qInfo("refresh: %lld ms", static_cast<long long>(clock.elapsed()));
    QVERIFY(session.authorization() != "Bearer " + result.tokens.accessToken);
    net::ApiClient probe;
    std::unique_ptr<net::ApiReply> spent(waitFor(
        probe.postForm(QUrl(m_issuer + "/token"), refreshForm(result.tokens.refreshToken))));
    QCOMPARE(spent->error().code, QString("invalid_grant"));
    // That reuse made the provider revoke the grant (its reuse detection): sign in again.
    QSignalSpy required(&session, &Session::signInRequired);
    session.refresh();
    QVERIFY(required.wait(10000));
    QCOMPARE(session.lastError().code, QString("invalid_grant"));

    // A fresh sign-in (the provider still knows the browser: no login form, only consent).
    const auto second = signIn();
    QVERIFY2(second->isOk(), qPrintable(second->error().detail));
    session.begin(second->result());

    // A revoked access token: the API answers 401, the client refreshes once and retries.
    QUrlQuery revoke;
    revoke.addQueryItem("token", QString::fromLatin1(session.authorization().mid(7)));
    revoke.addQueryItem("token_type_hint", "access_token");
    revoke.addQueryItem("client_id", "hues-app");
    std::unique_ptr<net::ApiReply> revoked(
        waitFor(probe.postForm(QUrl(m_issuer + "/token/revocation"), revoke)));
    QVERIFY2(revoked->isOk(), qPrintable(revoked->error().detail));
    std::unique_ptr<net::ApiReply> again(waitFor(m_client->get("/me")));
    QVERIFY2(again->isOk(), qPrintable(again->error().detail));
    QCOMPARE(again->attempts(), 2);

    // Sign out: the refresh token is revoked at the provider, the browser ends its session.
    const QByteArray lastRefresh = [&store] {
        QByteArray blob;
        bool done = false;
        platform::SecureStoreJob *job = store.read("session");
        QObject::connect(job, &platform::SecureStoreJob::finished, job, [&] {
            blob = job->data();
            done = true;
        });
        if (!QTest::qWaitFor([&done] { return done; }, 10000))
            return QByteArray();
        return QJsonDocument::fromJson(blob).object().value("refresh_token").toString().toLatin1();
    }();
    QVERIFY(!lastRefresh.isEmpty());
    const QUrl logout = session.signOut();
    QCOMPARE(logout.adjusted(QUrl::RemoveQuery), QUrl(m_issuer + "/session/end"));
    QTRY_COMPARE_WITH_TIMEOUT(
        waitFor(probe.postForm(QUrl(m_issuer + "/token"), refreshForm(lastRefresh)))->error().code,
        QString("invalid_grant"), 10000);
    // The logout page asks for confirmation; the browser says yes.
    const PlainBrowser::Page ask = m_browser->get(logout);
    QCOMPARE(ask.status, 200);
    auto form = m_browser->firstForm(ask);
    QVERIFY(form);
    form->fields.append(qMakePair(QStringLiteral("logout"), QStringLiteral("yes")));
    const PlainBrowser::Page done = m_browser->post(form->action, form->fields);
    QVERIFY2(done.status == 200 || done.status == 303 || done.status == 302,
             qPrintable(QString::number(done.status)));
    // The provider forgot the browser: a new sign-in starts at the login form again.
    const auto next = std::make_unique<AuthorizationFlow>(m_client.get(), config());
    QUrl shown;
    next->setBrowser([&shown](const QUrl &url) {
        shown = url;
        return true;
    });
    next->start();
    QTRY_VERIFY(shown.isValid());
    PlainBrowser::Page page = m_browser->get(shown);
    for (int i = 0; i < 5 && page.status >= 300 && page.status < 400; ++i)
        page = m_browser->get(page.url.resolved(QUrl::fromEncoded(page.location)));
    QVERIFY2(page.body.contains("name=\"password\""), page.body.left(300).constData());
    next->cancel();
}

void TstInteropOidcProvider::wrongState()
{
    const auto flow = signIn([](QUrl back) {
        QUrlQuery q(back);
        q.removeAllQueryItems("state");
        q.addQueryItem("state", "forged");
        back.setQuery(q);
        return back;
    });
    QCOMPARE(flow->error().kind, AuthError::StateMismatch);
    QVERIFY(flow->result().tokens.accessToken.isEmpty());
}

void TstInteropOidcProvider::reusedCode()
{
    QUrl firstRedirect;
    const auto first = signIn([&firstRedirect](QUrl back) {
        firstRedirect = back;
        return back;
    });
    QVERIFY2(first->isOk(), qPrintable(first->error().detail));
    const auto second = signIn([&firstRedirect](QUrl back) {
        QUrlQuery q(back);
        q.removeAllQueryItems("code");
        q.addQueryItem("code", QUrlQuery(firstRedirect).queryItemValue("code", QUrl::FullyDecoded));
        back.setQuery(q);
        return back;
    });
    QCOMPARE(second->error().kind, AuthError::ProviderRefused);
    QCOMPARE(second->error().code, QString("invalid_grant"));
}

QTEST_GUILESS_MAIN(TstInteropOidcProvider)
#include "tst_interop_oidcprovider.moc"
