#pragma once

#include "AuthError.h"
#include "OidcProviderInfo.h"
#include "Tokens.h"
#include "net/ApiClient.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace platform {
class SecureStore;
}

namespace auth {

class IdTokenVerifier;

// The one signed-in session of the app, shared by every service: holds the tokens (in memory
// and in the platform's secure store, nowhere else), gives the API client its bearer token,
// refreshes ahead of expiry and after a 401 (one refresh at a time, rotating refresh tokens),
// and signs out (revocation, provider logout URL). When the provider no longer accepts the
// refresh token the session ends and signInRequired() asks the UI to sign in again.
class Session : public QObject, public net::ApiAuthenticator
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY stateChanged)
    Q_PROPERTY(bool persistent READ isPersistent NOTIFY persistentChanged)
    Q_PROPERTY(QString subject READ subject NOTIFY stateChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY userInfoChanged)
    Q_PROPERTY(QString maskedCitizenId READ maskedCitizenId NOTIFY userInfoChanged)
    Q_PROPERTY(QString maskedPhone READ maskedPhone NOTIFY userInfoChanged)

public:
    enum State { SignedOut, Restoring, SignedIn };
    Q_ENUM(State)

    // Installs itself as the client's authenticator (and removes itself when destroyed).
    Session(net::ApiClient *client, platform::SecureStore *store, QObject *parent = nullptr);
    ~Session() override;

    // The secure store entry of this session; one per profile. Default "session".
    void setStorageKey(const QString &key) { m_storageKey = key; }
    // The entry the app and hues-tool use for a profile of a data folder (two installations,
    // or a test's temporary folder, never share a session): "session:<profile>:<hash>".
    static QString storageKeyFor(const QString &dataDir, const QString &profile);

    // Loads a session kept by an earlier run; emits restored() either way.
    void restore();
    // Starts the session a sign-in flow produced (replacing any other) and keeps it.
    void begin(const SignInResult &result);
    // Renews the access token now (coalesced with one already under way).
    void refresh();
    // Ends the session: revokes the tokens (RFC 7009), forgets them here and in the store.
    // Returns the provider's logout URL (RP-Initiated Logout) for the browser, or an empty URL.
    QUrl signOut();
    // Asks the provider's userinfo endpoint for name, citizen ID and phone (shown masked).
    void fetchUserInfo();

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == SignedIn; }
    // False when tokens live in memory only: the user will sign in again next time.
    bool isPersistent() const { return m_persistent; }
    QString subject() const { return m_subject; }
    QString displayName() const { return m_name; }
    QString maskedCitizenId() const { return m_maskedCitizenId; }
    QString maskedPhone() const { return m_maskedPhone; }
    QString issuer() const { return m_provider.issuer; }
    QString clientId() const { return m_clientId; }
    qint64 expiresAt() const { return m_tokens.expiresAt; }
    // When the next automatic refresh is due (unix seconds), 0 if none is planned.
    qint64 nextRefreshAt() const { return m_nextRefreshAt; }
    const AuthError &lastError() const { return m_lastError; }

    // net::ApiAuthenticator
    QByteArray authorization() const override;
    void renewAfterUnauthorized(const QByteArray &used, std::function<void(bool)> done) override;

    // "046190001234" -> "•••••••••234"; "+84905123456" -> "+84•••••••456".
    static QString maskCitizenId(const QString &id);
    static QString maskPhone(const QString &phone);

Q_SIGNALS:
    void stateChanged();
    void persistentChanged();
    void userInfoChanged();
    void restored();
    // A write of the session to the secure store has finished (ok: it is kept there).
    void kept(bool ok);
    void refreshed();
    // A refresh failed for a reason that may pass (network): the session is kept and tried
    // again later; lastError() says why.
    void refreshFailed();
    // The provider no longer accepts this session: it has ended. Sign in again.
    void signInRequired();
    void signedOut();

private:
    void setState(State state);
    void setPersistent(bool persistent);
    void applyTokens(const TokenSet &tokens);
    void scheduleRefresh(qint64 lifetimeSeconds);
    void finishRenewals(bool ok);
    void endSession(const AuthError &why);
    void forget();
    void persist();
    void requestUserInfo(int generation, bool mayRenew);
    void applyUserInfo(const QJsonObject &info);
    QByteArray serialize() const;
    bool deserialize(const QByteArray &blob);
    IdTokenVerifier *verifier();

    net::ApiClient *m_client;
    platform::SecureStore *m_store;
    QString m_storageKey = QStringLiteral("session");
    State m_state = SignedOut;
    bool m_persistent = false;
    int m_generation = 0; // bumped whenever the session changes hands: stale answers are ignored

    OidcProviderInfo m_provider;
    QString m_clientId;
    TokenSet m_tokens;
    QString m_subject;
    QString m_name;
    QString m_maskedCitizenId;
    QString m_maskedPhone;
    AuthError m_lastError;

    QTimer *m_refreshTimer;
    qint64 m_nextRefreshAt = 0;
    int m_refreshFailures = 0;
    QPointer<net::ApiReply> m_refreshReply;
    QList<std::function<void(bool)>> m_waiting;
    QPointer<IdTokenVerifier> m_verifier;
};

} // namespace auth
