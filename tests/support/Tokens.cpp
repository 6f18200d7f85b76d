#include "Tokens.h"

#include "jose/Jose.h"

#include <QRandomGenerator>
#include <QUrlQuery>

namespace hues::test {

HeaderList bearer(const QString &token)
{
    return {qMakePair(QByteArray("Authorization"), "Bearer " + token.toLatin1())};
}

QString signIn(const TestServer &server, const QString &username, const QString &password)
{
    Browser browser;
    const QString verifier = QString::fromLatin1(jose::randomToken(32));
    const QString redirect = QStringLiteral("http://127.0.0.1:%1/callback")
                                 .arg(QRandomGenerator::global()->bounded(20000, 60000));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("hues-app"));
    query.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid profile"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromLatin1(jose::pkceChallengeS256(verifier.toLatin1())));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QUrl url = server.url(QStringLiteral("/oauth2/authorize"));
    url.setQuery(query);
    const HttpResult answer = browser.signIn(url, username, password);
    const QString code = QUrlQuery(QUrl::fromEncoded(answer.header("Location")))
                             .queryItemValue(QStringLiteral("code"));
    const HttpResult token = httpRequest(
        "POST", server.url(QStringLiteral("/oauth2/token")),
        formEncode({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                    {QStringLiteral("client_id"), QStringLiteral("hues-app")},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("redirect_uri"), redirect},
                    {QStringLiteral("code_verifier"), verifier}}),
        {qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded"))});
    return token.object().value(QStringLiteral("access_token")).toString();
}

QString partnerToken(const TestServer &server)
{
    const HttpResult token = httpRequest(
        "POST", server.url(QStringLiteral("/oauth2/token")),
        formEncode({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                    {QStringLiteral("client_id"), QStringLiteral("evn-hue")},
                    {QStringLiteral("client_secret"), QStringLiteral("evn-hue-demo-secret")},
                    {QStringLiteral("scope"), QStringLiteral("alerts:publish")}}),
        {qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded"))});
    return token.object().value(QStringLiteral("access_token")).toString();
}

} // namespace hues::test
