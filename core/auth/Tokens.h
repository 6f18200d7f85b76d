#pragma once

#include "OidcProviderInfo.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace auth {

// The tokens of one token response (RFC 6749 §5.1). Secrets: never logged or written anywhere
// but the platform's secure store.
struct TokenSet
{
    QByteArray accessToken;
    QByteArray refreshToken; // empty if none was issued
    QByteArray idToken;      // empty if none was issued
    qint64 expiresAt = 0;    // access token expiry, unix seconds; 0 if the provider did not say
    QString scope;

    // Checks a token endpoint's answer: token_type Bearer, tokens made of the characters an
    // HTTP header and a form may carry (no header injection), a sane expires_in.
    static std::optional<TokenSet> fromResponse(const QJsonObject &response, qint64 now,
                                                QString *error);
    // A token usable in "Authorization: Bearer": 1..16384 visible ASCII characters.
    static bool isWellFormedToken(const QJsonValue &value);
};

// What a successful sign-in hands to auth::Session.
struct SignInResult
{
    OidcProviderInfo provider;
    QString clientId;
    TokenSet tokens;
    QJsonObject idClaims; // the verified ID token's claims
};

} // namespace auth
