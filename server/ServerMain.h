#pragma once

class QCoreApplication;

namespace hues::server {

// What must be set before the QCoreApplication exists: Qt's poll-based event dispatcher rather
// than glib's, whose cost per socket notifier change grows with the number of sockets (with
// 5000 push clients one event's fan-out took 140 ms instead of 10 ms). QT_NO_GLIB set in the
// environment wins.
void prepareProcess();

// The whole life of a hues-server process: options, database, migrations, seed, routes,
// listen, run until SIGTERM/SIGINT. Returns the process exit code.
int runServer(QCoreApplication &app);

} // namespace hues::server
