#pragma once

#include "auth/AuthError.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QQmlEngine;
class QJSEngine;
class QTimer;

namespace net {
class ApiClient;
}
namespace platform {
class SecureStore;
}
namespace store {
class StoreService;
}
namespace auth {
class AuthorizationFlow;
class DeviceFlow;
struct OidcClientConfig;
class Session;
} // namespace auth

namespace hues {

// The citizen's account as QML sees it: the one auth::Session of the app, signing in through
// the system browser (code + PKCE, loopback redirect) at the configured city server, and
// signing out (revocation, provider logout, the user's cached data wiped).
class AccountService : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Account)
    QML_SINGLETON
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(bool waitingForBrowser READ isWaitingForBrowser NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY userChanged)
    Q_PROPERTY(QString maskedCitizenId READ maskedCitizenId NOTIFY userChanged)
    Q_PROPERTY(QString maskedPhone READ maskedPhone NOTIFY userChanged)
    Q_PROPERTY(bool persistent READ isPersistent NOTIFY persistentChanged)
    Q_PROPERTY(bool kiosk READ isKiosk CONSTANT)
    // Device sign-in (RFC 8628), for kiosks: the code to show and how long it lasts.
    Q_PROPERTY(bool deviceSignInActive READ isDeviceSignInActive NOTIFY stateChanged)
    Q_PROPERTY(QString userCode READ userCode NOTIFY deviceCodeChanged)
    Q_PROPERTY(QString verificationUri READ verificationUri NOTIFY deviceCodeChanged)
    Q_PROPERTY(
        QString verificationUriComplete READ verificationUriComplete NOTIFY deviceCodeChanged)
    Q_PROPERTY(int expiresIn READ expiresIn NOTIFY expiresInChanged)
    // The provider stopped accepting the session (a failed refresh): the app asks the user to
    // sign in again where they are, keeping the page and what they typed.
    Q_PROPERTY(bool sessionExpired READ isSessionExpired NOTIFY sessionExpiredChanged)

public:
    enum State { SignedOut, SigningIn, SignedIn };
    Q_ENUM(State)
    // Opens a URL in the system browser; QDesktopServices::openUrl unless set otherwise.
    using UrlOpener = std::function<bool(const QUrl &)>;

    AccountService(net::ApiClient *client, store::StoreService *store,
                   platform::SecureStore *secureStore, bool kiosk, QObject *parent = nullptr);
    ~AccountService() override;

    // QML gets the instance the application built.
    static AccountService *create(QQmlEngine *, QJSEngine *);
    static void setInstance(AccountService *instance);

    void setUrlOpener(UrlOpener opener) { m_opener = std::move(opener); }
    // Loads the session an earlier run kept, if any.
    void restore();

    auth::Session *session() const { return m_session; }
    // The issuer and client this app signs in with (issuer = the city server's base URL).
    QString issuer() const;
    QString clientId() const;

    State state() const;
    bool isBusy() const { return state() == SigningIn; }
    bool isWaitingForBrowser() const;
    QString errorMessage() const { return m_error.message(); }
    QString displayName() const;
    QString maskedCitizenId() const;
    QString maskedPhone() const;
    bool isPersistent() const;
    bool isKiosk() const { return m_kiosk; }
    bool isDeviceSignInActive() const;
    QString userCode() const;
    QString verificationUri() const;
    QString verificationUriComplete() const;
    int expiresIn() const { return m_expiresIn; } // seconds left for the user code
    bool isSessionExpired() const { return m_sessionExpired; }

    Q_INVOKABLE void signIn();
    Q_INVOKABLE void cancelSignIn();
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void dismissError();
    Q_INVOKABLE void dismissSessionExpired();
    // Sign-in with a phone: a code (and a QR code of the URL with it) for the citizen to open
    // and approve on their phone while the kiosk polls.
    Q_INVOKABLE void startDeviceSignIn();
    Q_INVOKABLE void cancelDeviceSignIn();

    // The language changed: the error message is read again.
    void retranslate();

Q_SIGNALS:
    void stateChanged();
    void errorMessageChanged();
    void userChanged();
    void persistentChanged();
    void deviceCodeChanged();
    void expiresInChanged();
    void sessionExpiredChanged();
    // The user signed out (or was signed out) and their local data is gone.
    void signedOut();

private:
    // Checks that no flow runs and the issuer is acceptable (else sets the error) and fills
    // the client configuration both sign-in flows share.
    bool prepareSignIn(const QString &clientId, auth::OidcClientConfig *config);
    void setError(const auth::AuthError &error);
    void onFlowFinished();
    void onDeviceFlowFinished();
    void updateExpiresIn();
    void wipeUserData();
    void setSessionExpired(bool expired);
    void endSession(bool openProviderLogout);
    // Whether the session was made at the server the app is configured for now.
    bool belongsToServer() const;

    net::ApiClient *m_client;
    store::StoreService *m_store;
    platform::SecureStore *m_secureStore;
    bool m_kiosk;
    auth::Session *m_session;
    QPointer<auth::AuthorizationFlow> m_flow;
    QPointer<auth::DeviceFlow> m_deviceFlow;
    UrlOpener m_opener;
    QTimer *m_countdown;
    bool m_sessionExpired = false;
    int m_expiresIn = 0;
    auth::AuthError m_error;
};

} // namespace hues
