#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// JOSE for OpenID Connect: base64url, JWK/JWKS (RFC 7517/7518), JWK thumbprints (RFC 7638),
// compact JWS (RFC 7515) with ES256 and RS256 only, JWT claims (RFC 7519), PKCE (RFC 7636).
// Every function taking outside input refuses what it does not fully understand and says why
// in *error (never echoing secrets); nothing here logs.
namespace jose {

// Base64url without padding (RFC 4648 §5, RFC 7515 §2).
QByteArray base64UrlEncode(QByteArrayView data);
// Strict: refuses padding, '+', '/', whitespace, a length of 4n+1 and non-zero unused bits, so
// that every byte string has exactly one accepted encoding.
std::optional<QByteArray> base64UrlDecode(QByteArrayView text);

// Cryptographically secure random bytes (OpenSSL RAND_bytes; aborts if the generator fails).
QByteArray randomBytes(int n);
// base64url of randomBytes(bytes): state, nonce, PKCE verifier, opaque tokens.
QByteArray randomToken(int bytes = 32);
// RFC 7636 §4.2: base64url(SHA-256(ASCII(code_verifier))).
QByteArray pkceChallengeS256(QByteArrayView verifier);
QByteArray sha256(QByteArrayView data);

// Strict JSON object parser for untrusted text: refuses duplicate member names (anywhere),
// invalid UTF-8, a byte-order mark, trailing data, nesting deeper than 64, and non-objects.
std::optional<QJsonObject> parseJsonObject(QByteArrayView json, QString *error = nullptr);

// An asymmetric signing key: EC P-256 (ES256) or RSA of 2048 to 8192 bits (RS256). Copies share
// the same immutable OpenSSL key.
class Key
{
public:
    Key();
    bool isNull() const;
    bool hasPrivate() const;

    static Key generateEs256();
    static Key generateRs256(int bits = 2048);
    // PEM private key (PKCS#8 or traditional) or public key (SubjectPublicKeyInfo); encrypted
    // PEM is refused.
    static Key fromPem(QByteArrayView pem, QString *error = nullptr);
    QByteArray toPrivatePem() const; // PKCS#8; empty if there is no private key
    QByteArray toPublicPem() const;  // SubjectPublicKeyInfo

    // A public signing JWK: kty EC with crv P-256 (full-length x and y, point on the curve) or
    // kty RSA (n of 2048 to 8192 bits, odd e). Refuses other key types and curves, "use" other
    // than "sig", "key_ops" without "verify", "alg" other than ES256/RS256 matching the key.
    // Private members are ignored: the result is a public key. Its "kid" (if any) is kept.
    static Key fromJwk(const QJsonObject &jwk, QString *error = nullptr);
    // kty, crv/x/y or n/e, plus kid, alg and use "sig".
    QJsonObject publicJwk() const;
    // The key id: the "kid" the key was loaded with from a JWK, otherwise its thumbprint.
    QString kid() const;
    // RFC 7638 JWK thumbprint: base64url(SHA-256(canonical public JWK)).
    QString thumbprint() const;
    QString alg() const; // "ES256" or "RS256"; empty for a null key

    struct Data;   // internal
    struct Access; // internal

private:
    explicit Key(std::shared_ptr<const Data> d);
    std::shared_ptr<const Data> d;
};

// The keys a verifier trusts, usually an issuer's JWKS.
class KeySet
{
public:
    // Keeps the usable signing keys of {"keys": [...]} and skips the others (encryption keys,
    // other curves, weak RSA, ...). Sets *error (and returns an empty set) when "keys" is not an
    // array or none of its keys is usable.
    static KeySet fromJwks(const QJsonObject &jwks, QString *error = nullptr);
    void add(const Key &key);
    QJsonObject toJwks() const;
    int size() const;
    // The key with this kid and alg; if kid is empty, the only key of that alg (null if there is
    // none or more than one).
    Key find(const QString &kid, const QString &alg) const;

private:
    QList<Key> m_keys;
};

// Compact JWS over payload. The protected header is extraHeader (typ, ...) with "alg" and "kid"
// set from key. Empty if key is null or has no private part.
QByteArray signJws(const QJsonObject &extraHeader, QByteArrayView payload, const Key &key);
// signJws of the claims as compact JSON, with "typ": typ unless typ is empty.
QByteArray signJwt(const QJsonObject &claims, const Key &key,
                   const QString &typ = QStringLiteral("JWT"));

struct VerifiedJws
{
    QJsonObject header;
    QByteArray payload;
};

// Verifies a compact JWS (at most 64 KiB, exactly three parts, strict base64url, strict JSON
// header). Refuses alg "none", symmetric algs (HS*), algs other than ES256/RS256 or not in
// allowedAlgs, a "crit" header, a kid not in keys. Keys named inside the token (jwk, jku, x5u,
// x5c) are never used.
std::optional<VerifiedJws> verifyJws(QByteArrayView compact, const KeySet &keys,
                                     const QStringList &allowedAlgs, QString *error = nullptr);

struct ClaimsCheck
{
    QString issuer;   // required: iss must equal it
    QString audience; // required: aud (string or array) must contain it
    QString nonce;    // checked if non-empty
    qint64 now = 0;   // unix seconds; 0 = current time
    int leewaySeconds = 60;
    bool requireExp = true;
};

// RFC 7519 §4.1 / OpenID Connect Core §3.1.3.7: iss equal; aud equal or an array containing the
// audience (and then, with several audiences, azp equal to it); exp > now - leeway; nbf and iat
// <= now + leeway; nonce equal. Time claims must be numbers. An empty expected issuer or
// audience is an error, never a wildcard.
bool checkClaims(const QJsonObject &claims, const ClaimsCheck &check, QString *error = nullptr);

// verifyJws, then the payload as a strict JSON object, then checkClaims.
std::optional<QJsonObject> verifyJwt(QByteArrayView compact, const KeySet &keys,
                                     const QStringList &allowedAlgs, const ClaimsCheck &check,
                                     QString *error = nullptr);

} // namespace jose
