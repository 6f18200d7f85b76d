#include "AuthorizationFlow.h"

#include "IdTokenVerifier.h"
#include "LoopbackReceiver.h"
#include "jose/Jose.h"
#include "logging.h"
#include "net/ApiClient.h"

#include <QDateTime>
#include <QTimer>

namespace auth {

namespace {

// Equal-time comparison, so that timing tells nothing about the expected state.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

void wipe(QByteArray &secret)
{
    secret.fill('\0');
    secret.clear();
}

} // namespace

AuthorizationFlow::AuthorizationFlow(net::ApiClient *client, OidcClientConfig config,
                                     QObject *parent)
    : QObject(parent), m_client(client), m_config(std::move(config))
{
}

AuthorizationFlow::~AuthorizationFlow()
{
    cleanup();
}

void AuthorizationFlow::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AuthorizationFlow::start()
{
    if (m_state != Idle)
        return;
    if (m_config.clientId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            fail(AuthError::make(AuthError::BadProvider, QStringLiteral("no client_id")));
        });
        return;
    }
    if (m_provider.isValid() && m_provider.issuer == m_config.issuer) {
        setState(Discovering);
        QTimer::singleShot(0, this, &AuthorizationFlow::openBrowser);
        return;
    }
    setState(Discovering);
    m_discovery = DiscoveryReply::fetch(m_client, m_config.issuer, this);
    connect(m_discovery, &DiscoveryReply::finished, this, [this] {
        DiscoveryReply *reply = m_discovery;
        reply->deleteLater();
        if (!reply->isOk()) {
            fail(reply->error());
            return;
        }
        m_provider = reply->info();
        openBrowser();
    });
}

void AuthorizationFlow::openBrowser()
{
    if (isFinished())
        return;
    m_receiver = m_receiverFactory ? m_receiverFactory(this) : new LoopbackReceiver(this);
    m_receiver->setTimeout(m_timeoutMs);
    QString why;
    if (!m_receiver->listen(&why)) {
        fail(AuthError::make(AuthError::BrowserUnavailable,
                             QStringLiteral("cannot receive the redirect: ") + why));
        return;
    }
    connect(m_receiver, &RedirectReceiver::callbackReceived, this, &AuthorizationFlow::onCallback);
    connect(m_receiver, &RedirectReceiver::timedOut, this, [this] {
        fail(AuthError::make(AuthError::TimedOut, QStringLiteral("no answer from the browser")));
    });

    // Fresh per attempt: 256 bits each; the verifier is 43 base64url characters (RFC 7636 §4.1).
    m_stateParam = jose::randomToken(32);
    m_nonce = jose::randomToken(32);
    m_codeVerifier = jose::randomToken(32);

    QUrl url = m_provider.authorizationEndpoint;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    m_redirectUri = m_receiver->redirectUri();
    query.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded));
    query.addQueryItem(QStringLiteral("scope"), m_config.scopes.join(QLatin1Char(' ')));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_stateParam));
    query.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(m_nonce));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromLatin1(jose::pkceChallengeS256(m_codeVerifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    const auto extra = m_config.extraParameters.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : extra) {
        if (!query.hasQueryItem(key))
            query.addQueryItem(key, value);
    }
    // Percent-encode what QUrlQuery leaves alone in values ('+' reads as a space to servers).
    QString encoded;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!encoded.isEmpty())
            encoded += QLatin1Char('&');
        encoded += QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' +
                                       QUrl::toPercentEncoding(value));
    }
    url.setQuery(encoded, QUrl::StrictMode);
    m_authorizationUrl = url;

    setState(WaitingForBrowser);
    qCInfo(lcAuth) << "opening the browser at" << hues::redactUrl(url.adjusted(QUrl::RemoveQuery));
    if (!m_browser || !m_browser(url))
        fail(AuthError::make(AuthError::BrowserUnavailable, QStringLiteral("no browser")));
}

void AuthorizationFlow::onCallback(const QUrlQuery &query)
{
    if (m_state != WaitingForBrowser)
        return;
    const QByteArray state =
        query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (!sameSecret(state, m_stateParam)) {
        fail(AuthError::make(AuthError::StateMismatch, QStringLiteral("state does not match")));
        return;
    }
    // RFC 9207: a provider that names itself must name the one we asked.
    if (query.hasQueryItem(QStringLiteral("iss")) &&
        query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded) != m_provider.issuer) {
        fail(AuthError::make(AuthError::StateMismatch,
                             QStringLiteral("the answer names another issuer")));
        return;
    }
    if (query.hasQueryItem(QStringLiteral("error"))) {
        const QString code = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
        fail(AuthError::make(AuthError::ProviderRefused,
                             QStringLiteral("authorization refused: ") + code.left(64),
                             code.left(64)));
        return;
    }
    exchange(query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded));
}

