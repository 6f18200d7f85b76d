#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace hues::server {

// The command line of hues-server.
struct ServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8080;
    QString dataDir;
    QString seed;        // "" or "demo"
    QString databaseUrl; // "" means SQLite in dataDir
    qint64 maxBodyBytes = 1024 * 1024;
    int idleTimeoutMs = 30 * 1000;
    QString issuer; // "" means the listening address (http://127.0.0.1:PORT)
    qint64 maxUploadBytes = 12 * 1024 * 1024; // body limit of POST /open311/v2/requests.*
    QString open311ApiKey; // "" = api_key optional; else POST requests must send it
    // Origins of browser pages allowed to open the push stream besides the server's own.
    QStringList allowedOrigins;
    int pushPingMs = 30 * 1000; // the push stream pings every client this often
    int pushMaxPerAddress = 64; // open push connections one client address may hold
    // HMAC-SHA256 key of the bank's payment notifications (--bank-webhook-secret, else env
    // HUES_BANK_WEBHOOK_SECRET, else the sandbox's documented demo secret).
    QString bankWebhookSecret;
    static constexpr char kDemoBankWebhookSecret[] = "hues-sandbox-bank-demo-secret";

    // Parses the arguments (argv[0] included). On error returns false and sets *error;
    // --help/--version set *exitNow and print their text.
    static bool parse(const QStringList &arguments, ServerOptions *options, QString *error,
                      bool *exitNow);
    // "127.0.0.1:0", "[::1]:8080", "localhost:8080".
    static bool parseListen(const QString &text, QHostAddress *address, quint16 *port);
    // An absolute https URL without query or fragment (http only for a loopback host).
    static bool validIssuer(const QString &text);
};

} // namespace hues::server
