#include "IdTokenVerifier.h"

#include "jose/Jose.h"
#include "logging.h"
#include "net/ApiClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace auth {

namespace {

bool fail(AuthError *error, AuthError::Kind kind, const QString &detail)
{
    if (error)
        *error = AuthError::make(kind, QStringLiteral("ID token: ") + detail);
    return false;
}

} // namespace

IdTokenVerifier::IdTokenVerifier(net::ApiClient *client, OidcProviderInfo provider, QObject *parent)
    : QObject(parent), m_client(client), m_provider(std::move(provider))
{
}

IdTokenVerifier::~IdTokenVerifier()
{
    abort();
}

void IdTokenVerifier::abort()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

std::optional<QJsonObject> IdTokenVerifier::check(QByteArrayView token, const jose::KeySet &keys,
                                                  const QStringList &algs,
                                                  const IdTokenExpectations &expect,
                                                  AuthError *error, bool *unknownKey)
{
    if (unknownKey)
        *unknownKey = false;
    // Header first, to know which key is asked for (and to refuse alg none / HS* early).
    const QList<QByteArrayView> parts = [&token] {
        QList<QByteArrayView> out;
        qsizetype start = 0;
        for (qsizetype i = 0; i <= token.size(); ++i) {
            if (i == token.size() || token[i] == '.') {
                out << token.sliced(start, i - start);
                start = i + 1;
            }
        }
        return out;
    }();
    if (token.size() > 65536 || parts.size() != 3) {
        fail(error, AuthError::IdTokenMalformed, QStringLiteral("not a compact JWS"));
        return std::nullopt;
    }
    const auto headerBytes = jose::base64UrlDecode(parts[0]);
    const auto header = headerBytes ? jose::parseJsonObject(*headerBytes) : std::nullopt;
    if (!header) {
        fail(error, AuthError::IdTokenMalformed, QStringLiteral("unreadable header"));
        return std::nullopt;
    }
    const QString alg = header->value(QLatin1String("alg")).toString();
    const QStringList accepted = [&algs] {
        QStringList out;
        for (const QString &a : algs) {
            if (OidcProviderInfo::acceptedIdTokenAlgs().contains(a))
                out << a;
        }
        return out;
    }();
    if (!accepted.contains(alg)) {
        fail(error, AuthError::IdTokenSignature,
             QStringLiteral("algorithm '%1' is not accepted").arg(alg.left(20)));
        return std::nullopt;
    }
    const QString kid = header->value(QLatin1String("kid")).toString();
    if (keys.find(kid, alg).isNull()) {
        if (unknownKey)
            *unknownKey = true;
        fail(error, AuthError::IdTokenSignature, QStringLiteral("no key of the provider matches"));
        return std::nullopt;
    }
    QString why;
    const auto jws = jose::verifyJws(token, keys, accepted, &why);
    if (!jws) {
        fail(error, AuthError::IdTokenSignature, why);
        return std::nullopt;
    }
    const auto claims = jose::parseJsonObject(jws->payload, &why);
    if (!claims) {
        fail(error, AuthError::IdTokenMalformed, why);
        return std::nullopt;
    }
    const QJsonObject &c = *claims;

    if (c.value(QLatin1String("iss")).toString() != expect.issuer || expect.issuer.isEmpty()) {
        fail(error, AuthError::IdTokenIssuer, QStringLiteral("issued by someone else"));
        return std::nullopt;
    }
    const QJsonValue sub = c.value(QLatin1String("sub"));
    if (!sub.isString() || sub.toString().isEmpty() || sub.toString().size() > 255) {
        fail(error, AuthError::IdTokenMalformed, QStringLiteral("no valid sub"));
        return std::nullopt;
    }
    // aud: the client_id, or an array holding it; with several audiences azp must name us.
    const QJsonValue aud = c.value(QLatin1String("aud"));
    QStringList audiences;
    if (aud.isString()) {
        audiences << aud.toString();
    } else if (aud.isArray()) {
        const QJsonArray array = aud.toArray();
        for (const QJsonValue &v : array) {
            if (!v.isString()) {
                fail(error, AuthError::IdTokenAudience, QStringLiteral("aud is malformed"));
                return std::nullopt;
            }
            audiences << v.toString();
        }
    }
    if (expect.clientId.isEmpty() || !audiences.contains(expect.clientId)) {
        fail(error, AuthError::IdTokenAudience, QStringLiteral("not meant for this app"));
        return std::nullopt;
    }
    const QJsonValue azp = c.value(QLatin1String("azp"));
    if ((audiences.size() > 1 && !azp.isString()) ||
        (!azp.isUndefined() && azp.toString() != expect.clientId)) {
        fail(error, AuthError::IdTokenAudience, QStringLiteral("authorized party is not this app"));
        return std::nullopt;
    }
    const qint64 now = expect.now ? expect.now : QDateTime::currentSecsSinceEpoch();
    const QJsonValue exp = c.value(QLatin1String("exp"));
    const QJsonValue iat = c.value(QLatin1String("iat"));
    const QJsonValue nbf = c.value(QLatin1String("nbf"));
    if (!exp.isDouble() || !iat.isDouble() || (!nbf.isUndefined() && !nbf.isDouble())) {
        fail(error, AuthError::IdTokenMalformed, QStringLiteral("exp/iat missing or not numbers"));
        return std::nullopt;
    }
    if (exp.toDouble() <= double(now - expect.leewaySeconds)) {
        fail(error, AuthError::IdTokenExpired, QStringLiteral("expired"));
        return std::nullopt;
    }
    if (iat.toDouble() > double(now + expect.leewaySeconds) ||
        (nbf.isDouble() && nbf.toDouble() > double(now + expect.leewaySeconds))) {
        fail(error, AuthError::IdTokenNotYetValid, QStringLiteral("issued in the future"));
        return std::nullopt;
    }
    if (!expect.nonce.isEmpty() && c.value(QLatin1String("nonce")).toString() != expect.nonce) {
        fail(error, AuthError::IdTokenNonce, QStringLiteral("nonce does not match"));
        return std::nullopt;
    }
    if (!expect.subject.isEmpty() && sub.toString() != expect.subject) {
        fail(error, AuthError::IdTokenSubject, QStringLiteral("for another user"));
        return std::nullopt;
    }
    if (error)
        *error = {};
    return c;
}

