#pragma once

namespace hues::server {

class Database;
class Router;
namespace auth {
class AuthService;
} // namespace auth

// What route handlers may use. Grows with the features (sessions, alert hub, ...).
struct ServerContext
{
    Database &db;
    // The OpenID Provider: sign-on routes, and requireBearer() for every protected route.
    auth::AuthService *auth = nullptr;
};

// One function per feature, each in its own file under routes/.
void registerHealthRoutes(Router &router, ServerContext &context);
void registerDirectoryRoutes(Router &router, ServerContext &context);
void registerOidcRoutes(Router &router, ServerContext &context);
void registerDeviceRoutes(Router &router, ServerContext &context);
void registerAccountRoutes(Router &router, ServerContext &context);

// Registers every feature's routes.
void registerAllRoutes(Router &router, ServerContext &context);

} // namespace hues::server
