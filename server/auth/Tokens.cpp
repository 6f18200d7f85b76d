#include "auth/Tokens.h"

#include "auth/Clients.h"
#include "auth/Http.h"
#include "auth/Sessions.h"
#include "auth/SigningKeys.h"
#include "db/Database.h"
#include "jose/Jose.h"
#include "logging.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace hues::server::auth {

struct Tokens::Family
{
    QString id;
    Grant grant;
    qint64 expiresAtMs = 0;
};

namespace {

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString hashOf(const QString &secret)
{
    return QString::fromLatin1(sha256Hex(secret.toUtf8()));
}

// RFC 7636 §4.1: 43 to 128 characters of [A-Z] [a-z] [0-9] "-" "." "_" "~".
bool validVerifier(const QString &verifier)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
    return pattern.match(verifier).hasMatch();
}

bool scopesWithin(const QStringList &asked, const QStringList &allowed)
{
    return std::all_of(asked.begin(), asked.end(),
                       [&allowed](const QString &scope) { return allowed.contains(scope); });
}

} // namespace

Tokens::Tokens(Database &db, const SigningKeys &keys, const Accounts &accounts, Sessions &sessions)
    : m_db(db), m_keys(keys), m_accounts(accounts), m_sessions(sessions)
{
}

QString Tokens::createCode(const OAuthClient &client, const Session &session,
                           const QString &redirectUri, const QStringList &scopes,
                           const QString &nonce, const QString &codeChallenge)
{
    QString code = QString::fromLatin1(jose::randomToken(32));
    const qint64 now = nowMs();
    if (!m_db.exec(QStringLiteral("INSERT INTO auth_codes (code_hash, client_id, account_id, "
                                  "session_id, redirect_uri, scope, nonce, code_challenge, "
                                  "auth_time, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                  "?, ?, ?, ?)"),
                   {hashOf(code), client.id, session.accountId, session.id, redirectUri,
                    scopes.join(QLatin1Char(' ')), nullableText(nonce), codeChallenge,
                    session.authTimeMs, now, now + kCodeLifetimeMs}))
        return {};
    return code;
}

TokenResult Tokens::redeemCode(const OAuthClient &client, const QString &code,
                               const QString &redirectUri, const QString &verifier)
{
    const auto invalid = [](const QString &why) {
        return TokenResult::failure(QStringLiteral("invalid_grant"), why);
    };
    if (code.isEmpty())
        return TokenResult::failure(QStringLiteral("invalid_request"),
                                    QStringLiteral("code is missing"));
    if (verifier.isEmpty())
        return TokenResult::failure(QStringLiteral("invalid_request"),
                                    QStringLiteral("code_verifier is missing"));
    if (code.size() > 200)
        return invalid(QStringLiteral("unknown authorization code"));
    const QString hash = hashOf(code);
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT client_id, account_id, session_id, redirect_uri, scope, "
                                  "nonce, code_challenge, auth_time, expires_at, used_at FROM "
                                  "auth_codes WHERE code_hash = ?"),
                   {hash}))
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the code cannot be read"));
    if (!query.next())
        return invalid(QStringLiteral("unknown authorization code"));
    const QString clientId = query.value(0).toString();
    const QString accountId = query.value(1).toString();
    const QString sessionId = query.value(2).toString();
    const QString storedRedirect = query.value(3).toString();
    const QString scope = query.value(4).toString();
    const QString nonce = query.value(5).toString();
    const QByteArray challenge = query.value(6).toString().toLatin1();
    const qint64 authTime = query.value(7).toLongLong();
    const qint64 expiresAt = query.value(8).toLongLong();
    const bool used = !query.value(9).isNull();
    query.finish();

    if (clientId != client.id)
        return invalid(QStringLiteral("the code was issued to another client"));
    // RFC 6749 §4.1.2 and §10.5: a second use is refused and revokes what the first obtained.
    const auto reused = [this, &client, &hash, &invalid]() {
        QSqlQuery family(m_db.connection());
        if (m_db.exec(family,
                      QStringLiteral("SELECT family_id FROM auth_codes WHERE code_hash = ?"),
                      {hash}) &&
            family.next() && !family.value(0).isNull())
            revokeFamily(family.value(0).toString(), QStringLiteral("authorization code reused"));
        qCWarning(lcServer).noquote()
            << "authorization code reused by client" << client.id << "- its tokens are revoked";
        return invalid(QStringLiteral("the code has already been used"));
    };
    if (used)
        return reused();
    if (expiresAt <= nowMs())
        return invalid(QStringLiteral("the code has expired"));
    if (redirectUri != storedRedirect)
        return invalid(QStringLiteral("redirect_uri differs from the authorization request"));
    if (!validVerifier(verifier))
        return invalid(QStringLiteral("code_verifier is not 43 to 128 unreserved characters"));
    if (jose::pkceChallengeS256(verifier.toLatin1()) != challenge)
        return invalid(QStringLiteral("code_verifier does not match the code_challenge"));

    if (!m_sessions.byId(sessionId))
        return invalid(QStringLiteral("the sign-in session of this code has ended"));
    Grant grant;
    grant.clientId = client.id;
    grant.account = m_accounts.byId(accountId);
    if (!grant.account)
        return invalid(QStringLiteral("the account no longer exists"));
    grant.sessionId = sessionId;
    grant.scopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    grant.nonce = nonce;
    grant.authTimeMs = authTime;

    // One-time: only the request whose UPDATE changes the row gets tokens. The family is
    // recorded on the code in the same transaction, so a concurrent second use (which waits
    // for the row) always finds what to revoke.
    const auto serverError = [this]() {
        m_db.rollback();
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the code cannot be redeemed"));
    };
    if (!m_db.begin())
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the code cannot be redeemed"));
    QSqlQuery claim(m_db.connection());
    if (!m_db.exec(claim,
                   QStringLiteral("UPDATE auth_codes SET used_at = ? WHERE code_hash = ? AND "
                                  "used_at IS NULL"),
                   {nowMs(), hash}))
        return serverError();
    if (claim.numRowsAffected() != 1) {
        // Another request (maybe another process) redeemed it between our read and now.
        m_db.rollback();
        return reused();
    }
    claim.finish();
    QString familyId;
    TokenResult result = issueNew(client, grant, &familyId);
    if (!result.ok()) {
        m_db.rollback();
        return result;
    }
    if (!m_db.exec(QStringLiteral("UPDATE auth_codes SET family_id = ? WHERE code_hash = ?"),
                   {familyId, hash}) ||
        !m_db.commit())
        return serverError();
    return result;
}

