// auth::Session against a scripted provider: keeping, restoring, refreshing (ahead of expiry,
// after a 401, rotation, reuse, failures), the bearer hook of ApiClient, userinfo, sign-out,
// and tokens never reaching a log line.
#include "FakeProvider.h"
#include "auth/AuthorizationFlow.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "securestore/SecureStore.h"

#include <QSignalSpy>
#include <QtTest>

#include <memory>

using auth::AuthError;
using auth::Session;
using authtest::FakeBrowser;
using authtest::FakeProvider;
using authtest::StubRequest;
using platform::MemorySecureStore;
using platform::SecureStoreJob;

namespace {

// A platform with no secure storage at all.
class BrokenStore : public platform::SecureStore
{
public:
    bool isPersistent() const override { return true; }
    SecureStoreJob *read(const QString &) override { return fail(); }
    SecureStoreJob *write(const QString &, const QByteArray &) override { return fail(); }
    SecureStoreJob *remove(const QString &) override { return fail(); }

private:
    SecureStoreJob *fail()
    {
        SecureStoreJob *job = newJob();
        QTimer::singleShot(0, job, [job] { job->finish(SecureStoreJob::Unavailable); });
        return job;
    }
};

QByteArray storedBlob(platform::SecureStore *store, const QString &key = "session")
{
    QByteArray data;
    bool done = false;
    SecureStoreJob *job = store->read(key);
    QObject::connect(job, &SecureStoreJob::finished, job, [&] {
        data = job->error() == SecureStoreJob::NoError ? job->data() : QByteArray("<none>");
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        return "<timeout>";
    return data;
}

net::ApiReply *waitFor(net::ApiReply *reply)
{
    if (!reply->isFinished()) {
        QSignalSpy spy(reply, &net::ApiReply::finished);
        spy.wait(20000);
    }
    return reply;
}

// Every message logged while alive, to prove what never appears in them.
class LogCapture
{
public:
    LogCapture()
    {
        s_self = this;
        m_previous = qInstallMessageHandler(&LogCapture::handler);
        QLoggingCategory::setFilterRules(QStringLiteral("hues.*=true"));
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        QLoggingCategory::setFilterRules({});
        s_self = nullptr;
    }
    QString text;

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &msg)
    {
        if (s_self) {
            s_self->text += msg + QLatin1Char('\n');
            if (s_self->m_previous)
                s_self->m_previous(type, context, msg);
        }
    }
    static inline LogCapture *s_self = nullptr;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TstSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void beginKeepsTokensInSecureStoreOnly();
    void bearerGoesToTheApi();
    void refreshAheadOfExpiry();
    void unauthorizedRefreshesOnceAndRetries();
    void concurrentUnauthorizedShareOneRefresh();
    void refreshRefusedEndsSession();
    void reusedRefreshTokenEndsSession();
    void transientRefreshFailureKeepsSession();
    void refreshedIdTokenForAnotherUser();
    void signOut();
    void restoreFromStore();
    void restoreExpiredRefreshesAtOnce();
    void restoreUnreadableBlob();
    void noSecureStorage();
    void userInfo();
    void userInfoForAnotherUser();
    void masking_data();
    void masking();
    void tokensNeverLogged();

private:
    auth::SignInResult signIn();

    std::unique_ptr<FakeProvider> m_op;
    std::unique_ptr<FakeBrowser> m_browser;
    std::unique_ptr<net::ApiClient> m_client;
    std::unique_ptr<MemorySecureStore> m_store;
    std::unique_ptr<Session> m_session;
};

void TstSession::init()
{
    m_op = std::make_unique<FakeProvider>();
    m_browser = std::make_unique<FakeBrowser>();
    m_browser->provider = m_op.get();
    m_client = std::make_unique<net::ApiClient>();
    QVERIFY(m_client->setBaseUrl(m_op->stub.url()));
    net::RetryPolicy fast;
    fast.maxAttempts = 1;
    m_client->setRetryPolicy(fast);
    m_store = std::make_unique<MemorySecureStore>();
    m_session = std::make_unique<Session>(m_client.get(), m_store.get());
}

void TstSession::cleanup()
{
    m_session.reset();
    m_store.reset();
    m_client.reset();
    m_browser.reset();
    m_op.reset();
}

auth::SignInResult TstSession::signIn()
{
    auth::OidcClientConfig config;
    config.issuer = m_op->issuer();
    config.clientId = "hues-app";
    auth::AuthorizationFlow flow(m_client.get(), config);
    flow.setBrowser(m_browser->function());
    QSignalSpy finished(&flow, &auth::AuthorizationFlow::finished);
    flow.start();
    if (!finished.wait(20000) || !flow.isOk()) {
        qWarning() << "sign-in failed:" << flow.error().detail;
        return {};
    }
    return flow.result();
}

void TstSession::beginKeepsTokensInSecureStoreOnly()
{
    QSignalSpy state(m_session.get(), &Session::stateChanged);
    const auth::SignInResult r = signIn();
    QVERIFY(!r.tokens.accessToken.isEmpty());
    m_session->begin(r);
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(m_session->subject(), QString("citizen-1"));
    QCOMPARE(m_session->issuer(), m_op->issuer());
    QCOMPARE(state.size(), 1);
    QVERIFY(!m_session->isPersistent()); // memory store: "you will sign in again next time"
    QCOMPARE(m_session->authorization(), "Bearer " + r.tokens.accessToken);
    const QByteArray blob = storedBlob(m_store.get());
    QVERIFY(blob.contains(r.tokens.refreshToken));
    QVERIFY(blob.contains(r.tokens.accessToken));
    QVERIFY(m_session->nextRefreshAt() > QDateTime::currentSecsSinceEpoch());
    QVERIFY(m_session->nextRefreshAt() < r.tokens.expiresAt);
}

void TstSession::bearerGoesToTheApi()
{
    std::unique_ptr<net::ApiReply> before(waitFor(m_client->get("/api/v1/me")));
    QCOMPARE(before->error().kind, net::ApiError::Unauthorized);
    QVERIFY(!m_op->stub.last("/api/v1/me").headers.contains("authorization"));
    m_session->begin(signIn());
    std::unique_ptr<net::ApiReply> after(waitFor(m_client->get("/api/v1/me")));
    QVERIFY2(after->isOk(), qPrintable(after->error().detail));
    QCOMPARE(after->json().object().value("sub").toString(), QString("citizen-1"));
}

void TstSession::refreshAheadOfExpiry()
{
    m_op->expiresIn = 2; // refreshed when a fifth of its life is left (here: at expiry)
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    QSignalSpy refreshed(m_session.get(), &Session::refreshed);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(refreshed.size(), 1);
    const QByteArray now = m_session->authorization();
    QVERIFY(now != "Bearer " + r.tokens.accessToken);
    // Rotation: the old refresh token is spent at the provider, the new one is kept.
    QVERIFY(m_op->refreshTokens.value(QString::fromLatin1(r.tokens.refreshToken)).used);
    const QByteArray blob = storedBlob(m_store.get());
    QVERIFY(!blob.contains(r.tokens.refreshToken));
    QVERIFY(blob.contains(now.mid(7)));
    const authtest::StubRequest req = m_op->stub.last("/token");
    QCOMPARE(req.form().queryItemValue("grant_type"), QString("refresh_token"));
    QCOMPARE(req.form().queryItemValue("client_id"), QString("hues-app"));
    QVERIFY(!req.headers.contains("authorization"));
    // And again, on schedule.
    QVERIFY(refreshed.wait(10000));
    QVERIFY(m_session->isSignedIn());
}

void TstSession::unauthorizedRefreshesOnceAndRetries()
{
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    m_op->accessTokens.clear(); // the API stops accepting the access token
    QSignalSpy refreshed(m_session.get(), &Session::refreshed);
    std::unique_ptr<net::ApiReply> reply(waitFor(m_client->get("/api/v1/me")));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(refreshed.size(), 1);
    QCOMPARE(m_op->stub.count("/api/v1/me"), 2);
}

void TstSession::concurrentUnauthorizedShareOneRefresh()
{
    m_session->begin(signIn());
    m_op->accessTokens.clear();
    const int tokenCalls = m_op->stub.count("/token");
    std::vector<std::unique_ptr<net::ApiReply>> replies;
    for (int i = 0; i < 4; ++i)
        replies.emplace_back(m_client->get("/api/v1/me"));
    for (auto &reply : replies) {
        waitFor(reply.get());
        QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    }
    // One refresh for all of them: a second would reuse the rotated refresh token.
    QCOMPARE(m_op->stub.count("/token"), tokenCalls + 1);
    QVERIFY(m_op->revokedFamilies.isEmpty());
}

void TstSession::refreshRefusedEndsSession()
{
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    m_op->accessTokens.clear();
    m_op->revokedFamilies.insert(
        m_op->refreshTokens.value(QString::fromLatin1(r.tokens.refreshToken)).family);
    QSignalSpy required(m_session.get(), &Session::signInRequired);
    std::unique_ptr<net::ApiReply> reply(waitFor(m_client->get("/api/v1/me")));
    QCOMPARE(reply->error().kind, net::ApiError::Unauthorized);
    QCOMPARE(required.size(), 1);
    QCOMPARE(m_session->state(), Session::SignedOut);
    QCOMPARE(m_session->lastError().kind, AuthError::SessionEnded);
    QCOMPARE(m_session->lastError().code, QString("invalid_grant"));
    QVERIFY(m_session->authorization().isEmpty());
    QCOMPARE(storedBlob(m_store.get()), QByteArray("<none>"));
    QCOMPARE(m_op->stub.count("/api/v1/me"), 1); // not retried without a fresh token
}

void TstSession::reusedRefreshTokenEndsSession()
{
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    // Someone who copied the refresh token uses it first; the provider rotates it for them.
    QUrlQuery form;
    form.addQueryItem("grant_type", "refresh_token");
    form.addQueryItem("refresh_token", QString::fromLatin1(r.tokens.refreshToken));
    form.addQueryItem("client_id", "hues-app");
    net::ApiClient thief;
    std::unique_ptr<net::ApiReply> stolen(waitFor(thief.postForm(m_op->stub.url("/token"), form)));
    QVERIFY(stolen->isOk());
    // The app's own refresh is now a reuse: the provider revokes the family, the app signs out.
    QSignalSpy required(m_session.get(), &Session::signInRequired);
    m_session->refresh();
    QVERIFY(required.wait(10000));
    QCOMPARE(m_session->state(), Session::SignedOut);
    QCOMPARE(m_session->lastError().kind, AuthError::SessionEnded);
    QCOMPARE(m_op->revokedFamilies.size(), 1);
    // And the thief's rotated token is dead too.
    form.removeAllQueryItems("refresh_token");
    form.addQueryItem("refresh_token", stolen->json().object().value("refresh_token").toString());
    std::unique_ptr<net::ApiReply> again(waitFor(thief.postForm(m_op->stub.url("/token"), form)));
    QCOMPARE(again->error().code, QString("invalid_grant"));
}

void TstSession::transientRefreshFailureKeepsSession()
{
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    m_op->tokenOverride = [](const StubRequest &) {
        return authtest::jsonResponse(503, QJsonObject{{"error", "temporarily_unavailable"}});
    };
    QSignalSpy failed(m_session.get(), &Session::refreshFailed);
    QSignalSpy required(m_session.get(), &Session::signInRequired);
    m_session->refresh();
    QVERIFY(failed.wait(10000));
    QVERIFY(m_session->isSignedIn());
    QCOMPARE(required.size(), 0);
    QCOMPARE(m_session->lastError().kind, AuthError::Network);
    QVERIFY(m_session->nextRefreshAt() >= QDateTime::currentSecsSinceEpoch() + 4);
    QCOMPARE(storedBlob(m_store.get()).contains(r.tokens.refreshToken), true);
    // The provider is back: the next refresh works with the same refresh token.
    m_op->tokenOverride = nullptr;
    QSignalSpy refreshed(m_session.get(), &Session::refreshed);
    m_session->refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(m_session->lastError().kind, AuthError::None);
}

void TstSession::refreshedIdTokenForAnotherUser()
{
    m_session->begin(signIn());
    m_op->idTokenHook = [](QJsonObject &claims, QByteArray &) { claims.insert("sub", "intruder"); };
    QSignalSpy required(m_session.get(), &Session::signInRequired);
    m_session->refresh();
    QVERIFY(required.wait(10000));
    QCOMPARE(m_session->lastError().kind, AuthError::IdTokenSubject);
    QCOMPARE(m_session->state(), Session::SignedOut);
}

void TstSession::signOut()
{
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    QSignalSpy signedOut(m_session.get(), &Session::signedOut);
    const QUrl logout = m_session->signOut();
    QCOMPARE(signedOut.size(), 1);
    QCOMPARE(m_session->state(), Session::SignedOut);
    QVERIFY(m_session->authorization().isEmpty());
    QVERIFY(m_session->subject().isEmpty());
    // RP-Initiated Logout URL for the browser.
    QCOMPARE(logout.adjusted(QUrl::RemoveQuery), m_op->stub.url("/logout"));
    const QUrlQuery q(logout);
    QCOMPARE(q.queryItemValue("id_token_hint", QUrl::FullyDecoded).toLatin1(), r.tokens.idToken);
    QCOMPARE(q.queryItemValue("client_id"), QString("hues-app"));
    // Both tokens revoked at the provider (RFC 7009), and nothing kept here.
    QTRY_COMPARE(m_op->revoked.size(), 2);
    QVERIFY(m_op->revoked.contains(QString::fromLatin1(r.tokens.refreshToken)));
    QVERIFY(m_op->revoked.contains(QString::fromLatin1(r.tokens.accessToken)));
    const authtest::StubRequest revoke = m_op->stub.last("/revoke");
    QCOMPARE(revoke.form().queryItemValue("client_id"), QString("hues-app"));
    QTRY_COMPARE(storedBlob(m_store.get()), QByteArray("<none>"));
    std::unique_ptr<net::ApiReply> reply(waitFor(m_client->get("/api/v1/me")));
    QCOMPARE(reply->error().kind, net::ApiError::Unauthorized);
    QVERIFY(!m_op->stub.last("/api/v1/me").headers.contains("authorization"));
    QVERIFY(m_session->signOut().isEmpty()); // twice is harmless
    QCOMPARE(signedOut.size(), 1);
}

void TstSession::restoreFromStore()
{
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    QVERIFY(storedBlob(m_store.get()).contains(r.tokens.refreshToken));
    // The next run: a new client and session over the same store.
    m_session.reset();
    net::ApiClient client;
    QVERIFY(client.setBaseUrl(m_op->stub.url()));
    Session next(&client, m_store.get());
    QSignalSpy restored(&next, &Session::restored);
    next.restore();
    QCOMPARE(next.state(), Session::Restoring);
    QVERIFY(restored.wait(10000));
    QVERIFY(next.isSignedIn());
    QCOMPARE(next.subject(), QString("citizen-1"));
    QCOMPARE(next.clientId(), QString("hues-app"));
    std::unique_ptr<net::ApiReply> reply(waitFor(client.get("/api/v1/me")));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().detail));
    QSignalSpy refreshed(&next, &Session::refreshed);
    next.refresh();
    QVERIFY(refreshed.wait(10000));
}

