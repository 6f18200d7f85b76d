// hues-tool login / whoami: the app's single sign-on from a terminal, with the same core code
// (device grant, ID token checks, session, secure storage).
#include "Commands.h"
#include "auth/DeviceFlow.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "securestore/SecureStore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

namespace tool {

namespace {

const QString kKeychainService = QStringLiteral("Hue-S");

// Runs the event loop until done() holds (checked after each event source fires) or timeoutMs.
template <typename Sender, typename... Signals>
bool waitUntil(const std::function<bool()> &done, int timeoutMs, Sender *sender, Signals... signal)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    (QObject::connect(sender, signal, &loop,
                      [&loop, &done] {
                          if (done())
                              loop.quit();
                      }),
     ...);
    deadline.start(timeoutMs);
    loop.exec();
    return done();
}

QString issuerFrom(const QString &option, const Context &context)
{
    if (!option.isEmpty())
        return option;
    return context.server.isEmpty() ? QString() : context.server.toString(QUrl::StripTrailingSlash);
}

std::unique_ptr<platform::SecureStore> openStore(bool keychain)
{
    if (!keychain)
        return std::make_unique<platform::MemorySecureStore>();
    return std::unique_ptr<platform::SecureStore>(platform::SecureStore::create(kKeychainService));
}

} // namespace

