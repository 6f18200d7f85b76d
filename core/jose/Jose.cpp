#include "JoseInternal.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

namespace jose {

QByteArray base64UrlEncode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> base64UrlDecode(QByteArrayView text)
{
    static constexpr auto sextet = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '-')
            return 62;
        if (c == '_')
            return 63;
        return -1;
    };
    const qsizetype n = text.size();
    if (n % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(n * 3 / 4);
    quint32 acc = 0;
    int bits = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const int v = sextet(text[i]);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6) | quint32(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((acc >> bits) & 0xFF));
        }
    }
    // RFC 4648 §3.5: the unused bits of the last character must be zero (canonical encoding).
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt;
    return out;
}

QByteArray randomBytes(int n)
{
    if (n <= 0)
        return {};
    QByteArray out(n, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("jose: the OpenSSL random generator failed");
    return out;
}

QByteArray randomToken(int bytes)
{
    return base64UrlEncode(randomBytes(bytes));
}

QByteArray sha256(QByteArrayView data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), digest, &len, EVP_sha256(), nullptr) != 1)
        qFatal("jose: SHA-256 failed");
    return QByteArray(reinterpret_cast<const char *>(digest), int(len));
}

QByteArray pkceChallengeS256(QByteArrayView verifier)
{
    return base64UrlEncode(sha256(verifier));
}

namespace detail {

QString quoted(const QString &untrusted)
{
    QString out;
    for (const QChar c : untrusted) {
        if (out.size() >= 40) {
            out += QStringLiteral("...");
            break;
        }
        out += (c.unicode() >= 0x20 && c.unicode() < 0x7F) ? c : QChar(u'?');
    }
    return u'"' + out + u'"';
}

} // namespace detail
} // namespace jose
