#include "ReportsClient.h"

#include "logging.h"
#include "net/Multipart.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <memory>

namespace reports {

namespace {

const QString kOpen311 = QStringLiteral("/open311/v2");

QString segment(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString coordinate(double value)
{
    return QString::number(value, 'f', 7);
}

bool parseOneRequest(const QByteArray &body, ServiceRequest *request, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the answer is not a JSON object");
        return false;
    }
    return fromJson(QJsonValue(doc.object()), request, error);
}

void sortNewestFirst(QList<ServiceRequest> *list)
{
    std::stable_sort(list->begin(), list->end(),
                     [](const auto &a, const auto &b) { return a.requested > b.requested; });
}

} // namespace

void ReportsReply::finish()
{
    m_finished = true;
    Q_EMIT finished();
}

QString ReportsReply::errorMessage() const
{
    if (!m_error.isError())
        return {};
    QString text = m_error.message();
    if (m_error.kind == net::ApiError::Rejected || m_error.kind == net::ApiError::NotFound ||
        m_error.kind == net::ApiError::Forbidden) {
        if (!m_error.detail.isEmpty() && !m_error.detail.startsWith(QLatin1String("HTTP ")))
            text += QStringLiteral(" (") + m_error.detail + QLatin1Char(')');
    }
    if (m_fromCache)
        text += QLatin1Char(' ') + tr("Showing what was saved on this device.");
    return text;
}

ReportsClient::ReportsClient(net::ApiClient *api, store::Database *cache, QObject *parent)
    : QObject(parent), m_api(api), m_cache(cache)
{
}

QString ReportsClient::serverReason(const QByteArray &body)
{
    QList<Open311Error> errors;
    QString ignored;
    if (open311::parseErrors(body, &errors, &ignored)) {
        QStringList texts;
        for (const Open311Error &e : std::as_const(errors)) {
            if (!e.description.isEmpty())
                texts << e.description.left(500);
        }
        return texts.join(QStringLiteral("; "));
    }
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString message = o.value(QLatin1String("message")).toString();
    return (message.isEmpty() ? o.value(QLatin1String("error")).toString() : message).left(500);
}

QString ReportsClient::cacheKey(const QString &what) const
{
    return QStringLiteral("open311:%1@%2#%3")
        .arg(what, m_api->baseUrl().toString(), m_api->language());
}

std::optional<QByteArray> ReportsClient::readCache(const QString &key, qint64 *updatedAt) const
{
    if (!m_cache || !m_cache->isOpen())
        return std::nullopt;
    QSqlQuery q(m_cache->connection());
    q.prepare(QStringLiteral("SELECT value, updated_at FROM kv_cache WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    if (updatedAt)
        *updatedAt = q.value(1).toLongLong();
    return q.value(0).toByteArray();
}

void ReportsClient::writeCache(const QString &key, const QByteArray &value) const
{
    if (!m_cache || !m_cache->isOpen())
        return;
    QSqlQuery q(m_cache->connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO kv_cache (key, value, updated_at) VALUES "
                             "(?, ?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        qCWarning(lcStore) << "cannot cache" << key << ":" << q.lastError().text();
}

ReportsReply *ReportsClient::fetch(const net::ApiRequest &request, const QString &cacheKey,
                                   const Parser &parse)
{
    auto *reply = new ReportsReply(this);
    net::ApiReply *apiReply = m_api->send(request);
    QPointer<ReportsReply> guard(reply);
    const QString path = request.path;
    connect(apiReply, &net::ApiReply::finished, this,
            [this, guard, apiReply, cacheKey, parse, path] {
                apiReply->deleteLater();
                if (!guard)
                    return;
                ReportsReply *reply = guard;
                QString why;
                if (apiReply->isOk()) {
                    if (parse(apiReply->body(), reply, &why)) {
                        if (!cacheKey.isEmpty())
                            writeCache(cacheKey, apiReply->body());
                        reply->finish();
                        return;
                    }
                    reply->m_error.kind = net::ApiError::BadResponse;
                    reply->m_error.httpStatus = apiReply->httpStatus();
                    reply->m_error.detail = why;
                    qCWarning(lcNet) << path << "answered something unexpected:" << why;
                } else {
                    reply->m_error = apiReply->error();
                    const QString reason = serverReason(apiReply->body());
                    if (!reason.isEmpty())
                        reply->m_error.detail = reason;
                }
                // The server could not answer: what was kept from last time, if anything.
                if (!cacheKey.isEmpty() && reply->m_error.kind != net::ApiError::NotFound) {
                    qint64 at = 0;
                    if (const auto cached = readCache(cacheKey, &at)) {
                        QString ignored;
                        // The parsers start by clearing what a failed parse may have left.
                        if (parse(*cached, reply, &ignored)) {
                            reply->m_fromCache = true;
                            reply->m_cachedAt = at;
                        }
                    }
                }
                reply->finish();
            });
    return reply;
}

ReportsReply *ReportsClient::fetchServices()
{
    net::ApiRequest r;
    r.path = kOpen311 + QStringLiteral("/services.json");
    r.anonymous = true;
    return fetch(r, cacheKey(QStringLiteral("services")),
                 [](const QByteArray &body, ReportsReply *reply, QString *error) {
                     reply->m_services.clear();
                     return open311::parseServices(body, &reply->m_services, error);
                 });
}

std::optional<QList<Service>> ReportsClient::cachedServices() const
{
    const auto cached = readCache(cacheKey(QStringLiteral("services")));
    QList<Service> services;
    QString error;
    if (!cached || !open311::parseServices(*cached, &services, &error))
        return std::nullopt;
    return services;
}

ReportsReply *ReportsClient::fetchDefinition(const QString &serviceCode)
{
    net::ApiRequest r;
    r.path = kOpen311 + QStringLiteral("/services/%1.json").arg(segment(serviceCode));
    r.anonymous = true;
    return fetch(r, cacheKey(QStringLiteral("definition/") + serviceCode),
                 [](const QByteArray &body, ReportsReply *reply, QString *error) {
                     reply->m_definition = {};
                     return open311::parseDefinition(body, &reply->m_definition, error);
                 });
}

std::optional<ServiceDefinition> ReportsClient::cachedDefinition(const QString &serviceCode) const
{
    const auto cached = readCache(cacheKey(QStringLiteral("definition/") + serviceCode));
    ServiceDefinition definition;
    QString error;
    if (!cached || !open311::parseDefinition(*cached, &definition, &error))
        return std::nullopt;
    return definition;
}

ReportsReply *ReportsClient::fetchNearby(double lat, double lon, const QString &serviceCode,
                                         int radiusMeters, int days)
{
    net::ApiRequest r;
    r.path = kOpen311 + QStringLiteral("/requests.json");
    r.anonymous = true;
    r.query.addQueryItem(QStringLiteral("lat"), coordinate(lat));
    r.query.addQueryItem(QStringLiteral("long"), coordinate(lon));
    r.query.addQueryItem(QStringLiteral("radius"), QString::number(radiusMeters));
    if (!serviceCode.isEmpty())
        r.query.addQueryItem(QStringLiteral("service_code"), serviceCode);
    // UTC ("Z"): a "+07:00" offset would need its '+' encoded in the query.
    r.query.addQueryItem(QStringLiteral("start_date"),
                         open311::formatDateTime(QDateTime::currentDateTimeUtc().addDays(-days)));
    return fetch(r, QString(), [](const QByteArray &body, ReportsReply *reply, QString *error) {
        reply->m_requests.clear();
        return open311::parseRequests(body, &reply->m_requests, error);
    });
}

ReportsReply *ReportsClient::fetchMine(bool signedIn, const QStringList &deviceRequestIds)
{
    auto *reply = new ReportsReply(this);
    const QString key = cacheKey(QStringLiteral("mine"));
    auto parts = std::make_shared<QList<ReportsReply *>>();
    auto parseList = [](const QByteArray &body, ReportsReply *r, QString *error) {
        r->m_requests.clear();
        return open311::parseRequests(body, &r->m_requests, error);
    };
    if (signedIn) {
        net::ApiRequest r;
        r.path = QStringLiteral("/api/v1/me/reports");
        parts->append(fetch(r, QString(), parseList));
    }
    if (!deviceRequestIds.isEmpty()) {
        net::ApiRequest r;
        r.path = kOpen311 + QStringLiteral("/requests.json");
        r.anonymous = true;
        r.query.addQueryItem(QStringLiteral("service_request_id"),
                             deviceRequestIds.join(QLatin1Char(',')));
        parts->append(fetch(r, QString(), parseList));
    }
    if (parts->isEmpty()) {
        QMetaObject::invokeMethod(reply, &ReportsReply::finish, Qt::QueuedConnection);
        return reply;
    }
    QPointer<ReportsReply> guard(reply);
    auto done = [this, guard, parts, key] {
        if (!std::all_of(parts->cbegin(), parts->cend(),
                         [](const ReportsReply *p) { return p->isFinished(); }))
            return;
        if (guard) {
            ReportsReply *reply = guard;
            QSet<QString> seen;
            bool allOk = true;
            for (const ReportsReply *p : std::as_const(*parts)) {
                if (!p->isOk()) {
                    allOk = false;
                    if (!reply->m_error.isError())
                        reply->m_error = p->error();
                }
                for (const ServiceRequest &request : p->requests()) {
                    if (!seen.contains(request.id)) {
                        seen.insert(request.id);
                        reply->m_requests.append(request);
                    }
                }
            }
            sortNewestFirst(&reply->m_requests);
            if (allOk) {
                writeCache(key,
                           open311::requestsDocument(reply->m_requests, open311::Format::Json));
            } else {
                qint64 at = 0;
                QList<ServiceRequest> cached;
                QString ignored;
                const auto blob = readCache(key, &at);
                if (blob && open311::parseRequests(*blob, &cached, &ignored)) {
                    reply->m_requests = cached;
                    reply->m_fromCache = true;
                    reply->m_cachedAt = at;
                }
            }
            reply->finish();
        }
        for (ReportsReply *p : std::as_const(*parts))
            p->deleteLater();
    };
    for (ReportsReply *p : std::as_const(*parts))
        connect(p, &ReportsReply::finished, this, done);
    return reply;
}

ReportsReply *ReportsClient::fetchRequest(const QString &id)
{
    net::ApiRequest r;
    r.path = kOpen311 + QStringLiteral("/requests/%1.json").arg(segment(id));
    return fetch(
        r, cacheKey(QStringLiteral("request/") + id),
        [](const QByteArray &body, ReportsReply *reply, QString *error) {
            reply->m_requests.clear();
            if (!open311::parseRequests(body, &reply->m_requests, error))
                return false;
            if (reply->m_requests.size() != 1) {
                *error =
                    QStringLiteral("expected one request, got %1").arg(reply->m_requests.size());
                return false;
            }
            return true;
        });
}

ReportsReply *ReportsClient::rate(const QString &id, bool satisfied, const QString &comment)
{
    net::ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/reports/%1/rating").arg(segment(id));
    r.contentType = "application/json";
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("satisfied"), satisfied},
                                       {QStringLiteral("comment"), comment}})
                 .toJson(QJsonDocument::Compact);
    return fetch(r, QString(), [](const QByteArray &body, ReportsReply *reply, QString *error) {
        ServiceRequest request;
        if (!parseOneRequest(body, &request, error))
            return false;
        reply->m_requests = {request};
        return true;
    });
}

ReportsReply *ReportsClient::reopen(const QString &id, const QString &comment)
{
    net::ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/reports/%1/reopen").arg(segment(id));
    r.contentType = "application/json";
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("comment"), comment}})
                 .toJson(QJsonDocument::Compact);
    return fetch(r, QString(), [](const QByteArray &body, ReportsReply *reply, QString *error) {
        ServiceRequest request;
        if (!parseOneRequest(body, &request, error))
            return false;
        reply->m_requests = {request};
        return true;
    });
}

net::ApiRequest ReportsClient::submission(const ReportDraft &draft,
                                          const QList<store::OutboxAttachment> &photos,
                                          const QByteArray &idempotencyKey, bool anonymous)
{
    net::MultipartForm form;
    const auto fields = draft.formFields();
    for (const auto &[name, value] : fields)
        form.addField(name, value);
    for (int i = 0; i < photos.size(); ++i) {
        const store::OutboxAttachment &photo = photos.at(i);
        const QString extension = photo.mime == QLatin1String("image/png") ? QStringLiteral("png")
                                                                           : QStringLiteral("jpg");
        form.addFile(QStringLiteral("media"),
                     QStringLiteral("photo%1.%2").arg(i + 1).arg(extension), photo.mime.toLatin1(),
                     photo.bytes);
    }
    net::ApiRequest r;
    r.method = "POST";
    r.path = kOpen311 + QStringLiteral("/requests.json");
    r.body = form.body();
    r.contentType = form.contentType();
    r.idempotencyKey = idempotencyKey;
    r.anonymous = anonymous;
    r.maxAttempts = 1;
    return r;
}

} // namespace reports