int runLogin(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Signs in with the device authorization grant (RFC 8628): prints a URL and a code to\n"
        "enter on a phone or computer, waits for the approval, checks the ID token and keeps\n"
        "the session in the system's secure storage for 'whoami' and later commands."));
    const QCommandLineOption issuer(QStringLiteral("issuer"),
                                    QStringLiteral("OpenID Provider (default: --server)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      QStringLiteral("OAuth client (default: hues-tool)."),
                                      QStringLiteral("ID"), QStringLiteral("hues-tool"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Give up after this long (default: 600)."),
                                     QStringLiteral("SECONDS"), QStringLiteral("600"));
    const QCommandLineOption noKeychain(
        QStringLiteral("no-keychain"),
        QStringLiteral("Keep the session in memory only (it ends with this command)."));
    parser.addOptions({issuer, clientId, timeout, noKeychain});
    if (const int code = parseCommandLine(
            parser, invocation, args,
            invocation + QStringLiteral(" [--issuer URL] [--client-id ID] [--timeout SECONDS] "
                                        "[--no-keychain]"));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);
    auth::OidcClientConfig config;
    config.issuer = issuerFrom(parser.value(issuer), context);
    config.clientId = parser.value(clientId);
    config.scopes = QStringList{"openid", "profile", "phone", "citizen", "offline_access"};
    QString why;
    if (config.issuer.isEmpty())
        return usageError(QStringLiteral("give --issuer URL (or --server URL)"), invocation);
    if (!auth::OidcProviderInfo::isAcceptableIssuer(config.issuer, &why))
        return usageError(QStringLiteral("bad --issuer '%1': %2").arg(config.issuer, why),
                          invocation);
    bool ok = false;
    const int seconds = parser.value(timeout).toInt(&ok);
    if (!ok || seconds < 1 || seconds > 3600)
        return usageError(QStringLiteral("bad --timeout '%1'").arg(parser.value(timeout)),
                          invocation);

    net::ApiClient client;
    auth::DeviceFlow flow(&client, config);
    QObject::connect(&flow, &auth::DeviceFlow::codeReady, &flow, [&flow] {
        QString text = QStringLiteral("To sign in, open %1 and enter the code %2\n")
                           .arg(flow.verificationUri().toString(), flow.userCode());
        if (!flow.verificationUriComplete().isEmpty())
            text += QStringLiteral("or open %1\n").arg(flow.verificationUriComplete().toString());
        text += QStringLiteral("Waiting for the approval...\n");
        printOut(text);
        std::fflush(stdout);
    });
    flow.start();
    if (!waitUntil([&flow] { return flow.isFinished(); }, seconds * 1000, &flow,
                   &auth::DeviceFlow::finished)) {
        flow.cancel();
        printError(QStringLiteral("no approval within %1 s").arg(seconds));
        return ExitFailure;
    }
    if (!flow.isOk()) {
        printError(flow.error().message() + QStringLiteral(" (") + flow.error().detail +
                   QLatin1Char(')'));
        return ExitFailure;
    }

    const std::unique_ptr<platform::SecureStore> store = openStore(!parser.isSet(noKeychain));
    auth::Session session(&client, store.get());
    session.setStorageKey(auth::Session::storageKeyFor(context.dataDir, context.profile));
    bool written = false;
    QObject::connect(&session, &auth::Session::kept, &session, [&written] { written = true; });
    session.begin(flow.result());
    bool named = false;
    QObject::connect(&session, &auth::Session::userInfoChanged, &session,
                     [&named] { named = true; });
    session.fetchUserInfo();
    waitUntil([&] { return written && named; }, 15000, &session, &auth::Session::kept,
              &auth::Session::userInfoChanged);
    printOut(QStringLiteral("Signed in as %1\nsubject: %2\nissuer: %3\n")
                 .arg(session.displayName().isEmpty() ? QStringLiteral("(no name)")
                                                      : session.displayName(),
                      session.subject(), session.issuer()));
    if (!session.isPersistent())
        printError(QStringLiteral("warning: no secure storage here (no keyring?): the session "
                                  "was not kept; sign in again next time"));
    return ExitOk;
}

int runWhoami(const Context &context, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints who is signed in on this profile (as 'login' kept it): name, subject, issuer,\n"
        "citizen ID and phone (masked), asking the provider's userinfo endpoint (refreshing the\n"
        "access token if needed). Exits 1 when nobody is signed in."));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print a JSON object instead of text."));
    const QCommandLineOption offline(
        QStringLiteral("offline"), QStringLiteral("Do not ask the provider; print what is kept."));
    parser.addOptions({json, offline});
    if (const int code = parseCommandLine(parser, invocation, args,
                                          invocation + QStringLiteral(" [--json] [--offline]"));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);

    net::ApiClient client;
    const std::unique_ptr<platform::SecureStore> store = openStore(true);
    auth::Session session(&client, store.get());
    session.setStorageKey(auth::Session::storageKeyFor(context.dataDir, context.profile));
    bool restored = false;
    QObject::connect(&session, &auth::Session::restored, &session,
                     [&restored] { restored = true; });
    session.restore();
    waitUntil([&restored] { return restored; }, 20000, &session, &auth::Session::restored);
    if (!session.isSignedIn()) {
        printError(session.isPersistent()
                       ? QStringLiteral("not signed in (use 'hues-tool login')")
                       : QStringLiteral("not signed in: no secure storage here (no keyring?)"));
        return ExitFailure;
    }
    QString warning;
    if (!parser.isSet(offline)) {
        int refreshes = 0;
        int writes = 0;
        bool answered = false;
        QObject::connect(&session, &auth::Session::refreshed, &session,
                         [&refreshes] { ++refreshes; });
        QObject::connect(&session, &auth::Session::kept, &session, [&writes] { ++writes; });
        QObject::connect(&session, &auth::Session::userInfoChanged, &session,
                         [&answered] { answered = true; });
        session.fetchUserInfo();
        waitUntil([&] { return answered || !session.isSignedIn(); }, 20000, &session,
                  &auth::Session::userInfoChanged, &auth::Session::signInRequired);
        // A refresh rotated the refresh token: wait until the new one is kept.
        waitUntil([&] { return writes >= refreshes; }, 15000, &session, &auth::Session::kept);
        if (!session.isSignedIn()) {
            printError(QStringLiteral("the session has ended: %1 (use 'hues-tool login')")
                           .arg(session.lastError().message()));
            return ExitFailure;
        }
        if (!answered)
            warning = QStringLiteral("warning: the provider did not answer (%1); showing what "
                                     "is kept")
                          .arg(session.lastError().detail);
    }
    const QString expires =
        session.expiresAt()
            ? QDateTime::fromSecsSinceEpoch(session.expiresAt()).toUTC().toString(Qt::ISODate)
            : QString();
    if (parser.isSet(json)) {
        const QJsonObject info{{QStringLiteral("name"), session.displayName()},
                               {QStringLiteral("subject"), session.subject()},
                               {QStringLiteral("issuer"), session.issuer()},
                               {QStringLiteral("client_id"), session.clientId()},
                               {QStringLiteral("citizen_id"), session.maskedCitizenId()},
                               {QStringLiteral("phone"), session.maskedPhone()},
                               {QStringLiteral("access_token_expires"), expires}};
        printOut(QString::fromUtf8(QJsonDocument(info).toJson(QJsonDocument::Indented)));
    } else {
        printOut(QStringLiteral("name: %1\nsubject: %2\nissuer: %3\nclient: %4\ncitizen ID: "
                                "%5\nphone: %6\naccess token valid until: %7\n")
                     .arg(session.displayName(), session.subject(), session.issuer(),
                          session.clientId(), session.maskedCitizenId(), session.maskedPhone(),
                          expires));
    }
    if (!warning.isEmpty())
        printError(warning);
    return ExitOk;
}

} // namespace tool
