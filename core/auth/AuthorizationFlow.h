#pragma once

#include "AuthError.h"
#include "OidcProviderInfo.h"
#include "Tokens.h"

#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>

namespace net {
class ApiClient;
class ApiReply;
} // namespace net

namespace auth {

class DiscoveryReply;
class IdTokenVerifier;
class RedirectReceiver;

// Who the app is to an OpenID Provider.
struct OidcClientConfig
{
    QString issuer;
    QString clientId;
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"),
                       QStringLiteral("offline_access")};
    // Extra authorization request parameters (e.g. prompt=consent, ui_locales=vi).
    QUrlQuery extraParameters;
};

// One sign-in with the authorization code flow and PKCE (RFC 7636) in the system browser,
// returning through a loopback or private-use scheme redirect (RFC 8252): discovery, authorization
// request with fresh state, nonce and S256 challenge, code exchange, ID token verification.
// Finishes once, with a SignInResult or an AuthError; it never touches the session itself.
class AuthorizationFlow : public QObject
{
    Q_OBJECT
public:
    enum State { Idle, Discovering, WaitingForBrowser, Exchanging, Verifying, Succeeded, Failed };
    Q_ENUM(State)
    // Opens the authorization URL in a browser: QDesktopServices::openUrl in the app.
    using Browser = std::function<bool(const QUrl &)>;
    // Makes the receiver of the browser's redirect: a LoopbackReceiver unless set otherwise
    // (phones: a CustomSchemeReceiver, see platform/oauth/).
    using ReceiverFactory = std::function<RedirectReceiver *(QObject *parent)>;

    AuthorizationFlow(net::ApiClient *client, OidcClientConfig config, QObject *parent = nullptr);
    ~AuthorizationFlow() override;

    void setBrowser(Browser browser) { m_browser = std::move(browser); }
    void setReceiverFactory(ReceiverFactory factory) { m_receiverFactory = std::move(factory); }
    // Skips discovery when the provider's document is already known and checked.
    void setProviderInfo(const OidcProviderInfo &info) { m_provider = info; }
    void setTimeout(int ms) { m_timeoutMs = ms; } // waiting for the browser; default 10 min

    void start();
    void cancel();

    State state() const { return m_state; }
    bool isFinished() const { return m_state == Succeeded || m_state == Failed; }
    bool isOk() const { return m_state == Succeeded; }
    const AuthError &error() const { return m_error; }
    const SignInResult &result() const { return m_result; }
    // The URL given to the browser (for display or tests); secrets-free by design.
    QUrl authorizationUrl() const { return m_authorizationUrl; }

Q_SIGNALS:
    void stateChanged(auth::AuthorizationFlow::State state);
    void finished();

private:
    void setState(State state);
    void openBrowser();
    void onCallback(const QUrlQuery &query);
    void exchange(const QString &code);
    void fail(const AuthError &error);
    void cleanup();

    net::ApiClient *m_client;
    OidcClientConfig m_config;
    OidcProviderInfo m_provider;
    Browser m_browser;
    ReceiverFactory m_receiverFactory;
    int m_timeoutMs = 10 * 60 * 1000;
    State m_state = Idle;
    AuthError m_error;
    SignInResult m_result;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
    QByteArray m_stateParam;
    QByteArray m_nonce;
    QByteArray m_codeVerifier;
    QPointer<DiscoveryReply> m_discovery;
    QPointer<RedirectReceiver> m_receiver;
    QPointer<net::ApiReply> m_tokenReply;
    QPointer<IdTokenVerifier> m_idVerifier;
};

// Asks the provider to forget a token (RFC 7009), best effort: nobody waits for the answer.
void revokeQuietly(net::ApiClient *client, const OidcProviderInfo &provider,
                   const QString &clientId, const QByteArray &token, const QString &hint);

} // namespace auth
