#include "JoseInternal.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <cmath>

namespace jose {
namespace {

constexpr qsizetype kMaxCompactSize = qsizetype(64) * 1024;
constexpr int kEs256CoordinateSize = 32;
constexpr int kEs256SignatureSize = 2 * kEs256CoordinateSize;

struct MdCtxFree
{
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG *s) const { ECDSA_SIG_free(s); }
};
using EcdsaSig = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

struct ClearOpenSslErrors
{
    ~ClearOpenSslErrors() { ERR_clear_error(); }
};

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

// JWS signature of input: raw r||s for ES256 (RFC 7518 §3.4), PKCS#1 v1.5 for RS256.
QByteArray sign(const Key &key, QByteArrayView input)
{
    EVP_PKEY *pkey = detail::pkeyOf(key);
    const MdCtx ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!pkey || !ctx ||
        EVP_DigestSignInit_ex(ctx.get(), &pctx, "SHA256", nullptr, nullptr, pkey, nullptr) != 1)
        return {};
    const bool isRsa = key.alg() == QStringLiteral("RS256");
    if (isRsa && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)
        return {};
    size_t len = 0;
    if (EVP_DigestSign(ctx.get(), nullptr, &len, bytes(input), size_t(input.size())) != 1)
        return {};
    QByteArray sig(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len, bytes(input),
                       size_t(input.size())) != 1)
        return {};
    sig.truncate(qsizetype(len));
    if (isRsa)
        return sig;

    const unsigned char *p = bytes(sig);
    const EcdsaSig der(d2i_ECDSA_SIG(nullptr, &p, long(sig.size())));
    if (!der)
        return {};
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(der.get(), &r, &s);
    QByteArray raw(kEs256SignatureSize, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(r, out, kEs256CoordinateSize) != kEs256CoordinateSize ||
        BN_bn2binpad(s, out + kEs256CoordinateSize, kEs256CoordinateSize) != kEs256CoordinateSize)
        return {};
    return raw;
}

bool verify(const Key &key, QByteArrayView input, QByteArrayView signature, QString *error)
{
    EVP_PKEY *pkey = detail::pkeyOf(key);
    const bool isRsa = key.alg() == QStringLiteral("RS256");
    QByteArray der;
    if (isRsa) {
        if (signature.size() != EVP_PKEY_get_size(pkey)) {
            detail::setError(error, QStringLiteral("RS256 signature has the wrong length"));
            return false;
        }
    } else {
        if (signature.size() != kEs256SignatureSize) {
            detail::setError(error, QStringLiteral("ES256 signature is not 64 bytes"));
            return false;
        }
        const EcdsaSig sig(ECDSA_SIG_new());
        BIGNUM *r = BN_bin2bn(bytes(signature), kEs256CoordinateSize, nullptr);
        BIGNUM *s =
            BN_bin2bn(bytes(signature) + kEs256CoordinateSize, kEs256CoordinateSize, nullptr);
        if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
            BN_free(r);
            BN_free(s);
            detail::setError(error, QStringLiteral("out of memory"));
            return false;
        }
        const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
        if (len <= 0) {
            detail::setError(error, QStringLiteral("ES256 signature cannot be encoded"));
            return false;
        }
        der.resize(len);
        auto *p = reinterpret_cast<unsigned char *>(der.data());
        if (i2d_ECDSA_SIG(sig.get(), &p) != len) {
            detail::setError(error, QStringLiteral("ES256 signature cannot be encoded"));
            return false;
        }
        signature = der;
    }
    const MdCtx ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!ctx ||
        EVP_DigestVerifyInit_ex(ctx.get(), &pctx, "SHA256", nullptr, nullptr, pkey, nullptr) != 1 ||
        (isRsa && EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) != 1)) {
        detail::setError(error, QStringLiteral("signature verification could not start"));
        return false;
    }
    if (EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()), bytes(input),
                         size_t(input.size())) != 1) {
        detail::setError(error, QStringLiteral("bad signature"));
        return false;
    }
    return true;
}

std::optional<double> numericDate(const QJsonObject &claims, const QString &name, QString *error,
                                  bool *ok)
{
    *ok = true;
    if (!claims.contains(name))
        return std::nullopt;
    const QJsonValue v = claims.value(name);
    if (!v.isDouble() || !std::isfinite(v.toDouble())) {
        detail::setError(error, QStringLiteral("claim %1 is not a number").arg(name));
        *ok = false;
        return std::nullopt;
    }
    return v.toDouble();
}

} // namespace

