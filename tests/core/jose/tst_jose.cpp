#include "jose/Jose.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace jose;

namespace {

QByteArray part(const QByteArray &compact, int index)
{
    return compact.split('.').value(index);
}

QJsonObject decodedHeader(const QByteArray &compact)
{
    return QJsonDocument::fromJson(*base64UrlDecode(part(compact, 0))).object();
}

QByteArray b64(const QByteArray &data)
{
    return base64UrlEncode(data);
}

// Parts joined by dots (QStringBuilder expressions do not convert to QByteArrayView).
QByteArray dots(std::initializer_list<QByteArray> parts)
{
    QByteArray out;
    bool first = true;
    for (const QByteArray &p : parts) {
        if (!first)
            out += '.';
        out += p;
        first = false;
    }
    return out;
}

QByteArray compactJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// RFC 7515 Appendix A: the payload shared by the examples, and the example tokens.
const QByteArray kRfcPayload = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n "
                               "\"http://example.com/is_root\":true}";
const QByteArray kRfcPayload64 = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
                                 "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
// A.1 (HS256)
const QByteArray kRfcA1 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9." + kRfcPayload64 +
                          ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
// A.2 (RS256)
const QByteArray kRfcA2 = "eyJhbGciOiJSUzI1NiJ9." + kRfcPayload64 +
                          ".cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7"
                          "AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4"
                          "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K"
                          "0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv"
                          "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrB"
                          "p0igcN_IoypGlUPQGe77Rw";
const char *kRfcA2N = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddx"
                      "HmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs"
                      "D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSH"
                      "SXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV"
                      "MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8"
                      "NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
// A.3 (ES256)
const QByteArray kRfcA3 = "eyJhbGciOiJFUzI1NiJ9." + kRfcPayload64 +
                          ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSA"
                          "pmWQxfKTUJqPP3-Kg6NU1Q";
const char *kRfcA3X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
const char *kRfcA3Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
// A.5 (unsecured)
const QByteArray kRfcA5 = "eyJhbGciOiJub25lIn0." + kRfcPayload64 + '.';

QJsonObject rfcA2Jwk()
{
    return {{QStringLiteral("kty"), QStringLiteral("RSA")},
            {QStringLiteral("n"), QLatin1String(kRfcA2N)},
            {QStringLiteral("e"), QStringLiteral("AQAB")}};
}

QJsonObject rfcA3Jwk()
{
    return {{QStringLiteral("kty"), QStringLiteral("EC")},
            {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("x"), QLatin1String(kRfcA3X)},
            {QStringLiteral("y"), QLatin1String(kRfcA3Y)}};
}

// RFC 7638 §3.1 (the RSA key of RFC 7517 Appendix A.1).
QJsonObject rfc7638Jwk()
{
    return {
        {QStringLiteral("kty"), QStringLiteral("RSA")},
        {QStringLiteral("n"),
         QStringLiteral("0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFF"
                        "xuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lq"
                        "t7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHz"
                        "u6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPk"
                        "sINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw")},
        {QStringLiteral("e"), QStringLiteral("AQAB")},
        {QStringLiteral("alg"), QStringLiteral("RS256")},
        {QStringLiteral("kid"), QStringLiteral("2011-04-29")}};
}

// ECDSA signatures: DER ECDSA-Sig-Value (what openssl prints) <-> raw r||s (what JWS carries).
// Written here independently of the library so that each checks the other.
QByteArray derInteger(QByteArray v)
{
    while (v.size() > 1 && v[0] == '\0')
        v.remove(0, 1);
    if (quint8(v[0]) & 0x80)
        v.prepend('\0');
    return QByteArray(1, '\x02') + char(v.size()) + v;
}

QByteArray rawToDer(const QByteArray &raw)
{
    const QByteArray body = derInteger(raw.left(32)) + derInteger(raw.mid(32));
    return QByteArray(1, '\x30') + char(body.size()) + body;
}

QByteArray derToRaw(const QByteArray &der)
{
    // SEQUENCE { INTEGER r, INTEGER s }, all lengths < 128 for P-256.
    if (der.size() < 8 || der[0] != '\x30' || der[1] != der.size() - 2)
        return {};
    QByteArray raw;
    int i = 2;
    for (int k = 0; k < 2; ++k) {
        if (der[i] != '\x02')
            return {};
        const int len = der[i + 1];
        QByteArray v = der.mid(i + 2, len);
        while (v.size() > 32 && v[0] == '\0')
            v.remove(0, 1);
        raw += QByteArray(32 - v.size(), '\0') + v;
        i += 2 + len;
    }
    return raw;
}

} // namespace

