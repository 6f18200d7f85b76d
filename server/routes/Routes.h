#pragma once

namespace hues::server {

class Database;
class Router;

// What route handlers may use. Grows with the features (sessions, alert hub, ...).
struct ServerContext
{
    Database &db;
};

// One function per feature, each in its own file under routes/.
void registerHealthRoutes(Router &router, ServerContext &context);
void registerDirectoryRoutes(Router &router, ServerContext &context);

// Registers every feature's routes.
void registerAllRoutes(Router &router, ServerContext &context);

} // namespace hues::server
