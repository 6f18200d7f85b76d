#include "reports/Open311.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QXmlStreamWriter>

#include <cmath>

namespace reports {

namespace {

QJsonValue optionalString(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue optionalTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(open311::formatDateTime(time)) : QJsonValue();
}

QString numberText(double value)
{
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool requireObject(const QJsonValue &json, const char *what, QJsonObject *object, QString *error)
{
    if (!json.isObject())
        return fail(error, QStringLiteral("%1 is not a JSON object").arg(QLatin1String(what)));
    *object = json.toObject();
    return true;
}

// A text field: a string, null/absent (""), or, when lenient, a number written as text.
bool readText(const QJsonObject &object, const char *key, QString *out, QString *error,
              bool required = false, bool numberAllowed = false)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isString()) {
        *out = value.toString();
    } else if (numberAllowed && value.isDouble()) {
        *out = numberText(value.toDouble());
    } else if (value.isNull() || value.isUndefined()) {
        out->clear();
    } else {
        return fail(error, QStringLiteral("\"%1\" has the wrong type").arg(QLatin1String(key)));
    }
    if (required && out->isEmpty())
        return fail(error, QStringLiteral("\"%1\" is missing").arg(QLatin1String(key)));
    return true;
}

bool readBool(const QJsonObject &object, const char *key, bool *out, QString *error, bool fallback)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isBool()) {
        *out = value.toBool();
    } else if (value.isString() && (value.toString() == u"true" || value.toString() == u"false")) {
        *out = value.toString() == u"true";
    } else if (value.isNull() || value.isUndefined()) {
        *out = fallback;
    } else {
        return fail(error, QStringLiteral("\"%1\" is not a boolean").arg(QLatin1String(key)));
    }
    return true;
}

bool readTime(const QJsonObject &object, const char *key, QDateTime *out, QString *error)
{
    QString text;
    if (!readText(object, key, &text, error))
        return false;
    if (text.isEmpty()) {
        *out = QDateTime();
        return true;
    }
    *out = open311::parseDateTime(text);
    if (!out->isValid())
        return fail(error, QStringLiteral("\"%1\" is not an ISO 8601 time with an offset")
                               .arg(QLatin1String(key)));
    return true;
}

bool readCoordinate(const QJsonObject &object, const char *key, std::optional<double> *out,
                    QString *error)
{
    const QJsonValue value = object.value(QLatin1String(key));
    out->reset();
    if (value.isNull() || value.isUndefined())
        return true;
    double number = 0;
    bool ok = value.isDouble();
    if (ok) {
        number = value.toDouble();
    } else if (value.isString()) {
        number = value.toString().toDouble(&ok);
    }
    if (!ok || !std::isfinite(number))
        return fail(error, QStringLiteral("\"%1\" is not a number").arg(QLatin1String(key)));
    *out = number;
    return true;
}

template <typename T>
bool readArray(const QJsonValue &json, const char *what, QList<T> *out, QString *error)
{
    out->clear();
    if (json.isNull() || json.isUndefined())
        return true;
    if (!json.isArray())
        return fail(error, QStringLiteral("\"%1\" is not an array").arg(QLatin1String(what)));
    const QJsonArray array = json.toArray();
    out->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        T item;
        QString why;
        if (!fromJson(array.at(i), &item, &why))
            return fail(error,
                        QStringLiteral("%1[%2]: %3").arg(QLatin1String(what)).arg(i).arg(why));
        out->append(item);
    }
    return true;
}

template <typename T> QJsonArray toArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

template <typename T>
bool parseArrayDocument(const QByteArray &json, const char *what, QList<T> *out, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("malformed JSON at offset %1: %2")
                               .arg(parseError.offset)
                               .arg(parseError.errorString()));
    if (!document.isArray())
        return fail(error,
                    QStringLiteral("the %1 document is not a JSON array").arg(QLatin1String(what)));
    return readArray(QJsonValue(document.array()), what, out, error);
}

