#pragma once

// A scripted OpenID Provider for the auth tests, on HttpStub: discovery, JWKS, authorization
// (as a function the test's "browser" calls), token endpoint (code with PKCE, refresh with
// rotation, device code), revocation, userinfo and one protected API route. ID tokens are
// signed with jose keys and can be bent by a hook to show every refusal.
#include "HttpStub.h"
#include "jose/Jose.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>

namespace authtest {

class FakeProvider
{
public:
    struct Code
    {
        QString clientId, redirectUri, challenge, nonce, sub;
        bool used = false;
    };
    struct Refresh
    {
        QString sub;
        int family = 0;
        bool used = false;
    };

    HttpStub stub;
    jose::Key key = jose::Key::generateEs256();
    jose::KeySet published; // what /jwks serves; defaults to {key}
    QString clientId = QStringLiteral("hues-app");
    QString sub = QStringLiteral("citizen-1");
    int expiresIn = 300;
    bool rotate = true;
    QJsonObject discoveryOverride; // members replacing the generated document's
    // Bends each ID token: claims and header before signing; may replace the whole token.
    std::function<void(QJsonObject &claims, QByteArray &token)> idTokenHook;
    // Replaces the token endpoint's answer when set.
    std::function<QByteArray(const StubRequest &)> tokenOverride;
    QMap<QString, Code> codes;
    QMap<QString, Refresh> refreshTokens;
    QSet<QString> accessTokens;
    QSet<int> revokedFamilies;
    QStringList revoked;
    int nextFamily = 1;
    QJsonObject userinfo{{"name", QString::fromUtf8("Nguyễn Thị Hương")},
                         {"citizen_id", "046190001234"},
                         {"phone_number", "+84905123456"}};
    // Device grant: what /token answers to each device_code poll, in turn (last repeats).
    QStringList devicePolls;
    int deviceInterval = 1;
    int deviceExpiresIn = 600;

    FakeProvider()
    {
        published.add(key);
        stub.route("/.well-known/openid-configuration", [this](const StubRequest &) {
            QJsonObject doc = discovery();
            for (auto it = discoveryOverride.begin(); it != discoveryOverride.end(); ++it)
                doc.insert(it.key(), it.value());
            return jsonResponse(200, doc);
        });
        stub.route("/jwks",
                   [this](const StubRequest &) { return jsonResponse(200, published.toJwks()); });
        stub.route("/token", [this](const StubRequest &r) { return token(r); });
        stub.route("/revoke", [this](const StubRequest &r) {
            const QString t = r.form().queryItemValue("token", QUrl::FullyDecoded);
            revoked << t;
            if (refreshTokens.contains(t))
                revokedFamilies.insert(refreshTokens[t].family);
            accessTokens.remove(t);
            return httpResponse(200, {});
        });
        stub.route("/userinfo", [this](const StubRequest &r) {
            if (!authorized(r))
                return jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
            QJsonObject o = userinfo;
            if (!o.contains("sub"))
                o.insert("sub", sub);
            return jsonResponse(200, o);
        });
        stub.route("/api/v1/me", [this](const StubRequest &r) {
            if (!authorized(r))
                return jsonResponse(401, QJsonObject{{"error", "invalid_token"}});
            return jsonResponse(200, QJsonObject{{"sub", sub}});
        });
        stub.route("/device", [this](const StubRequest &) {
            return jsonResponse(200, QJsonObject{{"device_code", "dev-code-1"},
                                                 {"user_code", "WDJB-MJHT"},
                                                 {"verification_uri", QString(issuer() + "/device/verify")},
                                                 {"verification_uri_complete",
                                                  QString(issuer() + "/device/verify?user_code=WDJB-MJHT")},
                                                 {"expires_in", deviceExpiresIn},
                                                 {"interval", deviceInterval}});
        });
    }

    QString issuer() const { return stub.base(); }

    QJsonObject discovery() const
    {
        const QString i = issuer();
        return QJsonObject{
            {"issuer", i},
            {"authorization_endpoint", QString(i + "/authorize")},
            {"token_endpoint", QString(i + "/token")},
            {"jwks_uri", QString(i + "/jwks")},
            {"userinfo_endpoint", QString(i + "/userinfo")},
            {"revocation_endpoint", QString(i + "/revoke")},
            {"end_session_endpoint", QString(i + "/logout")},
            {"device_authorization_endpoint", QString(i + "/device")},
            {"response_types_supported", QJsonArray{"code"}},
            {"code_challenge_methods_supported", QJsonArray{"S256"}},
            {"id_token_signing_alg_values_supported", QJsonArray{"ES256", "RS256"}},
        };
    }

    bool authorized(const StubRequest &r) const
    {
        const QByteArray h = r.headers.value("authorization");
        return h.startsWith("Bearer ") && accessTokens.contains(QString::fromLatin1(h.mid(7)));
    }