// Tests of the JOSE library against RFC vectors, the openssl command line and hostile input.
class TestJose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!m_openssl.isEmpty(), "the openssl command line tool is needed (libssl-dev)");
        // Keys made by the openssl CLI, shared by the interop and refusal tests.
        QVERIFY(openssl({"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                         "-out", path("ec.pem")}));
        QVERIFY(openssl({"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out",
                         path("rsa.pem")}));
        QVERIFY(openssl({"pkey", "-in", path("ec.pem"), "-pubout", "-out", path("ec.pub.pem")}));
        QVERIFY(openssl({"pkey", "-in", path("rsa.pem"), "-pubout", "-out", path("rsa.pub.pem")}));
        QString error;
        m_ec = Key::fromPem(readFile("ec.pem"), &error);
        QVERIFY2(!m_ec.isNull(), qPrintable(error));
        m_rsa = Key::fromPem(readFile("rsa.pem"), &error);
        QVERIFY2(!m_rsa.isNull(), qPrintable(error));
        m_keys.add(Key::fromJwk(m_ec.publicJwk()));
        m_keys.add(Key::fromJwk(m_rsa.publicJwk()));
        QCOMPARE(m_keys.size(), 2);
    }

    void base64UrlVectors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("text");
        // RFC 4648 §10, without the padding base64url omits here.
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        // The two characters where base64url differs from base64 ('+/' -> '-_').
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
        QTest::newRow("zeros") << QByteArray(4, '\0') << QByteArray("AAAAAA");
    }

    void base64UrlVectors()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, text);
        QCOMPARE(base64UrlEncode(data), text);
        const auto decoded = base64UrlDecode(text);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, data);
    }

    void base64UrlStrict_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("padding") << QByteArray("Zg==");
        QTest::newRow("one pad") << QByteArray("Zm8=");
        QTest::newRow("plus") << QByteArray("+_8");
        QTest::newRow("slash") << QByteArray("-/8");
        QTest::newRow("space") << QByteArray("Zm9v YmFy");
        QTest::newRow("newline") << QByteArray("Zm9v\nYmFy");
        QTest::newRow("trailing newline") << QByteArray("Zm9v\n");
        QTest::newRow("length 4n+1") << QByteArray("Zm9vY");
        QTest::newRow("single char") << QByteArray("Z");
        QTest::newRow("nonzero unused bits (2 chars)") << QByteArray("Zh");
        QTest::newRow("nonzero unused bits (3 chars)") << QByteArray("Zm9");
        QTest::newRow("nul") << QByteArray("Zm\0v", 4);
        QTest::newRow("non-ascii") << QByteArray("Zm\xc3\xa9v");
        QTest::newRow("dot") << QByteArray("Zm.v");
    }

    void base64UrlStrict()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!base64UrlDecode(text).has_value());
    }

    void thumbprintRfc7638()
    {
        QString error;
        const Key key = Key::fromJwk(rfc7638Jwk(), &error);
        QVERIFY2(!key.isNull(), qPrintable(error));
        QCOMPARE(key.thumbprint(), QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        QCOMPARE(key.kid(), QStringLiteral("2011-04-29")); // the JWK's own kid is kept
        QCOMPARE(key.alg(), QStringLiteral("RS256"));
        QJsonObject withoutKid = rfc7638Jwk();
        withoutKid.remove(QStringLiteral("kid"));
        QCOMPARE(Key::fromJwk(withoutKid).kid(),
                 QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        // publicJwk() round-trips to the same members.
        const QJsonObject jwk = key.publicJwk();
        QCOMPARE(jwk.value(QStringLiteral("n")), rfc7638Jwk().value(QStringLiteral("n")));
        QCOMPARE(jwk.value(QStringLiteral("e")).toString(), QStringLiteral("AQAB"));
        QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
        QCOMPARE(jwk.value(QStringLiteral("kid")).toString(), QStringLiteral("2011-04-29"));
    }

    void rfc7515Examples_data()
    {
        QTest::addColumn<QByteArray>("compact");
        QTest::addColumn<QJsonObject>("jwk");
        QTest::addColumn<QString>("alg");
        QTest::newRow("A.2 RS256") << kRfcA2 << rfcA2Jwk() << QStringLiteral("RS256");
        QTest::newRow("A.3 ES256") << kRfcA3 << rfcA3Jwk() << QStringLiteral("ES256");
    }

    void rfc7515Examples()
    {
        QFETCH(QByteArray, compact);
        QFETCH(QJsonObject, jwk);
        QFETCH(QString, alg);
        QString error;
        const KeySet keys = KeySet::fromJwks({{QStringLiteral("keys"), QJsonArray{jwk}}}, &error);
        QCOMPARE(keys.size(), 1);
        const auto verified =
            verifyJws(compact, keys, {QStringLiteral("ES256"), QStringLiteral("RS256")}, &error);
        QVERIFY2(verified.has_value(), qPrintable(error));
        QCOMPARE(verified->payload, kRfcPayload);
        QCOMPARE(verified->header, QJsonObject({{QStringLiteral("alg"), alg}}));
        const auto claims = parseJsonObject(verified->payload);
        QVERIFY(claims.has_value());
        QCOMPARE(claims->value(QStringLiteral("iss")).toString(), QStringLiteral("joe"));

        // The same token with its algorithm not allowed, with the key missing, or modified.
        QVERIFY(!verifyJws(compact, keys, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("not allowed")), qPrintable(error));
        QVERIFY(!verifyJws(compact, KeySet(), {alg}, &error));
        QVERIFY2(error.contains(QStringLiteral("no kid and no single")), qPrintable(error));
        QByteArray tampered = compact;
        tampered.replace("eyJpc3MiOiJqb2Ui", "eyJpc3MiOiJqb2Ki"); // iss "joe" -> "jo*"
        QVERIFY(tampered != compact);
        QVERIFY(!verifyJws(tampered, keys, {alg}, &error));
        QCOMPARE(error, QStringLiteral("JWS refused: bad signature"));
    }

    void rfc7515UnsignedAndHmacRefused()
    {
        const QStringList everything{QStringLiteral("none"), QStringLiteral("HS256"),
                                     QStringLiteral("ES256"), QStringLiteral("RS256")};
        QString error;
        QVERIFY(!verifyJws(kRfcA5, m_keys, everything, &error));
        QVERIFY2(error.contains(QStringLiteral("alg none")), qPrintable(error));
        QVERIFY(!verifyJws(kRfcA1, m_keys, everything, &error));
        QVERIFY2(error.contains(QStringLiteral("symmetric")), qPrintable(error));
    }

    // Key confusion (RFC 8725 §2.1): an attacker MACs a token with the verifier's public key.
    void hmacWithPublicKeyAsSecretRefused_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("PEM") << readFile("rsa.pub.pem");
        QTest::newRow("JWK") << compactJson(m_rsa.publicJwk());
        QTest::newRow("n") << *base64UrlDecode(
            m_rsa.publicJwk().value(QStringLiteral("n")).toString().toLatin1());
    }

    void hmacWithPublicKeyAsSecretRefused()
    {
        QFETCH(QByteArray, secret);
        for (const QString &alg : {QStringLiteral("HS256"), QStringLiteral("hs256"),
                                   QStringLiteral("HS384"), QStringLiteral("HS512")}) {
            const QByteArray input = b64(compactJson({{QStringLiteral("alg"), alg},
                                                      {QStringLiteral("kid"), m_rsa.kid()}})) +
                                     '.' + b64("{\"sub\":\"admin\"}");
            const QByteArray mac =
                QMessageAuthenticationCode::hash(input, secret, QCryptographicHash::Sha256);
            QString error;
            QVERIFY(!verifyJws(dots({input, b64(mac)}), m_keys,
                               {alg, QStringLiteral("RS256"), QStringLiteral("ES256")}, &error));
            QVERIFY2(error.contains(QStringLiteral("symmetric")), qPrintable(error));
        }
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("compact");
        QTest::addColumn<QString>("reason");

        const QByteArray good = signJws({}, "{\"sub\":\"1\"}", m_ec);
        const QByteArray h = part(good, 0);
        const QByteArray p = part(good, 1);
        const QByteArray sig = part(good, 2);
        const auto header = [this](const QJsonObject &extra) -> QByteArray {
            QJsonObject o{{QStringLiteral("kid"), m_ec.kid()}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                o.insert(it.key(), it.value());
            return b64(compactJson(o));
        };
        // Tokens whose header is signed for real (by the openssl CLI), so that only the rule
        // under test can refuse them.
        const auto signedWith = [this](const QByteArray &headerJson,
                                       const QByteArray &payload) -> QByteArray {
            const QByteArray input = b64(headerJson) + '.' + b64(payload);
            return input + '.' + b64(opensslSign("ec.pem", input, true));
        };
        const QByteArray kid = m_ec.kid().toLatin1();

        QTest::newRow("alg none, no signature")
            << dots({header({{QStringLiteral("alg"), QStringLiteral("none")}}), p, ""})
            << "alg none";
        QTest::newRow("alg none with a signature")
            << dots({header({{QStringLiteral("alg"), QStringLiteral("none")}}), p, sig})
            << "alg none";
        QTest::newRow("alg NONE") << signedWith("{\"alg\":\"NONE\",\"kid\":\"" + kid + "\"}", "{}")
                                  << "alg none";
        QTest::newRow("alg ES384")
            << signedWith("{\"alg\":\"ES384\",\"kid\":\"" + kid + "\"}", "{}")
            << "unsupported algorithm";
        QTest::newRow("alg PS256")
            << signedWith("{\"alg\":\"PS256\"}", "{}") << "unsupported algorithm";
        QTest::newRow("alg es256")
            << signedWith("{\"alg\":\"es256\"}", "{}") << "unsupported algorithm";
        QTest::newRow("alg RS256 not allowed") << signJws({}, "{}", m_rsa) << "not allowed";
        QTest::newRow("alg number") << signedWith("{\"alg\":256}", "{}") << "alg is not a string";
        QTest::newRow("no alg") << signedWith("{\"kid\":\"" + kid + "\"}", "{}") << "no alg";
        QTest::newRow("header array") << signedWith("[\"ES256\"]", "{}") << "not an object";
        QTest::newRow("header not JSON") << signedWith("alg=ES256", "{}") << "header: malformed";
        QTest::newRow("header duplicate alg")
            << signedWith("{\"alg\":\"RS256\",\"alg\":\"ES256\"}", "{}") << "duplicate";
        QTest::newRow("header duplicate kid, escaped")
            << signedWith("{\"alg\":\"ES256\",\"kid\":\"x\",\"\\u006bid\":\"" + kid + "\"}", "{}")
            << "duplicate";
        QTest::newRow("header trailing data")
            << signedWith("{\"alg\":\"ES256\"} {}", "{}") << "trailing data";
        QTest::newRow("header invalid UTF-8")
            << signedWith("{\"alg\":\"ES256\",\"x\":\"\xc0\xaf\"}", "{}") << "UTF-8";
        QTest::newRow("crit") << signJws(
                                     {{QStringLiteral("crit"), QJsonArray{QStringLiteral("exp")}},
                                      {QStringLiteral("exp"), 1}},
                                     "{}", m_ec)
                              << "crit";
        QTest::newRow("crit empty")
            << signJws({{QStringLiteral("crit"), QJsonArray{}}}, "{}", m_ec) << "crit";
        QTest::newRow("wrong kid")
            << signedWith("{\"alg\":\"ES256\",\"kid\":\"someone-else\"}", "{}")
            << "no ES256 key with kid \"someone-else\"";
        QTest::newRow("kid not a string")
            << signedWith("{\"alg\":\"ES256\",\"kid\":7}", "{}") << "kid is not a string";
        QTest::newRow("tampered payload")
            << dots({h, b64("{\"sub\":\"2\"}"), sig}) << "bad signature";
        QTest::newRow("tampered header")
            << dots({header({{QStringLiteral("alg"), QStringLiteral("ES256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}}),
                     p, sig})
            << "bad signature";
        QByteArray flipped = *base64UrlDecode(sig);
        flipped[10] = char(flipped[10] ^ 0x01);
        QTest::newRow("tampered signature") << dots({h, p, b64(flipped)}) << "bad signature";
        QByteArray highS = *base64UrlDecode(sig);
        highS.replace(32, 32, QByteArray(32, '\xff'));
        QTest::newRow("s out of range") << dots({h, p, b64(highS)}) << "bad signature";
        QTest::newRow("zero signature")
            << dots({h, p, b64(QByteArray(64, '\0'))}) << "bad signature";
        QTest::newRow("DER signature")
            << dots({h, p, b64(rawToDer(*base64UrlDecode(sig)))}) << "not 64 bytes";
        QTest::newRow("signature of other input")
            << dots({h, p, part(signJws({}, "x", m_ec), 2)}) << "bad signature";
        QTest::newRow("truncated signature") << good.left(good.size() - 4) << "signature";
        QTest::newRow("truncated to 2 parts") << dots({h, p}) << "three";
        QTest::newRow("2 parts") << dots({h, sig}) << "three";
        QTest::newRow("4 parts") << dots({good, sig}) << "three";
        QTest::newRow("4 parts, empty last") << dots({good, ""}) << "three";
        QTest::newRow("1 part") << h << "three";
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("dots only") << QByteArray("..") << "empty header";
        QTest::newRow("empty signature") << dots({h, p, ""}) << "empty signature";
        QTest::newRow("padded header") << dots({h + "=", p, sig}) << "header is not base64url";
        QTest::newRow("padded signature")
            << dots({h, p, sig + "="}) << "signature is not base64url";
        QTest::newRow("payload with '+'") << dots({h, p + "+", sig}) << "payload is not base64url";
        QTest::newRow("space") << QByteArray(good + ' ') << "signature is not base64url";
        QTest::newRow("JWS JSON serialization")
            << compactJson({{QStringLiteral("payload"), QString::fromLatin1(p)},
                            {QStringLiteral("signature"), QString::fromLatin1(sig)}})
            << "three";
        const QByteArray big(65 * 1024, 'a');
        QTest::newRow("larger than 64 KiB") << signJws({}, big, m_ec) << "64 KiB";
    }

    void refusals()
    {
        QFETCH(QByteArray, compact);
        QFETCH(QString, reason);
        QString error;
        const auto result = verifyJws(compact, m_keys, {QStringLiteral("ES256")}, &error);
        QVERIFY(!result.has_value());
        QVERIFY2(error.startsWith(QStringLiteral("JWS refused: ")), qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!verifyJwt(compact, m_keys, {QStringLiteral("ES256")}, claimsCheck()).has_value());
    }

    void keySelection()
    {
        // Without a kid, the only key of the token's alg is used; with two, none is.
        QJsonObject noKid = m_ec.publicJwk();
        noKid.remove(QStringLiteral("kid"));
        const QByteArray input = b64("{\"alg\":\"ES256\"}") + '.' + b64("x");
        const QByteArray token = input + '.' + b64(opensslSign("ec.pem", input, true));
        QString error;
        QVERIFY2(verifyJws(token, m_keys, {QStringLiteral("ES256")}, &error), qPrintable(error));
        KeySet two = m_keys;
        two.add(Key::generateEs256());
        QVERIFY(!verifyJws(token, two, {QStringLiteral("ES256")}, &error));
        QVERIFY2(error.contains(QStringLiteral("no kid and no single ES256 key")),
                 qPrintable(error));
        // With kids, the right one of several is found.
        QVERIFY(verifyJws(signJws({}, "x", m_ec), two, {QStringLiteral("ES256")}));
        QCOMPARE(two.find(m_ec.kid(), QStringLiteral("ES256")).kid(), m_ec.kid());
        QVERIFY(two.find(m_ec.kid(), QStringLiteral("RS256")).isNull());
        QVERIFY(two.find(QString(), QStringLiteral("ES256")).isNull());
        QCOMPARE(two.find(QString(), QStringLiteral("RS256")).kid(), m_rsa.kid());
        // A key named inside the token is never trusted.
        const Key attacker = Key::generateEs256();
        const QByteArray embedded =
            signJws({{QStringLiteral("jwk"), attacker.publicJwk()},
                     {QStringLiteral("jku"), QStringLiteral("http://127.0.0.1:1/jwks")}},
                    "x", attacker);
        QVERIFY(!verifyJws(embedded, m_keys, {QStringLiteral("ES256")}, &error));
        QVERIFY2(error.contains(QStringLiteral("no ES256 key with kid")), qPrintable(error));
    }

    void jwkRefusals_data()
    {
        QTest::addColumn<QJsonObject>("jwk");
        QTest::addColumn<QString>("reason");
        const auto with = [](QJsonObject o, const QString &k, const QJsonValue &v) {
            if (v.isUndefined())
                o.remove(k);
            else
                o.insert(k, v);
            return o;
        };
        const QJsonObject ec = rfcA3Jwk();
        const QJsonObject rsa = rfcA2Jwk();
        // RFC 7517 Appendix A.1's P-384 key would do as well; any 48-byte coordinates are refused
        // before the point is even looked at.
        QTest::newRow("P-384")
            << with(with(with(ec, QStringLiteral("crv"), QStringLiteral("P-384")),
                         QStringLiteral("x"), QString::fromLatin1(b64(QByteArray(48, 'x')))),
                    QStringLiteral("y"), QString::fromLatin1(b64(QByteArray(48, 'y'))))
            << "not P-256";
        QTest::newRow("P-384 crv, P-256 coordinates")
            << with(ec, QStringLiteral("crv"), QStringLiteral("P-384")) << "not P-256";
        QTest::newRow("secp256k1")
            << with(ec, QStringLiteral("crv"), QStringLiteral("secp256k1")) << "not P-256";
        QByteArray y = *base64UrlDecode(kRfcA3Y);
        y[31] = char(y[31] ^ 1);
        QTest::newRow("point not on curve")
            << with(ec, QStringLiteral("y"), QString::fromLatin1(b64(y))) << "not on the curve";
        QTest::newRow("point at zero")
            << with(with(ec, QStringLiteral("x"), QString::fromLatin1(b64(QByteArray(32, '\0')))),
                    QStringLiteral("y"), QString::fromLatin1(b64(QByteArray(32, '\0'))))
            << "not on the curve";
        QTest::newRow("x too short")
            << with(ec, QStringLiteral("x"), QString::fromLatin1(b64(QByteArray(31, 'x'))))
            << "32-byte";
        QTest::newRow("no y") << with(ec, QStringLiteral("y"), QJsonValue::Undefined) << "32-byte";
        QTest::newRow("x not a string") << with(ec, QStringLiteral("x"), 5) << "32-byte";
        QTest::newRow("x padded") << with(ec, QStringLiteral("x"),
                                          QString(QString::fromLatin1(kRfcA3X) + u'='))
                                  << "32-byte";
        QByteArray n1024(128, '\x5a');
        n1024[0] = '\xc1';
        n1024[127] = '\x01';
        QTest::newRow("RSA 1024") << with(rsa, QStringLiteral("n"), QString::fromLatin1(b64(n1024)))
                                  << "1024 bits refused";
        QTest::newRow("RSA no e") << with(rsa, QStringLiteral("e"), QJsonValue::Undefined)
                                  << "n and e";
        QTest::newRow("RSA even e")
            << with(rsa, QStringLiteral("e"), QStringLiteral("AQAA")) << "exponent";
        QTest::newRow("RSA e = 1")
            << with(rsa, QStringLiteral("e"), QStringLiteral("AQ")) << "exponent";
        QTest::newRow("RSA n too large")
            << with(rsa, QStringLiteral("n"), QString::fromLatin1(b64(QByteArray(2000, '\x7f'))))
            << "too large";
        QTest::newRow("no kty") << with(ec, QStringLiteral("kty"), QJsonValue::Undefined)
                                << "no kty";
        QTest::newRow("kty oct") << QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")},
                                                {QStringLiteral("k"), QStringLiteral("AyM1")}}
                                 << "unsupported kty";
        QTest::newRow("kty OKP") << with(ec, QStringLiteral("kty"), QStringLiteral("OKP"))
                                 << "unsupported kty";
        QTest::newRow("use enc") << with(ec, QStringLiteral("use"), QStringLiteral("enc")) << "use";
        QTest::newRow("key_ops encrypt")
            << with(ec, QStringLiteral("key_ops"), QJsonArray{QStringLiteral("encrypt")})
            << "key_ops";
        QTest::newRow("EC with alg RS256")
            << with(ec, QStringLiteral("alg"), QStringLiteral("RS256")) << "unsupported alg";
        QTest::newRow("RSA with alg PS256")
            << with(rsa, QStringLiteral("alg"), QStringLiteral("PS256")) << "unsupported alg";
        QTest::newRow("RSA with alg HS256")
            << with(rsa, QStringLiteral("alg"), QStringLiteral("HS256")) << "unsupported alg";
        QTest::newRow("kid not a string") << with(ec, QStringLiteral("kid"), 1) << "kid";
        QTest::newRow("kid empty") << with(ec, QStringLiteral("kid"), QString()) << "kid";
    }

    void jwkRefusals()
    {
        QFETCH(QJsonObject, jwk);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(Key::fromJwk(jwk, &error).isNull());
        QVERIFY2(error.startsWith(QStringLiteral("JWK refused: ")), qPrintable(error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void jwkAccepted()
    {
        // Optional members that fit, and private members (ignored: the key stays public).
        QJsonObject jwk = rfcA3Jwk();
        jwk.insert(QStringLiteral("use"), QStringLiteral("sig"));
        jwk.insert(QStringLiteral("alg"), QStringLiteral("ES256"));
        jwk.insert(QStringLiteral("key_ops"), QJsonArray{QStringLiteral("verify")});
        jwk.insert(QStringLiteral("d"),
                   QStringLiteral("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"));
        QString error;
        const Key key = Key::fromJwk(jwk, &error);
        QVERIFY2(!key.isNull(), qPrintable(error));
        QVERIFY(!key.hasPrivate());
        QVERIFY(!key.publicJwk().contains(QStringLiteral("d")));
        // A leading zero octet in n (seen in the wild) does not change the key or its thumbprint.
        QJsonObject padded = rfc7638Jwk();
        padded.insert(
            QStringLiteral("n"),
            QString::fromLatin1(b64(
                '\0' +
                *base64UrlDecode(rfc7638Jwk().value(QStringLiteral("n")).toString().toLatin1()))));
        QCOMPARE(Key::fromJwk(padded).thumbprint(),
                 QStringLiteral("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
    }

    void jwks()
    {
        QJsonObject enc = rfcA3Jwk();
        enc.insert(QStringLiteral("use"), QStringLiteral("enc"));
        QJsonObject p384 = rfcA3Jwk();
        p384.insert(QStringLiteral("crv"), QStringLiteral("P-384"));
        const QJsonObject jwks{
            {QStringLiteral("keys"),
             QJsonArray{enc, p384, QStringLiteral("junk"), rfcA3Jwk(), rfcA2Jwk(),
                        QJsonObject{{QStringLiteral("kty"), QStringLiteral("oct")}}}}};
        QString error;
        const KeySet set = KeySet::fromJwks(jwks, &error);
        QCOMPARE(set.size(), 2);
        QVERIFY(verifyJws(kRfcA3, set, {QStringLiteral("ES256")}));
        QVERIFY(verifyJws(kRfcA2, set, {QStringLiteral("RS256")}));
        // toJwks and back.
        const KeySet again = KeySet::fromJwks(set.toJwks(), &error);
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.toJwks(), set.toJwks());

        error.clear();
        QCOMPARE(KeySet::fromJwks({}, &error).size(), 0);
        QVERIFY2(error.contains(QStringLiteral("no \"keys\" array")), qPrintable(error));
        QCOMPARE(KeySet::fromJwks({{QStringLiteral("keys"), QJsonArray{}}}, &error).size(), 0);
        QCOMPARE(error, QStringLiteral("JWKS has no keys"));
        QCOMPARE(KeySet::fromJwks({{QStringLiteral("keys"), QJsonArray{enc}}}, &error).size(), 0);
        QVERIFY2(error.contains(QStringLiteral("no usable key")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("use")), qPrintable(error));
    }

    void pemRefusals_data()
    {
        QTest::addColumn<QStringList>("genpkey");
        QTest::addColumn<QString>("reason");
        QTest::newRow("RSA 1024") << QStringList{"-algorithm", "RSA", "-pkeyopt",
                                                 "rsa_keygen_bits:1024"}
                                  << "1024 bits refused";
        QTest::newRow("P-384") << QStringList{"-algorithm", "EC", "-pkeyopt",
                                              "ec_paramgen_curve:P-384"}
                               << "not on the P-256 curve";
        QTest::newRow("Ed25519") << QStringList{"-algorithm", "ED25519"} << "unsupported key type";
        QTest::newRow("encrypted")
            << QStringList{"-algorithm", "EC",    "-pkeyopt",   "ec_paramgen_curve:P-256",
                           "-aes256",    "-pass", "pass:secret"}
            << "not a PEM";
    }

    void pemRefusals()
    {
        QFETCH(QStringList, genpkey);
        QFETCH(QString, reason);
        const QString file = path(QStringLiteral("refused-") + QTest::currentDataTag() + ".pem");
        QVERIFY(openssl(QStringList{"genpkey"} + genpkey + QStringList{"-out", file}));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString error;
        QVERIFY(Key::fromPem(f.readAll(), &error).isNull());
        QVERIFY2(error.contains(reason), qPrintable(error));
    }

    void pemGarbage()
    {
        QString error;
        QVERIFY(Key::fromPem("", &error).isNull());
        QVERIFY(!error.isEmpty());
        error.clear();
        QVERIFY(
            Key::fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", &error)
                .isNull());
        QVERIFY(!error.isEmpty());
        QVERIFY(Key::fromPem(QByteArray(70 * 1024, 'A'), &error).isNull());
        QVERIFY2(error.contains(QStringLiteral("too large")), qPrintable(error));
    }

    // Ours signs, openssl verifies; openssl signs, ours verifies.
    void opensslInterop_data()
    {
        QTest::addColumn<QString>("keyFile");
        QTest::newRow("ES256") << QStringLiteral("ec");
        QTest::newRow("RS256") << QStringLiteral("rsa");
    }

    void opensslInterop()
    {
        QFETCH(QString, keyFile);
        const bool isEc = keyFile == QStringLiteral("ec");
        const Key key = isEc ? m_ec : m_rsa;
        const QString privateFile = keyFile + QStringLiteral(".pem");
        const QString publicFile = keyFile + QStringLiteral(".pub.pem");

        // The same public key, as openssl and we see it.
        QString error;
        const Key pub = Key::fromPem(readFile(publicFile), &error);
        QVERIFY2(!pub.isNull(), qPrintable(error));
        QCOMPARE(pub.thumbprint(), key.thumbprint());
        QCOMPARE(key.toPublicPem(), readFile(publicFile));

        for (int round = 0; round < 5; ++round) {
            const QByteArray jws = signJws({}, randomBytes(round * 37), key);
            const QByteArray input = jws.left(jws.lastIndexOf('.'));
            QByteArray sig = *base64UrlDecode(part(jws, 2));
            if (isEc) {
                QCOMPARE(sig.size(), 64);
                sig = rawToDer(sig);
            }
            writeFile("input", input);
            writeFile("sig", sig);
            QByteArray out;
            QVERIFY(openssl({"dgst", "-sha256", "-verify", path(publicFile), "-signature",
                             path("sig"), path("input")},
                            &out));
            QVERIFY2(out.contains("Verified OK"), out.constData());
            // ...and openssl notices a change.
            writeFile("input", input + 'x');
            QVERIFY(!openssl({"dgst", "-sha256", "-verify", path(publicFile), "-signature",
                              path("sig"), path("input")}));

            const QByteArray theirInput = b64(compactJson({{QStringLiteral("alg"), key.alg()},
                                                           {QStringLiteral("kid"), key.kid()}})) +
                                          '.' + b64(randomBytes(round * 41));
            const QByteArray theirSig = opensslSign(privateFile, theirInput, isEc);
            QVERIFY(!theirSig.isEmpty());
            KeySet keys;
            keys.add(pub);
            const auto verified =
                verifyJws(dots({theirInput, b64(theirSig)}), keys, {key.alg()}, &error);
            QVERIFY2(verified.has_value(), qPrintable(error));
        }
    }

    void strictJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("plain") << QByteArray("{\"a\":1,\"b\":[true,false,null,\"x\",-0.5e+3,{}]}")
                               << QString();
        QTest::newRow("whitespace") << QByteArray(" {\r\n\t\"a\" : 1 } \n") << QString();
        QTest::newRow("escapes")
            << QByteArray("{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}")
            << QString();
        QTest::newRow("same name, different objects")
            << QByteArray("{\"a\":{\"a\":1},\"b\":{\"a\":2}}") << QString();
        QTest::newRow("Vietnamese") << QByteArray("{\"tên\":\"Huế\"}") << QString();
        QTest::newRow("duplicate") << QByteArray("{\"a\":1,\"a\":1}") << "duplicate";
        QTest::newRow("duplicate nested")
            << QByteArray("{\"x\":[{\"a\":1,\"b\":2,\"a\":3}]}") << "duplicate";
        QTest::newRow("duplicate escaped") << QByteArray("{\"a\":1,\"\\u0061\":2}") << "duplicate";
        QTest::newRow("array") << QByteArray("[1]") << "not an object";
        QTest::newRow("string") << QByteArray("\"x\"") << "not an object";
        QTest::newRow("empty") << QByteArray() << "malformed";
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << "malformed";
        QTest::newRow("trailing data") << QByteArray("{}x") << "trailing";
        QTest::newRow("two objects") << QByteArray("{}{}") << "trailing";
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << "malformed";
        QTest::newRow("unquoted name") << QByteArray("{a:1}") << "malformed";
        QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << "malformed";
        QTest::newRow("bare minus") << QByteArray("{\"a\":-}") << "malformed";
        QTest::newRow("NaN") << QByteArray("{\"a\":NaN}") << "malformed";
        QTest::newRow("control char") << QByteArray("{\"a\":\"\x01\"}") << "control";
        QTest::newRow("raw newline in string") << QByteArray("{\"a\":\"\n\"}") << "control";
        QTest::newRow("bad escape") << QByteArray("{\"a\":\"\\x\"}") << "escape";
        QTest::newRow("short \\u") << QByteArray("{\"a\":\"\\u12\"}") << "escape";
        QTest::newRow("lone high surrogate") << QByteArray("{\"a\":\"\\ud83d\"}") << "surrogate";
        QTest::newRow("lone low surrogate") << QByteArray("{\"a\":\"\\ude00\"}") << "surrogate";
        QTest::newRow("unterminated") << QByteArray("{\"a\":\"x") << "unterminated";
        QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf{}") << "malformed";
        QTest::newRow("overlong UTF-8") << QByteArray("{\"a\":\"\xc0\xaf\"}") << "UTF-8";
        QTest::newRow("UTF-8 surrogate") << QByteArray("{\"a\":\"\xed\xa0\x80\"}") << "UTF-8";
        QTest::newRow("truncated UTF-8") << QByteArray("{\"a\":\"\xe1\x80\"}") << "UTF-8";
        QTest::newRow("NUL") << QByteArray("{}\0", 3) << "trailing";
        QTest::newRow("deep") << QByteArray(QByteArray(70, '[') + QByteArray(70, ']')) << "deeply";
        QTest::newRow("deep object")
            << QByteArray(QByteArray("{\"a\":").repeated(65) + "1" + QByteArray(65, '}'))
            << "deeply";
    }

    void strictJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        const auto object = parseJsonObject(json, &error);
        if (reason.isEmpty()) {
            QVERIFY2(object.has_value(), qPrintable(error));
            QCOMPARE(*object, QJsonDocument::fromJson(json).object());
        } else {
            QVERIFY(!object.has_value());
            QVERIFY2(error.contains(reason), qPrintable(error));
        }
    }

    void claims_data()
    {
        QTest::addColumn<QJsonObject>("claims");
        QTest::addColumn<QString>("nonce");
        QTest::addColumn<bool>("requireExp");
        QTest::addColumn<QString>("reason"); // empty: accepted

        const qint64 now = kNow;
        const QJsonObject good{{QStringLiteral("iss"), QStringLiteral("https://op.example")},
                               {QStringLiteral("aud"), QStringLiteral("app")},
                               {QStringLiteral("exp"), now + 300},
                               {QStringLiteral("iat"), now},
                               {QStringLiteral("nbf"), now},
                               {QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj")}};
        const auto with = [good](const QString &k, const QJsonValue &v) {
            QJsonObject o = good;
            if (v.isUndefined())
                o.remove(k);
            else
                o.insert(k, v);
            return o;
        };
        const QString nonce = QStringLiteral("n-0S6_WzA2Mj");
        QTest::newRow("good") << good << nonce << true << QString();
        QTest::newRow("nonce not checked") << with(QStringLiteral("nonce"), QJsonValue::Undefined)
                                           << QString() << true << QString();
        QTest::newRow("wrong iss")
            << with(QStringLiteral("iss"), QStringLiteral("https://evil.example")) << nonce << true
            << "wrong issuer \"https://evil.example\"";
        QTest::newRow("iss with trailing slash")
            << with(QStringLiteral("iss"), QStringLiteral("https://op.example/")) << nonce << true
            << "wrong issuer";
        QTest::newRow("no iss") << with(QStringLiteral("iss"), QJsonValue::Undefined) << nonce
                                << true << "no iss (issuer) claim";
        QTest::newRow("wrong aud") << with(QStringLiteral("aud"), QStringLiteral("other")) << nonce
                                   << true << "wrong audience \"other\"";
        QTest::newRow("no aud") << with(QStringLiteral("aud"), QJsonValue::Undefined) << nonce
                                << true << "no aud (audience) claim";
        QTest::newRow("aud number") << with(QStringLiteral("aud"), 5) << nonce << true
                                    << "aud is neither a string nor an array";
        QTest::newRow("aud array with ours")
            << with(QStringLiteral("aud"), QJsonArray{QStringLiteral("app")}) << nonce << true
            << QString();
        QTest::newRow("aud array without ours")
            << with(QStringLiteral("aud"), QJsonArray{QStringLiteral("x"), QStringLiteral("y")})
            << nonce << true << "audience not among the token's aud values";
        QJsonObject multi =
            with(QStringLiteral("aud"), QJsonArray{QStringLiteral("x"), QStringLiteral("app")});
        QTest::newRow("several aud, no azp")
            << multi << nonce << true << "several audiences but no azp claim";
        multi.insert(QStringLiteral("azp"), QStringLiteral("x"));
        QTest::newRow("several aud, other azp")
            << multi << nonce << true << "wrong authorized party (azp) \"x\"";
        multi.insert(QStringLiteral("azp"), QStringLiteral("app"));
        QTest::newRow("several aud, our azp") << multi << nonce << true << QString();
        QTest::newRow("aud array with a number")
            << with(QStringLiteral("aud"), QJsonArray{QStringLiteral("app"), 1}) << nonce << true
            << "aud array holds a non-string";
        QTest::newRow("expired beyond leeway") << with(QStringLiteral("exp"), now - 61) << nonce
                                               << true << "token expired 61 s ago (leeway 60 s)";
        QTest::newRow("expired at the leeway's edge")
            << with(QStringLiteral("exp"), now - 60) << nonce << true << "token expired 60 s ago";
        QTest::newRow("expired within leeway")
            << with(QStringLiteral("exp"), now - 59) << nonce << true << QString();
        QTest::newRow("exp fractional")
            << with(QStringLiteral("exp"), double(now) + 0.5) << nonce << true << QString();
        QTest::newRow("exp string") << with(QStringLiteral("exp"), QString::number(now + 300))
                                    << nonce << true << "claim exp is not a number";
        QTest::newRow("missing exp") << with(QStringLiteral("exp"), QJsonValue::Undefined) << nonce
                                     << true << "no exp (expiry) claim";
        QTest::newRow("missing exp, not required")
            << with(QStringLiteral("exp"), QJsonValue::Undefined) << nonce << false << QString();
        QTest::newRow("nbf in future") << with(QStringLiteral("nbf"), now + 61) << nonce << true
                                       << "token not valid yet (nbf 61 s in the future)";
        QTest::newRow("nbf within leeway")
            << with(QStringLiteral("nbf"), now + 60) << nonce << true << QString();
        QTest::newRow("nbf null") << with(QStringLiteral("nbf"), QJsonValue::Null) << nonce << true
                                  << "claim nbf is not a number";
        QTest::newRow("iat in future") << with(QStringLiteral("iat"), now + 3600) << nonce << true
                                       << "token issued in the future (iat 3600 s ahead)";
        QTest::newRow("iat within leeway")
            << with(QStringLiteral("iat"), now + 30) << nonce << true << QString();
        QTest::newRow("iat long ago")
            << with(QStringLiteral("iat"), 0) << nonce << true << QString();
        QTest::newRow("nonce mismatch") << with(QStringLiteral("nonce"), QStringLiteral("other"))
                                        << nonce << true << "nonce mismatch";
        QTest::newRow("nonce missing") << with(QStringLiteral("nonce"), QJsonValue::Undefined)
                                       << nonce << true << "no nonce claim";
        QTest::newRow("nonce number")
            << with(QStringLiteral("nonce"), 1) << nonce << true << "no nonce claim";
    }

    void claims()
    {
        QFETCH(QJsonObject, claims);
        QFETCH(QString, nonce);
        QFETCH(bool, requireExp);
        QFETCH(QString, reason);
        ClaimsCheck check = claimsCheck();
        check.nonce = nonce;
        check.requireExp = requireExp;
        QString error;
        const bool ok = checkClaims(claims, check, &error);
        if (reason.isEmpty()) {
            QVERIFY2(ok, qPrintable(error));
        } else {
            QVERIFY(!ok);
            QVERIFY2(error.startsWith(QStringLiteral("token claims refused: ")), qPrintable(error));
            QVERIFY2(error.contains(reason), qPrintable(error));
        }
        // The same through verifyJwt, signed for real.
        error.clear();
        const auto verified =
            verifyJwt(signJwt(claims, m_ec), m_keys, {QStringLiteral("ES256")}, check, &error);
        QCOMPARE(verified.has_value(), reason.isEmpty());
        if (!reason.isEmpty())
            QVERIFY2(error.contains(reason), qPrintable(error));
    }

    // The failures of the brief each get their own message, so that a log line tells which.
    void claimsErrorsAreDistinct()
    {
        const QJsonObject good{{QStringLiteral("iss"), QStringLiteral("https://op.example")},
                               {QStringLiteral("aud"), QStringLiteral("app")},
                               {QStringLiteral("exp"), kNow + 300},
                               {QStringLiteral("iat"), kNow},
                               {QStringLiteral("nonce"), QStringLiteral("n")}};
        const auto with = [good](const QString &k, const QJsonValue &v) {
            QJsonObject o = good;
            if (v.isUndefined())
                o.remove(k);
            else
                o.insert(k, v);
            return o;
        };
        const QList<QJsonObject> failures{
            with(QStringLiteral("iss"), QStringLiteral("https://other.example")),
            with(QStringLiteral("aud"), QStringLiteral("other")),
            with(QStringLiteral("aud"), QJsonArray{QStringLiteral("x")}),
            with(QStringLiteral("exp"), kNow - 3600),
            with(QStringLiteral("nbf"), kNow + 3600),
            with(QStringLiteral("iat"), kNow + 3600),
            with(QStringLiteral("nonce"), QStringLiteral("m")),
            with(QStringLiteral("exp"), QJsonValue::Undefined),
            with(QStringLiteral("aud"), QJsonArray{QStringLiteral("app"), QStringLiteral("x")}),
        };
        ClaimsCheck check = claimsCheck();
        check.nonce = QStringLiteral("n");
        QVERIFY(checkClaims(good, check));
        QSet<QString> messages;
        for (const QJsonObject &claims : failures) {
            QString error;
            QVERIFY(!checkClaims(claims, check, &error));
            QVERIFY(!error.isEmpty());
            // Without the numbers and quoted values, which would make any two messages differ.
            error.remove(QRegularExpression(QStringLiteral("[0-9]+|\"[^\"]*\"")));
            messages.insert(error);
        }
        QCOMPARE(messages.size(), failures.size());
    }

    void claimsNeedExpectations()
    {
        QString error;
        ClaimsCheck check = claimsCheck();
        check.audience.clear();
        QVERIFY(!checkClaims({{QStringLiteral("iss"), check.issuer}}, check, &error));
        QVERIFY2(error.contains(QStringLiteral("must be configured")), qPrintable(error));
        check = claimsCheck();
        check.issuer.clear();
        QVERIFY(!checkClaims({{QStringLiteral("aud"), check.audience}}, check, &error));
        QVERIFY2(error.contains(QStringLiteral("must be configured")), qPrintable(error));
    }

    void claimsCurrentTime()
    {
        // now = 0 means the clock.
        ClaimsCheck check = claimsCheck();
        check.now = 0;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject claims{{QStringLiteral("iss"), check.issuer},
                           {QStringLiteral("aud"), check.audience},
                           {QStringLiteral("exp"), now + 120}};
        QVERIFY(checkClaims(claims, check));
        claims.insert(QStringLiteral("exp"), now - 120);
        QVERIFY(!checkClaims(claims, check));
    }

    void jwtPayloadMustBeAnObject()
    {
        QString error;
        QVERIFY(!verifyJwt(signJws({}, "[1,2]", m_ec), m_keys, {QStringLiteral("ES256")},
                           claimsCheck(), &error));
        QVERIFY2(
            error.contains(QStringLiteral("JWT refused: payload: JSON value is not an object")),
            qPrintable(error));
        QVERIFY(!verifyJwt(signJws({}, "{\"iss\":\"a\",\"iss\":\"b\"}", m_ec), m_keys,
                           {QStringLiteral("ES256")}, claimsCheck(), &error));
        QVERIFY2(error.contains(QStringLiteral("duplicate")), qPrintable(error));
    }

    void base64UrlRoundTrip()
    {
        for (int n = 0; n < 70; ++n) {
            const QByteArray data = randomBytes(n);
            const QByteArray text = base64UrlEncode(data);
            QVERIFY(!text.contains('='));
            QVERIFY(!text.contains('+'));
            QVERIFY(!text.contains('/'));
            const auto back = base64UrlDecode(text);
            QVERIFY(back.has_value());
            QCOMPARE(*back, data);
        }
    }

    void pkceRfc7636AppendixB()
    {
        QCOMPARE(pkceChallengeS256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void randomTokens()
    {
        const QByteArray a = randomToken();
        const QByteArray b = randomToken();
        QCOMPARE(a.size(), 43); // 32 bytes
        QVERIFY(a != b);
        QCOMPARE(randomBytes(0), QByteArray());
        QCOMPARE(randomBytes(16).size(), 16);
    }

    void signVerifyRoundTrip_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("ES256") << QStringLiteral("ES256");
        QTest::newRow("RS256") << QStringLiteral("RS256");
    }

    void signVerifyRoundTrip()
    {
        QFETCH(QString, alg);
        const Key key =
            alg == QStringLiteral("ES256") ? Key::generateEs256() : Key::generateRs256();
        QVERIFY(!key.isNull());
        QVERIFY(key.hasPrivate());
        QCOMPARE(key.alg(), alg);
        QCOMPARE(key.kid(), key.thumbprint());
        QCOMPARE(key.kid().size(), 43);

        // Verification uses only the published JWK.
        QString error;
        const Key pub = Key::fromJwk(key.publicJwk(), &error);
        QVERIFY2(!pub.isNull(), qPrintable(error));
        QVERIFY(!pub.hasPrivate());
        QCOMPARE(pub.kid(), key.kid());
        QCOMPARE(pub.thumbprint(), key.thumbprint());
        KeySet keys;
        keys.add(pub);

        const QByteArray payload("any \x00 bytes", 11);
        const QByteArray jws =
            signJws(QJsonObject{{QStringLiteral("typ"), QStringLiteral("x+jwt")}}, payload, key);
        QVERIFY(!jws.isEmpty());
        QCOMPARE(jws.count('.'), 2);
        const QJsonObject header = decodedHeader(jws);
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), alg);
        QCOMPARE(header.value(QStringLiteral("kid")).toString(), key.kid());
        QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("x+jwt"));
        if (alg == QStringLiteral("ES256"))
            QCOMPARE(base64UrlDecode(part(jws, 2))->size(), 64);
        else
            QCOMPARE(base64UrlDecode(part(jws, 2))->size(), 256);

        const auto verified = verifyJws(jws, keys, {alg}, &error);
        QVERIFY2(verified.has_value(), qPrintable(error));
        QCOMPARE(verified->payload, payload);
        QCOMPARE(verified->header, header);

        // A public key cannot sign.
        QVERIFY(signJws({}, payload, pub).isEmpty());

        // JWT with claims.
        const qint64 now = 1700000000;
        const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("https://op.example")},
                                 {QStringLiteral("aud"), QStringLiteral("app")},
                                 {QStringLiteral("sub"), QStringLiteral("42")},
                                 {QStringLiteral("exp"), now + 300},
                                 {QStringLiteral("iat"), now}};
        const QByteArray jwt = signJwt(claims, key);
        QCOMPARE(decodedHeader(jwt).value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
        ClaimsCheck check;
        check.issuer = QStringLiteral("https://op.example");
        check.audience = QStringLiteral("app");
        check.now = now;
        const auto got = verifyJwt(jwt, keys, {alg}, check, &error);
        QVERIFY2(got.has_value(), qPrintable(error));
        QCOMPARE(*got, claims);
    }

    void pemRoundTrip()
    {
        for (const Key &key : {Key::generateEs256(), Key::generateRs256()}) {
            const QByteArray pem = key.toPrivatePem();
            QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
            QString error;
            const Key back = Key::fromPem(pem, &error);
            QVERIFY2(!back.isNull(), qPrintable(error));
            QVERIFY(back.hasPrivate());
            QCOMPARE(back.kid(), key.kid());
            const Key pub = Key::fromPem(key.toPublicPem(), &error);
            QVERIFY2(!pub.isNull(), qPrintable(error));
            QVERIFY(!pub.hasPrivate());
            QCOMPARE(pub.kid(), key.kid());
            QVERIFY(pub.toPrivatePem().isEmpty());

            KeySet keys;
            keys.add(pub);
            QVERIFY(verifyJws(signJws({}, "x", back), keys, {key.alg()}).has_value());
        }
    }

private:
    static constexpr qint64 kNow = 1700000000;

    static ClaimsCheck claimsCheck()
    {
        ClaimsCheck check;
        check.issuer = QStringLiteral("https://op.example");
        check.audience = QStringLiteral("app");
        check.now = kNow;
        return check;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QByteArray readFile(const QString &name) const
    {
        QFile f(path(name));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    void writeFile(const QString &name, const QByteArray &data) const
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(data), data.size());
    }

    // Runs the openssl CLI; true if it exited with 0.
    bool openssl(const QStringList &args, QByteArray *out = nullptr) const
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_openssl, args);
        if (!p.waitForFinished(60000))
            return false;
        const QByteArray output = p.readAll();
        if (out)
            *out = output;
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    // Signs input with SHA-256 by the openssl CLI; ECDSA signatures converted to raw r||s.
    QByteArray opensslSign(const QString &keyFile, const QByteArray &input, bool isEc) const
    {
        QFile in(path(QStringLiteral("to-sign")));
        if (!in.open(QIODevice::WriteOnly | QIODevice::Truncate) || in.write(input) != input.size())
            return {};
        in.close();
        if (!openssl({"dgst", "-sha256", "-sign", path(keyFile), "-out", path("signed"),
                      path("to-sign")}))
            return {};
        const QByteArray sig = readFile(QStringLiteral("signed"));
        return isEc ? derToRaw(sig) : sig;
    }

    QTemporaryDir m_dir;
    QString m_openssl;
    Key m_ec;
    Key m_rsa;
    KeySet m_keys;
};

QTEST_GUILESS_MAIN(TestJose)
#include "tst_jose.moc"