QByteArray jsonBytes(const QJsonArray &array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// XML 1.0 allows only TAB, LF, CR among the C0 controls, and no lone surrogates or U+FFFE/F.
QString xmlSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
            continue;
        }
        const bool bad = (u < 0x20 && u != 0x09 && u != 0x0A && u != 0x0D) || c.isSurrogate() ||
                         u == 0xFFFE || u == 0xFFFF;
        out.append(bad ? QChar(QChar::ReplacementCharacter) : c);
    }
    return out;
}

class Xml
{
public:
    explicit Xml(const char *root) : m_writer(&m_bytes)
    {
        m_writer.writeStartDocument(QStringLiteral("1.0"));
        m_writer.writeStartElement(QLatin1String(root));
    }
    void start(const char *name) { m_writer.writeStartElement(QLatin1String(name)); }
    void end() { m_writer.writeEndElement(); }
    void text(const char *name, const QString &value)
    {
        m_writer.writeTextElement(QLatin1String(name), xmlSafe(value));
    }
    void boolean(const char *name, bool value)
    {
        text(name, value ? QStringLiteral("true") : QStringLiteral("false"));
    }
    void time(const char *name, const QDateTime &value)
    {
        text(name, open311::formatDateTime(value));
    }
    void number(const char *name, const std::optional<double> &value)
    {
        text(name, value ? QString::number(*value, 'g', 12) : QString());
    }
    QByteArray finish()
    {
        m_writer.writeEndElement();
        m_writer.writeEndDocument();
        return m_bytes;
    }

private:
    QByteArray m_bytes;
    QXmlStreamWriter m_writer;
};

void writeRequestXml(Xml &xml, const ServiceRequest &r)
{
    xml.start("request");
    xml.text("service_request_id", r.id);
    xml.text("status", r.status);
    xml.text("status_notes", r.statusNotes);
    xml.text("service_name", r.serviceName);
    xml.text("service_code", r.serviceCode);
    xml.text("description", r.description);
    xml.text("agency_responsible", r.agencyResponsible);
    xml.text("service_notice", r.serviceNotice);
    xml.time("requested_datetime", r.requested);
    xml.time("updated_datetime", r.updated);
    xml.time("expected_datetime", r.expected);
    xml.text("address", r.address);
    xml.text("address_id", r.addressId);
    xml.text("zipcode", r.zipcode);
    xml.number("lat", r.lat);
    xml.number("long", r.lon);
    xml.text("media_url", r.mediaUrl);
    xml.text("detailed_status", r.detailedStatus);
    xml.start("media_urls");
    for (const QString &url : r.mediaUrls)
        xml.text("media_url", url);
    xml.end();
    if (r.history) {
        xml.start("status_history");
        for (const StatusChange &change : *r.history) {
            xml.start("status_change");
            xml.text("detailed_status", change.detailedStatus);
            xml.text("status", change.status);
            xml.text("note", change.note);
            xml.text("agency", change.agency);
            xml.time("at", change.at);
            xml.end();
        }
        xml.end();
    }
    if (r.mine) {
        xml.boolean("hues_mine", true);
        if (r.rating) {
            xml.start("hues_rating");
            xml.boolean("satisfied", r.rating->satisfied);
            xml.text("comment", r.rating->comment);
            xml.time("at", r.rating->at);
            xml.end();
        } else {
            xml.text("hues_rating", QString());
        }
        xml.time("hues_reopen_until", r.reopenUntil);
    }
    xml.end();
}

} // namespace

bool ServiceAttribute::isKnownDatatype(const QString &datatype)
{
    static const QStringList known = {
        QStringLiteral("string"),          QStringLiteral("number"),
        QStringLiteral("datetime"),        QStringLiteral("text"),
        QStringLiteral("singlevaluelist"), QStringLiteral("multivaluelist")};
    return known.contains(datatype);
}

