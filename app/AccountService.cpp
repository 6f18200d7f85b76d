#include "AccountService.h"

#include "auth/AuthorizationFlow.h"
#include "auth/CustomSchemeReceiver.h"
#include "auth/DeviceFlow.h"
#include "auth/Session.h"
#include "logging.h"
#include "net/ApiClient.h"
#include "oauth/AppRedirect.h"
#include "securestore/SecureStore.h"
#include "store/Database.h"
#include "store/StoreService.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QJSEngine>
#include <QTimer>

namespace hues {

namespace {
QPointer<AccountService> g_instance;
} // namespace

AccountService::AccountService(net::ApiClient *client, store::StoreService *store,
                               platform::SecureStore *secureStore, bool kiosk, QObject *parent)
    : QObject(parent), m_client(client), m_store(store), m_secureStore(secureStore), m_kiosk(kiosk),
      m_session(new auth::Session(client, secureStore, this)),
      m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); }),
      m_countdown(new QTimer(this))
{
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &AccountService::updateExpiresIn);
    connect(m_session, &auth::Session::stateChanged, this, &AccountService::stateChanged);
    connect(m_session, &auth::Session::userInfoChanged, this, &AccountService::userChanged);
    connect(m_session, &auth::Session::persistentChanged, this, &AccountService::persistentChanged);
    connect(m_session, &auth::Session::restored, this, [this] {
        if (!m_session->isSignedIn())
            return;
        if (!belongsToServer()) {
            qCInfo(lcApp) << "the kept session is for another server; signing out";
            endSession(false);
            return;
        }
        m_session->fetchUserInfo(); // the name or phone may have changed since
    });
    // Another city server: the session (and the bearer token the API client would send to the
    // new address) belongs to the old one. Sign-in in progress there is dropped as well.
    connect(m_client, &net::ApiClient::baseUrlChanged, this, [this] {
        cancelSignIn();
        cancelDeviceSignIn();
        if (m_session->isSignedIn() && !belongsToServer()) {
            qCInfo(lcApp) << "the city server changed; signing out";
            endSession(false);
        }
    });
    connect(m_session, &auth::Session::signInRequired, this, [this] {
        // The provider no longer accepts the session: the user signs in again.
        setError(m_session->lastError());
        wipeUserData();
        // A kiosk just returns to its signed-out home; elsewhere the user is asked to sign in
        // again on top of the page they are on.
        setSessionExpired(!m_kiosk);
        Q_EMIT signedOut();
    });
    connect(m_session, &auth::Session::stateChanged, this, [this] {
        if (m_session->isSignedIn())
            setSessionExpired(false);
    });
}

AccountService::~AccountService()
{
    if (m_flow)
        m_flow->disconnect(this);
    if (m_deviceFlow)
        m_deviceFlow->disconnect(this);
}

AccountService *AccountService::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(g_instance);
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

void AccountService::setInstance(AccountService *instance)
{
    g_instance = instance;
}

void AccountService::restore()
{
    m_session->restore();
}

QString AccountService::issuer() const
{
    QString url = m_client->baseUrl().toString(QUrl::StripTrailingSlash);
    return url;
}

QString AccountService::clientId() const
{
    return m_kiosk ? QStringLiteral("hues-kiosk") : QStringLiteral("hues-app");
}

bool AccountService::belongsToServer() const
{
    return m_session->issuer() == issuer();
}

AccountService::State AccountService::state() const
{
    if (m_flow || m_deviceFlow)
        return SigningIn;
    switch (m_session->state()) {
    case auth::Session::SignedIn:
        return SignedIn;
    case auth::Session::Restoring:
        return SigningIn;
    case auth::Session::SignedOut:
        break;
    }
    return SignedOut;
}

bool AccountService::isWaitingForBrowser() const
{
    return m_flow && m_flow->state() == auth::AuthorizationFlow::WaitingForBrowser;
}

QString AccountService::displayName() const
{
    return m_session->displayName();
}

QString AccountService::maskedCitizenId() const
{
    return m_session->maskedCitizenId();
}

QString AccountService::maskedPhone() const
{
    return m_session->maskedPhone();
}

bool AccountService::isPersistent() const
{
    return m_session->isPersistent();
}

void AccountService::setError(const auth::AuthError &error)
{
    m_error = error;
    Q_EMIT errorMessageChanged();
}

void AccountService::dismissError()
{
    if (m_error.isError())
        setError({});
}

void AccountService::retranslate()
{
    if (m_error.isError())
        Q_EMIT errorMessageChanged();
}

bool AccountService::prepareSignIn(const QString &clientId, auth::OidcClientConfig *config)
{
    if (m_flow || m_deviceFlow)
        return false;
    setError({});
    QString why;
    if (!auth::OidcProviderInfo::isAcceptableIssuer(issuer(), &why)) {
        setError(auth::AuthError::make(auth::AuthError::BadProvider, why));
        return false;
    }
    config->issuer = issuer();
    config->clientId = clientId;
    config->scopes << QStringLiteral("phone") << QStringLiteral("citizen");
    return true;
}

