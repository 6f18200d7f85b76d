#include "ReportDraft.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace reports {

namespace {

// Coordinates as the form sends them: enough digits for a centimetre, no exponent.
QString coordinate(double value)
{
    return QString::number(value, 'f', 7);
}

bool isLatitude(double v)
{
    return std::isfinite(v) && v >= -90.0 && v <= 90.0;
}

bool isLongitude(double v)
{
    return std::isfinite(v) && v >= -180.0 && v <= 180.0;
}

// Characters as the server counts them (a surrogate pair is one).
qsizetype characters(const QString &text)
{
    return std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isLowSurrogate(); });
}

// Control characters are refused (line breaks only where the text may have several lines).
bool hasControl(const QString &text, bool multiline)
{
    return std::any_of(text.begin(), text.end(), [multiline](QChar c) {
        const char16_t u = c.unicode();
        if (u == '\n' || u == '\r')
            return !multiline;
        return (u < 0x20 && u != '\t') || u == 0x7F;
    });
}

} // namespace

QJsonObject ReportDraft::toPayload() const
{
    QJsonObject o{{QStringLiteral("service_code"), serviceCode}};
    if (!serviceName.isEmpty())
        o.insert(QStringLiteral("service_name"), serviceName);
    if (lat && lon) {
        o.insert(QStringLiteral("lat"), *lat);
        o.insert(QStringLiteral("long"), *lon);
    }
    if (!address.isEmpty())
        o.insert(QStringLiteral("address_string"), address);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    QJsonArray attrs;
    for (const DraftAttribute &a : attributes)
        attrs.append(QJsonObject{{QStringLiteral("code"), a.code},
                                 {QStringLiteral("values"), QJsonArray::fromStringList(a.values)},
                                 {QStringLiteral("multiple"), a.multiple}});
    if (!attrs.isEmpty())
        o.insert(QStringLiteral("attributes"), attrs);
    return o;
}

bool ReportDraft::fromPayload(const QJsonObject &payload, ReportDraft *draft, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    ReportDraft d;
    d.serviceCode = payload.value(QLatin1String("service_code")).toString();
    if (d.serviceCode.isEmpty())
        return fail(QStringLiteral("the report has no service_code"));
    d.serviceName = payload.value(QLatin1String("service_name")).toString();
    const QJsonValue lat = payload.value(QLatin1String("lat"));
    const QJsonValue lon = payload.value(QLatin1String("long"));
    if (lat.isDouble() != lon.isDouble())
        return fail(QStringLiteral("the report has only one coordinate"));
    if (lat.isDouble()) {
        d.lat = lat.toDouble();
        d.lon = lon.toDouble();
    }
    d.address = payload.value(QLatin1String("address_string")).toString();
    d.description = payload.value(QLatin1String("description")).toString();
    const QJsonValue attrs = payload.value(QLatin1String("attributes"));
    if (!attrs.isUndefined() && !attrs.isArray())
        return fail(QStringLiteral("the report's attributes are not a list"));
    for (const QJsonValue &v : attrs.toArray()) {
        const QJsonObject a = v.toObject();
        DraftAttribute attribute;
        attribute.code = a.value(QLatin1String("code")).toString();
        attribute.multiple = a.value(QLatin1String("multiple")).toBool();
        for (const QJsonValue &value : a.value(QLatin1String("values")).toArray()) {
            if (!value.isString())
                return fail(QStringLiteral("an attribute value is not text"));
            attribute.values << value.toString();
        }
        if (attribute.code.isEmpty())
            return fail(QStringLiteral("an attribute has no code"));
        d.attributes.append(attribute);
    }
    *draft = d;
    return true;
}

QList<QPair<QString, QString>> ReportDraft::formFields() const
{
    QList<QPair<QString, QString>> fields{{QStringLiteral("service_code"), serviceCode}};
    if (lat && lon) {
        fields.append({QStringLiteral("lat"), coordinate(*lat)});
        fields.append({QStringLiteral("long"), coordinate(*lon)});
    }
    if (!address.isEmpty())
        fields.append({QStringLiteral("address_string"), address});
    if (!description.isEmpty())
        fields.append({QStringLiteral("description"), description});
    for (const DraftAttribute &a : attributes) {
        // Open311: attribute[CODE]=value; a multivaluelist repeats attribute[CODE][]=value.
        const QString name = QStringLiteral("attribute[%1]").arg(a.code);
        if (a.multiple) {
            for (const QString &v : a.values)
                fields.append({name + QStringLiteral("[]"), v});
        } else if (!a.values.isEmpty()) {
            fields.append({name, a.values.constFirst()});
        }
    }
    return fields;
}

