#include "JoseInternal.h"

#include <QJsonArray>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <cstring>

namespace jose {
namespace {

constexpr int kMinRsaBits = 2048;
constexpr int kMaxRsaBits = 8192;
constexpr int kMaxRsaExponentBits = 64;
constexpr int kMaxPemSize = 64 * 1024;
constexpr int kMaxJwksKeys = 100;

struct BnFree
{
    void operator()(BIGNUM *b) const { BN_free(b); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};
using Bio = std::unique_ptr<BIO, BioFree>;
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); }
};
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree>;
struct ParamFree
{
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
using Params = std::unique_ptr<OSSL_PARAM, ParamFree>;

// Leaves OpenSSL's thread-local error queue empty, so that our refusals never show up in the
// error reports of other OpenSSL users in the process (QSslSocket).
struct ClearOpenSslErrors
{
    ~ClearOpenSslErrors() { ERR_clear_error(); }
};

Bn bnParam(EVP_PKEY *pkey, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1)
        return nullptr;
    return Bn(bn);
}

QByteArray bnBytes(const BIGNUM *bn, int pad = 0)
{
    const int len = pad > 0 ? pad : BN_num_bytes(bn);
    QByteArray out(len, Qt::Uninitialized);
    const int written = pad > 0
                            ? BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), len)
                            : BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    if (written != len)
        return {};
    return out;
}

bool isP256(EVP_PKEY *pkey)
{
    char name[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_group_name(pkey, name, sizeof name, &len) != 1)
        return false;
    return std::strcmp(name, "prime256v1") == 0 || std::strcmp(name, "P-256") == 0;
}

int noPassphrase(char * /*buf*/, int /*size*/, int /*rwflag*/, void * /*userdata*/)
{
    return -1;
}

QString str(const QByteArray &ascii)
{
    return QString::fromLatin1(ascii);
}

} // namespace

Key::Data::~Data()
{
    EVP_PKEY_free(pkey);
}

