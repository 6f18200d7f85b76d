#include "db/Database.h"
#include "http/Router.h"
#include "routes/Routes.h"

#include <QJsonObject>

namespace hues::server {

void registerHealthRoutes(Router &router, ServerContext &context)
{
    router.get(QStringLiteral("/healthz"), [&context](const Request &) {
        return Response::json(QJsonObject{
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("version"), QStringLiteral(HUES_VERSION)},
            {QStringLiteral("database"), context.db.kindName()},
        });
    });
}

} // namespace hues::server