void AuthorizationFlow::exchange(const QString &code)
{
    setState(Exchanging);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString(QUrl::FullyEncoded));
    form.addQueryItem(QStringLiteral("client_id"), m_config.clientId);
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(m_codeVerifier));
    wipe(m_codeVerifier);
    m_tokenReply = m_client->postForm(m_provider.tokenEndpoint, form);
    connect(m_tokenReply, &net::ApiReply::finished, this, [this] {
        net::ApiReply *reply = m_tokenReply;
        m_tokenReply = nullptr;
        reply->deleteLater();
        if (!reply->isOk()) {
            fail(AuthError::fromReply(reply->error(), QStringLiteral("code exchange")));
            return;
        }
        QString why;
        const auto tokens = TokenSet::fromResponse(reply->json().object(),
                                                   QDateTime::currentSecsSinceEpoch(), &why);
        if (!tokens || tokens->idToken.isEmpty()) {
            if (tokens) // tokens without an ID token: no sign-in, give them back
                revokeQuietly(m_client, m_provider, m_config.clientId,
                              tokens->refreshToken.isEmpty() ? tokens->accessToken
                                                             : tokens->refreshToken,
                              tokens->refreshToken.isEmpty() ? QStringLiteral("access_token")
                                                             : QStringLiteral("refresh_token"));
            fail(AuthError::make(AuthError::BadTokenResponse,
                                 tokens ? QStringLiteral("no id_token") : why));
            return;
        }
        setState(Verifying);
        m_idVerifier = new IdTokenVerifier(m_client, m_provider, this);
        IdTokenExpectations expect;
        expect.issuer = m_provider.issuer;
        expect.clientId = m_config.clientId;
        expect.nonce = QString::fromLatin1(m_nonce);
        const TokenSet received = *tokens;
        m_idVerifier->verify(
            received.idToken, expect,
            [this, received](const std::optional<QJsonObject> &claims, const AuthError &error) {
                if (!claims) {
                    // Tokens whose ID token fails must not outlive this flow anywhere.
                    if (!received.refreshToken.isEmpty())
                        revokeQuietly(m_client, m_provider, m_config.clientId,
                                      received.refreshToken, QStringLiteral("refresh_token"));
                    fail(error);
                    return;
                }
                m_result.provider = m_provider;
                m_result.clientId = m_config.clientId;
                m_result.tokens = received;
                m_result.idClaims = *claims;
                cleanup();
                qCInfo(lcAuth) << "signed in";
                setState(Succeeded);
                Q_EMIT finished();
            });
    });
}

void AuthorizationFlow::cancel()
{
    if (isFinished() || m_state == Idle)
        return;
    fail(AuthError::make(AuthError::Cancelled, QStringLiteral("sign-in cancelled")));
}

void AuthorizationFlow::fail(const AuthError &error)
{
    if (isFinished())
        return;
    cleanup();
    m_error = error;
    m_result = {};
    qCInfo(lcAuth) << "sign-in failed:" << error.detail;
    setState(Failed);
    Q_EMIT finished();
}

void AuthorizationFlow::cleanup()
{
    wipe(m_stateParam);
    wipe(m_nonce);
    wipe(m_codeVerifier);
    if (m_discovery) {
        m_discovery->disconnect(this);
        m_discovery->abort();
        m_discovery->deleteLater();
    }
    if (m_receiver) {
        m_receiver->disconnect(this);
        m_receiver->close();
        m_receiver->deleteLater();
    }
    if (m_tokenReply) {
        m_tokenReply->disconnect(this);
        m_tokenReply->abort();
        m_tokenReply->deleteLater();
    }
    if (m_idVerifier) {
        m_idVerifier->abort();
        m_idVerifier->deleteLater();
    }
}

void revokeQuietly(net::ApiClient *client, const OidcProviderInfo &provider,
                   const QString &clientId, const QByteArray &token, const QString &hint)
{
    if (!client || token.isEmpty() || provider.revocationEndpoint.isEmpty())
        return;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), QString::fromLatin1(token));
    form.addQueryItem(QStringLiteral("token_type_hint"), hint);
    form.addQueryItem(QStringLiteral("client_id"), clientId);
    net::ApiReply *reply = client->postForm(provider.revocationEndpoint, form);
    QObject::connect(reply, &net::ApiReply::finished, reply, [reply] {
        if (!reply->isOk())
            qCInfo(lcAuth) << "revocation failed:" << reply->error().detail;
        reply->deleteLater();
    });
}

} // namespace auth