TokenResult Tokens::issueNew(const OAuthClient &client, const Grant &grant, QString *familyId)
{
    Family family;
    family.id = QString::fromLatin1(jose::randomToken(18));
    family.grant = grant;
    const qint64 now = nowMs();
    const bool refreshable = grant.account && client.allowsGrant(QLatin1String(kGrantRefresh));
    family.expiresAtMs = now + (refreshable ? kRefreshAbsoluteMs : kAccessLifetimeS * 1000);
    if (!m_db.exec(QStringLiteral("INSERT INTO token_families (id, client_id, account_id, "
                                  "session_id, scope, nonce, auth_time, created_at, expires_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                   {family.id, client.id,
                    nullableText(grant.account ? grant.account->id : QString()),
                    nullableText(grant.sessionId), grant.scopes.join(QLatin1Char(' ')),
                    nullableText(grant.nonce),
                    grant.account ? QVariant(grant.authTimeMs)
                                  : QVariant(QMetaType::fromType<qlonglong>()),
                    now, family.expiresAtMs}))
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the tokens cannot be stored"));
    if (familyId)
        *familyId = family.id;
    return issue(client, family, true);
}

TokenResult Tokens::issue(const OAuthClient &client, const Family &family, bool firstIdToken)
{
    const qint64 now = nowMs();
    const QString jti = QString::fromLatin1(jose::randomToken(16));
    const QString accessToken = signAccessToken(family, jti);
    if (accessToken.isEmpty() ||
        !m_db.exec(QStringLiteral("INSERT INTO access_tokens (jti, family_id, expires_at) VALUES "
                                  "(?, ?, ?)"),
                   {jti, family.id, now + kAccessLifetimeS * 1000}))
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the access token cannot be issued"));
    TokenResult result;
    result.body.insert(QStringLiteral("access_token"), accessToken);
    result.body.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    result.body.insert(QStringLiteral("expires_in"), kAccessLifetimeS);
    result.body.insert(QStringLiteral("scope"), family.grant.scopes.join(QLatin1Char(' ')));
    if (family.grant.account && client.allowsGrant(QLatin1String(kGrantRefresh))) {
        const QString refresh = QString::fromLatin1(jose::randomToken(32));
        if (!m_db.exec(
                QStringLiteral("INSERT INTO refresh_tokens (token_hash, family_id, "
                               "issued_at, expires_at) VALUES (?, ?, ?, ?)"),
                {hashOf(refresh), family.id, now, qMin(family.expiresAtMs, now + kRefreshIdleMs)}))
            return TokenResult::failure(QStringLiteral("server_error"),
                                        QStringLiteral("the refresh token cannot be stored"));
        result.body.insert(QStringLiteral("refresh_token"), refresh);
    }
    if (family.grant.account && family.grant.scopes.contains(QStringLiteral("openid")))
        result.body.insert(QStringLiteral("id_token"),
                           signIdToken(family, accessToken, firstIdToken));
    return result;
}