QJsonObject toJson(const AttributeValue &value)
{
    return {{QStringLiteral("key"), value.key}, {QStringLiteral("name"), value.name}};
}

QJsonObject toJson(const ServiceAttribute &a)
{
    return {
        {QStringLiteral("variable"), a.variable},
        {QStringLiteral("code"), a.code},
        {QStringLiteral("datatype"), a.datatype},
        {QStringLiteral("required"), a.required},
        {QStringLiteral("datatype_description"), optionalString(a.datatypeDescription)},
        {QStringLiteral("order"), a.order},
        {QStringLiteral("description"), a.description},
        {QStringLiteral("values"), toArray(a.values)},
    };
}

QJsonObject toJson(const Service &s)
{
    return {
        {QStringLiteral("service_code"), s.code},
        {QStringLiteral("service_name"), s.name},
        {QStringLiteral("description"), s.description},
        {QStringLiteral("metadata"), s.metadata},
        {QStringLiteral("type"), s.type},
        {QStringLiteral("keywords"), s.keywords},
        {QStringLiteral("group"), s.group},
    };
}

QJsonObject toJson(const ServiceDefinition &d)
{
    return {{QStringLiteral("service_code"), d.serviceCode},
            {QStringLiteral("attributes"), toArray(d.attributes)}};
}

QJsonObject toJson(const StatusChange &c)
{
    return {
        {QStringLiteral("detailed_status"), c.detailedStatus},
        {QStringLiteral("status"), c.status},
        {QStringLiteral("note"), optionalString(c.note)},
        {QStringLiteral("agency"), optionalString(c.agency)},
        {QStringLiteral("at"), optionalTime(c.at)},
    };
}

QJsonObject toJson(const Rating &r)
{
    return {{QStringLiteral("satisfied"), r.satisfied},
            {QStringLiteral("comment"), optionalString(r.comment)},
            {QStringLiteral("at"), optionalTime(r.at)}};
}

QJsonObject toJson(const ServiceRequest &r)
{
    QJsonObject o{
        {QStringLiteral("service_request_id"), r.id},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("status_notes"), optionalString(r.statusNotes)},
        {QStringLiteral("service_name"), r.serviceName},
        {QStringLiteral("service_code"), r.serviceCode},
        {QStringLiteral("description"), optionalString(r.description)},
        {QStringLiteral("agency_responsible"), optionalString(r.agencyResponsible)},
        {QStringLiteral("service_notice"), optionalString(r.serviceNotice)},
        {QStringLiteral("requested_datetime"), optionalTime(r.requested)},
        {QStringLiteral("updated_datetime"), optionalTime(r.updated)},
        {QStringLiteral("expected_datetime"), optionalTime(r.expected)},
        {QStringLiteral("address"), optionalString(r.address)},
        {QStringLiteral("address_id"), optionalString(r.addressId)},
        {QStringLiteral("zipcode"), optionalString(r.zipcode)},
        {QStringLiteral("lat"), r.lat ? QJsonValue(*r.lat) : QJsonValue()},
        {QStringLiteral("long"), r.lon ? QJsonValue(*r.lon) : QJsonValue()},
        {QStringLiteral("media_url"), optionalString(r.mediaUrl)},
        {QStringLiteral("detailed_status"), r.detailedStatus},
        {QStringLiteral("media_urls"), QJsonArray::fromStringList(r.mediaUrls)},
    };
    if (r.history)
        o.insert(QStringLiteral("status_history"), toArray(*r.history));
    if (r.mine) {
        o.insert(QStringLiteral("hues_mine"), true);
        o.insert(QStringLiteral("hues_rating"),
                 r.rating ? QJsonValue(toJson(*r.rating)) : QJsonValue());
        o.insert(QStringLiteral("hues_reopen_until"), optionalTime(r.reopenUntil));
    }
    return o;
}

