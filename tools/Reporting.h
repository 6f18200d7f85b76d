#pragma once

#include "Tool.h"

#include <QEventLoop>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace auth {
class Session;
}
namespace net {
class ApiClient;
}
namespace platform {
class SecureStore;
}
namespace reports {
class OutboxSender;
class ReportsClient;
} // namespace reports
namespace store {
class Outbox;
class StoreService;
} // namespace store

namespace tool {

// What the report and outbox commands share, built as the app builds it: the profile's store
// and outbox, the one API client for --server, the session kept by 'login' (its bearer goes
// only to the server that issued it), the Open311 client and the outbox sender.
class Reporting
{
public:
    enum Needs { StoreOnly, Server };

    Reporting();
    ~Reporting();

    // Opens what `needs` asks for; on failure prints why and returns the exit code (else -1).
    int open(const Context &context, Needs needs, const QString &invocation);

    store::Outbox &outbox() { return *m_outbox; }
    net::ApiClient &api() { return *m_api; }
    reports::ReportsClient &client() { return *m_client; }
    reports::OutboxSender &sender() { return *m_sender; }
    // The signed-in subject for this server, empty when anonymous.
    QString account() const { return m_account; }
    bool isSignedIn() const { return !m_account.isEmpty(); }
    // The base URL items are queued for.
    QString server() const;

    // Before exiting: a token refreshed during the command must be kept (rotation).
    void finish();

private:
    std::unique_ptr<store::StoreService> m_store;
    std::unique_ptr<net::ApiClient> m_api;
    std::unique_ptr<platform::SecureStore> m_secure;
    std::unique_ptr<auth::Session> m_session;
    std::unique_ptr<store::Outbox> m_outbox;
    std::unique_ptr<reports::ReportsClient> m_client;
    std::unique_ptr<reports::OutboxSender> m_sender;
    QString m_account;
    int m_refreshes = 0;
    int m_writes = 0;
};

// Runs the event loop until done() holds (checked whenever `sender` emits `signal`) or
// timeoutMs pass. Returns done().
template <typename Sender, typename Signal>
bool waitFor(const std::function<bool()> &done, int timeoutMs, Sender *sender, Signal signal)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(sender, signal, &loop, [&loop, &done] {
        if (done())
            loop.quit();
    });
    deadline.start(timeoutMs);
    loop.exec();
    return done();
}

// Flushed at once: a reader (or a test that kills after N lines) sees each line as it comes.
void printLine(const QString &line);

} // namespace tool