QByteArray signJws(const QJsonObject &extraHeader, QByteArrayView payload, const Key &key)
{
    const ClearOpenSslErrors clear;
    if (!key.hasPrivate())
        return {};
    QJsonObject header = extraHeader;
    header.insert(QStringLiteral("alg"), key.alg());
    header.insert(QStringLiteral("kid"), key.kid());
    const QByteArray input = base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                             '.' + base64UrlEncode(payload);
    const QByteArray signature = sign(key, input);
    if (signature.isEmpty())
        return {};
    return input + '.' + base64UrlEncode(signature);
}

QByteArray signJwt(const QJsonObject &claims, const Key &key, const QString &typ)
{
    QJsonObject header;
    if (!typ.isEmpty())
        header.insert(QStringLiteral("typ"), typ);
    return signJws(header, QJsonDocument(claims).toJson(QJsonDocument::Compact), key);
}

std::optional<VerifiedJws> verifyJws(QByteArrayView compact, const KeySet &keys,
                                     const QStringList &allowedAlgs, QString *error)
{
    const ClearOpenSslErrors clear;
    const auto fail = [error](const QString &message) -> std::optional<VerifiedJws> {
        detail::setError(error, QStringLiteral("JWS refused: ") + message);
        return std::nullopt;
    };
    if (compact.size() > kMaxCompactSize)
        return fail(QStringLiteral("larger than 64 KiB"));
    if (compact.isEmpty())
        return fail(QStringLiteral("empty"));
    const qsizetype dot1 = compact.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : compact.indexOf('.', dot1 + 1);
    if (dot2 < 0 || compact.indexOf('.', dot2 + 1) >= 0)
        return fail(QStringLiteral("not three dot-separated parts"));
    const QByteArrayView headerPart = compact.first(dot1);
    const QByteArrayView payloadPart = compact.sliced(dot1 + 1, dot2 - dot1 - 1);
    const QByteArrayView signaturePart = compact.sliced(dot2 + 1);

    if (headerPart.isEmpty())
        return fail(QStringLiteral("empty header"));
    const auto headerJson = base64UrlDecode(headerPart);
    if (!headerJson)
        return fail(QStringLiteral("header is not base64url"));
    QString why;
    const auto header = parseJsonObject(*headerJson, &why);
    if (!header)
        return fail(QStringLiteral("header: ") + why);

    const QJsonValue algValue = header->value(QStringLiteral("alg"));
    if (!algValue.isString())
        return fail(header->contains(QStringLiteral("alg")) ? QStringLiteral("alg is not a string")
                                                            : QStringLiteral("header has no alg"));
    const QString alg = algValue.toString();
    if (alg.compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0)
        return fail(QStringLiteral("unsigned token (alg none)"));
    // RFC 8725 §2.1/§3.1: a verifier holding public keys must never accept an HMAC, else the
    // public key becomes the shared secret (key confusion).
    if (alg.startsWith(QStringLiteral("HS"), Qt::CaseInsensitive))
        return fail(QStringLiteral("symmetric algorithm %1").arg(detail::quoted(alg)));
    if (alg != QStringLiteral("ES256") && alg != QStringLiteral("RS256"))
        return fail(QStringLiteral("unsupported algorithm %1").arg(detail::quoted(alg)));
    if (!allowedAlgs.contains(alg))
        return fail(QStringLiteral("algorithm %1 not allowed").arg(alg));
    // RFC 7515 §4.1.11: we understand no extension, so any crit makes the token unusable.
    if (header->contains(QStringLiteral("crit")))
        return fail(QStringLiteral("crit header present (no extension is supported)"));

    QString kid;
    if (header->contains(QStringLiteral("kid"))) {
        const QJsonValue kidValue = header->value(QStringLiteral("kid"));
        if (!kidValue.isString())
            return fail(QStringLiteral("kid is not a string"));
        kid = kidValue.toString();
    }
    const Key key = keys.find(kid, alg);
    if (key.isNull()) {
        return fail(kid.isEmpty()
                        ? QStringLiteral("no kid and no single %1 key to use").arg(alg)
                        : QStringLiteral("no %1 key with kid %2").arg(alg, detail::quoted(kid)));
    }

    if (signaturePart.isEmpty())
        return fail(QStringLiteral("empty signature"));
    const auto signature = base64UrlDecode(signaturePart);
    if (!signature)
        return fail(QStringLiteral("signature is not base64url"));
    auto payload = base64UrlDecode(payloadPart);
    if (!payload)
        return fail(QStringLiteral("payload is not base64url"));

    if (!verify(key, compact.first(dot2), *signature, &why))
        return fail(why);
    return VerifiedJws{*header, std::move(*payload)};
}

