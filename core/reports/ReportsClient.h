#pragma once

#include "net/ApiClient.h"
#include "reports/Open311.h"
#include "reports/ReportDraft.h"
#include "store/Outbox.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace store {
class Database;
}

namespace reports {

// The answer to one question of ReportsClient: finishes once, with data (possibly from the
// local cache when the server could not be reached) or with an error.
class ReportsReply : public QObject
{
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    // The server answered as the protocol says.
    bool isOk() const { return m_finished && !m_error.isError(); }
    // There is something to show: the server's answer, or the cache's when it failed.
    bool hasData() const { return isOk() || m_fromCache; }
    bool isFromCache() const { return m_fromCache; }
    qint64 cachedAt() const { return m_cachedAt; } // seconds since the epoch, when cached
    // Why the server's answer is missing: kind, HTTP status, and in `detail` the server's
    // reason when it gave one.
    const net::ApiError &error() const { return m_error; }
    // Translated, for a person: what went wrong and what to do, with the server's reason.
    QString errorMessage() const;

    const QList<Service> &services() const { return m_services; }
    const ServiceDefinition &definition() const { return m_definition; }
    // nearby, mine: several; detail, rate, reopen: one.
    const QList<ServiceRequest> &requests() const { return m_requests; }

Q_SIGNALS:
    void finished();

private:
    friend class ReportsClient;
    explicit ReportsReply(QObject *parent) : QObject(parent) {}
    void finish();

    bool m_finished = false;
    bool m_fromCache = false;
    qint64 m_cachedAt = 0;
    net::ApiError m_error;
    QList<Service> m_services;
    ServiceDefinition m_definition;
    QList<ServiceRequest> m_requests;
};

// The app's Open311 GeoReport v2 client over the one net::ApiClient: categories and their
// questions (kept in the local cache, so they show offline), reports nearby, the user's own
// reports, one report with its history, rating and reopening. The POST of a report is built
// here (submission()) and sent by OutboxSender.
class ReportsClient : public QObject
{
    Q_OBJECT
public:
    // cache: the profile's database (kv_cache), or nullptr for no caching.
    ReportsClient(net::ApiClient *api, store::Database *cache, QObject *parent = nullptr);

    net::ApiClient *api() const { return m_api; }

    // GET services.json in the client's language; the cache answers when the server cannot.
    ReportsReply *fetchServices();
    std::optional<QList<Service>> cachedServices() const;
    // GET services/{code}.json; cached the same way.
    ReportsReply *fetchDefinition(const QString &serviceCode);
    std::optional<ServiceDefinition> cachedDefinition(const QString &serviceCode) const;
    // Reports of one category (all if empty) within radiusMeters in the last `days` days
    // ("already reported nearby"), newest first.
    ReportsReply *fetchNearby(double lat, double lon, const QString &serviceCode,
                              int radiusMeters = 100, int days = 7);
    // The user's reports: GET /api/v1/me/reports when signedIn, and requests.json for the
    // ids of reports sent anonymously from this device; merged, newest first; cached.
    ReportsReply *fetchMine(bool signedIn, const QStringList &deviceRequestIds);
    // GET requests/{id}.json (with the bearer when signed in: the reporter sees rating and
    // reopen fields); cached.
    ReportsReply *fetchRequest(const QString &id);
    ReportsReply *rate(const QString &id, bool satisfied, const QString &comment);
    ReportsReply *reopen(const QString &id, const QString &comment);

    // The POST requests.json of a queued report: multipart/form-data with its fields and
    // up to three `media` parts, its Idempotency-Key, one attempt (the outbox retries), and
    // without credentials when the report was made anonymously.
    static net::ApiRequest submission(const ReportDraft &draft,
                                      const QList<store::OutboxAttachment> &photos,
                                      const QByteArray &idempotencyKey, bool anonymous);
    // The server's reason in an error answer (Open311 error array or {"error","message"}),
    // empty if none. Server text: shown after a translated sentence, never alone.
    static QString serverReason(const QByteArray &body);

private:
    using Parser = std::function<bool(const QByteArray &body, ReportsReply *reply, QString *)>;
    ReportsReply *fetch(const net::ApiRequest &request, const QString &cacheKey,
                        const Parser &parse);
    std::optional<QByteArray> readCache(const QString &key, qint64 *updatedAt = nullptr) const;
    void writeCache(const QString &key, const QByteArray &value) const;
    QString cacheKey(const QString &what) const;

    net::ApiClient *m_api;
    store::Database *m_cache;
};

} // namespace reports