QStringList ReportDraft::problems(const QList<Service> &services,
                                  const ServiceDefinition *definition, int photoCount) const
{
    QStringList out;
    if (serviceCode.isEmpty()) {
        out << QCoreApplication::translate("reports::ReportDraft", "Choose a category.");
    } else if (!services.isEmpty() &&
               std::none_of(services.cbegin(), services.cend(),
                            [this](const Service &s) { return s.code == serviceCode; })) {
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "The category %1 does not exist on this server.")
                   .arg(serviceCode);
    }
    if (lat.has_value() != lon.has_value())
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "Give both latitude and longitude.");
    if (lat && !isLatitude(*lat))
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "The latitude must be between -90 and 90.");
    if (lon && !isLongitude(*lon))
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "The longitude must be between -180 and 180.");
    if (!lat && !lon && address.trimmed().isEmpty())
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "Give the place: a position on the map or an address.");
    if (characters(address) > kMaxAddressLength)
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "The address is too long (at most %1 characters).")
                   .arg(kMaxAddressLength);
    else if (hasControl(address, false))
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "The address must be one line of text.");
    if (characters(description) > kMaxDescriptionLength)
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "The description is too long (at most %1 characters).")
                   .arg(kMaxDescriptionLength);
    else if (hasControl(description, true))
        out << QCoreApplication::translate(
            "reports::ReportDraft", "The description contains characters that cannot be sent.");
    if (photoCount > kMaxPhotos)
        out << QCoreApplication::translate("reports::ReportDraft",
                                           "At most %1 photos can be sent with a report.")
                   .arg(kMaxPhotos);

    if (!definition)
        return out;
    for (const DraftAttribute &a : attributes) {
        const auto it = std::find_if(definition->attributes.cbegin(), definition->attributes.cend(),
                                     [&a](const ServiceAttribute &s) { return s.code == a.code; });
        if (it == definition->attributes.cend() || !it->variable) {
            out << QCoreApplication::translate("reports::ReportDraft",
                                               "This category has no question %1.")
                       .arg(a.code);
            continue;
        }
        const QString label = it->description.isEmpty() ? it->code : it->description;
        const bool list = it->datatype == QLatin1String("singlevaluelist") ||
                          it->datatype == QLatin1String("multivaluelist");
        if (a.multiple != (it->datatype == QLatin1String("multivaluelist")) ||
            (!a.multiple && a.values.size() > 1)) {
            out << QCoreApplication::translate("reports::ReportDraft", "Give one answer to \"%1\".")
                       .arg(label);
            continue;
        }
        for (const QString &v : a.values) {
            if (list && std::none_of(it->values.cbegin(), it->values.cend(),
                                     [&v](const AttributeValue &x) { return x.key == v; })) {
                out << QCoreApplication::translate("reports::ReportDraft",
                                                   "\"%1\" is not an allowed answer to \"%2\".")
                           .arg(v, label);
            } else if (it->datatype == QLatin1String("number")) {
                bool ok = false;
                const double number = v.toDouble(&ok);
                if (!ok || !std::isfinite(number))
                    out << QCoreApplication::translate("reports::ReportDraft",
                                                       "The answer to \"%1\" must be a number.")
                               .arg(label);
            } else if (it->datatype == QLatin1String("datetime") &&
                       !open311::parseDateTime(v).isValid()) {
                out << QCoreApplication::translate("reports::ReportDraft",
                                                   "The answer to \"%1\" must be a date and time.")
                           .arg(label);
            }
        }
    }
    for (const ServiceAttribute &s : definition->attributes) {
        if (!s.variable || !s.required)
            continue;
        const bool answered =
            std::any_of(attributes.cbegin(), attributes.cend(), [&s](const DraftAttribute &a) {
                return a.code == s.code &&
                       std::any_of(a.values.cbegin(), a.values.cend(),
                                   [](const QString &v) { return !v.trimmed().isEmpty(); });
            });
        if (!answered)
            out << QCoreApplication::translate("reports::ReportDraft",
                                               "Answer \"%1\": it is required for this category.")
                       .arg(s.description.isEmpty() ? s.code : s.description);
    }
    return out;
}

} // namespace reports
