#pragma once

class QCoreApplication;

namespace hues::server {

// The whole life of a hues-server process: options, database, migrations, seed, routes,
// listen, run until SIGTERM/SIGINT. Returns the process exit code.
int runServer(QCoreApplication &app);

} // namespace hues::server
