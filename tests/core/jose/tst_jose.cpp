#include "jose/Jose.h"

#include <QJsonArray>
#include <QJsonDocument>
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

} // namespace

// Tests of the JOSE library against RFC vectors, the openssl command line and hostile input.
class TestJose : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestJose)
#include "tst_jose.moc"
