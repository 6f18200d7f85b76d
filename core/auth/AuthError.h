#pragma once

#include "net/ApiError.h"

#include <QString>

namespace auth {

// Why signing in, refreshing or signing out failed, with a message a person can act on.
struct AuthError
{
    enum Kind {
        None,
        Network,            // the provider could not be reached or answered an HTTP error
        BadProvider,        // the discovery document or JWKS is unusable or unsafe
        BrowserUnavailable, // the browser could not be opened
        TimedOut,           // no answer from the browser or the user in time
        Cancelled,
        ProviderRefused,  // the provider answered with an OAuth error (access_denied, ...)
        StateMismatch,    // the redirect does not belong to this sign-in
        BadTokenResponse, // the token response breaks the protocol
        IdTokenMalformed,
        IdTokenSignature, // bad signature, unknown key, or a refused algorithm (none, HS*)
        IdTokenIssuer,
        IdTokenAudience,
        IdTokenExpired,
        IdTokenNotYetValid,
        IdTokenNonce,
        IdTokenSubject, // a refreshed ID token or userinfo for another user
        Expired,        // device code expired before the user approved
        Denied,         // the user refused on the provider's page
        SessionEnded,   // the refresh token is no longer accepted: sign in again
    };

    Kind kind = None;
    QString code;   // the provider's OAuth error code, if any
    QString detail; // technical detail for logs (never secrets)
    net::ApiError network;

    bool isError() const { return kind != None; }
    // Translated, for the user.
    QString message() const;

    static AuthError make(Kind kind, const QString &detail, const QString &code = {});
    // From a failed reply of an OAuth endpoint: an OAuth error response (RFC 6749 §5.2: 400 or
    // 401 with "error") gives ProviderRefused, an unreadable body BadTokenResponse, the rest
    // Network.
    static AuthError fromReply(const net::ApiError &error, const QString &what);
};

} // namespace auth
