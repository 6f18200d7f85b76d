// End to end, the account: the real Main.qml and core signing in at a real hues-server. The
// test plays the system browser with plain HTTP (the login form, then the redirect to the
// app's loopback receiver) and clicks through the account page by objectName.
#include "AccountService.h"
#include "AppSettings.h"
#include "Application.h"
#include "KioskIdle.h"
#include "QuickItems.h"
#include "TestServer.h"
#include "auth/Session.h"
#include "securestore/SecureStore.h"
#include "store/Database.h"
#include "store/StoreService.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using hues::AccountService;
using hues::Application;
using hues::AppOptions;
using hues::test::click;
using hues::test::findVisible;
using hues::test::grab;
using hues::test::HttpResult;
using hues::test::TestServer;
using hues::test::textOf;

namespace {

const QString kCitizen = QStringLiteral("citizen");
const QString kCitizenPassword = QStringLiteral("hues-citizen-demo");
const QString kCitizenName = QStringLiteral("Nguyễn Thị Hương");

// The system browser, as far as sign-on goes: one cookie jar, redirects followed by hand.
class PlayBrowser
{
public:
    PlayBrowser() { m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); }

    HttpResult get(const QUrl &url) { return exchange("GET", url, {}, {}); }

    HttpResult post(const QUrl &url, const QList<QPair<QString, QString>> &fields)
    {
        QByteArray body;
        for (const auto &[name, value] : fields) {
            if (!body.isEmpty())
                body += '&';
            body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
        }
        return exchange("POST", url, body, "application/x-www-form-urlencoded");
    }

    // One request through this browser's cookie jar; waits on the reply's signal.
    HttpResult exchange(const QByteArray &method, const QUrl &url, const QByteArray &body,
                        const QByteArray &contentType)
    {
        QNetworkRequest request(url);
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        HttpResult result;
        if (!reply->isFinished() && !done.wait(15000)) {
            reply->abort();
            result.errorString = QStringLiteral("timed out");
        }
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        result.headers = reply->rawHeaderPairs();
        result.body = reply->readAll();
        reply->deleteLater();
        return result;
    }

    // The hidden fields of the page's form, and the given ones, posted to `action`.
    HttpResult submit(const QUrl &action, const QByteArray &html,
                      const QList<QPair<QString, QString>> &fields)
    {
        static const QRegularExpression input(
            QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
        QList<QPair<QString, QString>> all;
        auto it = input.globalMatch(QString::fromUtf8(html));
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QString value = m.captured(2);
            value.replace(QLatin1String("&quot;"), QLatin1String("\""));
            value.replace(QLatin1String("&#39;"), QLatin1String("'"));
            value.replace(QLatin1String("&lt;"), QLatin1String("<"));
            value.replace(QLatin1String("&gt;"), QLatin1String(">"));
            value.replace(QLatin1String("&amp;"), QLatin1String("&"));
            all.append({m.captured(1), value});
        }
        all += fields;
        return post(action, all);
    }

    // Opens the authorization URL, signs in on the login form; returns the provider's answer
    // (on success a redirect to the app's loopback receiver).
    HttpResult signIn(const QUrl &authorizeUrl, const QString &user, const QString &password)
    {
        const HttpResult page = get(authorizeUrl);
        if (page.status != 200 || !page.body.contains("name=\"password\""))
            return page;
        QUrl action = authorizeUrl;
        action.setQuery(QString());
        HttpResult answer =
            submit(action, page.body,
                   {{QStringLiteral("username"), user}, {QStringLiteral("password"), password}});
        // Redirects within the provider are followed; the one to the app is returned.
        for (int hops = 0; hops < 5 && answer.status / 100 == 3; ++hops) {
            const QUrl next = action.resolved(QUrl(QString::fromUtf8(answer.header("Location"))));
            if (next.port() != action.port())
                break;
            answer = get(next);
        }
        return answer;
    }

    QNetworkAccessManager &manager() { return m_manager; }

private:
    QNetworkAccessManager m_manager;
};

