#pragma once

#include "jose/Jose.h"

#include <openssl/types.h>

// Shared between the jose source files; not part of the library's interface.
namespace jose {

struct Key::Data
{
    EVP_PKEY *pkey = nullptr;
    bool isPrivate = false;
    QString alg;        // ES256 or RS256
    QString kid;        // from the JWK, or the thumbprint
    QString thumbprint; // RFC 7638
    QJsonObject jwk;    // public members only (kty, crv/x/y or n/e)
    ~Data();
};

// The library's own access to Key's internals.
struct Key::Access
{
    static Key make(std::shared_ptr<const Data> d) { return Key(std::move(d)); }
    static EVP_PKEY *pkey(const Key &key) { return key.d ? key.d->pkey : nullptr; }
};

namespace detail {

inline void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// Builds a Key from a key OpenSSL has accepted (takes ownership of pkey). Checks type, curve and
// size and computes the public JWK and thumbprint. jwkKid (possibly empty) overrides the kid.
Key makeKey(EVP_PKEY *pkey, bool isPrivate, const QString &jwkKid, QString *error);
EVP_PKEY *pkeyOf(const Key &key);

// Printable ASCII, at most 40 characters: for quoting untrusted values in error messages.
QString quoted(const QString &untrusted);

} // namespace detail
} // namespace jose
