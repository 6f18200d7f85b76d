#include "OidcProviderInfo.h"

#include "logging.h"
#include "net/ApiClient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QTimer>

namespace auth {

namespace {

bool isLoopbackHost(const QUrl &url)
{
    return url.host() == QLatin1String("localhost") || QHostAddress(url.host()).isLoopback();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString())
            out << v.toString();
    }
    return out;
}

} // namespace

QStringList OidcProviderInfo::acceptedIdTokenAlgs()
{
    return {QStringLiteral("ES256"), QStringLiteral("RS256")};
}

bool OidcProviderInfo::isAcceptableIssuer(const QString &issuer, QString *why)
{
    auto fail = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    const QUrl url(issuer, QUrl::StrictMode);
    if (issuer.isEmpty() || !url.isValid() || url.host().isEmpty())
        return fail(QStringLiteral("the issuer '%1' is not a URL").arg(issuer));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("the issuer must have no user, query or fragment"));
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url))
        return true;
    return fail(QStringLiteral("the issuer must use https (http only on a loopback address)"));
}

QUrl OidcProviderInfo::discoveryUrl(const QString &issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"), QUrl::StrictMode);
}

std::optional<OidcProviderInfo> OidcProviderInfo::fromDiscovery(const QJsonObject &doc,
                                                                const QString &expectedIssuer,
                                                                QString *error)
{
    auto fail = [error](const QString &text) -> std::optional<OidcProviderInfo> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    QString why;
    if (!isAcceptableIssuer(expectedIssuer, &why))
        return fail(why);
    // Discovery §4.3: the issuer MUST be identical to the one the document was fetched for,
    // or a provider could speak for another one.
    const QJsonValue issuerValue = doc.value(QLatin1String("issuer"));
    if (!issuerValue.isString() || issuerValue.toString() != expectedIssuer)
        return fail(QStringLiteral("the document is for issuer '%1', not '%2'")
                        .arg(issuerValue.toString().left(200), expectedIssuer));

    const bool loopbackIssuer = QUrl(expectedIssuer).scheme() == QLatin1String("http");
    bool endpointsOk = true;
    auto endpoint = [&](const char *name, bool required) {
        const QJsonValue value = doc.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                why = QStringLiteral("'%1' is missing").arg(QLatin1String(name));
                endpointsOk = false;
            }
            return QUrl();
        }
        const QUrl url(value.toString(), QUrl::StrictMode);
        const bool schemeOk =
            url.scheme() == QLatin1String("https") ||
            (loopbackIssuer && url.scheme() == QLatin1String("http") && isLoopbackHost(url));
        if (!value.isString() || !url.isValid() || url.host().isEmpty() || !schemeOk ||
            !url.userInfo().isEmpty() || url.hasFragment()) {
            if (endpointsOk)
                why = QStringLiteral("'%1' is not an https URL").arg(QLatin1String(name));
            endpointsOk = false;
            return QUrl();
        }
        return url;
    };

    OidcProviderInfo info;
    info.issuer = expectedIssuer;
    info.authorizationEndpoint = endpoint("authorization_endpoint", true);
    info.tokenEndpoint = endpoint("token_endpoint", true);
    info.jwksUri = endpoint("jwks_uri", true);
    info.userinfoEndpoint = endpoint("userinfo_endpoint", false);
    info.revocationEndpoint = endpoint("revocation_endpoint", false);
    info.endSessionEndpoint = endpoint("end_session_endpoint", false);
    info.deviceAuthorizationEndpoint = endpoint("device_authorization_endpoint", false);
    if (!endpointsOk)
        return fail(why);

    // RFC 7636 + RFC 8414 §2: no code_challenge_methods_supported means no PKCE.
    if (!stringList(doc.value(QLatin1String("code_challenge_methods_supported")))
             .contains(QLatin1String("S256")))
        return fail(QStringLiteral("the provider does not support PKCE with S256"));
    const QJsonValue responseTypes = doc.value(QLatin1String("response_types_supported"));
    if (!responseTypes.isUndefined() && !stringList(responseTypes).contains(QLatin1String("code")))
        return fail(QStringLiteral("the provider does not support the authorization code flow"));
    const QStringList algs =
        stringList(doc.value(QLatin1String("id_token_signing_alg_values_supported")));
    for (const QString &alg : acceptedIdTokenAlgs()) {
        if (algs.contains(alg))
            info.idTokenAlgs << alg;
    }
    if (info.idTokenAlgs.isEmpty())
        return fail(QStringLiteral("the provider signs ID tokens with none of ES256, RS256"));
    return info;
}