// A secure store that survives the Application (it belongs to the test), and says so.
class KeptSecureStore : public platform::MemorySecureStore
{
public:
    using MemorySecureStore::MemorySecureStore;
    bool isPersistent() const override { return true; }
};

// What the store keeps for the app of dataDir (waits for the job); empty if nothing.
QByteArray keptSession(platform::SecureStore *store, const QString &dataDir)
{
    platform::SecureStoreJob *job =
        store->read(auth::Session::storageKeyFor(dataDir, QStringLiteral("app")));
    QSignalSpy done(job, &platform::SecureStoreJob::finished);
    if (!done.wait(5000) || job->error() != platform::SecureStoreJob::NoError)
        return {};
    return job->data();
}

bool holdsSession(platform::SecureStore *store, const QString &dataDir)
{
    return !keptSession(store, dataDir).isEmpty();
}

int cacheRows(Application *app)
{
    QSqlQuery q(app->store()->database()->connection());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM kv_cache")) && q.next() ? q.value(0).toInt()
                                                                               : -1;
}

bool putCacheRow(Application *app, const QString &key)
{
    QSqlQuery q(app->store()->database()->connection());
    q.prepare(QStringLiteral("INSERT INTO kv_cache(key, value, updated_at) VALUES(?, ?, 0)"));
    q.addBindValue(key);
    q.addBindValue(QByteArrayLiteral("{\"name\":\"personal\"}"));
    return q.exec();
}

quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

class TstE2eAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInShowsAccountAndSignOutWipes();
    void wrongPasswordStaysSignedOut();
    void sessionIsRestoredAfterRestart();
    void otherServerSignsOut();
    void expiredSessionSignsInAgainInPlace();
    void unreachableServerShowsErrorAndRetry();
    void kioskIdleSignsOut();
    void kioskDeviceSignIn();

private:
    struct Run
    {
        std::unique_ptr<Application> app;
        QList<QUrl> opened; // what the app asked the browser to open
    };
    void startApp(Run &run, const QString &dataDir, platform::SecureStore *store,
                  const QString &serverUrl, QSize size, bool kiosk = false, int idleSeconds = 90);
    // Clicks "Sign in" and, as the browser, signs in with the given password. The answer of
    // the provider to the login form is returned.
    void signInThroughPage(Run &run, const QString &password, HttpResult *answer);

    std::unique_ptr<TestServer> m_server;
};

void TstE2eAccount::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TestServer::Options o;
    o.seedDemo = true;
    m_server = std::make_unique<TestServer>(o);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TstE2eAccount::startApp(Run &run, const QString &dataDir, platform::SecureStore *store,
                             const QString &serverUrl, QSize size, bool kiosk, int idleSeconds)
{
    AppOptions o;
    o.dataDir = dataDir;
    o.serverUrl = serverUrl;
    o.language = QStringLiteral("vi");
    o.size = size;
    o.kiosk = kiosk;
    o.kioskIdleSeconds = idleSeconds;
    o.page = QStringLiteral("account");
    run.app = std::make_unique<Application>(o);
    run.app->setSecureStore(store);
    QList<QUrl> *opened = &run.opened;
    run.app->setUrlOpener([opened](const QUrl &url) {
        opened->append(url);
        return true;
    });
    QVERIFY(run.app->start());
    QVERIFY(QTest::qWaitForWindowExposed(run.app->window()));
}

void TstE2eAccount::signInThroughPage(Run &run, const QString &password, HttpResult *answer)
{
    QQuickWindow *window = run.app->window();
    QQuickItem *button = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((button = findVisible(window, QStringLiteral("accountSignInButton"))),
                             10000);
    const qsizetype before = run.opened.size();
    QVERIFY(click(window, button));
    QTRY_VERIFY_WITH_TIMEOUT(run.opened.size() > before, 10000);
    // The page waits for the browser and offers to cancel.
    QTRY_VERIFY(findVisible(window, QStringLiteral("accountCancelButton")));
    const QUrl authorize = run.opened.constLast();
    QVERIFY2(authorize.toString().startsWith(m_server->baseUrl().toString()),
             qPrintable(authorize.toString()));
    PlayBrowser browser;
    *answer = browser.signIn(authorize, kCitizen, password);
}

