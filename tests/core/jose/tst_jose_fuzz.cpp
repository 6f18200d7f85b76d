#include "jose/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cctype>
#include <random>

using namespace jose;

// Deterministic mutation fuzzing of the verifier and the key parsers. HUES_FUZZ_SEED picks the
// run (printed at the start, so a failure can be replayed); HUES_FUZZ_ITERATIONS scales it.
// Properties: nothing crashes; a token that is not byte-for-byte the signed one never verifies;
// every refusal says why; a key parsed from a mutated JWK is a sound key.
class TestJoseFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        bool ok = false;
        const quint64 seed = qEnvironmentVariable("HUES_FUZZ_SEED").toULongLong(&ok);
        m_seed = ok ? seed : 20240613;
        const int iterations = qEnvironmentVariableIntValue("HUES_FUZZ_ITERATIONS", &ok);
        m_iterations = ok && iterations > 0 ? iterations : 3000;
        qInfo("HUES_FUZZ_SEED=%llu HUES_FUZZ_ITERATIONS=%d",
              static_cast<unsigned long long>(m_seed), m_iterations);

        m_ec = Key::generateEs256();
        m_rsa = Key::generateRs256();
        QVERIFY(!m_ec.isNull() && !m_rsa.isNull());
        m_keys.add(Key::fromJwk(m_ec.publicJwk()));
        m_keys.add(Key::fromJwk(m_rsa.publicJwk()));
        QCOMPARE(m_keys.size(), 2);

        const qint64 now = 1700000000;
        const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("https://127.0.0.1:8443")},
                                 {QStringLiteral("aud"), QStringLiteral("hues-app")},
                                 {QStringLiteral("sub"), QStringLiteral("citizen-1")},
                                 {QStringLiteral("exp"), now + 600},
                                 {QStringLiteral("iat"), now},
                                 {QStringLiteral("nonce"), QStringLiteral("abc")},
                                 {QStringLiteral("name"), QStringLiteral("Nguyễn Văn A")},
                                 {QStringLiteral("roles"),
                                  QJsonArray{QStringLiteral("citizen"), QStringLiteral("staff")}}};
        m_tokens = {signJwt(claims, m_ec), signJwt(claims, m_rsa),
                    signJws({{QStringLiteral("typ"), QStringLiteral("at+jwt")}}, "opaque", m_ec),
                    signJws({}, QByteArray(), m_rsa)};
        for (const QByteArray &token : std::as_const(m_tokens))
            QVERIFY(verifyJws(token, m_keys, kAlgs).has_value());
        m_check.issuer = QStringLiteral("https://127.0.0.1:8443");
        m_check.audience = QStringLiteral("hues-app");
        m_check.nonce = QStringLiteral("abc");
        m_check.now = now;
        QVERIFY(verifyJwt(m_tokens[0], m_keys, kAlgs, m_check).has_value());

        // Tokens without kid, so that only the key decides (checkSoundKey).
        for (const Key *key : {&m_ec, &m_rsa}) {
            const QByteArray input =
                base64UrlEncode(QByteArray("{\"alg\":\"" + key->alg().toLatin1() + "\"}")) + '.' +
                base64UrlEncode("x");
            (key == &m_ec ? m_kidlessEc : m_kidlessRsa) =
                input + '.' + base64UrlEncode(rawSign(*key, input));
        }
        QVERIFY(verifyJws(m_kidlessEc, m_keys, kAlgs).has_value());
        QVERIFY(verifyJws(m_kidlessRsa, m_keys, kAlgs).has_value());
    }

    void cleanupTestCase()
    {
        EVP_PKEY_free(m_ecPkey);
        EVP_PKEY_free(m_rsaPkey);
    }

    void mutatedTokensNeverVerify()
    {
        std::mt19937_64 rng(m_seed);
        int refused = 0;
        for (int i = 0; i < m_iterations * 3; ++i) {
            const QByteArray &original = m_tokens[pick(rng, m_tokens.size())];
            QByteArray token = original;
            const int rounds = 1 + pick(rng, 3);
            for (int r = 0; r < rounds; ++r)
                mutateToken(rng, token);
            QString error;
            const auto result = verifyJws(token, m_keys, kAlgs, &error);
            // Part swaps can rebuild another signed token exactly (the two JWTs share a payload).
            if (m_tokens.contains(token)) {
                QVERIFY(result.has_value());
                continue;
            }
            if (result.has_value())
                QFAIL(qPrintable(QStringLiteral("mutated token verified (iteration %1): %2")
                                     .arg(i)
                                     .arg(QString::fromLatin1(token + " from " + original))));
            QVERIFY2(!error.isEmpty(), token.left(300).constData());
            error.clear();
            QVERIFY(!verifyJwt(token, m_keys, kAlgs, m_check, &error).has_value());
            QVERIFY(!error.isEmpty());
            ++refused;
        }
        QVERIFY(refused > m_iterations);
    }

    // Valid signatures over hostile headers: accepted exactly when the rules say so.
    void signedHostileHeaders()
    {
        std::mt19937_64 rng(m_seed + 1);
        const QList<QJsonValue> algs{QStringLiteral("ES256"),
                                     QStringLiteral("RS256"),
                                     QStringLiteral("none"),
                                     QStringLiteral("HS256"),
                                     QStringLiteral("ES384"),
                                     QStringLiteral("es256"),
                                     QString(),
                                     QJsonValue(256),
                                     QJsonValue::Null,
                                     QJsonArray{QStringLiteral("ES256")}};
        int accepted = 0;
        for (int i = 0; i < m_iterations / 4; ++i) {
            const bool useEc = pick(rng, 4) != 0; // RSA signing is slow
            const Key &key = useEc ? m_ec : m_rsa;
            QJsonObject header;
            const int algChoice = pick(rng, algs.size() + 1);
            if (algChoice < algs.size())
                header.insert(QStringLiteral("alg"), algs[algChoice]);
            switch (pick(rng, 4)) {
            case 0:
                header.insert(QStringLiteral("kid"), key.kid());
                break;
            case 1:
                header.insert(QStringLiteral("kid"), QStringLiteral("other"));
                break;
            case 2:
                header.insert(QStringLiteral("kid"), 7);
                break;
            default:
                break;
            }
            if (pick(rng, 5) == 0)
                header.insert(QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")});
            if (pick(rng, 3) == 0)
                header.insert(QStringLiteral("typ"), QStringLiteral("JWT"));
            const QStringList allowed =
                pick(rng, 4) == 0 ? QStringList{QStringLiteral("RS256")} : kAlgs;

            const QByteArray input =
                base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                base64UrlEncode(QByteArray::number(i));
            const QByteArray token = input + '.' + base64UrlEncode(rawSign(key, input));

            const QJsonValue alg = header.value(QStringLiteral("alg"));
            const QJsonValue kid = header.value(QStringLiteral("kid"));
            const bool expected = alg.isString() && alg.toString() == key.alg() &&
                                  allowed.contains(key.alg()) &&
                                  !header.contains(QStringLiteral("crit")) &&
                                  (kid.isUndefined() || kid == QJsonValue(key.kid()));
            QString error;
            const auto result = verifyJws(token, m_keys, allowed, &error);
            QVERIFY2(
                result.has_value() == expected,
                qPrintable(QString::fromUtf8(QJsonDocument(header).toJson(QJsonDocument::Compact)) +
                           u' ' + error));
            if (result)
                ++accepted;
            else
                QVERIFY(!error.isEmpty());
        }
        QVERIFY(accepted > 0);
    }

    void mutatedJwks()
    {
        std::mt19937_64 rng(m_seed + 2);
        QJsonObject ecJwk = m_ec.publicJwk();
        QJsonObject rsaJwk = m_rsa.publicJwk();
        const QList<QByteArray> texts{
            QJsonDocument(ecJwk).toJson(QJsonDocument::Compact),
            QJsonDocument(rsaJwk).toJson(QJsonDocument::Compact),
            QJsonDocument(m_keys.toJwks()).toJson(QJsonDocument::Compact),
            QJsonDocument(m_keys.toJwks()).toJson(QJsonDocument::Indented)};
        int parsedKeys = 0;
        for (int i = 0; i < m_iterations; ++i) {
            const int which = pick(rng, texts.size());
            QByteArray text = texts[which];
            const int rounds = 1 + pick(rng, 3);
            for (int r = 0; r < rounds; ++r)
                mutateJson(rng, text);
            QString error;
            const auto object = parseJsonObject(text, &error);
            if (!object) {
                QVERIFY(!error.isEmpty());
                continue;
            }
            if (which < 2) {
                const Key key = Key::fromJwk(*object, &error);
                if (key.isNull()) {
                    QVERIFY2(!error.isEmpty(), text.constData());
                    continue;
                }
                ++parsedKeys;
                checkSoundKey(key, text);
            } else {
                const KeySet set = KeySet::fromJwks(*object, &error);
                if (set.size() == 0) {
                    QVERIFY2(!error.isEmpty(), text.constData());
                    continue;
                }
                QVERIFY(set.size() <= 2);
                const KeySet again = KeySet::fromJwks(set.toJwks());
                QCOMPARE(again.size(), set.size());
            }
        }
        QVERIFY(parsedKeys > 0); // some mutations leave a usable key (e.g. in kid)
    }

    void garbage()
    {
        std::mt19937_64 rng(m_seed + 3);
        static const char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = 0; i < m_iterations; ++i) {
            QByteArray text(pick(rng, 400), Qt::Uninitialized);
            const bool ascii = pick(rng, 2) == 0;
            for (char &c : text)
                c = ascii ? alphabet[pick(rng, sizeof alphabet - 1)] : char(pick(rng, 256));
            QString error;
            QVERIFY(!verifyJws(text, m_keys, kAlgs, &error).has_value());
            QVERIFY(!error.isEmpty());
            error.clear();
            const auto object = parseJsonObject(text, &error);
            QVERIFY(object.has_value() || !error.isEmpty());
            error.clear();
            QVERIFY(!base64UrlDecode(text).has_value() || !text.contains('.'));
            QVERIFY(Key::fromPem(text, &error).isNull());
            QVERIFY(!error.isEmpty());
        }
    }