QJsonObject OidcProviderInfo::toJson() const
{
    auto str = [](const QUrl &url) {
        return url.isEmpty() ? QJsonValue() : QJsonValue(url.toString());
    };
    QJsonObject o{
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), str(authorizationEndpoint)},
        {QStringLiteral("token_endpoint"), str(tokenEndpoint)},
        {QStringLiteral("jwks_uri"), str(jwksUri)},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("id_token_signing_alg_values_supported"),
         QJsonArray::fromStringList(idTokenAlgs)},
    };
    auto optional = [&o, &str](const char *name, const QUrl &url) {
        if (!url.isEmpty())
            o.insert(QLatin1String(name), str(url));
    };
    optional("userinfo_endpoint", userinfoEndpoint);
    optional("revocation_endpoint", revocationEndpoint);
    optional("end_session_endpoint", endSessionEndpoint);
    optional("device_authorization_endpoint", deviceAuthorizationEndpoint);
    return o;
}

std::optional<OidcProviderInfo> OidcProviderInfo::fromJson(const QJsonObject &json)
{
    // What we stored went through fromDiscovery(); checking it again costs nothing.
    return fromDiscovery(json, json.value(QLatin1String("issuer")).toString(), nullptr);
}

DiscoveryReply *DiscoveryReply::fetch(net::ApiClient *client, const QString &issuer,
                                      QObject *parent)
{
    auto *self = new DiscoveryReply(parent);
    QString why;
    if (!OidcProviderInfo::isAcceptableIssuer(issuer, &why)) {
        QTimer::singleShot(
            0, self, [self, why] { self->complete(AuthError::make(AuthError::BadProvider, why)); });
        return self;
    }
    net::ApiRequest request;
    request.url = OidcProviderInfo::discoveryUrl(issuer);
    self->m_reply = client->send(request);
    connect(self->m_reply, &net::ApiReply::finished, self, [self, issuer] {
        net::ApiReply *reply = self->m_reply;
        reply->deleteLater();
        if (!reply->isOk()) {
            AuthError error = AuthError::fromReply(reply->error(), QStringLiteral("discovery"));
            // Not an OAuth endpoint: an HTTP error is just unreachable, an odd body is unusable.
            if (error.kind != AuthError::Cancelled)
                error.kind = reply->error().kind == net::ApiError::BadResponse
                                 ? AuthError::BadProvider
                                 : AuthError::Network;
            self->complete(error);
            return;
        }
        QString error;
        const auto info = OidcProviderInfo::fromDiscovery(reply->json().object(), issuer, &error);
        if (!info) {
            self->complete(AuthError::make(AuthError::BadProvider, error));
            return;
        }
        self->m_info = *info;
        self->complete({});
    });
    return self;
}

void DiscoveryReply::abort()
{
    if (m_finished)
        return;
    if (m_reply)
        m_reply->abort(); // finishes with Cancelled
    else
        complete(AuthError::make(AuthError::Cancelled, QStringLiteral("discovery cancelled")));
}

void DiscoveryReply::complete(const AuthError &error)
{
    if (m_finished)
        return;
    m_error = error;
    if (error.isError())
        qCInfo(lcAuth) << "discovery failed:" << error.detail;
    m_finished = true;
    Q_EMIT finished();
}

} // namespace auth