QString Tokens::signAccessToken(const Family &family, const QString &jti) const
{
    const qint64 now = nowMs() / 1000;
    const Grant &grant = family.grant;
    // RFC 9068 §2.2.
    QJsonObject claims{
        {QStringLiteral("iss"), m_issuer},
        {QStringLiteral("sub"), grant.account ? grant.account->id : grant.clientId},
        {QStringLiteral("aud"), QLatin1String(kApiAudience)},
        {QStringLiteral("client_id"), grant.clientId},
        {QStringLiteral("scope"), grant.scopes.join(QLatin1Char(' '))},
        {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + kAccessLifetimeS},
        {QStringLiteral("jti"), jti},
    };
    if (grant.account) {
        claims.insert(QStringLiteral("auth_time"), grant.authTimeMs / 1000);
        claims.insert(QStringLiteral("roles"), QJsonArray{grant.account->role});
        if (!grant.sessionId.isEmpty())
            claims.insert(QStringLiteral("sid"), grant.sessionId);
    }
    return QString::fromLatin1(
        jose::signJwt(claims, m_keys.signingKey(), QStringLiteral("at+jwt")));
}

QString Tokens::signIdToken(const Family &family, const QString &accessToken, bool withNonce) const
{
    const qint64 now = nowMs() / 1000;
    const Grant &grant = family.grant;
    // OpenID Connect Core §2 and §3.1.3.6 (at_hash: left half of SHA-256 of the access token).
    QJsonObject claims = grant.account->claims(grant.scopes);
    claims.insert(QStringLiteral("iss"), m_issuer);
    claims.insert(QStringLiteral("aud"), grant.clientId);
    claims.insert(QStringLiteral("iat"), now);
    claims.insert(QStringLiteral("exp"), now + kIdTokenLifetimeS);
    claims.insert(QStringLiteral("auth_time"), grant.authTimeMs / 1000);
    if (!grant.sessionId.isEmpty())
        claims.insert(QStringLiteral("sid"), grant.sessionId);
    // A refreshed ID token carries no nonce (OpenID Connect Core §12.2, errata).
    if (withNonce && !grant.nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), grant.nonce);
    claims.insert(QStringLiteral("at_hash"), QString::fromLatin1(jose::base64UrlEncode(
                                                 jose::sha256(accessToken.toLatin1()).left(16))));
    return QString::fromLatin1(jose::signJwt(claims, m_keys.signingKey()));
}

