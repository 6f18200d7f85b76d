#include "ServerOptions.h"

#include "push/PushHub.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <cstdio>

namespace hues::server {

bool ServerOptions::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return false; // IPv6 needs brackets
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535)
        return false;
    QHostAddress parsed;
    if (host == u"localhost")
        parsed = QHostAddress(QHostAddress::LocalHost);
    else if (!parsed.setAddress(host))
        return false;
    *address = parsed;
    *port = quint16(number);
    return true;
}

bool ServerOptions::parse(const QStringList &arguments, ServerOptions *options, QString *error,
                          bool *exitNow)
{
    *exitNow = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("hues-server: the reference city platform of Hue-S."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address and port to listen on (port 0 picks a free one)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Directory for the database and files."),
                                     QStringLiteral("dir"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed data set to load (\"demo\")."),
                                  QStringLiteral("name"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("postgresql://user@host:port/db (default: SQLite in the data dir)."),
        QStringLiteral("url"));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
                                     QStringLiteral("Largest request body accepted, in bytes."),
                                     QStringLiteral("bytes"), QStringLiteral("1048576"));
    const QCommandLineOption idleTimeout(
        QStringLiteral("idle-timeout-ms"),
        QStringLiteral("Drop connections silent for this long, in milliseconds."),
        QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption issuer(
        QStringLiteral("issuer"),
        QStringLiteral("Public base URL of the OpenID Provider, when a proxy stands in front "
                       "(https; plain http only for a loopback host). Default: the listening "
                       "address."),
        QStringLiteral("url"));
    const QCommandLineOption maxUpload(
        QStringLiteral("max-upload"),
        QStringLiteral("Largest body of a report upload (POST /open311/v2/requests.*, up to 3 "
                       "photos), in bytes."),
        QStringLiteral("bytes"), QStringLiteral("12582912"));
    const QCommandLineOption apiKey(
        QStringLiteral("open311-api-key"),
        QStringLiteral("Require this api_key on Open311 POST requests (default: api_key is "
                       "accepted and ignored)."),
        QStringLiteral("key"));
    const QCommandLineOption allowedOrigin(
        QStringLiteral("allowed-origin"),
        QStringLiteral("Let browser pages of this origin (scheme://host[:port]) open the push "
                       "stream, besides the server's own (repeatable)."),
        QStringLiteral("url"));
    const QCommandLineOption pushPing(
        QStringLiteral("push-ping-ms"),
        QStringLiteral("Ping push stream clients this often, in milliseconds; clients silent "
                       "for 2.5 times as long are dropped."),
        QStringLiteral("ms"), QStringLiteral("30000"));
    const QCommandLineOption bankSecret(
        QStringLiteral("bank-webhook-secret"),
        QStringLiteral("HMAC-SHA256 key of the bank's payment notifications (POST "
                       "/api/v1/bank/notify). Default: env HUES_BANK_WEBHOOK_SECRET, else the "
                       "sandbox's demo secret (server/README.md)."),
        QStringLiteral("secret"));
    parser.addOptions({listen, dataDir, seed, database, maxBody, idleTimeout, issuer, maxUpload,
                       apiKey, allowedOrigin, pushPing, bankSecret});

    const QCommandLineOption pushMaxPerAddress(
        QStringLiteral("push-max-per-address"),
        QStringLiteral("Push stream connections one client address may hold open (loopback "
                       "too); a further handshake is refused with 429."),
        QStringLiteral("n"), QStringLiteral("64"));
    parser.addOption(pushMaxPerAddress);

    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        *exitNow = true;
        return true;
    }
    if (parser.isSet(versionOption)) {
        std::printf("hues-server %s\n", HUES_VERSION);
        *exitNow = true;
        return true;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument: ") + parser.positionalArguments().first();
        return false;
    }
    if (!parseListen(parser.value(listen), &options->address, &options->port)) {
        *error = QStringLiteral("bad --listen value \"%1\" (expected host:port, e.g. "
                                "127.0.0.1:0)")
                     .arg(parser.value(listen));
        return false;
    }
    options->dataDir = parser.value(dataDir);
    if (options->dataDir.isEmpty()) {
        *error = QStringLiteral("--data-dir is required");
        return false;
    }
    options->seed = parser.value(seed);
    if (!options->seed.isEmpty() && options->seed != u"demo") {
        *error = QStringLiteral("unknown --seed \"%1\" (known: demo)").arg(options->seed);
        return false;
    }
    options->databaseUrl = parser.value(database);
    bool ok = false;
    options->maxBodyBytes = parser.value(maxBody).toLongLong(&ok);
    if (!ok || options->maxBodyBytes < 0) {
        *error = QStringLiteral("bad --max-body value \"%1\"").arg(parser.value(maxBody));
        return false;
    }
    options->maxUploadBytes = parser.value(maxUpload).toLongLong(&ok);
    if (!ok || options->maxUploadBytes < options->maxBodyBytes) {
        *error = QStringLiteral("bad --max-upload value \"%1\" (bytes, at least --max-body)")
                     .arg(parser.value(maxUpload));
        return false;
    }
    options->open311ApiKey = parser.value(apiKey);
    if (parser.isSet(apiKey) && options->open311ApiKey.isEmpty()) {
        *error = QStringLiteral("--open311-api-key needs a non-empty key");
        return false;
    }
    options->idleTimeoutMs = parser.value(idleTimeout).toInt(&ok);
    if (!ok || options->idleTimeoutMs <= 0) {
        *error =
            QStringLiteral("bad --idle-timeout-ms value \"%1\"").arg(parser.value(idleTimeout));
        return false;
    }
    for (const QString &origin : parser.values(allowedOrigin)) {
        if (push::PushHub::normaliseOrigin(origin).isEmpty()) {
            *error = QStringLiteral("bad --allowed-origin value \"%1\" (expected "
                                    "http(s)://host[:port] without a path)")
                         .arg(origin);
            return false;
        }
        options->allowedOrigins.append(origin);
    }
    options->pushPingMs = parser.value(pushPing).toInt(&ok);
    if (!ok || options->pushPingMs < 100) {
        *error = QStringLiteral("bad --push-ping-ms value \"%1\" (at least 100)")
                     .arg(parser.value(pushPing));
        return false;
    }
    options->pushMaxPerAddress = parser.value(pushMaxPerAddress).toInt(&ok);
    if (!ok || options->pushMaxPerAddress < 1) {
        *error = QStringLiteral("bad --push-max-per-address value \"%1\" (at least 1)")
                     .arg(parser.value(pushMaxPerAddress));
        return false;
    }
    options->bankWebhookSecret = parser.isSet(bankSecret)
                                     ? parser.value(bankSecret)
                                     : qEnvironmentVariable("HUES_BANK_WEBHOOK_SECRET",
                                                            QLatin1String(kDemoBankWebhookSecret));
    if (options->bankWebhookSecret.isEmpty()) {
        *error = QStringLiteral("the bank webhook secret must not be empty");
        return false;
    }
    if (parser.isSet(issuer)) {
        options->issuer = parser.value(issuer);
        if (!validIssuer(options->issuer)) {
            *error =
                QStringLiteral("bad --issuer value \"%1\" (expected https://host[:port][/path] "
                               "without query or fragment; http only for 127.0.0.1, [::1] "
                               "or localhost)")
                    .arg(options->issuer);
            return false;
        }
        while (options->issuer.endsWith(QLatin1Char('/')))
            options->issuer.chop(1);
    }
    return true;
}

bool ServerOptions::validIssuer(const QString &text)
{
    // OpenID Connect Discovery §3: https, no query, no fragment.
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    const QHostAddress host(url.host());
    return url.scheme() == u"http" && (url.host() == u"localhost" || host.isLoopback());
}

} // namespace hues::server