    // The user signs in and consents: the redirect the browser would follow.
    QUrl authorize(const QUrl &authorizationUrl)
    {
        const QUrlQuery q(authorizationUrl);
        const QString code = QString::fromLatin1(jose::randomToken(16));
        codes.insert(code, Code{q.queryItemValue("client_id", QUrl::FullyDecoded),
                                q.queryItemValue("redirect_uri", QUrl::FullyDecoded),
                                q.queryItemValue("code_challenge", QUrl::FullyDecoded),
                                q.queryItemValue("nonce", QUrl::FullyDecoded), sub});
        QUrl back(q.queryItemValue("redirect_uri", QUrl::FullyDecoded));
        QUrlQuery bq;
        bq.addQueryItem("code", code);
        bq.addQueryItem("state", q.queryItemValue("state", QUrl::FullyDecoded));
        back.setQuery(bq);
        return back;
    }

    QByteArray idToken(const QString &nonce, const QString &subject)
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QJsonObject claims{{"iss", issuer()},
                           {"sub", subject},
                           {"aud", clientId},
                           {"exp", now + 300},
                           {"iat", now}};
        if (!nonce.isEmpty())
            claims.insert("nonce", nonce);
        QByteArray token;
        if (idTokenHook)
            idTokenHook(claims, token);
        if (token.isEmpty())
            token = jose::signJwt(claims, key);
        return token;
    }

    QByteArray issue(const QString &subject, const QString &nonce, int family, bool withId)
    {
        const QString access = QString::fromLatin1(jose::randomToken(24));
        accessTokens.insert(access);
        const QString refresh = QString::fromLatin1(jose::randomToken(24));
        refreshTokens.insert(refresh, Refresh{subject, family});
        QJsonObject o{{"access_token", access},
                      {"token_type", "Bearer"},
                      {"expires_in", expiresIn},
                      {"refresh_token", refresh}};
        if (withId)
            o.insert("id_token", QString::fromLatin1(idToken(nonce, subject)));
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    static QByteArray oauthError(const char *code, int status = 400)
    {
        return jsonResponse(status, QJsonObject{{"error", code}});
    }

    QByteArray token(const StubRequest &r)
    {
        if (tokenOverride)
            return tokenOverride(r);
        const QUrlQuery f = r.form();
        auto v = [&f](const char *k) { return f.queryItemValue(k, QUrl::FullyDecoded); };
        if (r.headers.contains("authorization"))
            return oauthError("invalid_client", 401); // a public client has no secret
        if (v("client_id") != clientId)
            return oauthError("invalid_client", 401);
        const QString grant = v("grant_type");
        if (grant == "authorization_code") {
            auto it = codes.find(v("code"));
            if (it == codes.end() || it->used)
                return oauthError("invalid_grant");
            it->used = true;
            if (it->redirectUri != v("redirect_uri") || it->clientId != v("client_id"))
                return oauthError("invalid_grant");
            const QByteArray verifier = v("code_verifier").toLatin1();
            if (verifier.size() < 43 || verifier.size() > 128 ||
                jose::pkceChallengeS256(verifier) != it->challenge.toLatin1())
                return oauthError("invalid_grant");
            return httpResponse(200, issue(it->sub, it->nonce, nextFamily++, true));
        }
        if (grant == "refresh_token") {
            auto it = refreshTokens.find(v("refresh_token"));
            if (it == refreshTokens.end() || revokedFamilies.contains(it->family))
                return oauthError("invalid_grant");
            if (it->used) { // reuse: the whole family goes
                revokedFamilies.insert(it->family);
                return oauthError("invalid_grant");
            }
            if (rotate)
                it->used = true;
            const Refresh old = *it;
            QJsonObject o = QJsonDocument::fromJson(issue(old.sub, {}, old.family, true)).object();
            if (!rotate)
                o.remove("refresh_token");
            return httpResponse(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        if (grant == "urn:ietf:params:oauth:grant-type:device_code") {
            if (v("device_code") != "dev-code-1")
                return oauthError("invalid_grant");
            ++devicePollCount;
            const QString answer =
                devicePolls.isEmpty()
                    ? QStringLiteral("ok")
                    : devicePolls.value(qMin(devicePollCount, int(devicePolls.size())) - 1);
            if (answer != "ok")
                return oauthError(answer.toLatin1().constData());
            return httpResponse(200, issue(sub, {}, nextFamily++, true));
        }
        return oauthError("unsupported_grant_type");
    }
    int devicePollCount = 0;
};

// The test's browser: follows the provider's redirect to the loopback receiver with plain HTTP
// (optionally bent by `bend`), asynchronously, as a real browser would.
class FakeBrowser
{
public:
    FakeProvider *provider = nullptr;
    std::function<QUrl(QUrl)> bend; // changes the redirect before it is followed
    bool works = true;
    QList<QUrl> opened;
    int callbackStatus = 0;
    QByteArray callbackPage;

    std::function<bool(const QUrl &)> function()
    {
        return [this](const QUrl &url) {
            opened << url;
            if (!works)
                return false;
            QUrl back = provider->authorize(url);
            if (bend)
                back = bend(back);
            QNetworkReply *reply = m_nam.get(QNetworkRequest(back));
            QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
                callbackStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                callbackPage = reply->readAll();
                reply->deleteLater();
            });
            return true;
        };
    }

private:
    QNetworkAccessManager m_nam;
};

} // namespace authtest
