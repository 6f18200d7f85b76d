#include "Reporting.h"

#include "alerts/AlertsService.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "reports/OutboxSender.h"
#include "reports/ReportsClient.h"
#include "securestore/SecureStore.h"
#include "store/Outbox.h"
#include "store/StoreService.h"

#include <cstdio>

namespace tool {

Reporting::Reporting() = default;

Reporting::~Reporting()
{
    // The sender and client before what they use.
    m_sender.reset();
    m_client.reset();
    m_outbox.reset();
    m_session.reset();
}

QString Reporting::server() const
{
    return m_api ? m_api->baseUrl().toString() : QString();
}

int Reporting::open(const Context &context, Needs needs, const QString &invocation)
{
    if (needs == Server && context.server.isEmpty())
        return usageError(QStringLiteral("give the city server with the global option --server "
                                         "URL (before the command)"),
                          invocation);
    if (!context.ensureDataDir())
        return ExitFailure;
    m_store = std::make_unique<store::StoreService>();
    if (!m_store->open(context.dataDir, context.profile)) {
        printError(QStringLiteral("cannot open the store %1: %2")
                       .arg(store::StoreService::databasePath(context.dataDir, context.profile),
                            m_store->errorString()));
        return ExitFailure;
    }
    m_outbox = std::make_unique<store::Outbox>(*m_store->database());
    m_api = std::make_unique<net::ApiClient>();
    if (needs == StoreOnly)
        return -1;
    m_api->setBaseUrl(context.server);

    // The session 'login' kept, if it was made at this server: its bearer token goes nowhere
    // else.
    m_secure.reset(platform::SecureStore::create(QStringLiteral("Hue-S")));
    m_session = std::make_unique<auth::Session>(m_api.get(), m_secure.get());
    m_session->setStorageKey(auth::Session::storageKeyFor(context.dataDir, context.profile));
    QObject::connect(m_session.get(), &auth::Session::refreshed, m_session.get(),
                     [this] { ++m_refreshes; });
    QObject::connect(m_session.get(), &auth::Session::kept, m_session.get(),
                     [this] { ++m_writes; });
    bool restored = false;
    QObject::connect(m_session.get(), &auth::Session::restored, m_session.get(),
                     [&restored] { restored = true; });
    m_session->restore();
    waitFor([&restored] { return restored; }, 20000, m_session.get(), &auth::Session::restored);
    const QUrl issuer = QUrl(m_session->issuer()).adjusted(QUrl::StripTrailingSlash);
    if (m_session->isSignedIn() && issuer == m_api->baseUrl()) {
        m_account = m_session->subject();
    } else {
        if (m_session->isSignedIn() && context.verbose)
            printError(QStringLiteral("note: the kept session is for %1, not this server: "
                                      "reporting anonymously")
                           .arg(issuer.toString()));
        m_session.reset(); // no credentials for this server at all
    }

    m_client = std::make_unique<reports::ReportsClient>(m_api.get(), m_store->database());
    m_sender = std::make_unique<reports::OutboxSender>(m_outbox.get(), m_api.get());
    m_sender->setAccount(m_account);
    // Every kind the app queues is sent here too (citizen alerts as well as reports).
    alerts::AlertsService::registerOutboxKind(m_sender.get());
    return -1;
}

void Reporting::finish()
{
    if (!m_session)
        return;
    waitFor([this] { return m_writes >= m_refreshes; }, 15000, m_session.get(),
            &auth::Session::kept);
}

void printLine(const QString &line)
{
    std::fputs((line + QLatin1Char('\n')).toLocal8Bit().constData(), stdout);
    std::fflush(stdout);
}

} // namespace tool
