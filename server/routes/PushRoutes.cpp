// The push stream's HTTP side: socket tokens for personal events, and the plain GET of the
// stream's path (the WebSocket upgrade itself never reaches the router: the ConnectionGuard
// hands it to push::PushHub).
#include "auth/AuthService.h"
#include "http/Router.h"
#include "push/PushHub.h"
#include "routes/Routes.h"

#include <QHttpServerRequest>
#include <QJsonObject>

namespace hues::server {

void registerPushRoutes(Router &router, ServerContext &context)
{
    ServerContext *ctx = &context;
    // A single-use token (60 s) that opens the stream with the caller's personal events.
    router.post(QStringLiteral("/api/v1/push/token"), [ctx](const Request &request) {
        const auth::BearerCheck caller =
            ctx->auth->requireBearer(request, auth::Requirement::anyPerson());
        if (!caller)
            return caller.error;
        const std::optional<QByteArray> token = ctx->push->issueToken(caller.token->subject);
        if (!token)
            return Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("the socket token cannot be stored"));
        Response response = Response::json(QJsonObject{
            {QStringLiteral("token"), QString::fromLatin1(*token)},
            {QStringLiteral("expires_in"), int(push::PushHub::kTokenLifetimeMs / 1000)}});
        response.headers.append(
            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
        return response;
    });
    router.get(QStringLiteral("/api/v1/push"), [](const Request &request) {
        // An upgrade that arrives here was pipelined behind other requests.
        if (!request.raw.value("Upgrade").isEmpty())
            return Response::error(400, QStringLiteral("bad_request"),
                                   QStringLiteral("send the WebSocket upgrade as the first "
                                                  "request of a new connection"));
        Response response =
            Response::error(426, QStringLiteral("upgrade_required"),
                            QStringLiteral("this is a WebSocket endpoint (RFC 6455): send "
                                           "Upgrade: websocket"));
        response.headers.append({QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket")});
        response.headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("Upgrade")});
        return response;
    });
}

} // namespace hues::server
