#include "ServerMain.h"

#include "ServerOptions.h"
#include "SignalWatcher.h"
#include "alerts/AlertService.h"
#include "auth/AuthService.h"
#include "db/Database.h"
#include "db/DemoSeed.h"
#include "db/Idempotency.h"
#include "db/Migrations.h"
#include "http/HttpServer.h"
#include "logging.h"
#include "open311/ReportService.h"
#include "payments/PaymentService.h"
#include "push/PushHub.h"
#include "routes/Routes.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryFile>

#include <cstdio>

namespace hues::server {

namespace {

int fail(const QString &message, int code = 1)
{
    std::fprintf(stderr, "hues-server: error: %s\n", qUtf8Printable(message));
    std::fflush(stderr);
    return code;
}

bool prepareDataDir(const QString &path, QString *error)
{
    QDir dir(path);
    if (!dir.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot create data directory %1").arg(path);
        return false;
    }
    QTemporaryFile probe(dir.filePath(QStringLiteral(".write-test-XXXXXX")));
    if (!probe.open()) {
        *error =
            QStringLiteral("data directory %1 is not writable: %2").arg(path, probe.errorString());
        return false;
    }
    return true;
}

QString hostForUrl(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QLatin1Char('[') + address.toString() + QLatin1Char(']');
    return address.toString();
}

} // namespace

void prepareProcess()
{
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

int runServer(QCoreApplication &app)
{
    ServerOptions options;
    QString error;
    bool exitNow = false;
    if (!ServerOptions::parse(app.arguments(), &options, &error, &exitNow))
        return fail(error + QStringLiteral(" (see --help)"), 2);
    if (exitNow)
        return 0;

    if (!prepareDataDir(options.dataDir, &error))
        return fail(error);

    Database db;
    if (!db.open(options.dataDir, options.databaseUrl))
        return fail(db.errorString());
    if (!Migrations::run(db, &error))
        return fail(error);
    if (options.seed == u"demo" && !DemoSeed::run(db, &error))
        return fail(error);

    auth::AuthService auth(db, options.dataDir);
    if (!auth.init(&error))
        return fail(error);

    if (!Idempotency::purge(db))
        return fail(QStringLiteral("cannot purge old idempotency keys: ") + db.errorString());
    open311::ReportService reports(db);

    push::PushOptions pushOptions;
    pushOptions.allowedOrigins = options.allowedOrigins;
    pushOptions.pingIntervalMs = options.pushPingMs;
    pushOptions.silenceTimeoutMs = options.pushPingMs * 5 / 2;
    pushOptions.maxPerAddress = options.pushMaxPerAddress;
    // Declared before the HTTP server: its connections (and their sockets) go first.
    push::PushHub hub(db, pushOptions);
    if (!hub.start(options.dataDir, options.databaseUrl, &error))
        return fail(error);
    reports.setPushHub(&hub);
    alerting::AlertService alerts(db, hub);
    payments::PaymentService gateway(
        db, &hub, payments::createBankLink({options.bankWebhookSecret.toUtf8()}));

    ConnectionLimits limits;
    limits.maxBodyBytes = options.maxBodyBytes;
    limits.idleTimeoutMs = options.idleTimeoutMs;
    // Report uploads (up to 3 photos) and alert submissions (a photo) may be larger; decided from
    // the request line, before the body is read.
    for (const char *path :
         {"/open311/v2/requests.json", "/open311/v2/requests.xml", "/api/v1/alert-submissions"})
        limits.routeBodyLimits.append({"POST", path, options.maxUploadBytes});
    // The push stream's WebSocket upgrades go to the hub before QtHttpServer sees them.
    limits.upgradeRoutes.append(
        {"/api/v1/push", [&hub](QTcpSocket *socket, const UpgradeRequest &request) {
             hub.acceptUpgrade(socket, request);
         }});
    HttpServer server(limits);
    ServerContext context{db,   &auth,   &reports, options.open311ApiKey, options.maxUploadBytes,
                          &hub, &alerts, &gateway};
    registerAllRoutes(server.router(), context);
    if (!server.listenOn(options.address, options.port)) {
        return fail(QStringLiteral("cannot listen on %1:%2: %3")
                        .arg(hostForUrl(options.address))
                        .arg(options.port)
                        .arg(server.errorString()));
    }

    SignalWatcher watcher;
    if (!watcher.isValid())
        return fail(QStringLiteral("cannot install signal handlers"));
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &app, [](int signal) {
        qCInfo(lcServer) << "signal" << signal << "received, stopping";
        QCoreApplication::quit();
    });

    // The first line of stdout is the address: test harnesses and scripts wait for it.
    const QString url =
        QStringLiteral("http://%1:%2").arg(hostForUrl(options.address)).arg(server.port());
    auth.setIssuer(options.issuer.isEmpty() ? url : options.issuer);
    hub.setOwnOrigin(auth.issuer());
    std::fprintf(stdout, "%s\n", qUtf8Printable(url));
    std::fflush(stdout);
    qCInfo(lcServer).noquote() << "hues-server" << HUES_VERSION << "listening on" << url
                               << "database" << db.kindName();

    const int code = app.exec();
    qCInfo(lcServer) << "stopped";
    return code;
}

} // namespace hues::server
