#include "auth/Clients.h"

#include "auth/Http.h"
#include "auth/PasswordHash.h"
#include "db/Database.h"

#include <QSqlQuery>

namespace hues::server::auth {

namespace {

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The "http://127.0.0.1" or "http://[::1]" prefix of a registered loopback URI without a port,
// or "" for any other URI.
QString loopbackPrefix(const QString &uri)
{
    for (const char *prefix : {"http://127.0.0.1/", "http://[::1]/"}) {
        const QString p = QString::fromLatin1(prefix);
        if (uri.startsWith(p))
            return p.chopped(1);
    }
    return {};
}

} // namespace

bool OAuthClient::uriMatches(const QStringList &registered, const QString &requested)
{
    if (requested.isEmpty())
        return false;
    if (registered.contains(requested))
        return true;
    // Loopback: the same text with ":port" inserted after the host; nothing else may differ.
    for (const QString &candidate : registered) {
        const QString prefix = loopbackPrefix(candidate);
        if (prefix.isEmpty() || !requested.startsWith(prefix + QLatin1Char(':')))
            continue;
        const QString rest = requested.mid(prefix.size() + 1);
        qsizetype digits = 0;
        while (digits < rest.size() && digits < 6 && rest.at(digits).isDigit() &&
               rest.at(digits).unicode() < 128)
            ++digits;
        const int port = rest.left(digits).toInt();
        if (digits == 0 || rest.at(0) == QLatin1Char('0') || port < 1 || port > 65535)
            continue;
        if (rest.mid(digits) == candidate.mid(prefix.size()))
            return true;
    }
    return false;
}

std::optional<OAuthClient> Clients::find(const QString &clientId) const
{
    if (clientId.isEmpty() || clientId.size() > 200)
        return std::nullopt;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT client_id, name, client_type, secret_hash, "
                                  "redirect_uris, post_logout_redirect_uris, grant_types, scopes "
                                  "FROM oauth_clients WHERE client_id = ?"),
                   {clientId}) ||
        !query.next())
        return std::nullopt;
    OAuthClient client;
    client.id = query.value(0).toString();
    client.name = query.value(1).toString();
    client.confidential = query.value(2).toString() == u"confidential";
    client.secretHash = query.value(3).toString();
    client.redirectUris = words(query.value(4).toString());
    client.postLogoutRedirectUris = words(query.value(5).toString());
    client.grantTypes = words(query.value(6).toString());
    client.scopes = words(query.value(7).toString());
    return client;
}

Clients::Authenticated Clients::authenticate(const Request &request, const FormData &form) const
{
    Authenticated result;
    QString basicId;
    QString basicSecret;
    bool malformed = false;
    result.basic = basicCredentials(request, &basicId, &basicSecret, &malformed);
    const auto fail = [&result](const QString &error, const QString &description) {
        result.client.reset();
        result.error = error;
        result.description = description;
        return result;
    };
    if (malformed)
        return fail(QStringLiteral("invalid_client"),
                    QStringLiteral("the Basic Authorization header cannot be read"));
    if (result.basic && form.has(QStringLiteral("client_secret")))
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("use one client authentication method, not two"));
    if (result.basic && form.has(QStringLiteral("client_id")) &&
        form.value(QStringLiteral("client_id")) != basicId)
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("client_id differs from the authenticated client"));
    const QString id = result.basic ? basicId : form.value(QStringLiteral("client_id"));
    const QString secret = result.basic ? basicSecret : form.value(QStringLiteral("client_secret"));
    if (id.isEmpty())
        return fail(QStringLiteral("invalid_client"), QStringLiteral("client_id is missing"));
    const std::optional<OAuthClient> client = find(id);
    if (!client) {
        if (!secret.isEmpty())
            PasswordHash::burn(secret.toUtf8());
        return fail(QStringLiteral("invalid_client"), QStringLiteral("unknown client"));
    }
    if (client->confidential) {
        if (secret.isEmpty())
            return fail(QStringLiteral("invalid_client"),
                        QStringLiteral("this client must authenticate with its secret"));
        if (!PasswordHash::verify(secret.toUtf8(), client->secretHash.toUtf8()))
            return fail(QStringLiteral("invalid_client"),
                        QStringLiteral("client authentication failed"));
    } else if (!secret.isEmpty()) {
        return fail(QStringLiteral("invalid_client"),
                    QStringLiteral("a public client has no secret"));
    }
    result.client = client;
    return result;
}

} // namespace hues::server::auth
