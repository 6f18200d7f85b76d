#include "auth/PasswordHash.h"

#include <QList>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace hues::server::auth {

namespace {

constexpr char kScheme[] = "pbkdf2-sha256";
constexpr int kMinIterations = 10000;
constexpr int kMaxIterations = 10000000;

QByteArray b64(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

bool unb64(QByteArrayView text, QByteArray *out)
{
    const auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                       QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return false;
    *out = result.decoded;
    return true;
}

} // namespace

QByteArray PasswordHash::derive(QByteArrayView password, QByteArrayView salt, int iterations)
{
    QByteArray out(kHashBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.data()), int(salt.size()),
                          iterations, EVP_sha256(), int(out.size()),
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        throw std::runtime_error("PKCS5_PBKDF2_HMAC failed");
    return out;
}

QByteArray PasswordHash::hash(QByteArrayView password, int iterations)
{
    QByteArray salt(kSaltBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), int(salt.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return QByteArray(kScheme) + '$' + QByteArray::number(iterations) + '$' + b64(salt) + '$' +
           b64(derive(password, salt, iterations));
}

bool PasswordHash::verify(QByteArrayView password, QByteArrayView stored)
{
    const QList<QByteArray> parts = stored.toByteArray().split('$');
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    QByteArray salt;
    QByteArray expected;
    if (!ok || iterations < kMinIterations || iterations > kMaxIterations ||
        !unb64(parts.at(2), &salt) || !unb64(parts.at(3), &expected) || salt.size() < 8 ||
        expected.size() != kHashBytes)
        return false;
    const QByteArray actual = derive(password, salt, iterations);
    return CRYPTO_memcmp(actual.constData(), expected.constData(), size_t(kHashBytes)) == 0;
}

void PasswordHash::burn(QByteArrayView password)
{
    static const QByteArray salt(kSaltBytes, 's');
    derive(password, salt, kIterations);
}

} // namespace hues::server::auth
