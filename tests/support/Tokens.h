// Access tokens from hues-server for tests: a demo user's (code + PKCE through the login form),
// the partner's (client credentials), and the Authorization header that carries one.
#pragma once

#include "TestServer.h"

namespace hues::test {

// Authorization: Bearer <token>.
HeaderList bearer(const QString &token);

// Signs in through hues-server's OpenID Provider (code + PKCE) and returns an access token
// (empty on failure).
QString signIn(const TestServer &server, const QString &username, const QString &password);

// The partner's client-credentials token (evn-hue, scope alerts:publish).
QString partnerToken(const TestServer &server);

} // namespace hues::test