bool checkClaims(const QJsonObject &claims, const ClaimsCheck &check, QString *error)
{
    const auto fail = [error](const QString &message) {
        detail::setError(error, QStringLiteral("token claims refused: ") + message);
        return false;
    };
    if (check.issuer.isEmpty() || check.audience.isEmpty())
        return fail(QStringLiteral("the expected issuer and audience must be configured"));

    const QJsonValue iss = claims.value(QStringLiteral("iss"));
    if (!iss.isString())
        return fail(QStringLiteral("no iss (issuer) claim"));
    if (iss.toString() != check.issuer)
        return fail(QStringLiteral("wrong issuer %1").arg(detail::quoted(iss.toString())));

    const QJsonValue aud = claims.value(QStringLiteral("aud"));
    if (aud.isString()) {
        if (aud.toString() != check.audience)
            return fail(QStringLiteral("wrong audience %1").arg(detail::quoted(aud.toString())));
    } else if (aud.isArray()) {
        const QJsonArray audiences = aud.toArray();
        bool found = false;
        for (const QJsonValue a : audiences) {
            if (!a.isString())
                return fail(QStringLiteral("aud array holds a non-string"));
            found = found || a.toString() == check.audience;
        }
        if (!found)
            return fail(QStringLiteral("audience not among the token's aud values"));
        // OpenID Connect Core §3.1.3.7 (4, 5): with several audiences, azp must name us.
        if (audiences.size() > 1) {
            const QJsonValue azp = claims.value(QStringLiteral("azp"));
            if (!azp.isString())
                return fail(QStringLiteral("several audiences but no azp claim"));
            if (azp.toString() != check.audience)
                return fail(QStringLiteral("wrong authorized party (azp) %1")
                                .arg(detail::quoted(azp.toString())));
        }
    } else {
        return fail(claims.contains(QStringLiteral("aud"))
                        ? QStringLiteral("aud is neither a string nor an array")
                        : QStringLiteral("no aud (audience) claim"));
    }

    const auto now = double(check.now != 0 ? check.now : QDateTime::currentSecsSinceEpoch());
    const double leeway = std::max(0, check.leewaySeconds);
    QString why;
    bool ok = true;
    const auto exp = numericDate(claims, QStringLiteral("exp"), &why, &ok);
    if (!ok)
        return fail(why);
    if (!exp && check.requireExp)
        return fail(QStringLiteral("no exp (expiry) claim"));
    if (exp && !(now < *exp + leeway))
        return fail(QStringLiteral("token expired %1 s ago (leeway %2 s)")
                        .arg(qint64(now - *exp))
                        .arg(check.leewaySeconds));
    const auto nbf = numericDate(claims, QStringLiteral("nbf"), &why, &ok);
    if (!ok)
        return fail(why);
    if (nbf && *nbf > now + leeway)
        return fail(
            QStringLiteral("token not valid yet (nbf %1 s in the future)").arg(qint64(*nbf - now)));
    const auto iat = numericDate(claims, QStringLiteral("iat"), &why, &ok);
    if (!ok)
        return fail(why);
    if (iat && *iat > now + leeway)
        return fail(
            QStringLiteral("token issued in the future (iat %1 s ahead)").arg(qint64(*iat - now)));

    if (!check.nonce.isEmpty()) {
        const QJsonValue nonce = claims.value(QStringLiteral("nonce"));
        if (!nonce.isString())
            return fail(QStringLiteral("no nonce claim"));
        if (nonce.toString() != check.nonce)
            return fail(QStringLiteral("nonce mismatch"));
    }
    return true;
}

std::optional<QJsonObject> verifyJwt(QByteArrayView compact, const KeySet &keys,
                                     const QStringList &allowedAlgs, const ClaimsCheck &check,
                                     QString *error)
{
    const auto jws = verifyJws(compact, keys, allowedAlgs, error);
    if (!jws)
        return std::nullopt;
    QString why;
    auto claims = parseJsonObject(jws->payload, &why);
    if (!claims) {
        detail::setError(error, QStringLiteral("JWT refused: payload: ") + why);
        return std::nullopt;
    }
    if (!checkClaims(*claims, check, error))
        return std::nullopt;
    return claims;
}

} // namespace jose