QJsonObject toJson(const CreatedRequest &c)
{
    return {{QStringLiteral("service_request_id"), c.id},
            {QStringLiteral("service_notice"), optionalString(c.notice)},
            {QStringLiteral("account_id"), optionalString(c.accountId)}};
}

QJsonObject toJson(const Open311Error &e)
{
    return {{QStringLiteral("code"), e.code}, {QStringLiteral("description"), e.description}};
}

bool fromJson(const QJsonValue &json, AttributeValue *value, QString *error)
{
    QJsonObject o;
    return requireObject(json, "value", &o, error) &&
           readText(o, "key", &value->key, error, true, true) &&
           readText(o, "name", &value->name, error);
}

bool fromJson(const QJsonValue &json, ServiceAttribute *a, QString *error)
{
    QJsonObject o;
    if (!requireObject(json, "attribute", &o, error) ||
        !readBool(o, "variable", &a->variable, error, true) ||
        !readText(o, "code", &a->code, error, true, true) ||
        !readText(o, "datatype", &a->datatype, error, true) ||
        !readBool(o, "required", &a->required, error, false) ||
        !readText(o, "datatype_description", &a->datatypeDescription, error) ||
        !readText(o, "description", &a->description, error) ||
        !readArray(o.value(QStringLiteral("values")), "values", &a->values, error))
        return false;
    const QJsonValue order = o.value(QStringLiteral("order"));
    if (order.isDouble() && order.toDouble() == std::floor(order.toDouble()) &&
        std::fabs(order.toDouble()) < 1e9)
        a->order = order.toInt();
    else if (order.isNull() || order.isUndefined())
        a->order = 0;
    else
        return fail(error, QStringLiteral("\"order\" is not an integer"));
    return true;
}

bool fromJson(const QJsonValue &json, Service *s, QString *error)
{
    QJsonObject o;
    return requireObject(json, "service", &o, error) &&
           readText(o, "service_code", &s->code, error, true, true) &&
           readText(o, "service_name", &s->name, error) &&
           readText(o, "description", &s->description, error) &&
           readBool(o, "metadata", &s->metadata, error, false) &&
           readText(o, "type", &s->type, error) && readText(o, "keywords", &s->keywords, error) &&
           readText(o, "group", &s->group, error);
}

bool fromJson(const QJsonValue &json, ServiceDefinition *d, QString *error)
{
    QJsonObject o;
    return requireObject(json, "service definition", &o, error) &&
           readText(o, "service_code", &d->serviceCode, error, true, true) &&
           readArray(o.value(QStringLiteral("attributes")), "attributes", &d->attributes, error);
}

bool fromJson(const QJsonValue &json, StatusChange *c, QString *error)
{
    QJsonObject o;
    return requireObject(json, "status change", &o, error) &&
           readText(o, "detailed_status", &c->detailedStatus, error) &&
           readText(o, "status", &c->status, error) && readText(o, "note", &c->note, error) &&
           readText(o, "agency", &c->agency, error) && readTime(o, "at", &c->at, error);
}

bool fromJson(const QJsonValue &json, Rating *r, QString *error)
{
    QJsonObject o;
    return requireObject(json, "rating", &o, error) &&
           readBool(o, "satisfied", &r->satisfied, error, false) &&
           readText(o, "comment", &r->comment, error) && readTime(o, "at", &r->at, error);
}