void TstSession::restoreExpiredRefreshesAtOnce()
{
    m_session->begin(signIn());
    m_session.reset();
    // The kept access token expired while the app was closed.
    QJsonObject kept = QJsonDocument::fromJson(storedBlob(m_store.get())).object();
    QVERIFY(kept.contains("expires_at"));
    kept.insert("expires_at", QDateTime::currentSecsSinceEpoch() - 10);
    bool written = false;
    SecureStoreJob *job = m_store->write("session", QJsonDocument(kept).toJson());
    connect(job, &SecureStoreJob::finished, this, [&written] { written = true; });
    QTRY_VERIFY(written);
    Session next(m_client.get(), m_store.get());
    QSignalSpy refreshed(&next, &Session::refreshed);
    next.restore();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(next.isSignedIn());
    QVERIFY(next.expiresAt() > QDateTime::currentSecsSinceEpoch());
}

void TstSession::restoreUnreadableBlob()
{
    bool written = false;
    SecureStoreJob *job = m_store->write("session", "{\"v\":1,\"provider\":{\"issuer\":\"x\"}}");
    connect(job, &SecureStoreJob::finished, this, [&written] { written = true; });
    QTRY_VERIFY(written);
    QSignalSpy restored(m_session.get(), &Session::restored);
    m_session->restore();
    QVERIFY(restored.wait(10000));
    QCOMPARE(m_session->state(), Session::SignedOut);
    QTRY_COMPARE(storedBlob(m_store.get()), QByteArray("<none>"));
    // Nothing kept at all: restore ends signed out too.
    m_session->restore();
    QVERIFY(restored.wait(10000));
    QCOMPARE(m_session->state(), Session::SignedOut);
}