void AccountService::signIn()
{
    auth::OidcClientConfig config;
    if (!prepareSignIn(clientId(), &config))
        return;
    m_flow = new auth::AuthorizationFlow(m_client, config, this);
    m_flow->setBrowser(m_opener);
    // Phones get the redirect through the app's URI scheme; desktops through loopback.
    if (const QUrl appRedirect = platform::appRedirectUri(); !appRedirect.isEmpty())
        m_flow->setReceiverFactory([appRedirect](QObject *parent) {
            return new auth::CustomSchemeReceiver(appRedirect, parent);
        });
    connect(m_flow, &auth::AuthorizationFlow::stateChanged, this, &AccountService::stateChanged);
    connect(m_flow, &auth::AuthorizationFlow::finished, this, &AccountService::onFlowFinished);
    qCInfo(lcApp) << "signing in at" << config.issuer << "as client" << config.clientId;
    m_flow->start();
    Q_EMIT stateChanged();
}

void AccountService::onFlowFinished()
{
    auth::AuthorizationFlow *flow = m_flow;
    if (!flow)
        return;
    m_flow = nullptr;
    flow->disconnect(this);
    flow->deleteLater();
    if (flow->isOk()) {
        m_session->begin(flow->result());
        m_session->fetchUserInfo();
    } else if (flow->error().kind != auth::AuthError::Cancelled) {
        qCInfo(lcApp) << "sign-in failed:" << flow->error().detail;
        setError(flow->error());
    }
    Q_EMIT stateChanged();
}

void AccountService::cancelSignIn()
{
    if (!m_flow)
        return;
    m_flow->cancel(); // finishes with Cancelled: no message for what the user chose
}

void AccountService::signOut()
{
    endSession(true);
}

void AccountService::setSessionExpired(bool expired)
{
    if (m_sessionExpired == expired)
        return;
    m_sessionExpired = expired;
    Q_EMIT sessionExpiredChanged();
}

void AccountService::dismissSessionExpired()
{
    setSessionExpired(false);
}

void AccountService::endSession(bool openProviderLogout)
{
    setSessionExpired(false);
    cancelSignIn();
    cancelDeviceSignIn();
    setError({});
    const QUrl logout = m_session->signOut();
    // RP-Initiated Logout: the provider's own session in the browser ends too (only when the
    // user asked to sign out: no browser pops up for a sign-out the app decided on, nor on a
    // kiosk, whose citizens signed in on their own phones).
    if (openProviderLogout && !m_kiosk && logout.isValid() && !logout.isEmpty() &&
        !m_opener(logout))
        qCInfo(lcApp) << "the provider's logout page could not be opened";
    wipeUserData();
    Q_EMIT stateChanged();
    Q_EMIT signedOut();
}

bool AccountService::isDeviceSignInActive() const
{
    return !m_deviceFlow.isNull();
}

QString AccountService::userCode() const
{
    return m_deviceFlow ? m_deviceFlow->userCode() : QString();
}

QString AccountService::verificationUri() const
{
    return m_deviceFlow ? m_deviceFlow->verificationUri().toString() : QString();
}

QString AccountService::verificationUriComplete() const
{
    return m_deviceFlow ? m_deviceFlow->verificationUriComplete().toString() : QString();
}

void AccountService::startDeviceSignIn()
{
    auth::OidcClientConfig config;
    // hues-kiosk: the client registered for the device grant.
    if (!prepareSignIn(QStringLiteral("hues-kiosk"), &config))
        return;
    m_deviceFlow = new auth::DeviceFlow(m_client, config, this);
    connect(m_deviceFlow, &auth::DeviceFlow::codeReady, this, [this] {
        updateExpiresIn();
        m_countdown->start();
        Q_EMIT deviceCodeChanged();
    });
    connect(m_deviceFlow, &auth::DeviceFlow::finished, this, &AccountService::onDeviceFlowFinished);
    qCInfo(lcApp) << "device sign-in at" << config.issuer << "as client" << config.clientId;
    m_deviceFlow->start();
    Q_EMIT stateChanged();
    Q_EMIT deviceCodeChanged();
}

void AccountService::cancelDeviceSignIn()
{
    if (m_deviceFlow)
        m_deviceFlow->cancel(); // finishes with Cancelled
}

void AccountService::updateExpiresIn()
{
    const qint64 left =
        m_deviceFlow ? m_deviceFlow->expiresAt() - QDateTime::currentSecsSinceEpoch() : 0;
    const int seconds = int(qMax<qint64>(0, left));
    if (seconds == m_expiresIn)
        return;
    m_expiresIn = seconds;
    Q_EMIT expiresInChanged();
}

void AccountService::onDeviceFlowFinished()
{
    auth::DeviceFlow *flow = m_deviceFlow;
    if (!flow)
        return;
    m_deviceFlow = nullptr;
    m_countdown->stop();
    flow->disconnect(this);
    flow->deleteLater();
    if (flow->isOk()) {
        m_session->begin(flow->result());
        m_session->fetchUserInfo();
    } else if (flow->error().kind != auth::AuthError::Cancelled) {
        qCInfo(lcApp) << "device sign-in failed:" << flow->error().detail;
        setError(flow->error());
    }
    updateExpiresIn();
    Q_EMIT stateChanged();
    Q_EMIT deviceCodeChanged();
}

void AccountService::wipeUserData()
{
    // The cache has no owner column: every row may be the user's, so all of it goes. The
    // outbox stays (what the user sent is theirs to keep sending).
    store::Database *db = m_store->database();
    if (db && db->isOpen() && !db->clearCache())
        qCWarning(lcApp) << "the local cache could not be cleared:" << db->errorString();
}

} // namespace hues