bool fromJson(const QJsonValue &json, ServiceRequest *r, QString *error)
{
    QJsonObject o;
    if (!requireObject(json, "request", &o, error) ||
        !readText(o, "service_request_id", &r->id, error, true, true) ||
        !readText(o, "status", &r->status, error) ||
        !readText(o, "status_notes", &r->statusNotes, error) ||
        !readText(o, "service_name", &r->serviceName, error) ||
        !readText(o, "service_code", &r->serviceCode, error, false, true) ||
        !readText(o, "description", &r->description, error) ||
        !readText(o, "agency_responsible", &r->agencyResponsible, error) ||
        !readText(o, "service_notice", &r->serviceNotice, error) ||
        !readTime(o, "requested_datetime", &r->requested, error) ||
        !readTime(o, "updated_datetime", &r->updated, error) ||
        !readTime(o, "expected_datetime", &r->expected, error) ||
        !readText(o, "address", &r->address, error) ||
        !readText(o, "address_id", &r->addressId, error, false, true) ||
        !readText(o, "zipcode", &r->zipcode, error, false, true) ||
        !readCoordinate(o, "lat", &r->lat, error) || !readCoordinate(o, "long", &r->lon, error) ||
        !readText(o, "media_url", &r->mediaUrl, error) ||
        !readText(o, "detailed_status", &r->detailedStatus, error))
        return false;
    r->mediaUrls.clear();
    const QJsonValue urls = o.value(QStringLiteral("media_urls"));
    if (urls.isArray()) {
        for (const QJsonValue &url : urls.toArray()) {
            if (!url.isString())
                return fail(error, QStringLiteral("\"media_urls\" holds a non-string"));
            r->mediaUrls.append(url.toString());
        }
    } else if (!urls.isNull() && !urls.isUndefined()) {
        return fail(error, QStringLiteral("\"media_urls\" is not an array"));
    } else if (!r->mediaUrl.isEmpty()) {
        r->mediaUrls.append(r->mediaUrl); // a plain Open311 server: its one media_url
    }
    r->history.reset();
    if (o.contains(QStringLiteral("status_history"))) {
        QList<StatusChange> history;
        if (!readArray(o.value(QStringLiteral("status_history")), "status_history", &history,
                       error))
            return false;
        r->history = history;
    }
    if (!readBool(o, "hues_mine", &r->mine, error, false))
        return false;
    r->rating.reset();
    const QJsonValue rating = o.value(QStringLiteral("hues_rating"));
    if (!rating.isNull() && !rating.isUndefined()) {
        Rating value;
        QString why;
        if (!fromJson(rating, &value, &why))
            return fail(error, QStringLiteral("hues_rating: ") + why);
        r->rating = value;
    }
    return readTime(o, "hues_reopen_until", &r->reopenUntil, error);
}

bool fromJson(const QJsonValue &json, CreatedRequest *c, QString *error)
{
    QJsonObject o;
    return requireObject(json, "created request", &o, error) &&
           readText(o, "service_request_id", &c->id, error, true, true) &&
           readText(o, "service_notice", &c->notice, error) &&
           readText(o, "account_id", &c->accountId, error, false, true);
}

bool fromJson(const QJsonValue &json, Open311Error *e, QString *why)
{
    QJsonObject o;
    if (!requireObject(json, "error", &o, why))
        return false;
    const QJsonValue code = o.value(QStringLiteral("code"));
    bool ok = code.isDouble() && code.toDouble() == std::floor(code.toDouble()) &&
              std::fabs(code.toDouble()) < 1e6;
    int number = ok ? code.toInt() : 0;
    if (!ok && code.isString())
        number = code.toString().toInt(&ok);
    if (!ok)
        return fail(why, QStringLiteral("\"code\" is not an integer"));
    e->code = number;
    return readText(o, "description", &e->description, why);
}

