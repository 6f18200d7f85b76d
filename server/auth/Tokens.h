#pragma once

#include "auth/Accounts.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace hues::server {
class Database;
} // namespace hues::server

namespace hues::server::auth {

class SigningKeys;
class Sessions;
struct OAuthClient;
struct Session;

// The audience of every access token: the APIs of hues-server.
inline constexpr char kApiAudience[] = "hues-api";

// What one token family grants: the tokens of one sign-in of one client. Refresh tokens rotate
// inside the family; revoking the family kills its refresh and access tokens.
struct Grant
{
    QString clientId;
    std::optional<Account> account; // none for client_credentials
    QString sessionId;              // the "sid": browser or device session
    QStringList scopes;
    QString nonce; // of the authorization request; only in the first ID token
    qint64 authTimeMs = 0;
};

// The answer of the token endpoint: the token response, or an RFC 6749 §5.2 error.
struct TokenResult
{
    QJsonObject body;
    QString error;
    QString description;
    int status = 400;

    bool ok() const { return error.isEmpty(); }
    static TokenResult failure(const QString &error, const QString &description)
    {
        TokenResult result;
        result.error = error;
        result.description = description;
        return result;
    }
};

// The claims of a valid access token and what they say about the caller.
struct AccessToken
{
    QJsonObject claims;
    QString subject;
    QString clientId;
    QStringList scopes;
    QStringList roles;
    bool isUser = false; // issued to a person (not client_credentials)
};

// Issues, rotates, checks and revokes tokens: authorization codes, ES256 access tokens
// (RFC 9068), ID tokens, refresh tokens (stored only as SHA-256 hashes).
class Tokens
{
public:
    static constexpr qint64 kAccessLifetimeS = 300;
    static constexpr qint64 kIdTokenLifetimeS = 600;
    static constexpr qint64 kCodeLifetimeMs = 5LL * 60 * 1000;
    static constexpr qint64 kRefreshAbsoluteMs = 30LL * 24 * 3600 * 1000;
    static constexpr qint64 kRefreshIdleMs = 14LL * 24 * 3600 * 1000;

    Tokens(Database &db, const SigningKeys &keys, const Accounts &accounts, Sessions &sessions);

    void setIssuer(const QString &issuer) { m_issuer = issuer; }
    QString issuer() const { return m_issuer; }

    // A one-time code for the authorization response (only its hash is stored).
    QString createCode(const OAuthClient &client, const Session &session,
                       const QString &redirectUri, const QStringList &scopes, const QString &nonce,
                       const QString &codeChallenge);
    // grant_type=authorization_code: one-time, unexpired, same client and redirect_uri, PKCE
    // S256. A code used twice revokes what it gave the first time (RFC 6749 §4.1.2).
    TokenResult redeemCode(const OAuthClient &client, const QString &code,
                           const QString &redirectUri, const QString &verifier);
    // grant_type=refresh_token: rotates; a refresh token used twice revokes its family.
    TokenResult refresh(const OAuthClient &client, const QString &refreshToken,
                        const QString &scope);
    // grant_type=client_credentials: the scopes asked for must be among the client's.
    TokenResult clientCredentials(const OAuthClient &client, const QString &scope);
    // A new family for grant with an access token, an ID token if "openid" is in the scopes and
    // a refresh token if the client may refresh.
    TokenResult issueNew(const OAuthClient &client, const Grant &grant, QString *familyId);

    // RFC 7009: revokes the family of a refresh token or one access token. Unknown tokens are
    // fine (true); a token of another client is refused (false, *error set).
    bool revoke(const OAuthClient &client, const QString &token, QString *error);

    // Signature, typ at+jwt, issuer, audience, expiry and revocation of an access token.
    std::optional<AccessToken> verifyAccess(QByteArrayView token, QString *error) const;
    // The claims of an ID token this provider signed, even an expired one (logout hints).
    std::optional<QJsonObject> verifyIdTokenHint(QByteArrayView token, QString *error) const;

    bool revokeFamily(const QString &familyId, const QString &reason);
    // Deletes expired codes, tokens, families and sessions.
    void housekeeping();

private:
    struct Family;
    TokenResult issue(const OAuthClient &client, const Family &family, bool firstIdToken);
    QString signAccessToken(const Family &family, const QString &jti) const;
    QString signIdToken(const Family &family, const QString &accessToken, bool withNonce) const;

    Database &m_db;
    const SigningKeys &m_keys;
    const Accounts &m_accounts;
    Sessions &m_sessions;
    QString m_issuer;
};

} // namespace hues::server::auth