void TstE2eAccount::signInShowsAccountAndSignOutWipes()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    Run run;
    startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
    QQuickWindow *window = run.app->window();
    AccountService *account = run.app->account();
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_account")));
    QTRY_COMPARE(account->state(), AccountService::SignedOut);
    grab(window, QStringLiteral("account-signed-out-vi.png"));

    HttpResult answer;
    signInThroughPage(run, kCitizenPassword, &answer);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(answer.status / 100, 3);
    const QUrl callback(QString::fromUtf8(answer.header("Location")));
    QCOMPARE(callback.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(callback.path(), QStringLiteral("/callback"));
    // The browser follows the redirect to the app.
    PlayBrowser browser;
    const HttpResult landed = browser.get(callback);
    QCOMPARE(landed.status, 200);

    QTRY_COMPARE_WITH_TIMEOUT(account->state(), AccountService::SignedIn, 15000);
    QTRY_COMPARE(textOf(window, QStringLiteral("accountName")), kCitizenName);
    QTRY_COMPARE(textOf(window, QStringLiteral("accountCitizenId")),
                 QStringLiteral("•••••••••234"));
    QTRY_COMPARE(textOf(window, QStringLiteral("accountPhone")), QStringLiteral("+84••••••456"));
    // Tokens in memory only: the page says the user will sign in again next time.
    QVERIFY(findVisible(window, QStringLiteral("accountNotPersistent")));
    QVERIFY(!findVisible(window, QStringLiteral("accountError")));
    QVERIFY(findVisible(window, QStringLiteral("accountSignOutButton"))->height() >= 48);
    QTRY_VERIFY(holdsSession(&store, data.path()));
    grab(window, QStringLiteral("account-signed-in-vi.png"));

    // The user's cached data goes with them (with whatever else is cached: the alerts).
    const int cachedBefore = cacheRows(run.app.get());
    QVERIFY(putCacheRow(run.app.get(), QStringLiteral("me/profile")));
    QCOMPARE(cacheRows(run.app.get()), cachedBefore + 1);

    // Cancel in the confirmation changes nothing.
    QVERIFY(click(window, findVisible(window, QStringLiteral("accountSignOutButton"))));
    QQuickItem *cancel = nullptr;
    QTRY_VERIFY((cancel = findVisible(window, QStringLiteral("cancelSignOutButton"))));
    QVERIFY(click(window, cancel));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("cancelSignOutButton")));
    QCOMPARE(account->state(), AccountService::SignedIn);

    const qsizetype openedBefore = run.opened.size();
    QVERIFY(click(window, findVisible(window, QStringLiteral("accountSignOutButton"))));
    QQuickItem *confirm = nullptr;
    QTRY_VERIFY((confirm = findVisible(window, QStringLiteral("confirmSignOutButton"))));
    QVERIFY(click(window, confirm));
    QTRY_COMPARE(account->state(), AccountService::SignedOut);
    QTRY_VERIFY(findVisible(window, QStringLiteral("accountSignInButton")));
    QVERIFY(!findVisible(window, QStringLiteral("accountName")));
    QCOMPARE(account->displayName(), QString());
    QCOMPARE(cacheRows(run.app.get()), 0);
    QTRY_VERIFY(!holdsSession(&store, data.path()));
    // The provider's session in the browser is ended too (RP-Initiated Logout).
    QCOMPARE(run.opened.size(), openedBefore + 1);
    const QUrl logout = run.opened.constLast();
    QVERIFY2(logout.toString().startsWith(m_server->baseUrl().toString()),
             qPrintable(logout.toString()));
    QVERIFY(QUrlQuery(logout).hasQueryItem(QStringLiteral("id_token_hint")));
}