TokenResult Tokens::refresh(const OAuthClient &client, const QString &refreshToken,
                            const QString &scope)
{
    const auto invalid = [](const QString &why) {
        return TokenResult::failure(QStringLiteral("invalid_grant"), why);
    };
    if (refreshToken.isEmpty())
        return TokenResult::failure(QStringLiteral("invalid_request"),
                                    QStringLiteral("refresh_token is missing"));
    if (refreshToken.size() > 200)
        return invalid(QStringLiteral("unknown refresh token"));
    const QString hash = hashOf(refreshToken);
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT r.family_id, r.expires_at, r.used_at, f.client_id, "
                                  "f.account_id, f.session_id, f.scope, f.auth_time, "
                                  "f.expires_at, f.revoked_at FROM refresh_tokens r JOIN "
                                  "token_families f ON f.id = r.family_id WHERE r.token_hash = ?"),
                   {hash}))
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the refresh token cannot be read"));
    if (!query.next())
        return invalid(QStringLiteral("unknown refresh token"));
    Family family;
    family.id = query.value(0).toString();
    const qint64 tokenExpiresAt = query.value(1).toLongLong();
    const bool used = !query.value(2).isNull();
    family.grant.clientId = query.value(3).toString();
    const QString accountId = query.value(4).toString();
    family.grant.sessionId = query.value(5).toString();
    family.grant.scopes = query.value(6).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    family.grant.authTimeMs = query.value(7).toLongLong();
    family.expiresAtMs = query.value(8).toLongLong();
    const bool revoked = !query.value(9).isNull();
    query.finish();

    if (family.grant.clientId != client.id)
        return invalid(QStringLiteral("the refresh token was issued to another client"));
    if (revoked)
        return invalid(QStringLiteral("the refresh token has been revoked"));
    if (used) {
        // A rotated-out token came back: it was copied. Revoke the whole family (the thief's
        // and the owner's tokens); the owner signs in again.
        revokeFamily(family.id, QStringLiteral("refresh token reused"));
        qCWarning(lcServer).noquote()
            << "refresh token reused by client" << client.id << "- its family is revoked";
        return invalid(QStringLiteral("the refresh token has already been used"));
    }
    const qint64 now = nowMs();
    if (tokenExpiresAt <= now || family.expiresAtMs <= now)
        return invalid(QStringLiteral("the refresh token has expired"));
    QStringList asked;
    if (!parseScope(scope, &asked))
        return TokenResult::failure(QStringLiteral("invalid_scope"),
                                    QStringLiteral("scope is malformed"));
    if (!asked.isEmpty()) {
        if (!scopesWithin(asked, family.grant.scopes))
            return TokenResult::failure(QStringLiteral("invalid_scope"),
                                        QStringLiteral("a refresh cannot add scopes"));
        family.grant.scopes = asked; // RFC 6749 §6: narrower for this access token only
    }
    family.grant.account = m_accounts.byId(accountId);
    if (!family.grant.account)
        return invalid(QStringLiteral("the account no longer exists"));

    if (!m_db.begin())
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the refresh token cannot be rotated"));
    QSqlQuery claim(m_db.connection());
    if (!m_db.exec(claim,
                   QStringLiteral("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND "
                                  "used_at IS NULL"),
                   {now, hash})) {
        m_db.rollback();
        return TokenResult::failure(QStringLiteral("server_error"),
                                    QStringLiteral("the refresh token cannot be rotated"));
    }
    if (claim.numRowsAffected() != 1) {
        m_db.rollback();
        revokeFamily(family.id, QStringLiteral("refresh token reused"));
        return invalid(QStringLiteral("the refresh token has already been used"));
    }
    claim.finish();
    TokenResult result = issue(client, family, false);
    if (!result.ok() || !m_db.commit()) {
        m_db.rollback();
        return result.ok() ? TokenResult::failure(QStringLiteral("server_error"),
                                                  QStringLiteral("the refresh cannot be saved"))
                           : result;
    }
    return result;
}

TokenResult Tokens::clientCredentials(const OAuthClient &client, const QString &scope)
{
    QStringList asked;
    if (!parseScope(scope, &asked))
        return TokenResult::failure(QStringLiteral("invalid_scope"),
                                    QStringLiteral("scope is malformed"));
    if (asked.isEmpty())
        asked = client.scopes; // RFC 6749 §3.3: the pre-defined default
    if (!scopesWithin(asked, client.scopes))
        return TokenResult::failure(QStringLiteral("invalid_scope"),
                                    QStringLiteral("the client may not ask for that scope"));
    Grant grant;
    grant.clientId = client.id;
    grant.scopes = asked;
    return issueNew(client, grant, nullptr);
}

bool Tokens::revokeFamily(const QString &familyId, const QString &reason)
{
    return m_db.exec(QStringLiteral("UPDATE token_families SET revoked_at = ?, revoked_reason = ? "
                                    "WHERE id = ? AND revoked_at IS NULL"),
                     {nowMs(), reason, familyId});
}

bool Tokens::revoke(const OAuthClient &client, const QString &token, QString *error)
{
    if (token.size() > 200 || token.count(QLatin1Char('.')) == 2) {
        // An access token (a JWT): revoke that one token if it is ours and the client's.
        QString why;
        const auto verified =
            jose::verifyJws(token.toLatin1(), m_keys.publicKeys(), {QStringLiteral("ES256")}, &why);
        if (!verified)
            return true;
        const auto claims = jose::parseJsonObject(verified->payload);
        if (!claims || claims->value(QStringLiteral("iss")).toString() != m_issuer)
            return true;
        if (claims->value(QStringLiteral("client_id")).toString() != client.id) {
            *error = QStringLiteral("the token was issued to another client");
            return false;
        }
        m_db.exec(QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE jti = ? AND "
                                 "revoked_at IS NULL"),
                  {nowMs(), claims->value(QStringLiteral("jti")).toString()});
        return true;
    }
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT f.id, f.client_id FROM refresh_tokens r JOIN "
                                  "token_families f ON f.id = r.family_id WHERE r.token_hash = ?"),
                   {hashOf(token)}) ||
        !query.next())
        return true;
    const QString familyId = query.value(0).toString();
    const QString clientId = query.value(1).toString();
    query.finish();
    if (clientId != client.id) {
        *error = QStringLiteral("the token was issued to another client");
        return false;
    }
    revokeFamily(familyId, QStringLiteral("revoked by the client"));
    return true;
}