namespace detail {

EVP_PKEY *pkeyOf(const Key &key)
{
    return Key::Access::pkey(key);
}

Key makeKey(EVP_PKEY *pkey, bool isPrivate, const QString &jwkKid, QString *error)
{
    auto data = std::make_shared<Key::Data>();
    data->pkey = pkey; // owned from here on
    data->isPrivate = isPrivate;

    QByteArray canonical; // RFC 7638 §3.2: required members, sorted, no whitespace
    if (EVP_PKEY_is_a(pkey, "EC")) {
        if (!isP256(pkey)) {
            setError(error, QStringLiteral("EC key is not on the P-256 curve"));
            return {};
        }
        const Bn x = bnParam(pkey, OSSL_PKEY_PARAM_EC_PUB_X);
        const Bn y = bnParam(pkey, OSSL_PKEY_PARAM_EC_PUB_Y);
        const QByteArray xb = x ? bnBytes(x.get(), 32) : QByteArray();
        const QByteArray yb = y ? bnBytes(y.get(), 32) : QByteArray();
        if (xb.size() != 32 || yb.size() != 32) {
            setError(error, QStringLiteral("EC key has no usable public point"));
            return {};
        }
        data->alg = QStringLiteral("ES256");
        const QByteArray x64 = base64UrlEncode(xb);
        const QByteArray y64 = base64UrlEncode(yb);
        data->jwk = QJsonObject{{QStringLiteral("kty"), QStringLiteral("EC")},
                                {QStringLiteral("crv"), QStringLiteral("P-256")},
                                {QStringLiteral("x"), str(x64)},
                                {QStringLiteral("y"), str(y64)}};
        canonical = R"({"crv":"P-256","kty":"EC","x":")" + x64 + R"(","y":")" + y64 + "\"}";
    } else if (EVP_PKEY_is_a(pkey, "RSA")) {
        const int bits = EVP_PKEY_get_bits(pkey);
        if (bits < kMinRsaBits) {
            setError(error, QStringLiteral("RSA key of %1 bits refused: at least %2 are required")
                                .arg(bits)
                                .arg(kMinRsaBits));
            return {};
        }
        if (bits > kMaxRsaBits) {
            setError(error, QStringLiteral("RSA key of %1 bits refused: at most %2 are supported")
                                .arg(bits)
                                .arg(kMaxRsaBits));
            return {};
        }
        const Bn n = bnParam(pkey, OSSL_PKEY_PARAM_RSA_N);
        const Bn e = bnParam(pkey, OSSL_PKEY_PARAM_RSA_E);
        if (!n || !e) {
            setError(error, QStringLiteral("RSA key has no usable public part"));
            return {};
        }
        if (!BN_is_odd(n.get())) {
            setError(error, QStringLiteral("RSA key has an even modulus"));
            return {};
        }
        if (!BN_is_odd(e.get()) || BN_is_one(e.get()) ||
            BN_num_bits(e.get()) > kMaxRsaExponentBits) {
            setError(error, QStringLiteral("RSA key has an invalid public exponent"));
            return {};
        }
        data->alg = QStringLiteral("RS256");
        const QByteArray n64 = base64UrlEncode(bnBytes(n.get()));
        const QByteArray e64 = base64UrlEncode(bnBytes(e.get()));
        data->jwk = QJsonObject{{QStringLiteral("kty"), QStringLiteral("RSA")},
                                {QStringLiteral("n"), str(n64)},
                                {QStringLiteral("e"), str(e64)}};
        canonical = R"({"e":")" + e64 + R"(","kty":"RSA","n":")" + n64 + "\"}";
    } else {
        setError(error, QStringLiteral("unsupported key type: only EC P-256 and RSA keys"));
        return {};
    }

    // The point must be on the curve (OpenSSL also checks this on import). RSA gets no full
    // public check: SP 800-56B's costs milliseconds per key (a primality test of n), and a bad
    // modulus can only make signatures fail.
    const PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    if (!ctx || (data->alg == QStringLiteral("ES256") && EVP_PKEY_public_check(ctx.get()) != 1)) {
        setError(error,
                 QStringLiteral("invalid public key (point not on the curve or bad modulus)"));
        return {};
    }

    data->thumbprint = str(base64UrlEncode(sha256(canonical)));
    data->kid = jwkKid.isEmpty() ? data->thumbprint : jwkKid;
    return Key::Access::make(std::move(data));
}

} // namespace detail

Key::Key() = default;

Key::Key(std::shared_ptr<const Data> data) : d(std::move(data)) {}

bool Key::isNull() const
{
    return !d;
}

bool Key::hasPrivate() const
{
    return d && d->isPrivate;
}

Key Key::generateEs256()
{
    const ClearOpenSslErrors clear;
    EVP_PKEY *pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!pkey)
        return {};
    return detail::makeKey(pkey, true, {}, nullptr);
}

Key Key::generateRs256(int bits)
{
    const ClearOpenSslErrors clear;
    if (bits < kMinRsaBits || bits > kMaxRsaBits)
        return {};
    EVP_PKEY *pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits));
    if (!pkey)
        return {};
    return detail::makeKey(pkey, true, {}, nullptr);
}

Key Key::fromPem(QByteArrayView pem, QString *error)
{
    const ClearOpenSslErrors clear;
    if (pem.isEmpty() || pem.size() > kMaxPemSize) {
        detail::setError(error, QStringLiteral("PEM key is empty or too large"));
        return {};
    }
    // Spares OpenSSL's decoders (about a millisecond per try) anything that is not PEM.
    if (!pem.contains("-----BEGIN ")) {
        detail::setError(error, QStringLiteral("not a PEM key"));
        return {};
    }
    const auto bio = [&] { return Bio(BIO_new_mem_buf(pem.data(), int(pem.size()))); };
    {
        const Bio in = bio();
        if (EVP_PKEY *pkey = PEM_read_bio_PrivateKey_ex(in.get(), nullptr, noPassphrase, nullptr,
                                                        nullptr, nullptr))
            return detail::makeKey(pkey, true, {}, error);
    }
    {
        const Bio in = bio();
        if (EVP_PKEY *pkey =
                PEM_read_bio_PUBKEY_ex(in.get(), nullptr, noPassphrase, nullptr, nullptr, nullptr))
            return detail::makeKey(pkey, false, {}, error);
    }
    detail::setError(error, QStringLiteral("not a PEM private or public key (encrypted keys are "
                                           "not supported)"));
    return {};
}

