#pragma once

#include "AuthError.h"
#include "OidcProviderInfo.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

namespace jose {
class KeySet;
}
namespace net {
class ApiClient;
class ApiReply;
} // namespace net

namespace auth {

// What an ID token must say to be accepted.
struct IdTokenExpectations
{
    QString issuer;
    QString clientId;
    QString nonce;   // the nonce sent with the request; empty when none was (device grant)
    QString subject; // for a refreshed ID token: the signed-in user's "sub" (Core §12.2)
    qint64 now = 0;  // unix seconds; 0 = the current time
    int leewaySeconds = 60;
};

// Checks ID tokens (OpenID Connect Core §3.1.3.7) with the provider's JWKS, fetched on first
// use and once more when a token names a key the set does not hold (key rotation).
class IdTokenVerifier : public QObject
{
    Q_OBJECT
public:
    IdTokenVerifier(net::ApiClient *client, OidcProviderInfo provider, QObject *parent = nullptr);
    ~IdTokenVerifier() override;

    using Callback = std::function<void(const std::optional<QJsonObject> &, const AuthError &)>;
    // Calls done once, later, with the verified claims or the reason for refusal.
    void verify(const QByteArray &idToken, const IdTokenExpectations &expect, Callback done);
    void abort();

    // The synchronous check with given keys: signature (ES256/RS256 only, and only those the
    // provider announced), then iss, aud/azp, exp, iat/nbf, nonce, sub. *unknownKey is set when
    // no key of the set matches the token's kid and alg.
    static std::optional<QJsonObject> check(QByteArrayView token, const jose::KeySet &keys,
                                            const QStringList &algs,
                                            const IdTokenExpectations &expect, AuthError *error,
                                            bool *unknownKey = nullptr);

private:
    void fetchKeys(std::function<void(const AuthError &)> then);

    net::ApiClient *m_client;
    OidcProviderInfo m_provider;
    std::unique_ptr<jose::KeySet> m_keys;
    QPointer<net::ApiReply> m_reply;
};

} // namespace auth