namespace open311 {

QByteArray contentType(Format format)
{
    return format == Format::Json ? QByteArrayLiteral("application/json; charset=utf-8")
                                  : QByteArrayLiteral("text/xml; charset=utf-8");
}

bool formatFromExtension(QStringView extension, Format *format)
{
    if (extension == u"json")
        *format = Format::Json;
    else if (extension == u"xml")
        *format = Format::Xml;
    else
        return false;
    return true;
}

QByteArray servicesDocument(const QList<Service> &services, Format format)
{
    if (format == Format::Json)
        return jsonBytes(toArray(services));
    Xml xml("services");
    for (const Service &s : services) {
        xml.start("service");
        xml.text("service_code", s.code);
        xml.text("service_name", s.name);
        xml.text("description", s.description);
        xml.boolean("metadata", s.metadata);
        xml.text("type", s.type);
        xml.text("keywords", s.keywords);
        xml.text("group", s.group);
        xml.end();
    }
    return xml.finish();
}

QByteArray definitionDocument(const ServiceDefinition &definition, Format format)
{
    if (format == Format::Json)
        return QJsonDocument(toJson(definition)).toJson(QJsonDocument::Compact);
    Xml xml("service_definition");
    xml.text("service_code", definition.serviceCode);
    xml.start("attributes");
    for (const ServiceAttribute &a : definition.attributes) {
        xml.start("attribute");
        xml.boolean("variable", a.variable);
        xml.text("code", a.code);
        xml.text("datatype", a.datatype);
        xml.boolean("required", a.required);
        xml.text("datatype_description", a.datatypeDescription);
        xml.text("order", QString::number(a.order));
        xml.text("description", a.description);
        xml.start("values");
        for (const AttributeValue &v : a.values) {
            xml.start("value");
            xml.text("key", v.key);
            xml.text("name", v.name);
            xml.end();
        }
        xml.end();
        xml.end();
    }
    xml.end();
    return xml.finish();
}

QByteArray requestsDocument(const QList<ServiceRequest> &requests, Format format)
{
    if (format == Format::Json)
        return jsonBytes(toArray(requests));
    Xml xml("service_requests");
    for (const ServiceRequest &r : requests)
        writeRequestXml(xml, r);
    return xml.finish();
}

QByteArray createdDocument(const QList<CreatedRequest> &created, Format format)
{
    if (format == Format::Json)
        return jsonBytes(toArray(created));
    Xml xml("service_requests");
    for (const CreatedRequest &c : created) {
        xml.start("request");
        xml.text("service_request_id", c.id);
        xml.text("service_notice", c.notice);
        xml.text("account_id", c.accountId);
        xml.end();
    }
    return xml.finish();
}

QByteArray errorsDocument(const QList<Open311Error> &errors, Format format)
{
    if (format == Format::Json)
        return jsonBytes(toArray(errors));
    Xml xml("errors");
    for (const Open311Error &e : errors) {
        xml.start("error");
        xml.text("code", QString::number(e.code));
        xml.text("description", e.description);
        xml.end();
    }
    return xml.finish();
}

bool parseServices(const QByteArray &json, QList<Service> *services, QString *error)
{
    return parseArrayDocument(json, "services", services, error);
}

bool parseDefinition(const QByteArray &json, ServiceDefinition *definition, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("malformed JSON at offset %1: %2")
                               .arg(parseError.offset)
                               .arg(parseError.errorString()));
    if (!document.isObject())
        return fail(error, QStringLiteral("the service definition is not a JSON object"));
    return fromJson(QJsonValue(document.object()), definition, error);
}

bool parseRequests(const QByteArray &json, QList<ServiceRequest> *requests, QString *error)
{
    return parseArrayDocument(json, "requests", requests, error);
}

bool parseCreated(const QByteArray &json, QList<CreatedRequest> *created, QString *error)
{
    return parseArrayDocument(json, "created requests", created, error);
}

bool parseErrors(const QByteArray &json, QList<Open311Error> *errors, QString *error)
{
    return parseArrayDocument(json, "errors", errors, error);
}

QString formatDateTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    if (time.timeSpec() == Qt::UTC)
        return time.toString(Qt::ISODate);
    return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
}

QDateTime parseDateTime(const QString &text)
{
    static const QRegularExpression w3c(QStringLiteral(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$)"));
    if (text.size() > 40 || !w3c.match(text).hasMatch())
        return QDateTime();
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace open311

} // namespace reports
