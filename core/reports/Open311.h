#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) as hues-server and the app speak it: the
// value types, their JSON forms (read and written), and the XML documents the spec makes
// mandatory (written). Shared by hues-server and the app's reports client.
namespace reports {

// One allowed value of a singlevaluelist/multivaluelist attribute.
struct AttributeValue
{
    QString key;
    QString name;
};

// One attribute of a service definition (a question asked when reporting).
struct ServiceAttribute
{
    bool variable = true; // false: informational only, nothing to send
    QString code;
    QString datatype; // string | number | datetime | text | singlevaluelist | multivaluelist
    bool required = false;
    QString datatypeDescription;
    int order = 0;
    QString description;
    QList<AttributeValue> values;

    static bool isKnownDatatype(const QString &datatype);
};

// One entry of GET services: a category of report.
struct Service
{
    QString code;
    QString name;
    QString description;
    bool metadata = false; // true: GET services/{code} has attributes
    QString type = QStringLiteral("realtime");
    QString keywords; // comma separated
    QString group;
};

// GET services/{code}: the attributes of one service.
struct ServiceDefinition
{
    QString serviceCode;
    QList<ServiceAttribute> attributes;
};

// One row of a request's status history (Hue-S extension "status_history").
struct StatusChange
{
    QString detailedStatus; // submitted | in_progress | closed | reopened
    QString status;         // open | closed
    QString note;
    QString agency;
    QDateTime at;
};

// The reporter's rating of a closed request (Hue-S extension "hues_rating").
struct Rating
{
    bool satisfied = false;
    QString comment;
    QDateTime at;
};

// One service request as GET requests and GET requests/{id} return it. Never says who
// reported it.
struct ServiceRequest
{
    QString id;
    QString status; // open | closed
    QString statusNotes;
    QString serviceName;
    QString serviceCode;
    QString description;
    QString agencyResponsible;
    QString serviceNotice;
    QDateTime requested;
    QDateTime updated;
    QDateTime expected; // invalid: none
    QString address;
    QString addressId;
    QString zipcode;
    std::optional<double> lat;
    std::optional<double> lon;
    QString mediaUrl; // the first photo, absolute URL ("" none)

    // Hue-S extensions.
    QString detailedStatus; // submitted | in_progress | closed | reopened
    QStringList mediaUrls;  // every photo, absolute URLs
    // Only in GET requests/{id}: "status_history", oldest first.
    std::optional<QList<StatusChange>> history;
    // Only in GET requests/{id} when the caller's bearer token is the reporter's:
    bool mine = false;            // "hues_mine"
    std::optional<Rating> rating; // "hues_rating" (null: not rated for the current closure)
    QDateTime reopenUntil;        // "hues_reopen_until" (invalid: not reopenable)
};

// The answer to POST requests: one element per created request.
struct CreatedRequest
{
    QString id;
    QString notice;
    QString accountId; // "" is written as null
};

// One element of the spec's error array.
struct Open311Error
{
    int code = 400;
    QString description;
};

// JSON forms (the spec's "Spark convention" mapping of its XML). Empty optional strings are
// written as null; readers accept null, strings and (as in the spec's examples) numbers for
// ids, codes, keys, address_id and zipcode. On error the readers return false and set *error
// (naming the field, never quoting its value).
QJsonObject toJson(const AttributeValue &value);
QJsonObject toJson(const ServiceAttribute &attribute);
QJsonObject toJson(const Service &service);
QJsonObject toJson(const ServiceDefinition &definition);
QJsonObject toJson(const StatusChange &change);
QJsonObject toJson(const Rating &rating);
QJsonObject toJson(const ServiceRequest &request);
QJsonObject toJson(const CreatedRequest &created);
QJsonObject toJson(const Open311Error &error);

bool fromJson(const QJsonValue &json, AttributeValue *value, QString *error);
bool fromJson(const QJsonValue &json, ServiceAttribute *attribute, QString *error);
bool fromJson(const QJsonValue &json, Service *service, QString *error);
bool fromJson(const QJsonValue &json, ServiceDefinition *definition, QString *error);
bool fromJson(const QJsonValue &json, StatusChange *change, QString *error);
bool fromJson(const QJsonValue &json, Rating *rating, QString *error);
bool fromJson(const QJsonValue &json, ServiceRequest *request, QString *error);
bool fromJson(const QJsonValue &json, CreatedRequest *created, QString *error);
bool fromJson(const QJsonValue &json, Open311Error *error, QString *why);

namespace open311 {

enum class Format { Json, Xml };

// "application/json; charset=utf-8" or "text/xml; charset=utf-8" (spec, "Format Support").
QByteArray contentType(Format format);
// "json" -> Json, "xml" -> Xml; false for anything else.
bool formatFromExtension(QStringView extension, Format *format);

// Whole response documents: a JSON array (or object for a definition), or UTF-8 XML with
// the declaration, root element and element names of the spec.
QByteArray servicesDocument(const QList<Service> &services, Format format);
QByteArray definitionDocument(const ServiceDefinition &definition, Format format);
QByteArray requestsDocument(const QList<ServiceRequest> &requests, Format format);
QByteArray createdDocument(const QList<CreatedRequest> &created, Format format);
QByteArray errorsDocument(const QList<Open311Error> &errors, Format format);

// JSON response documents read back (the app's client). False and *error on anything that
// is not the expected shape.
bool parseServices(const QByteArray &json, QList<Service> *services, QString *error);
bool parseDefinition(const QByteArray &json, ServiceDefinition *definition, QString *error);
bool parseRequests(const QByteArray &json, QList<ServiceRequest> *requests, QString *error);
bool parseCreated(const QByteArray &json, QList<CreatedRequest> *created, QString *error);
bool parseErrors(const QByteArray &json, QList<Open311Error> *errors, QString *error);

// W3C-profile ISO 8601 with the offset ("2026-11-28T09:30:00+07:00", "...Z" for UTC); an
// invalid time gives "".
QString formatDateTime(const QDateTime &time);
// Parses the same (an offset or Z is required); invalid QDateTime on failure.
QDateTime parseDateTime(const QString &text);

} // namespace open311

} // namespace reports