QByteArray Key::toPrivatePem() const
{
    const ClearOpenSslErrors clear;
    if (!hasPrivate())
        return {};
    const Bio out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PKCS8PrivateKey(out.get(), d->pkey, nullptr, nullptr, 0, nullptr,
                                              nullptr) != 1)
        return {};
    char *data = nullptr;
    const long len = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, int(len));
}

QByteArray Key::toPublicPem() const
{
    const ClearOpenSslErrors clear;
    if (isNull())
        return {};
    const Bio out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PUBKEY(out.get(), d->pkey) != 1)
        return {};
    char *data = nullptr;
    const long len = BIO_get_mem_data(out.get(), &data);
    return QByteArray(data, int(len));
}

Key Key::fromJwk(const QJsonObject &jwk, QString *error)
{
    const ClearOpenSslErrors clear;
    const auto fail = [error](const QString &message) {
        detail::setError(error, QStringLiteral("JWK refused: ") + message);
        return Key();
    };
    const QJsonValue kty = jwk.value(QStringLiteral("kty"));
    if (!kty.isString())
        return fail(QStringLiteral("no kty"));
    const bool isEc = kty.toString() == QStringLiteral("EC");
    if (!isEc && kty.toString() != QStringLiteral("RSA"))
        return fail(QStringLiteral("unsupported kty ") + detail::quoted(kty.toString()));

    if (jwk.contains(QStringLiteral("use"))) {
        const QJsonValue use = jwk.value(QStringLiteral("use"));
        if (!use.isString() || use.toString() != QStringLiteral("sig"))
            return fail(QStringLiteral("not a signature key (use)"));
    }
    if (jwk.contains(QStringLiteral("key_ops"))) {
        const QJsonValue ops = jwk.value(QStringLiteral("key_ops"));
        if (!ops.isArray() || !ops.toArray().contains(QJsonValue(QStringLiteral("verify"))))
            return fail(QStringLiteral("not a verification key (key_ops)"));
    }
    const QString expectedAlg = isEc ? QStringLiteral("ES256") : QStringLiteral("RS256");
    if (jwk.contains(QStringLiteral("alg"))) {
        const QJsonValue alg = jwk.value(QStringLiteral("alg"));
        if (!alg.isString() || alg.toString() != expectedAlg)
            return fail(QStringLiteral("unsupported alg ") + detail::quoted(alg.toString()));
    }
    QString kid;
    if (jwk.contains(QStringLiteral("kid"))) {
        const QJsonValue kidValue = jwk.value(QStringLiteral("kid"));
        if (!kidValue.isString() || kidValue.toString().isEmpty() ||
            kidValue.toString().size() > 256)
            return fail(QStringLiteral("kid is not a non-empty string"));
        kid = kidValue.toString();
    }
    const auto member = [&jwk](const char *name) -> std::optional<QByteArray> {
        const QJsonValue v = jwk.value(QLatin1String(name));
        if (!v.isString())
            return std::nullopt;
        return base64UrlDecode(v.toString().toLatin1());
    };

    const ParamBld bld(OSSL_PARAM_BLD_new());
    if (!bld)
        return fail(QStringLiteral("out of memory"));
    // OSSL_PARAM_BLD keeps pointers to these until OSSL_PARAM_BLD_to_param: they must outlive it.
    QByteArray point;
    Bn n;
    Bn e;
    if (isEc) {
        const QJsonValue crv = jwk.value(QStringLiteral("crv"));
        if (!crv.isString() || crv.toString() != QStringLiteral("P-256"))
            return fail(QStringLiteral("EC curve is not P-256"));
        const auto x = member("x");
        const auto y = member("y");
        // RFC 7518 §6.2.1.2/§6.2.1.3: full-length coordinates.
        if (!x || !y || x->size() != 32 || y->size() != 32)
            return fail(QStringLiteral("x and y must be 32-byte base64url values"));
        point = '\x04' + *x + *y;
        if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1",
                                            0) != 1 ||
            OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(),
                                             size_t(point.size())) != 1)
            return fail(QStringLiteral("out of memory"));
    } else {
        const auto nb = member("n");
        const auto eb = member("e");
        if (!nb || !eb || nb->isEmpty() || eb->isEmpty())
            return fail(QStringLiteral("n and e must be base64url values"));
        if (nb->size() > kMaxRsaBits / 8 + 1 || eb->size() > kMaxRsaExponentBits / 8)
            return fail(QStringLiteral("RSA modulus or exponent too large"));
        n.reset(BN_bin2bn(reinterpret_cast<const unsigned char *>(nb->constData()), int(nb->size()),
                          nullptr));
        e.reset(BN_bin2bn(reinterpret_cast<const unsigned char *>(eb->constData()), int(eb->size()),
                          nullptr));
        if (!n || !e || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
            return fail(QStringLiteral("out of memory"));
        if (BN_num_bits(n.get()) < kMinRsaBits)
            return fail(QStringLiteral("RSA key of %1 bits refused: at least %2 are required")
                            .arg(BN_num_bits(n.get()))
                            .arg(kMinRsaBits));
    }
    const Params params(OSSL_PARAM_BLD_to_param(bld.get()));
    const PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, isEc ? "EC" : "RSA", nullptr));
    EVP_PKEY *pkey = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !pkey)
        return fail(isEc ? QStringLiteral("invalid EC public key (point not on the curve)")
                         : QStringLiteral("invalid RSA public key"));
    QString why;
    Key key = detail::makeKey(pkey, false, kid, &why);
    if (key.isNull())
        return fail(why);
    return key;
}