void TstSession::noSecureStorage()
{
    BrokenStore broken;
    m_session.reset();
    Session session(m_client.get(), &broken);
    QVERIFY(session.isPersistent()); // a keychain is expected until it fails
    QSignalSpy restored(&session, &Session::restored);
    QSignalSpy persistent(&session, &Session::persistentChanged);
    session.restore();
    QVERIFY(restored.wait(10000));
    QVERIFY(!session.isPersistent()); // "you will sign in again next time"
    QCOMPARE(persistent.size(), 1);
    session.begin(signIn());
    QVERIFY(session.isSignedIn());
    QTRY_VERIFY(!session.isPersistent());
    std::unique_ptr<net::ApiReply> reply(waitFor(m_client->get("/api/v1/me")));
    QVERIFY(reply->isOk()); // the session still works for this run
}

void TstSession::userInfo()
{
    m_session->begin(signIn());
    QSignalSpy changed(m_session.get(), &Session::userInfoChanged);
    m_op->accessTokens.clear(); // userinfo answers 401 first: refresh once, then ask again
    m_session->fetchUserInfo();
    QVERIFY(changed.wait(10000));
    QCOMPARE(m_session->displayName(), QString::fromUtf8("Nguyễn Thị Hương"));
    QCOMPARE(m_session->maskedCitizenId(), QString::fromUtf8("•••••••••234"));
    QCOMPARE(m_session->maskedPhone(), QString::fromUtf8("+84••••••456"));
    QCOMPARE(m_op->stub.count("/userinfo"), 2);
    // Only the masked forms are kept.
    const QByteArray blob = storedBlob(m_store.get());
    QVERIFY(!blob.contains("046190001234"));
    QVERIFY(!blob.contains("905123456"));
    QVERIFY(blob.contains("Nguy"));
}