private:
    static inline const QStringList kAlgs{QStringLiteral("ES256"), QStringLiteral("RS256")};

    static int pick(std::mt19937_64 &rng, qsizetype n)
    {
        return n <= 0 ? 0 : int(rng() % quint64(n));
    }

    // One random edit of a compact token: bytes, characters, parts.
    void mutateToken(std::mt19937_64 &rng, QByteArray &t) const
    {
        static const char chars[] = "AZaz09-_.=+/ \n\"{}";
        const int n = int(t.size());
        switch (pick(rng, 11)) {
        case 0: // flip one bit
            if (n)
                t[pick(rng, n)] = char(t[pick(rng, n)] ^ (1 << pick(rng, 8)));
            break;
        case 1: // any byte
            if (n)
                t[pick(rng, n)] = char(pick(rng, 256));
            break;
        case 2: // a likely character
            if (n)
                t[pick(rng, n)] = chars[pick(rng, sizeof chars - 1)];
            break;
        case 3: // delete a range
            if (n)
                t.remove(pick(rng, n), 1 + pick(rng, 8));
            break;
        case 4: // insert
            t.insert(pick(rng, n + 1), chars[pick(rng, sizeof chars - 1)]);
            break;
        case 5: // truncate
            t.truncate(pick(rng, n + 1));
            break;
        case 6: { // swap in the same part of another token
            const QByteArray &other = m_tokens[pick(rng, m_tokens.size())];
            QList<QByteArray> mine = t.split('.');
            const QList<QByteArray> theirs = other.split('.');
            const int k = pick(rng, 3);
            if (k < mine.size() && k < theirs.size())
                mine[k] = theirs[k];
            t = mine.join('.');
            break;
        }
        case 7: { // edit the decoded header or payload JSON and re-encode it
            QList<QByteArray> parts = t.split('.');
            const int k = pick(rng, 2);
            if (k < parts.size()) {
                if (const auto decoded = base64UrlDecode(parts[k])) {
                    QByteArray json = *decoded;
                    mutateJson(rng, json);
                    parts[k] = base64UrlEncode(json);
                }
            }
            t = parts.join('.');
            break;
        }
        case 8: // duplicate or drop a part
        {
            QList<QByteArray> parts = t.split('.');
            if (pick(rng, 2) && !parts.isEmpty())
                parts.removeAt(pick(rng, parts.size()));
            else
                parts.insert(pick(rng, parts.size() + 1), parts.value(pick(rng, parts.size())));
            t = parts.join('.');
            break;
        }
        case 9: // re-encode the signature with padding or standard base64
        {
            QList<QByteArray> parts = t.split('.');
            if (parts.size() == 3) {
                if (const auto sig = base64UrlDecode(parts[2]))
                    parts[2] = pick(rng, 2) ? sig->toBase64() : base64UrlEncode(*sig) + "==";
            }
            t = parts.join('.');
            break;
        }
        default: // grow
            t.append(t.left(pick(rng, n + 1)));
            break;
        }
    }

    // One random edit of JSON text, often keeping it JSON.
    static void mutateJson(std::mt19937_64 &rng, QByteArray &json)
    {
        static const QList<QByteArray> tokens{
            "\"",      "{",       "}",        "[",         "]",        ",",    ":",
            "null",    "true",    "0",        "-1",        "1e999",    "\"\"", "\\u0000",
            "\"kid\"", "\"alg\"", "\"none\"", "\"P-384\"", "\"AQAB\"", "\"x\""};
        const int n = int(json.size());
        switch (pick(rng, 6)) {
        case 0:
            if (n)
                json[pick(rng, n)] = char(pick(rng, 256));
            break;
        case 1:
            if (n)
                json.remove(pick(rng, n), 1 + pick(rng, 4));
            break;
        case 2:
            json.insert(pick(rng, n + 1), tokens[pick(rng, tokens.size())]);
            break;
        case 3: { // replace a string value's content
            const int start = int(json.indexOf('"', pick(rng, n + 1)));
            const int end = start < 0 ? -1 : int(json.indexOf('"', start + 1));
            if (end > start)
                json.replace(start, end - start + 1, tokens[pick(rng, tokens.size())]);
            break;
        }
        case 4: // change a base64url character inside a value
            if (n) {
                const int at = pick(rng, n);
                const char c = json[at];
                if (std::isalnum(static_cast<unsigned char>(c)))
                    json[at] = c == 'A' ? 'B' : 'A';
            }
            break;
        default: // duplicate a member
        {
            const int comma = int(json.indexOf(',', pick(rng, n + 1)));
            const int next = comma < 0 ? -1 : int(json.indexOf(',', comma + 1));
            if (next > comma)
                json.insert(next, json.mid(comma, next - comma));
            break;
        }
        }
    }

    // A key that fromJwk accepted must be usable and must verify exactly its own signatures.
    void checkSoundKey(const Key &key, const QByteArray &text)
    {
        QVERIFY(!key.hasPrivate());
        QVERIFY(key.alg() == QStringLiteral("ES256") || key.alg() == QStringLiteral("RS256"));
        QCOMPARE(key.thumbprint().size(), 43);
        QVERIFY(!key.kid().isEmpty());
        const Key again = Key::fromJwk(key.publicJwk());
        QCOMPARE(again.thumbprint(), key.thumbprint());

        const Key &original = key.alg() == QStringLiteral("ES256") ? m_ec : m_rsa;
        const bool same = key.thumbprint() == original.thumbprint();
        KeySet set;
        set.add(key);
        const QByteArray &token = key.alg() == QStringLiteral("ES256") ? m_kidlessEc : m_kidlessRsa;
        const auto result = verifyJws(token, set, kAlgs);
        QVERIFY2(result.has_value() == same, text.constData());
    }

    // Signs input with the key's algorithm directly with OpenSSL (so that headers the library
    // would never write can be signed); raw r||s for ECDSA.
    QByteArray rawSign(const Key &key, const QByteArray &input)
    {
        EVP_PKEY *&pkey = key.alg() == QStringLiteral("ES256") ? m_ecPkey : m_rsaPkey;
        if (!pkey) {
            const QByteArray pem = key.toPrivatePem();
            BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
            pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
            BIO_free(bio);
        }
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        QByteArray sig;
        size_t len = 0;
        const auto *data = reinterpret_cast<const unsigned char *>(input.data());
        if (pkey && ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, pkey) == 1 &&
            EVP_DigestSign(ctx, nullptr, &len, data, size_t(input.size())) == 1) {
            sig.resize(qsizetype(len));
            if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len, data,
                               size_t(input.size())) == 1)
                sig.truncate(qsizetype(len));
            else
                sig.clear();
        }
        EVP_MD_CTX_free(ctx);
        if (key.alg() == QStringLiteral("RS256"))
            return sig;
        return derToRaw(sig);
    }

    static QByteArray derToRaw(const QByteArray &der)
    {
        if (der.size() < 8 || der[0] != '\x30')
            return {};
        QByteArray raw;
        int i = 2;
        for (int k = 0; k < 2; ++k) {
            const int len = der[i + 1];
            QByteArray v = der.mid(i + 2, len);
            while (v.size() > 32 && v[0] == '\0')
                v.remove(0, 1);
            raw += QByteArray(32 - v.size(), '\0') + v;
            i += 2 + len;
        }
        return raw;
    }

    quint64 m_seed = 0;
    int m_iterations = 0;
    Key m_ec;
    Key m_rsa;
    KeySet m_keys;
    QList<QByteArray> m_tokens;
    QByteArray m_kidlessEc;
    QByteArray m_kidlessRsa;
    EVP_PKEY *m_ecPkey = nullptr;
    EVP_PKEY *m_rsaPkey = nullptr;
    ClaimsCheck m_check;
};

QTEST_GUILESS_MAIN(TestJoseFuzz)
#include "tst_jose_fuzz.moc"