void TstE2eAccount::wrongPasswordStaysSignedOut()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    Run run;
    startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
    QQuickWindow *window = run.app->window();
    AccountService *account = run.app->account();

    // The provider shows its form again: nothing reaches the app.
    HttpResult answer;
    signInThroughPage(run, QStringLiteral("not-the-password"), &answer);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.body.contains("name=\"password\""));
    QCOMPARE(account->state(), AccountService::SigningIn);

    // The user gives up in the app.
    QVERIFY(click(window, findVisible(window, QStringLiteral("accountCancelButton"))));
    QTRY_COMPARE(account->state(), AccountService::SignedOut);
    QTRY_VERIFY(findVisible(window, QStringLiteral("accountSignInButton")));
    QVERIFY(!findVisible(window, QStringLiteral("accountError"))); // cancelling is no error
    QVERIFY(!account->session()->isSignedIn());
    QVERIFY(account->session()->authorization().isEmpty());
    QVERIFY(!holdsSession(&store, data.path()));
}

void TstE2eAccount::sessionIsRestoredAfterRestart()
{
    QTemporaryDir data;
    KeptSecureStore store;
    {
        Run run;
        startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
        HttpResult answer;
        signInThroughPage(run, kCitizenPassword, &answer);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(answer.status / 100, 3);
        PlayBrowser browser;
        QCOMPARE(browser.get(QUrl(QString::fromUtf8(answer.header("Location")))).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(run.app->account()->state(), AccountService::SignedIn, 15000);
        QTRY_COMPARE(textOf(run.app->window(), QStringLiteral("accountPhone")),
                     QStringLiteral("+84••••••456"));
        QVERIFY(!findVisible(run.app->window(), QStringLiteral("accountNotPersistent")));
        QTRY_VERIFY(holdsSession(&store, data.path()));
    }
    // A new run finds the session, with no browser.
    Run run;
    startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
    QQuickWindow *window = run.app->window();
    QTRY_COMPARE(run.app->account()->state(), AccountService::SignedIn);
    QTRY_COMPARE(textOf(window, QStringLiteral("accountName")), kCitizenName);
    QTRY_COMPARE(textOf(window, QStringLiteral("accountCitizenId")),
                 QStringLiteral("•••••••••234"));
    QVERIFY(run.opened.isEmpty());
    QVERIFY(!findVisible(window, QStringLiteral("accountNotPersistent")));
    // And the kept tokens still work at the server (userinfo is asked again after restore).
    QVERIFY(!run.app->account()->session()->authorization().isEmpty());
}

// The provider stops accepting the session (here: its refresh token was used elsewhere, so
// reuse detection revoked the family). The user, in the middle of something on another page,
// is asked to sign in again there, and after signing in is still on that page.
void TstE2eAccount::expiredSessionSignsInAgainInPlace()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    Run run;
    startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
    AccountService *account = run.app->account();
    QQuickWindow *window = run.app->window();
    HttpResult answer;
    signInThroughPage(run, kCitizenPassword, &answer);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(answer.status / 100, 3);
    PlayBrowser browser;
    QCOMPARE(browser.get(QUrl(QString::fromUtf8(answer.header("Location")))).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(account->state(), AccountService::SignedIn, 15000);
    QVERIFY(!findVisible(window, QStringLiteral("sessionExpiredBanner")));

    // The user goes to Settings (what they are doing).
    QVERIFY(
        QMetaObject::invokeMethod(window, "openPage", Q_ARG(QVariant, QStringLiteral("settings"))));
    QTRY_VERIFY(findVisible(window, QStringLiteral("page_settings")));

    // Someone spends the refresh token first; the app's refresh is then a reuse.
    QByteArray kept;
    QTRY_VERIFY(!(kept = keptSession(&store, data.path())).isEmpty());
    const QString refreshToken =
        QJsonDocument::fromJson(kept).object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!refreshToken.isEmpty());
    const HttpResult stolen = hues::test::httpRequest(
        "POST", m_server->url(QStringLiteral("/oauth2/token")),
        hues::test::formEncode({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                {QStringLiteral("refresh_token"), refreshToken},
                                {QStringLiteral("client_id"), QStringLiteral("hues-app")}}),
        {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(stolen.status, 200);
    QSignalSpy required(account->session(), &auth::Session::signInRequired);
    account->session()->refresh();
    QVERIFY(required.wait(15000));
    QCOMPARE(account->state(), AccountService::SignedOut);
    QVERIFY(account->isSessionExpired());
    QTRY_VERIFY(findVisible(window, QStringLiteral("sessionExpiredBanner")));
    // Still on the page the user was on.
    QVERIFY(findVisible(window, QStringLiteral("page_settings")));
    grab(window, QStringLiteral("session-expired-vi.png"));

    // Sign in again from the banner.
    const qsizetype before = run.opened.size();
    // (Once the layout has settled: the banner appeared a frame ago.)
    QTRY_VERIFY(click(window, findVisible(window, QStringLiteral("sessionExpiredSignIn"))));
    QTRY_VERIFY_WITH_TIMEOUT(run.opened.size() > before, 10000);
    PlayBrowser second;
    const HttpResult relogin = second.signIn(run.opened.constLast(), kCitizen, kCitizenPassword);
    QCOMPARE(relogin.status / 100, 3);
    QCOMPARE(second.get(QUrl(QString::fromUtf8(relogin.header("Location")))).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(account->state(), AccountService::SignedIn, 15000);
    QTRY_VERIFY(!findVisible(window, QStringLiteral("sessionExpiredBanner")));
    QVERIFY(!account->isSessionExpired());
    QVERIFY(findVisible(window, QStringLiteral("page_settings")));
}

void TstE2eAccount::otherServerSignsOut()
{
    QTemporaryDir data;
    KeptSecureStore store;
    {
        Run run;
        startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
        HttpResult answer;
        signInThroughPage(run, kCitizenPassword, &answer);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(answer.status / 100, 3);
        PlayBrowser browser;
        QCOMPARE(browser.get(QUrl(QString::fromUtf8(answer.header("Location")))).status, 200);
        AccountService *account = run.app->account();
        QTRY_COMPARE_WITH_TIMEOUT(account->state(), AccountService::SignedIn, 15000);
        QTRY_VERIFY(holdsSession(&store, data.path()));

        // The user points the app at another city server: its token must not go there.
        const QString other = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
        QVERIFY(run.app->settings()->setServerUrl(other));
        QTRY_COMPARE(account->state(), AccountService::SignedOut);
        QVERIFY(account->session()->authorization().isEmpty());
        QTRY_VERIFY(!holdsSession(&store, data.path()));
        QTRY_VERIFY(findVisible(run.app->window(), QStringLiteral("accountSignInButton")));
        QCOMPARE(run.opened.size(), 1); // the authorization URL only
    }
    {
        // A session kept for one server is not used with another given on the command line.
        Run run;
        startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
        HttpResult answer;
        signInThroughPage(run, kCitizenPassword, &answer);
        if (QTest::currentTestFailed())
            return;
        PlayBrowser browser;
        QCOMPARE(browser.get(QUrl(QString::fromUtf8(answer.header("Location")))).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(run.app->account()->state(), AccountService::SignedIn, 15000);
        QTRY_VERIFY(holdsSession(&store, data.path()));
    }
    Run run;
    startApp(run, data.path(), &store, QStringLiteral("http://127.0.0.1:%1").arg(closedPort()),
             QSize(412, 892));
    QTRY_VERIFY(findVisible(run.app->window(), QStringLiteral("accountSignInButton")));
    QCOMPARE(run.app->account()->state(), AccountService::SignedOut);
    QTRY_VERIFY(!holdsSession(&store, data.path()));
    QVERIFY(run.opened.isEmpty()); // no browser for a sign-out the user did not ask for
}

void TstE2eAccount::unreachableServerShowsErrorAndRetry()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    const quint16 port = closedPort();
    Run run;
    startApp(run, data.path(), &store, QStringLiteral("http://127.0.0.1:%1").arg(port),
             QSize(412, 892));
    QQuickWindow *window = run.app->window();
    QQuickItem *button = nullptr;
    QTRY_VERIFY((button = findVisible(window, QStringLiteral("accountSignInButton"))));
    QVERIFY(click(window, button));
    QQuickItem *error = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((error = findVisible(window, QStringLiteral("accountError"))), 60000);
    QVERIFY(!error->property("text").toString().isEmpty());
    QVERIFY(run.opened.isEmpty());
    grab(window, QStringLiteral("account-error-vi.png"));

    // The server comes up on that port; Retry goes on to the browser.
    TestServer::Options o;
    o.seedDemo = true;
    o.listen = QStringLiteral("127.0.0.1:%1").arg(port);
    TestServer late(o);
    QVERIFY2(late.start(), qPrintable(late.errorString()));
    QQuickItem *retry = findVisible(error, QStringLiteral("accountRetry"));
    QVERIFY(retry);
    QVERIFY(retry->height() >= 48);
    QVERIFY(click(window, retry));
    QTRY_VERIFY_WITH_TIMEOUT(!run.opened.isEmpty(), 30000);
    QTRY_VERIFY(!findVisible(window, QStringLiteral("accountError")));
    QVERIFY(findVisible(window, QStringLiteral("accountCancelButton")));
    QVERIFY(click(window, findVisible(window, QStringLiteral("accountCancelButton"))));
    QTRY_COMPARE(run.app->account()->state(), AccountService::SignedOut);
}

void TstE2eAccount::kioskIdleSignsOut()
{
    QTemporaryDir data;
    KeptSecureStore store;
    {
        // A session made on a desktop run, handed over through the store: the kiosk restores
        // it (a kiosk itself keeps nothing across runs; this only seeds its memory).
        Run run;
        startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(412, 892));
        HttpResult answer;
        signInThroughPage(run, kCitizenPassword, &answer);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(answer.status / 100, 3);
        PlayBrowser browser;
        QCOMPARE(browser.get(QUrl(QString::fromUtf8(answer.header("Location")))).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(run.app->account()->state(), AccountService::SignedIn, 15000);
        QTRY_VERIFY(holdsSession(&store, data.path()));
    }
    Run run;
    startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(1920, 1080), true, 2);
    QQuickWindow *window = run.app->window();
    AccountService *account = run.app->account();
    QTRY_COMPARE(account->state(), AccountService::SignedIn);
    QVERIFY(putCacheRow(run.app.get(), QStringLiteral("me/bookings")));

    // Quiet for 2 s: the countdown; "I'm here" keeps the session.
    QQuickItem *overlay = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((overlay = findVisible(window, QStringLiteral("kioskIdleOverlay"))),
                             10000);
    QVERIFY(run.app->kioskIdle()->isWarning());
    // A mouse move would be activity and end the countdown.
    grab(window, QStringLiteral("kiosk-idle-vi.png"), hues::test::Mouse::KeepStill);
    QQuickItem *stay = findVisible(overlay, QStringLiteral("kioskIdleStayButton"));
    QVERIFY(stay);
    QVERIFY(stay->height() >= 48);
    QVERIFY(click(window, stay));
    QTRY_VERIFY(!findVisible(window, QStringLiteral("kioskIdleOverlay")));
    QCOMPARE(account->state(), AccountService::SignedIn);

    // Quiet again, and no answer: signed out, data wiped, back home.
    QSignalSpy timedOut(run.app->kioskIdle(), &hues::KioskIdle::timedOut);
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("kioskIdleOverlay")), 10000);
    QVERIFY(timedOut.wait(10000));
    QCOMPARE(account->state(), AccountService::SignedOut);
    QTRY_VERIFY(!findVisible(window, QStringLiteral("kioskIdleOverlay")));
    QTRY_COMPARE(window->property("currentPage").toString(), QStringLiteral("home"));
    QCOMPARE(cacheRows(run.app.get()), 0);
    QTRY_VERIFY(!holdsSession(&store, data.path()));
    QVERIFY(run.opened.isEmpty()); // a kiosk opens no browser, not even to log out
}