void IdTokenVerifier::fetchKeys(std::function<void(const AuthError &)> then)
{
    net::ApiRequest request;
    request.url = m_provider.jwksUri;
    m_reply = m_client->send(request);
    connect(m_reply, &net::ApiReply::finished, this, [this, then] {
        net::ApiReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        if (!reply->isOk()) {
            AuthError e = AuthError::fromReply(reply->error(), QStringLiteral("JWKS"));
            if (e.kind != AuthError::Cancelled)
                e.kind = reply->error().kind == net::ApiError::BadResponse ? AuthError::BadProvider
                                                                           : AuthError::Network;
            then(e);
            return;
        }
        QString why;
        jose::KeySet keys = jose::KeySet::fromJwks(reply->json().object(), &why);
        if (keys.size() == 0) {
            then(AuthError::make(AuthError::BadProvider, QStringLiteral("JWKS unusable: ") + why));
            return;
        }
        m_keys = std::make_unique<jose::KeySet>(keys);
        then({});
    });
}

void IdTokenVerifier::verify(const QByteArray &idToken, const IdTokenExpectations &expect,
                             Callback done)
{
    auto attempt = [this, idToken, expect, done](bool mayRefetch) {
        AuthError error;
        bool unknownKey = false;
        const auto claims =
            check(idToken, *m_keys, m_provider.idTokenAlgs, expect, &error, &unknownKey);
        if (!claims && unknownKey && mayRefetch)
            return false;
        if (!claims)
            qCInfo(lcAuth) << "ID token refused:" << error.detail;
        done(claims, error);
        return true;
    };
    auto fetchThen = [this, done, attempt] {
        fetchKeys([done, attempt](const AuthError &error) {
            if (error.isError())
                done(std::nullopt, error);
            else
                attempt(false);
        });
    };
    if (!m_keys) {
        fetchThen();
        return;
    }
    // Keys known: answer asynchronously all the same, so callers see one behaviour.
    QTimer::singleShot(0, this, [attempt, fetchThen] {
        if (!attempt(true))
            fetchThen();
    });
}

} // namespace auth