std::optional<AccessToken> Tokens::verifyAccess(QByteArrayView token, QString *error) const
{
    const auto verified =
        jose::verifyJws(token, m_keys.publicKeys(), {QStringLiteral("ES256")}, error);
    if (!verified)
        return std::nullopt;
    // RFC 9068 §4: the typ header keeps ID tokens and other JWTs out.
    const QString typ = verified->header.value(QStringLiteral("typ")).toString().toLower();
    if (typ != u"at+jwt" && typ != u"application/at+jwt") {
        *error = QStringLiteral("not an access token (typ)");
        return std::nullopt;
    }
    const auto claims = jose::parseJsonObject(verified->payload, error);
    if (!claims)
        return std::nullopt;
    jose::ClaimsCheck check;
    check.issuer = m_issuer;
    check.audience = QLatin1String(kApiAudience);
    check.leewaySeconds = 0;
    if (!jose::checkClaims(*claims, check, error))
        return std::nullopt;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT a.revoked_at, f.revoked_at, f.account_id FROM "
                                  "access_tokens a JOIN token_families f ON f.id = a.family_id "
                                  "WHERE a.jti = ?"),
                   {claims->value(QStringLiteral("jti")).toString()})) {
        *error = QStringLiteral("the token cannot be checked");
        return std::nullopt;
    }
    if (!query.next()) {
        *error = QStringLiteral("unknown token");
        return std::nullopt;
    }
    if (!query.value(0).isNull() || !query.value(1).isNull()) {
        *error = QStringLiteral("the token has been revoked");
        return std::nullopt;
    }
    AccessToken access;
    access.claims = *claims;
    access.subject = claims->value(QStringLiteral("sub")).toString();
    access.clientId = claims->value(QStringLiteral("client_id")).toString();
    access.isUser = !query.value(2).isNull();
    parseScope(claims->value(QStringLiteral("scope")).toString(), &access.scopes);
    for (const auto &role : claims->value(QStringLiteral("roles")).toArray())
        access.roles.append(role.toString());
    return access;
}

std::optional<QJsonObject> Tokens::verifyIdTokenHint(QByteArrayView token, QString *error) const
{
    const auto verified =
        jose::verifyJws(token, m_keys.publicKeys(), {QStringLiteral("ES256")}, error);
    if (!verified)
        return std::nullopt;
    auto claims = jose::parseJsonObject(verified->payload, error);
    if (!claims)
        return std::nullopt;
    // RP-Initiated Logout §2: an expired ID token is still a good hint.
    jose::ClaimsCheck check;
    check.issuer = m_issuer;
    check.audience = claims->value(QStringLiteral("aud")).toString();
    check.requireExp = false;
    QJsonObject withoutExp = *claims;
    withoutExp.remove(QStringLiteral("exp"));
    if (check.audience.isEmpty() || !jose::checkClaims(withoutExp, check, error))
        return std::nullopt;
    return claims;
}

void Tokens::housekeeping()
{
    const qint64 now = nowMs();
    const qint64 day = 24LL * 3600 * 1000;
    const QStringList statements = {
        QStringLiteral("DELETE FROM access_tokens WHERE expires_at < ?"),
        QStringLiteral("DELETE FROM refresh_tokens WHERE expires_at < ?"),
        QStringLiteral("DELETE FROM auth_codes WHERE expires_at < ?"),
        QStringLiteral("DELETE FROM device_codes WHERE expires_at < ?"),
        QStringLiteral("DELETE FROM token_families WHERE expires_at < ? AND NOT EXISTS (SELECT 1 "
                       "FROM refresh_tokens r WHERE r.family_id = token_families.id) AND NOT "
                       "EXISTS (SELECT 1 FROM access_tokens a WHERE a.family_id = "
                       "token_families.id)"),
        QStringLiteral("DELETE FROM auth_sessions WHERE expires_at < ? AND NOT EXISTS (SELECT 1 "
                       "FROM token_families f WHERE f.session_id = auth_sessions.id) AND NOT "
                       "EXISTS (SELECT 1 FROM auth_codes c WHERE c.session_id = "
                       "auth_sessions.id)"),
    };
    // Codes and device codes are kept a day after expiry so that late reuse is still noticed.
    const QList<qint64> cutoffs = {now, now, now - day, now - day, now, now};
    for (qsizetype i = 0; i < statements.size(); ++i)
        m_db.exec(statements.at(i), {cutoffs.at(i)});
}

} // namespace hues::server::auth