void TstE2eAccount::kioskDeviceSignIn()
{
    QTemporaryDir data;
    platform::MemorySecureStore store;
    Run run;
    startApp(run, data.path(), &store, m_server->baseUrl().toString(), QSize(1920, 1080), true);
    QQuickWindow *window = run.app->window();
    AccountService *account = run.app->account();
    QTRY_COMPARE(account->state(), AccountService::SignedOut);
    // A kiosk signs in with the citizen's phone, not a browser of its own.
    QVERIFY(!findVisible(window, QStringLiteral("accountSignInButton")));
    QVERIFY(click(window, findVisible(window, QStringLiteral("deviceSignInButton"))));

    QString userCode;
    QTRY_VERIFY_WITH_TIMEOUT(
        !(userCode = textOf(window, QStringLiteral("deviceUserCode"))).isEmpty(), 15000);
    QVERIFY2(
        QRegularExpression(QStringLiteral("^[A-Z0-9]{4}-[A-Z0-9]{4}$")).match(userCode).hasMatch(),
        qPrintable(userCode));
    QQuickItem *qr = findVisible(window, QStringLiteral("deviceQr"));
    QVERIFY(qr);
    QVERIFY(qr->property("valid").toBool());
    const QUrl complete(qr->property("text").toString());
    QVERIFY2(complete.toString().startsWith(m_server->baseUrl().toString()),
             qPrintable(complete.toString()));
    QCOMPARE(QUrlQuery(complete).queryItemValue(QStringLiteral("user_code")), userCode);
    QVERIFY(findVisible(window, QStringLiteral("deviceCancel")));
    QVERIFY(account->expiresIn() > 60);
    grab(window, QStringLiteral("kiosk-device-sign-in-vi.png"));

    // The citizen's phone: the code typed on the verification page, sign in, approve.
    PlayBrowser phone;
    const QUrl device = m_server->url(QStringLiteral("/device"));
    QUrl withCode = device;
    withCode.setQuery(QStringLiteral("user_code=") + userCode);
    const HttpResult login = phone.get(withCode);
    QCOMPARE(login.status, 200);
    QVERIFY(login.body.contains("name=\"password\""));
    const HttpResult confirm = phone.submit(
        device, login.body,
        {{QStringLiteral("username"), kCitizen}, {QStringLiteral("password"), kCitizenPassword}});
    QCOMPARE(confirm.status, 200);
    QVERIFY(confirm.body.contains("decision"));
    const HttpResult done = phone.submit(device, confirm.body,
                                         {{QStringLiteral("decision"), QStringLiteral("approve")}});
    QCOMPARE(done.status, 200);

    // The kiosk's next poll gets the tokens.
    QTRY_COMPARE_WITH_TIMEOUT(account->state(), AccountService::SignedIn, 30000);
    QTRY_COMPARE(textOf(window, QStringLiteral("accountName")), kCitizenName);
    QTRY_COMPARE(textOf(window, QStringLiteral("accountCitizenId")),
                 QStringLiteral("•••••••••234"));
    QVERIFY(!findVisible(window, QStringLiteral("deviceQr")));
    // A kiosk keeps nothing for next time, and says nothing about it.
    QVERIFY(!findVisible(window, QStringLiteral("accountNotPersistent")));
    QCOMPARE(account->session()->clientId(), QStringLiteral("hues-kiosk"));

    // Starting again and cancelling leaves the kiosk signed out, without an error.
    QVERIFY(click(window, findVisible(window, QStringLiteral("accountSignOutButton"))));
    QQuickItem *yes = nullptr;
    QTRY_VERIFY((yes = findVisible(window, QStringLiteral("confirmSignOutButton"))));
    QVERIFY(click(window, yes));
    QTRY_COMPARE(account->state(), AccountService::SignedOut);
    QVERIFY(click(window, findVisible(window, QStringLiteral("deviceSignInButton"))));
    QTRY_VERIFY_WITH_TIMEOUT(findVisible(window, QStringLiteral("deviceUserCode")), 15000);
    QVERIFY(click(window, findVisible(window, QStringLiteral("deviceCancel"))));
    QTRY_COMPARE(account->state(), AccountService::SignedOut);
    QVERIFY(findVisible(window, QStringLiteral("deviceSignInButton")));
    QVERIFY(!findVisible(window, QStringLiteral("accountError")));
}

QTEST_MAIN(TstE2eAccount)
#include "tst_e2e_account.moc"