QJsonObject Key::publicJwk() const
{
    if (isNull())
        return {};
    QJsonObject jwk = d->jwk;
    jwk.insert(QStringLiteral("kid"), d->kid);
    jwk.insert(QStringLiteral("alg"), d->alg);
    jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
    return jwk;
}

QString Key::kid() const
{
    return d ? d->kid : QString();
}

QString Key::thumbprint() const
{
    return d ? d->thumbprint : QString();
}

QString Key::alg() const
{
    return d ? d->alg : QString();
}

KeySet KeySet::fromJwks(const QJsonObject &jwks, QString *error)
{
    KeySet set;
    const QJsonValue keys = jwks.value(QStringLiteral("keys"));
    if (!keys.isArray()) {
        detail::setError(error, QStringLiteral("JWKS has no \"keys\" array"));
        return set;
    }
    const QJsonArray array = keys.toArray();
    QString lastError;
    int seen = 0;
    for (const QJsonValue value : array) {
        if (++seen > kMaxJwksKeys)
            break;
        if (!value.isObject()) {
            lastError = QStringLiteral("JWK is not an object");
            continue;
        }
        const Key key = Key::fromJwk(value.toObject(), &lastError);
        if (!key.isNull())
            set.add(key);
    }
    if (set.size() == 0) {
        detail::setError(error, array.isEmpty() ? QStringLiteral("JWKS has no keys")
                                                : QStringLiteral("JWKS has no usable key (") +
                                                      lastError + u')');
    }
    return set;
}

void KeySet::add(const Key &key)
{
    if (!key.isNull())
        m_keys.append(key);
}

QJsonObject KeySet::toJwks() const
{
    QJsonArray keys;
    for (const Key &key : m_keys)
        keys.append(key.publicJwk());
    return QJsonObject{{QStringLiteral("keys"), keys}};
}

int KeySet::size() const
{
    return int(m_keys.size());
}

Key KeySet::find(const QString &kid, const QString &alg) const
{
    Key found;
    int count = 0;
    for (const Key &key : m_keys) {
        if (key.alg() != alg)
            continue;
        if (!kid.isEmpty() && key.kid() == kid)
            return key;
        if (kid.isEmpty()) {
            found = key;
            ++count;
        }
    }
    return count == 1 ? found : Key();
}

} // namespace jose