void TstSession::userInfoForAnotherUser()
{
    m_session->begin(signIn());
    m_op->userinfo.insert("sub", "someone-else");
    m_session->fetchUserInfo();
    QTRY_COMPARE(m_session->lastError().kind, AuthError::IdTokenSubject);
    QVERIFY(m_session->maskedCitizenId().isEmpty());
    QVERIFY(m_session->displayName().isEmpty());
}

void TstSession::masking_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("citizen");
    QTest::addColumn<QString>("phone");
    QTest::newRow("12 digits") << "046190001234" << QString::fromUtf8("•••••••••234")
                               << QString::fromUtf8("04•••••••234");
    QTest::newRow("+84") << "+84905123456" << QString::fromUtf8("•••••••••456")
                         << QString::fromUtf8("+84••••••456");
    QTest::newRow("short") << "12345" << QString::fromUtf8("•••••") << QString::fromUtf8("•••••");
    QTest::newRow("empty") << ""
                           << ""
                           << "";
}

void TstSession::masking()
{
    QFETCH(QString, input);
    QFETCH(QString, citizen);
    QFETCH(QString, phone);
    QCOMPARE(Session::maskCitizenId(input), citizen);
    QCOMPARE(Session::maskPhone(input), phone);
}

void TstSession::tokensNeverLogged()
{
    LogCapture log;
    m_op->expiresIn = 2;
    const auth::SignInResult r = signIn();
    m_session->begin(r);
    QSignalSpy refreshed(m_session.get(), &Session::refreshed);
    QVERIFY(refreshed.wait(10000));
    m_op->accessTokens.clear();
    std::unique_ptr<net::ApiReply> reply(waitFor(m_client->get("/api/v1/me")));
    QVERIFY(reply->isOk());
    m_session->fetchUserInfo();
    QTRY_VERIFY(!m_session->maskedPhone().isEmpty());
    const QByteArray current = m_session->authorization().mid(7);
    m_session->signOut();
    QTRY_VERIFY(m_op->revoked.size() >= 2);
    QVERIFY(log.text.contains("signed in")); // the capture works
    QVERIFY(log.text.contains("refresh"));
    for (const QString &secret :
         {QString::fromLatin1(r.tokens.accessToken), QString::fromLatin1(r.tokens.refreshToken),
          QString::fromLatin1(r.tokens.idToken), QString::fromLatin1(current),
          QString("046190001234"), QString("+84905123456")})
        QVERIFY2(!log.text.contains(secret), qPrintable(secret.left(8)));
    QVERIFY(!log.text.contains("code_verifier="));
}

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
