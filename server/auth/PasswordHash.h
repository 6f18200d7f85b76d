#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace hues::server::auth {

// Slow salted password hashes (PBKDF2-HMAC-SHA256, OpenSSL), stored as one self-describing
// string: "pbkdf2-sha256$<iterations>$<salt, base64url>$<hash, base64url>".
class PasswordHash
{
public:
    static constexpr int kIterations = 210000; // OWASP 2023 figure for PBKDF2-HMAC-SHA256
    static constexpr int kSaltBytes = 16;
    static constexpr int kHashBytes = 32;

    // A new hash of password with a fresh random salt.
    static QByteArray hash(QByteArrayView password, int iterations = kIterations);
    // True when password matches stored. A malformed stored string, an unknown scheme or an
    // iteration count outside [10 000, 10 000 000] never matches. Compares in constant time.
    static bool verify(QByteArrayView password, QByteArrayView stored);
    // Spends the same time as verify() on a real hash, then fails: used when the account does
    // not exist, so that response times do not reveal which usernames exist.
    static void burn(QByteArrayView password);

    static QByteArray derive(QByteArrayView password, QByteArrayView salt, int iterations);
};

} // namespace hues::server::auth
