#pragma once

#include "reports/Open311.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace hues::server {
class Database;
namespace push {
class PushHub;
} // namespace push
} // namespace hues::server

namespace hues::server::open311 {

// The language of names and descriptions in answers (Accept-Language; Vietnamese by default).
enum class Lang { Vi, En };
Lang languageOf(QByteArrayView acceptLanguage);
QByteArray languageTag(Lang lang);

// Times in answers are in Huế's offset (UTC+07:00, no daylight saving).
QDateTime cityTime(qint64 msSinceEpoch);

// The outcome of an operation: ok, or an HTTP status and an English message.
struct Outcome
{
    int status = 200;
    QString message;
    bool ok() const { return status < 300; }
    static Outcome failure(int status, const QString &message) { return {status, message}; }
};

// A report category with what creating a request needs.
struct Category
{
    reports::Service service; // in the asked language
    QString notice;           // service_notice of new requests, same language
    QString agency;           // agency_responsible of new requests
    int slaHours = 0;         // 0: no expected_datetime
    QList<reports::ServiceAttribute> attributes;
};

// A photo already decoded, checked and re-encoded by media::processPhoto.
struct StoredPhoto
{
    QString name; // server-chosen random name (without ".jpg")
    QByteArray jpeg;
    QSize size;
};

// A validated request to insert.
struct NewRequest
{
    QString id;
    QString serviceCode;
    QString accountId; // "" anonymous
    QString description;
    std::optional<double> lat;
    std::optional<double> lon;
    QString address;
    QString addressId;
    QJsonObject attributes; // CODE -> string or array of strings
    QString email;
    QString firstName;
    QString lastName;
    QString phone;
    QString deviceId;
    QString agency;
    qint64 requestedAt = 0;
    qint64 expectedAt = 0; // 0: none
    QList<StoredPhoto> photos;
};

// The filters of GET requests (spec plus the nearby extension).
struct RequestFilter
{
    QStringList ids; // when set, every other filter is ignored (spec)
    QStringList serviceCodes;
    QStringList statuses; // open / closed
    qint64 startMs = 0;
    qint64 endMs = 0;
    std::optional<double> lat;
    std::optional<double> lon;
    double radiusM = 100;
    QString accountId; // only this reporter's requests (GET /api/v1/me/reports); no window
    int limit = 1000;
};

// Field reports: categories, service requests, their history, photos, ratings and reopening,
// over the one Database (SQLite or PostgreSQL). Knows nothing of HTTP.
class ReportService
{
public:
    static constexpr int kMaxPhotos = 3;
    static constexpr qint64 kReopenWindowMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 kDefaultWindowMs = 90LL * 24 * 3600 * 1000;

    explicit ReportService(Database &db) : m_db(db) {}
    // Status changes then publish a personal report_status event to the reporter.
    void setPushHub(push::PushHub *hub) { m_push = hub; }

    bool services(Lang lang, QList<reports::Service> *services);
    // nullopt with *ok true: no such category.
    std::optional<Category> category(const QString &code, Lang lang, bool *ok);

    // A random id for a new request ("HUE-" + 10 characters) and a random photo name.
    static QString newRequestId();
    static QString newPhotoName();

    // Inserts the request, its first history row and its photos; the caller owns the
    // transaction (with the idempotency key in it).
    bool insert(const NewRequest &request);

    // Requests matching the filter, newest first. baseUrl makes media URLs absolute.
    bool find(const RequestFilter &filter, Lang lang, const QString &baseUrl,
              QList<reports::ServiceRequest> *requests);
    // One request with its status history; viewer is the caller's account ("" none): the
    // reporter also gets hues_mine, hues_rating and hues_reopen_until. nullopt with *ok true:
    // no such request.
    std::optional<reports::ServiceRequest> one(const QString &id, Lang lang, const QString &baseUrl,
                                               const QString &viewer, bool *ok);
    // A stored photo's JPEG bytes; nullopt if unknown (or *ok false on a database error).
    std::optional<QByteArray> photo(const QString &name, bool *ok);

    // Staff: detailedStatus is in_progress, closed or open; agency "" keeps the current one.
    Outcome changeStatus(const QString &id, const QString &detailedStatus, const QString &note,
                         const QString &agency, const QString &staffId);
    // The reporter rates a closed request, once per closure.
    Outcome rate(const QString &id, const QString &reporterId, bool satisfied,
                 const QString &comment);
    // The reporter reopens a request closed at most 7 days ago.
    Outcome reopen(const QString &id, const QString &reporterId, const QString &comment);

private:
    struct Owner
    {
        bool found = false;
        QString accountId;
        QString status;
        qint64 closedAt = 0;
        bool rated = false;
    };
    bool owner(const QString &id, Owner *owner);
    bool appendHistory(const QString &id, const QString &detailedStatus, const QString &status,
                       const QString &note, const QString &agency, const QString &actorId,
                       qint64 at);
    Outcome databaseError();

    Database &m_db;
    push::PushHub *m_push = nullptr;
};

} // namespace hues::server::open311
