// Protected APIs about accounts: the caller's profile, and the client registry for IOC staff.
#include "auth/AuthService.h"
#include "db/Database.h"
#include "http/Router.h"
#include "routes/Routes.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace hues::server {

using namespace auth;

void registerAccountRoutes(Router &router, ServerContext &context)
{
    AuthService &auth = *context.auth;
    // The signed-in person's profile; claims beyond name and role follow the token's scopes.
    router.get(QStringLiteral("/api/v1/me"), [&auth](const Request &request) {
        const BearerCheck caller = auth.requireBearer(request, Requirement::anyPerson());
        if (!caller)
            return caller.error;
        const std::optional<Account> account = auth.accounts().byId(caller.token->subject);
        if (!account)
            return Response::error(404, QStringLiteral("not_found"),
                                   QStringLiteral("the account no longer exists"));
        QJsonObject profile = account->claims(caller.token->scopes);
        profile.insert(QStringLiteral("name"), account->name);
        profile.insert(QStringLiteral("preferred_username"), account->username);
        profile.insert(QStringLiteral("role"), account->role);
        return Response::json(profile);
    });
    // The registered OAuth clients (never their secrets), for IOC staff.
    router.get(QStringLiteral("/api/v1/admin/clients"), [&auth](const Request &request) {
        const BearerCheck caller =
            auth.requireBearer(request, Requirement::withRole({QStringLiteral("ioc_staff")}));
        if (!caller)
            return caller.error;
        QSqlQuery query(auth.db().connection());
        if (!auth.db().exec(query, QStringLiteral("SELECT client_id, name, client_type, "
                                                  "grant_types, scopes FROM oauth_clients "
                                                  "ORDER BY client_id")))
            return Response::error(500, QStringLiteral("database_error"),
                                   QStringLiteral("the clients cannot be read"));
        QJsonArray clients;
        while (query.next()) {
            clients.append(QJsonObject{
                {QStringLiteral("client_id"), query.value(0).toString()},
                {QStringLiteral("name"), query.value(1).toString()},
                {QStringLiteral("client_type"), query.value(2).toString()},
                {QStringLiteral("grant_types"),
                 QJsonArray::fromStringList(
                     query.value(3).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))},
                {QStringLiteral("scopes"),
                 QJsonArray::fromStringList(
                     query.value(4).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))},
            });
        }
        return Response::json(clients);
    });
}

} // namespace hues::server
