#include "Cap.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace alerts {

const QString kCapNamespace = QStringLiteral("urn:oasis:names:tc:emergency:cap:1.2");

namespace {

constexpr int kMaxErrors = 100;

// A value quoted in an error message, shortened so that an error never carries a document.
QString quoted(QStringView value)
{
    constexpr qsizetype kMax = 40;
    if (value.size() <= kMax)
        return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
    return QLatin1Char('\'') + value.left(kMax).toString() + QStringLiteral("...'");
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isXmlSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') ||
           c == QLatin1Char('\r');
}

// A plain decimal number: optional sign, digits, optional fraction. No exponent, no inf/nan.
bool parseDecimal(QStringView text, double *out)
{
    qsizetype i = 0;
    if (!text.isEmpty() && (text[0] == QLatin1Char('-') || text[0] == QLatin1Char('+')))
        ++i;
    bool digits = false;
    bool dot = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (isAsciiDigit(c))
            digits = true;
        else if (c == QLatin1Char('.') && !dot)
            dot = true;
        else
            return false;
    }
    if (!digits)
        return false;
    // Checked to be ASCII above: convert without QLocale (a quarter of the parse time).
    char buffer[64];
    if (text.size() <= qsizetype(sizeof buffer)) {
        qsizetype n = 0;
        for (qsizetype k = text[0] == QLatin1Char('+') ? 1 : 0; k < text.size(); ++k)
            buffer[n++] = char(text[k].unicode());
        double value = 0;
        const auto [end, error] = std::from_chars(buffer, buffer + n, value);
        if (error != std::errc() || end != buffer + n || !std::isfinite(value))
            return false;
        *out = value;
        return true;
    }
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value))
        return false;
    *out = value;
    return true;
}

// The shortest decimal that reads back to the same double, never in exponent form.
QString formatDecimal(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

// "lat,lon"
bool parsePoint(QStringView text, geo::LatLon *point)
{
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    return comma > 0 && parseDecimal(text.left(comma), &point->lat) &&
           parseDecimal(text.mid(comma + 1), &point->lon);
}

// Splits on XML whitespace, dropping empty parts.
QList<QStringView> words(QStringView text)
{
    QList<QStringView> out;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || isXmlSpace(text[i]);
        if (space && start >= 0) {
            out.append(text.mid(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    return out;
}

int twoDigits(QStringView s, qsizetype at)
{
    return (s[at].unicode() - '0') * 10 + (s[at + 1].unicode() - '0');
}

// Whether the CAP identifier/sender is free of the characters §3.2.1 forbids.
bool hasForbiddenIdChar(const QString &value)
{
    for (const QChar c : value) {
        if (isXmlSpace(c) || c == QLatin1Char(',') || c == QLatin1Char('<') ||
            c == QLatin1Char('&'))
            return true;
    }
    return false;
}

// RFC 3066 as xs:language: 1-8 letters, then "-" and 1-8 letters or digits, repeated.
bool isLanguageTag(const QString &tag)
{
    const QList<QStringView> parts = QStringView(tag).split(QLatin1Char('-'));
    for (qsizetype p = 0; p < parts.size(); ++p) {
        const QStringView part = parts[p];
        if (part.isEmpty() || part.size() > 8)
            return false;
        for (const QChar c : part) {
            const bool letter = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                                (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
            if (!letter && (p == 0 || !isAsciiDigit(c)))
                return false;
        }
    }
    return !parts.isEmpty();
}

bool sameTime(const QDateTime &a, const QDateTime &b)
{
    if (a.isValid() != b.isValid())
        return false;
    return !a.isValid() || (a == b && a.offsetFromUtc() == b.offsetFromUtc());
}

// --- validation ------------------------------------------------------------------------

struct Issue
{
    QString path;
    QString message;
};

// An element path built on the stack and turned into text only when an error names it:
// "alert/info[1]/area[2]/polygon[1]" (indices 1-based, on elements that may repeat).
struct Path
{
    const Path *parent = nullptr;
    const char *name = "";
    qsizetype index = -1; // 0-based; -1: not indexed

    QString str() const
    {
        QString out = parent ? parent->str() + QLatin1Char('/') : QString();
        out += QLatin1String(name);
        if (index >= 0)
            out += QLatin1Char('[') + QString::number(index + 1) + QLatin1Char(']');
        return out;
    }
};

class Validator
{
public:
    QList<Issue> issues;

    void required(const Path &path, const char *name, const QString &value)
    {
        if (value.isEmpty())
            add(Path{&path, name},
                QCoreApplication::translate("alerts::Cap", "is required but missing or empty"));
    }
    void enumeration(const Path &path, const QString &value, const QStringList &allowed)
    {
        if (!allowed.contains(value))
            add(path, QCoreApplication::translate("alerts::Cap", "%1 is not one of %2")
                          .arg(quoted(value), allowed.join(QLatin1Char(' '))));
    }
    void requiredEnum(const Path &path, const char *name, const QString &value,
                      const QStringList &allowed)
    {
        if (value.isEmpty())
            required(path, name, value);
        else
            enumeration(Path{&path, name}, value, allowed);
    }
    void identifierLike(const Path &path, const char *name, const QString &value)
    {
        if (value.isEmpty())
            required(path, name, value);
        else if (hasForbiddenIdChar(value))
            add(Path{&path, name},
                QCoreApplication::translate("alerts::Cap",
                                            "must not contain spaces, commas, '<' or '&'"));
    }
    // `number` is the point's 0-based index in a polygon, -1 for a circle's centre.
    void point(const Path &path, qsizetype number, const geo::LatLon &p)
    {
        const bool latOk = p.lat >= -90 && p.lat <= 90;
        const bool lonOk = p.lon >= -180 && p.lon <= 180;
        if (latOk && lonOk)
            return;
        const QString what =
            number < 0 ? QCoreApplication::translate("alerts::Cap", "centre")
                       : QCoreApplication::translate("alerts::Cap", "point %1").arg(number + 1);
        if (!latOk)
            add(path,
                QCoreApplication::translate("alerts::Cap", "%1: latitude %2 is outside -90..90")
                    .arg(what, formatDecimal(p.lat)));
        if (!lonOk)
            add(path,
                QCoreApplication::translate("alerts::Cap", "%1: longitude %2 is outside -180..180")
                    .arg(what, formatDecimal(p.lon)));
    }
    void namedValue(const Path &path, const NamedValue &value)
    {
        required(path, "valueName", value.valueName);
    }
    void area(const Path &path, const Area &area)
    {
        required(path, "areaDesc", area.areaDesc);
        for (qsizetype i = 0; i < area.polygons.size(); ++i) {
            const geo::Ring &ring = area.polygons[i];
            const Path p{&path, "polygon", i};
            if (ring.size() < 4) {
                add(p, QCoreApplication::translate(
                           "alerts::Cap",
                           "has %1 points; a polygon needs at least 4 (the first repeated last)")
                           .arg(ring.size()));
                continue;
            }
            if (ring.first() != ring.last())
                add(p, QCoreApplication::translate(
                           "alerts::Cap", "is not closed: the last point must equal the first"));
            for (qsizetype k = 0; k < ring.size(); ++k)
                point(p, k, ring[k]);
        }
        for (qsizetype i = 0; i < area.circles.size(); ++i) {
            const Circle &c = area.circles[i];
            const Path p{&path, "circle", i};
            point(p, -1, c.centre);
            if (!(c.radiusKm >= 0) || !std::isfinite(c.radiusKm))
                add(p, QCoreApplication::translate(
                           "alerts::Cap", "the radius must be a number of kilometres, 0 or more"));
        }
        for (qsizetype i = 0; i < area.geocodes.size(); ++i)
            namedValue(Path{&path, "geocode", i}, area.geocodes[i]);
        if (area.altitude && !std::isfinite(*area.altitude))
            add(Path{&path, "altitude"},
                QCoreApplication::translate("alerts::Cap", "must be a number"));
        if (area.ceiling && !area.altitude)
            add(Path{&path, "ceiling"},
                QCoreApplication::translate("alerts::Cap",
                                            "may only be given together with altitude"));
        if (area.ceiling && !std::isfinite(*area.ceiling))
            add(Path{&path, "ceiling"},
                QCoreApplication::translate("alerts::Cap", "must be a number"));
    }
    void info(const Path &path, const Info &info)
    {
        if (!isLanguageTag(info.language))
            add(Path{&path, "language"},
                QCoreApplication::translate("alerts::Cap", "%1 is not a language tag such as vi-VN")
                    .arg(quoted(info.language)));
        if (info.categories.isEmpty())
            add(Path{&path, "category"},
                QCoreApplication::translate("alerts::Cap", "is required but missing"));
        for (qsizetype i = 0; i < info.categories.size(); ++i)
            enumeration(Path{&path, "category", i}, info.categories[i], categoryValues());
        required(path, "event", info.event);
        for (qsizetype i = 0; i < info.responseTypes.size(); ++i)
            enumeration(Path{&path, "responseType", i}, info.responseTypes[i],
                        responseTypeValues());
        requiredEnum(path, "urgency", info.urgency, urgencyValues());
        requiredEnum(path, "severity", info.severity, severityValues());
        requiredEnum(path, "certainty", info.certainty, certaintyValues());
        for (qsizetype i = 0; i < info.eventCodes.size(); ++i)
            namedValue(Path{&path, "eventCode", i}, info.eventCodes[i]);
        for (qsizetype i = 0; i < info.parameters.size(); ++i)
            namedValue(Path{&path, "parameter", i}, info.parameters[i]);
        for (qsizetype i = 0; i < info.resources.size(); ++i) {
            const Resource &r = info.resources[i];
            const Path p{&path, "resource", i};
            required(p, "resourceDesc", r.resourceDesc);
            required(p, "mimeType", r.mimeType);
            if (r.size && *r.size < 0)
                add(Path{&p, "size"}, QCoreApplication::translate(
                                          "alerts::Cap", "must be a number of bytes, 0 or more"));
        }
        for (qsizetype i = 0; i < info.areas.size(); ++i)
            area(Path{&path, "area", i}, info.areas[i]);
    }
    void alert(const Alert &a)
    {
        const Path path{nullptr, "alert"};
        identifierLike(path, "identifier", a.identifier);
        identifierLike(path, "sender", a.sender);
        if (!a.sent.isValid())
            add(Path{&path, "sent"},
                QCoreApplication::translate("alerts::Cap", "is required but missing or empty"));
        requiredEnum(path, "status", a.status, statusValues());
        requiredEnum(path, "msgType", a.msgType, msgTypeValues());
        requiredEnum(path, "scope", a.scope, scopeValues());
        if (a.scope == QLatin1String("Restricted") && a.restriction.isEmpty())
            add(Path{&path, "restriction"},
                QCoreApplication::translate("alerts::Cap", "is required when scope is Restricted"));
        if (a.scope == QLatin1String("Private") && a.addresses.isEmpty())
            add(Path{&path, "addresses"},
                QCoreApplication::translate("alerts::Cap", "is required when scope is Private"));
        for (qsizetype i = 0; i < a.references.size(); ++i) {
            const Reference &r = a.references[i];
            const Path p{&path, "references"};
            if (r.sender.isEmpty() || hasForbiddenIdChar(r.sender) || r.identifier.isEmpty() ||
                hasForbiddenIdChar(r.identifier) || !r.sent.isValid())
                add(p, QCoreApplication::translate("alerts::Cap",
                                                   "reference %1 is not \"sender,identifier,sent\"")
                           .arg(i + 1));
        }
        for (qsizetype i = 0; i < a.infos.size(); ++i)
            info(Path{&path, "info", i}, a.infos[i]);
    }

private:
    void add(const Path &path, const QString &message)
    {
        if (issues.size() < kMaxErrors)
            issues.append({path.str(), message});
    }
};

// --- parsing -------------------------------------------------------------------------------

// Elements that may repeat get an index in paths.
bool isRepeatable(QStringView name)
{
    static const QStringList names = {
        QStringLiteral("code"),      QStringLiteral("info"),         QStringLiteral("category"),
        QStringLiteral("eventCode"), QStringLiteral("responseType"), QStringLiteral("parameter"),
        QStringLiteral("resource"),  QStringLiteral("area"),         QStringLiteral("polygon"),
        QStringLiteral("circle"),    QStringLiteral("geocode"),
    };
    return names.contains(name);
}

class Parser
{
public:
    Parser(const QByteArray &xml, const ParseLimits &limits) : m_reader(xml), m_limits(limits) {}

    // Returns whether the document was read to its end (errors may still have been found).
    bool run(Alert &alert);
    QList<ParseError> errors;

private:
    QXmlStreamReader m_reader;
    ParseLimits m_limits;
    int m_depth = 0;
    int m_elements = 0;
    bool m_fatal = false;
    qint64 m_line = 0; // of the last start tag
    qint64 m_column = 0;

    void errorAt(qint64 line, qint64 column, const QString &path, const QString &message)
    {
        if (errors.size() < kMaxErrors)
            errors.append({line, column, path, message});
    }
    // The path of the element the reader is at (its start or end tag) under `parent`.
    QString here(const Path &parent) const
    {
        return parent.str() + QLatin1Char('/') + m_reader.name().toString();
    }
    // At the current element's start tag.
    void error(const QString &path, const QString &message)
    {
        errorAt(m_line, m_column, path, message);
    }
    void error(const Path &path, const QString &message) { error(path.str(), message); }
    void fatal(const Path &path, const QString &message)
    {
        if (!m_fatal)
            errorAt(m_reader.lineNumber(), m_reader.columnNumber() + 1, path.str(), message);
        m_fatal = true;
    }
    void readerFailed(const Path &path)
    {
        fatal(path, QCoreApplication::translate("alerts::Cap", "not well-formed XML: %1")
                        .arg(m_reader.errorString()));
    }

    bool enterElement(const Path &path)
    {
        m_line = m_reader.lineNumber();
        m_column = m_reader.columnNumber() + 1;
        if (++m_elements > m_limits.maxElements) {
            fatal(path, QCoreApplication::translate("alerts::Cap", "more than %1 elements")
                            .arg(m_limits.maxElements));
            return false;
        }
        if (++m_depth > m_limits.maxDepth) {
            fatal(path,
                  QCoreApplication::translate("alerts::Cap", "elements nested more than %1 deep")
                      .arg(m_limits.maxDepth));
            return false;
        }
        return true;
    }

    // Moves to the next child element of the current one: true at its start tag, false at
    // the current element's end tag or on a fatal error.
    bool nextChild(const Path &path)
    {
        while (!m_fatal) {
            switch (m_reader.readNext()) {
            case QXmlStreamReader::StartElement:
                return enterElement(path);
            case QXmlStreamReader::EndElement:
                --m_depth;
                return false;
            case QXmlStreamReader::Characters:
                if (!m_reader.isWhitespace()) {
                    m_line = m_reader.lineNumber();
                    m_column = m_reader.columnNumber() + 1;
                    error(path, QCoreApplication::translate("alerts::Cap",
                                                            "unexpected text between elements"));
                }
                break;
            case QXmlStreamReader::Comment:
            case QXmlStreamReader::ProcessingInstruction:
                break;
            case QXmlStreamReader::Invalid:
                readerFailed(path);
                return false;
            default:
                fatal(path,
                      QCoreApplication::translate("alerts::Cap", "unexpected XML content (%1)")
                          .arg(m_reader.tokenString()));
                return false;
            }
        }
        return false;
    }

    bool isCap() const { return m_reader.namespaceUri() == kCapNamespace; }

    // The trimmed text of a leaf element, leaving the reader at its end tag.
    QString text(const Path &path)
    {
        QString value = m_reader.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
        --m_depth;
        if (m_reader.hasError()) {
            readerFailed(path);
            return {};
        }
        return value.trimmed();
    }

    // Skips the current element and everything in it (counted against the limits).
    void skip(const Path &path)
    {
        while (!m_fatal) {
            switch (m_reader.readNext()) {
            case QXmlStreamReader::StartElement:
                if (!enterElement(path))
                    return;
                skip(path);
                break;
            case QXmlStreamReader::EndElement:
                --m_depth;
                return;
            case QXmlStreamReader::Invalid:
                readerFailed(path);
                return;
            default:
                break;
            }
        }
    }

    // Enforces "at most once": returns false (and reports) when `bit` was seen already.
    bool once(const Path &path, unsigned &seen, unsigned bit)
    {
        if (seen & bit) {
            error(here(path), QCoreApplication::translate("alerts::Cap", "may appear only once"));
            skip(path);
            return false;
        }
        seen |= bit;
        return true;
    }

    QDateTime time(const Path &path)
    {
        const QString value = text(path); // the reader is left at the end tag, named alike
        const QDateTime t = parseTime(value);
        if (!t.isValid() && !m_fatal)
            error(here(path),
                  QCoreApplication::translate(
                      "alerts::Cap", "%1 is not a CAP date and time (YYYY-MM-DDThh:mm:ss+hh:mm, "
                                     "\"-00:00\" for UTC, no \"Z\")")
                      .arg(quoted(value)));
        return t;
    }

    std::optional<double> decimal(const Path &path)
    {
        const QString value = text(path); // the reader is left at the end tag, named alike
        double d = 0;
        if (parseDecimal(value, &d))
            return d;
        if (!m_fatal)
            error(here(path),
                  QCoreApplication::translate("alerts::Cap", "%1 is not a decimal number")
                      .arg(quoted(value)));
        return std::nullopt;
    }

    void namedValue(const Path &path, NamedValue &out);
    void resource(const Path &path, Resource &out);
    void area(const Path &path, Area &out);
    void info(const Path &path, Info &out);
    void alertBody(Alert &out);
    QList<Reference> references(const Path &path, const QString &value);
};

void Parser::namedValue(const Path &path, NamedValue &out)
{
    unsigned seen = 0;
    while (nextChild(path)) {
        const QStringView name = m_reader.name();
        if (!isCap()) {
            skip(path);
        } else if (name == u"valueName") {
            if (once(path, seen, 1))
                out.valueName = text(path);
        } else if (name == u"value") {
            if (once(path, seen, 2))
                out.value = text(path);
        } else {
            skip(path);
        }
    }
    if (!m_fatal && !(seen & 2))
        error(Path{&path, "value"},
              QCoreApplication::translate("alerts::Cap", "is required but missing"));
}

void Parser::resource(const Path &path, Resource &out)
{
    unsigned seen = 0;
    while (nextChild(path)) {
        const QStringView name = m_reader.name();
        if (!isCap()) {
            skip(path);
        } else if (name == u"resourceDesc") {
            if (once(path, seen, 1))
                out.resourceDesc = text(path);
        } else if (name == u"mimeType") {
            if (once(path, seen, 2))
                out.mimeType = text(path);
        } else if (name == u"size") {
            if (once(path, seen, 4)) {
                const QString value = text(path);
                bool ok = !value.isEmpty() && std::all_of(value.begin(), value.end(), isAsciiDigit);
                const qint64 size = ok ? value.toLongLong(&ok) : 0;
                if (ok)
                    out.size = size;
                else if (!m_fatal)
                    error(Path{&path, "size"},
                          QCoreApplication::translate("alerts::Cap", "%1 is not a number of bytes")
                              .arg(quoted(value)));
            }
        } else if (name == u"uri") {
            if (once(path, seen, 8))
                out.uri = text(path);
        } else if (name == u"derefUri") {
            if (once(path, seen, 16))
                out.derefUri = text(path);
        } else if (name == u"digest") {
            if (once(path, seen, 32))
                out.digest = text(path);
        } else {
            skip(path);
        }
    }
}

void Parser::area(const Path &path, Area &out)
{
    unsigned seen = 0;
    while (nextChild(path)) {
        const QStringView name = m_reader.name();
        if (!isCap()) {
            skip(path);
        } else if (name == u"areaDesc") {
            if (once(path, seen, 1))
                out.areaDesc = text(path);
        } else if (name == u"polygon") {
            const Path p{&path, "polygon", out.polygons.size()};
            const QString value = text(path);
            geo::Ring ring;
            const QList<QStringView> pairs = words(value);
            ring.reserve(pairs.size());
            for (const QStringView pair : pairs) {
                geo::LatLon point;
                if (!parsePoint(pair, &point)) {
                    if (!m_fatal)
                        error(p,
                              QCoreApplication::translate(
                                  "alerts::Cap", "%1 is not a \"lat,lon\" pair of decimal degrees")
                                  .arg(quoted(pair)));
                    break;
                }
                ring.append(point);
            }
            out.polygons.append(ring); // even when broken, so that indices match the document
        } else if (name == u"circle") {
            const Path p{&path, "circle", out.circles.size()};
            const QString value = text(path);
            const QList<QStringView> parts = words(value);
            Circle circle;
            if (parts.size() != 2 || !parsePoint(parts[0], &circle.centre) ||
                !parseDecimal(parts[1], &circle.radiusKm)) {
                if (!m_fatal)
                    error(p, QCoreApplication::translate(
                                 "alerts::Cap",
                                 "%1 is not \"lat,lon radius\" (decimal degrees, kilometres)")
                                 .arg(quoted(value)));
            }
            out.circles.append(circle);
        } else if (name == u"geocode") {
            NamedValue value;
            namedValue(Path{&path, "geocode", out.geocodes.size()}, value);
            out.geocodes.append(value);
        } else if (name == u"altitude") {
            if (once(path, seen, 2))
                out.altitude = decimal(path);
        } else if (name == u"ceiling") {
            if (once(path, seen, 4))
                out.ceiling = decimal(path);
        } else {
            skip(path);
        }
    }
}

void Parser::info(const Path &path, Info &out)
{
    unsigned seen = 0;
    while (nextChild(path)) {
        const QStringView name = m_reader.name();
        if (!isCap()) {
            skip(path);
        } else if (name == u"language") {
            if (once(path, seen, 1u << 0))
                out.language = text(path);
        } else if (name == u"category") {
            out.categories.append(text(path));
        } else if (name == u"event") {
            if (once(path, seen, 1u << 1))
                out.event = text(path);
        } else if (name == u"responseType") {
            out.responseTypes.append(text(path));
        } else if (name == u"urgency") {
            if (once(path, seen, 1u << 2))
                out.urgency = text(path);
        } else if (name == u"severity") {
            if (once(path, seen, 1u << 3))
                out.severity = text(path);
        } else if (name == u"certainty") {
            if (once(path, seen, 1u << 4))
                out.certainty = text(path);
        } else if (name == u"audience") {
            if (once(path, seen, 1u << 5))
                out.audience = text(path);
        } else if (name == u"eventCode") {
            NamedValue value;
            namedValue(Path{&path, "eventCode", out.eventCodes.size()}, value);
            out.eventCodes.append(value);
        } else if (name == u"effective") {
            if (once(path, seen, 1u << 6))
                out.effective = time(path);
        } else if (name == u"onset") {
            if (once(path, seen, 1u << 7))
                out.onset = time(path);
        } else if (name == u"expires") {
            if (once(path, seen, 1u << 8))
                out.expires = time(path);
        } else if (name == u"senderName") {
            if (once(path, seen, 1u << 9))
                out.senderName = text(path);
        } else if (name == u"headline") {
            if (once(path, seen, 1u << 10))
                out.headline = text(path);
        } else if (name == u"description") {
            if (once(path, seen, 1u << 11))
                out.description = text(path);
        } else if (name == u"instruction") {
            if (once(path, seen, 1u << 12))
                out.instruction = text(path);
        } else if (name == u"web") {
            if (once(path, seen, 1u << 13))
                out.web = text(path);
        } else if (name == u"contact") {
            if (once(path, seen, 1u << 14))
                out.contact = text(path);
        } else if (name == u"parameter") {
            NamedValue value;
            namedValue(Path{&path, "parameter", out.parameters.size()}, value);
            out.parameters.append(value);
        } else if (name == u"resource") {
            Resource value;
            resource(Path{&path, "resource", out.resources.size()}, value);
            out.resources.append(value);
        } else if (name == u"area") {
            Area value;
            area(Path{&path, "area", out.areas.size()}, value);
            out.areas.append(value);
        } else {
            skip(path);
        }
    }
}

QList<Reference> Parser::references(const Path &path, const QString &value)
{
    QList<Reference> out;
    for (const QStringView entry : words(value)) {
        const QList<QStringView> parts = entry.split(QLatin1Char(','));
        Reference r;
        if (parts.size() == 3) {
            r.sender = parts[0].toString();
            r.identifier = parts[1].toString();
            r.sent = parseTime(parts[2]);
        }
        if (parts.size() != 3 || r.sender.isEmpty() || r.identifier.isEmpty() ||
            !r.sent.isValid()) {
            error(path, QCoreApplication::translate("alerts::Cap",
                                                    "%1 is not \"sender,identifier,sent\" (sent as "
                                                    "YYYY-MM-DDThh:mm:ss+hh:mm)")
                            .arg(quoted(entry)));
            continue;
        }
        out.append(r);
    }
    return out;
}

void Parser::alertBody(Alert &out)
{
    const Path path{nullptr, "alert"};
    unsigned seen = 0;
    while (nextChild(path)) {
        const QStringView name = m_reader.name();
        if (!isCap()) {
            skip(path);
        } else if (name == u"identifier") {
            if (once(path, seen, 1u << 0))
                out.identifier = text(path);
        } else if (name == u"sender") {
            if (once(path, seen, 1u << 1))
                out.sender = text(path);
        } else if (name == u"sent") {
            if (once(path, seen, 1u << 2))
                out.sent = time(path);
        } else if (name == u"status") {
            if (once(path, seen, 1u << 3))
                out.status = text(path);
        } else if (name == u"msgType") {
            if (once(path, seen, 1u << 4))
                out.msgType = text(path);
        } else if (name == u"source") {
            if (once(path, seen, 1u << 5))
                out.source = text(path);
        } else if (name == u"scope") {
            if (once(path, seen, 1u << 6))
                out.scope = text(path);
        } else if (name == u"restriction") {
            if (once(path, seen, 1u << 7))
                out.restriction = text(path);
        } else if (name == u"addresses") {
            if (once(path, seen, 1u << 8))
                out.addresses = text(path);
        } else if (name == u"code") {
            out.codes.append(text(path));
        } else if (name == u"note") {
            if (once(path, seen, 1u << 9))
                out.note = text(path);
        } else if (name == u"references") {
            if (once(path, seen, 1u << 10)) {
                const QString value = text(path);
                if (!m_fatal)
                    out.references = references(Path{&path, "references"}, value);
            }
        } else if (name == u"incidents") {
            if (once(path, seen, 1u << 11))
                out.incidents = text(path);
        } else if (name == u"info") {
            Info value;
            info(Path{&path, "info", out.infos.size()}, value);
            out.infos.append(value);
        } else {
            skip(path);
        }
    }
}

bool Parser::run(Alert &alert)
{
    const Path document{nullptr, "alert"};
    // Up to the root element: only the prolog (declaration, comments, PIs); never a DTD.
    while (!m_fatal) {
        const QXmlStreamReader::TokenType token = m_reader.readNext();
        if (token == QXmlStreamReader::StartElement)
            break;
        if (token == QXmlStreamReader::DTD) {
            fatal(document,
                  QCoreApplication::translate(
                      "alerts::Cap", "a DOCTYPE (DTD) is not allowed in a CAP message; no entity "
                                     "is declared or expanded"));
        } else if (token == QXmlStreamReader::Invalid) {
            readerFailed(document);
        } else if (token == QXmlStreamReader::EndDocument) {
            fatal(document, QCoreApplication::translate("alerts::Cap",
                                                        "the document has no <alert> element"));
        }
    }
    if (m_fatal)
        return false;
    if (!enterElement(document))
        return false;
    if (m_reader.name() != u"alert" || !isCap()) {
        const QString ns = m_reader.namespaceUri().toString();
        if (ns.startsWith(QLatin1String("urn:oasis:names:tc:emergency:cap:")) &&
            ns != kCapNamespace)
            fatal(document, QCoreApplication::translate(
                                "alerts::Cap",
                                "this is CAP in the namespace %1; only CAP 1.2 (%2) is accepted")
                                .arg(ns, kCapNamespace));
        else
            fatal(document,
                  QCoreApplication::translate(
                      "alerts::Cap", "the root element is <%1> in the namespace %2; a CAP 1.2 "
                                     "<alert> in the namespace %3 is expected")
                      .arg(m_reader.name().toString(),
                           ns.isEmpty() ? QCoreApplication::translate("alerts::Cap", "(none)")
                                        : quoted(ns),
                           kCapNamespace));
        return false;
    }
    alertBody(alert);
    // After the root: comments and PIs only, up to the end.
    while (!m_fatal) {
        const QXmlStreamReader::TokenType token = m_reader.readNext();
        if (token == QXmlStreamReader::EndDocument)
            break;
        if (token == QXmlStreamReader::Invalid)
            readerFailed(document);
    }
    return !m_fatal;
}

// Where each element of `paths` (or its nearest ancestor found) starts: a second pass over a
// document already known to be well-formed and within the limits, only when it is invalid.
QHash<QString, std::pair<qint64, qint64>> locate(const QByteArray &xml, QStringList paths)
{
    QHash<QString, std::pair<qint64, qint64>> found;
    QXmlStreamReader reader(xml);
    QStringList stack;
    QList<QHash<QString, int>> counts; // per open element: children seen by name
    counts.append(QHash<QString, int>());
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            QString name = reader.name().toString();
            if (reader.namespaceUri() != kCapNamespace)
                name.prepend(QLatin1String("{}")); // never a path the validator names
            const int index = ++counts.last()[name];
            QString segment = name;
            if (isRepeatable(name))
                segment += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
            stack.append(segment);
            counts.append(QHash<QString, int>());
            const QString path = stack.join(QLatin1Char('/'));
            if (!found.contains(path))
                found.insert(path, {reader.lineNumber(), reader.columnNumber() + 1});
        } else if (token == QXmlStreamReader::EndElement) {
            stack.removeLast();
            counts.removeLast();
        }
    }
    QHash<QString, std::pair<qint64, qint64>> out;
    for (const QString &path : paths) {
        QString p = path;
        while (!found.contains(p) && p.contains(QLatin1Char('/')))
            p.truncate(p.lastIndexOf(QLatin1Char('/')));
        out.insert(path, found.value(p, {0, 0}));
    }
    return out;
}

// Drops what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF).
QString xmlText(const QString &text)
{
    auto allowed = [](char32_t c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
               (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    };
    QString out;
    bool changed = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool pair =
            c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        if (pair || (!c.isSurrogate() && allowed(c.unicode()))) {
            if (changed) {
                out += c;
                if (pair)
                    out += text[i + 1];
            }
        } else if (!changed) {
            changed = true;
            out = text.left(i);
        }
        if (pair)
            ++i;
    }
    return changed ? out : text;
}

class Writer
{
public:
    explicit Writer(QByteArray *out) : m_w(out)
    {
        m_w.setAutoFormatting(true);
        m_w.setAutoFormattingIndent(2);
    }
    QXmlStreamWriter m_w;

    void start(const char *name) { m_w.writeStartElement(kCapNamespace, QLatin1String(name)); }
    void end() { m_w.writeEndElement(); }
    void text(const char *name, const QString &value)
    {
        const QString clean = xmlText(value);
        if (!clean.contains(QLatin1Char('\r'))) {
            m_w.writeTextElement(kCapNamespace, QLatin1String(name), clean);
            return;
        }
        // A raw CR would read back as LF (XML 1.0 §2.11): write it as a character reference.
        start(name);
        const QList<QStringView> parts = QStringView(clean).split(QLatin1Char('\r'));
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (i > 0)
                m_w.writeEntityReference(QStringLiteral("#13"));
            m_w.writeCharacters(parts[i].toString());
        }
        end();
    }
    void optional(const char *name, const QString &value)
    {
        if (!value.isEmpty())
            text(name, value);
    }
    void time(const char *name, const QDateTime &value)
    {
        if (value.isValid())
            text(name, formatTime(value));
    }
    void named(const char *name, const NamedValue &value)
    {
        start(name);
        text("valueName", value.valueName);
        text("value", value.value);
        end();
    }
};

QString pointText(const geo::LatLon &p)
{
    return formatDecimal(p.lat) + QLatin1Char(',') + formatDecimal(p.lon);
}

} // namespace

// --- public --------------------------------------------------------------------------------

bool operator==(const NamedValue &a, const NamedValue &b)
{
    return a.valueName == b.valueName && a.value == b.value;
}

bool operator==(const Circle &a, const Circle &b)
{
    return a.centre == b.centre && a.radiusKm == b.radiusKm;
}

bool operator==(const Area &a, const Area &b)
{
    return a.areaDesc == b.areaDesc && a.polygons == b.polygons && a.circles == b.circles &&
           a.geocodes == b.geocodes && a.altitude == b.altitude && a.ceiling == b.ceiling;
}

bool operator==(const Resource &a, const Resource &b)
{
    return a.resourceDesc == b.resourceDesc && a.mimeType == b.mimeType && a.size == b.size &&
           a.uri == b.uri && a.derefUri == b.derefUri && a.digest == b.digest;
}

bool operator==(const Info &a, const Info &b)
{
    return a.language == b.language && a.categories == b.categories && a.event == b.event &&
           a.responseTypes == b.responseTypes && a.urgency == b.urgency &&
           a.severity == b.severity && a.certainty == b.certainty && a.audience == b.audience &&
           a.eventCodes == b.eventCodes && sameTime(a.effective, b.effective) &&
           sameTime(a.onset, b.onset) && sameTime(a.expires, b.expires) &&
           a.senderName == b.senderName && a.headline == b.headline &&
           a.description == b.description && a.instruction == b.instruction && a.web == b.web &&
           a.contact == b.contact && a.parameters == b.parameters && a.resources == b.resources &&
           a.areas == b.areas;
}

bool operator==(const Reference &a, const Reference &b)
{
    return a.sender == b.sender && a.identifier == b.identifier && sameTime(a.sent, b.sent);
}

bool operator==(const Alert &a, const Alert &b)
{
    return a.identifier == b.identifier && a.sender == b.sender && sameTime(a.sent, b.sent) &&
           a.status == b.status && a.msgType == b.msgType && a.source == b.source &&
           a.scope == b.scope && a.restriction == b.restriction && a.addresses == b.addresses &&
           a.codes == b.codes && a.note == b.note && a.references == b.references &&
           a.incidents == b.incidents && a.infos == b.infos;
}

QString ParseError::toString() const
{
    return QString::number(line) + QLatin1Char(':') + QString::number(column) +
           QStringLiteral(": ") + path + QStringLiteral(": ") + message;
}

QString ParseResult::errorString() const
{
    return errors.isEmpty() ? QString() : errors.first().toString();
}

ParseResult parse(const QByteArray &xml, const ParseLimits &limits)
{
    ParseResult result;
    if (xml.size() > limits.maxBytes) {
        result.errors.append(
            ParseError{0, 0, QStringLiteral("alert"),
                       QCoreApplication::translate(
                           "alerts::Cap", "the document has %1 bytes; at most %2 are accepted")
                           .arg(xml.size())
                           .arg(limits.maxBytes)});
        return result;
    }
    Parser parser(xml, limits);
    const bool complete = parser.run(result.alert);
    result.errors = parser.errors;
    if (complete) {
        // The rules on values; an element whose syntax was already refused is not judged again.
        Validator validator;
        validator.alert(result.alert);
        QStringList refused;
        for (const ParseError &e : std::as_const(result.errors))
            refused.append(e.path);
        QList<Issue> issues;
        for (const Issue &issue : std::as_const(validator.issues)) {
            const bool covered = std::any_of(refused.begin(), refused.end(), [&](const QString &p) {
                return issue.path == p || issue.path.startsWith(p + QLatin1Char('/'));
            });
            if (!covered)
                issues.append(issue);
        }
        if (!issues.isEmpty()) {
            QStringList paths;
            for (const Issue &issue : std::as_const(issues))
                paths.append(issue.path);
            const auto where = locate(xml, paths);
            for (const Issue &issue : std::as_const(issues)) {
                const auto at = where.value(issue.path);
                if (result.errors.size() < kMaxErrors)
                    result.errors.append(
                        ParseError{at.first, at.second, issue.path, issue.message});
            }
        }
        std::stable_sort(result.errors.begin(), result.errors.end(),
                         [](const ParseError &a, const ParseError &b) {
                             return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                         });
    }
    result.ok = result.errors.isEmpty();
    return result;
}

QStringList validate(const Alert &alert)
{
    Validator validator;
    validator.alert(alert);
    QStringList out;
    for (const Issue &issue : std::as_const(validator.issues))
        out.append(issue.path + QStringLiteral(": ") + issue.message);
    return out;
}

QByteArray serialize(const Alert &a)
{
    QByteArray out;
    Writer w(&out);
    w.m_w.writeStartDocument();
    w.m_w.writeDefaultNamespace(kCapNamespace);
    w.start("alert");
    w.text("identifier", a.identifier);
    w.text("sender", a.sender);
    w.text("sent", formatTime(a.sent));
    w.text("status", a.status);
    w.text("msgType", a.msgType);
    w.optional("source", a.source);
    w.text("scope", a.scope);
    w.optional("restriction", a.restriction);
    w.optional("addresses", a.addresses);
    for (const QString &code : a.codes)
        w.text("code", code);
    w.optional("note", a.note);
    if (!a.references.isEmpty()) {
        QStringList refs;
        for (const Reference &r : a.references)
            refs.append(r.key());
        w.text("references", refs.join(QLatin1Char(' ')));
    }
    w.optional("incidents", a.incidents);
    for (const Info &info : a.infos) {
        w.start("info");
        w.text("language", info.language);
        for (const QString &category : info.categories)
            w.text("category", category);
        w.text("event", info.event);
        for (const QString &type : info.responseTypes)
            w.text("responseType", type);
        w.text("urgency", info.urgency);
        w.text("severity", info.severity);
        w.text("certainty", info.certainty);
        w.optional("audience", info.audience);
        for (const NamedValue &code : info.eventCodes)
            w.named("eventCode", code);
        w.time("effective", info.effective);
        w.time("onset", info.onset);
        w.time("expires", info.expires);
        w.optional("senderName", info.senderName);
        w.optional("headline", info.headline);
        w.optional("description", info.description);
        w.optional("instruction", info.instruction);
        w.optional("web", info.web);
        w.optional("contact", info.contact);
        for (const NamedValue &parameter : info.parameters)
            w.named("parameter", parameter);
        for (const Resource &r : info.resources) {
            w.start("resource");
            w.text("resourceDesc", r.resourceDesc);
            w.text("mimeType", r.mimeType);
            if (r.size)
                w.text("size", QString::number(*r.size));
            w.optional("uri", r.uri);
            w.optional("derefUri", r.derefUri);
            w.optional("digest", r.digest);
            w.end();
        }
        for (const Area &area : info.areas) {
            w.start("area");
            w.text("areaDesc", area.areaDesc);
            for (const geo::Ring &ring : area.polygons) {
                QStringList points;
                points.reserve(ring.size());
                for (const geo::LatLon &p : ring)
                    points.append(pointText(p));
                w.text("polygon", points.join(QLatin1Char(' ')));
            }
            for (const Circle &c : area.circles)
                w.text("circle",
                       pointText(c.centre) + QLatin1Char(' ') + formatDecimal(c.radiusKm));
            for (const NamedValue &geocode : area.geocodes)
                w.named("geocode", geocode);
            if (area.altitude)
                w.text("altitude", formatDecimal(*area.altitude));
            if (area.ceiling)
                w.text("ceiling", formatDecimal(*area.ceiling));
            w.end();
        }
        w.end();
    }
    w.end();
    w.m_w.writeEndDocument();
    return out;
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const int offset = time.offsetFromUtc();
    const QDateTime local = time.toUTC().addSecs(offset);
    const QDate d = local.date();
    const QTime t = local.time();
    const int minutes = std::abs(offset) / 60;
    auto two = [](int v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    return QStringLiteral("%1-%2-%3T%4:%5:%6%7%8:%9")
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(two(d.month()), two(d.day()), two(t.hour()), two(t.minute()), two(t.second()))
        .arg(offset > 0 ? QLatin1Char('+') : QLatin1Char('-'))
        .arg(two(minutes / 60), two(minutes % 60));
}

QDateTime parseTime(QStringView s)
{
    // YYYY-MM-DDThh:mm:ss+hh:mm
    if (s.size() != 25)
        return {};
    static const char pattern[] = "dddd-dd-ddTdd:dd:dd?dd:dd";
    for (qsizetype i = 0; i < 25; ++i) {
        const char p = pattern[i];
        const QChar c = s[i];
        if (p == 'd'   ? !isAsciiDigit(c)
            : p == '?' ? (c != QLatin1Char('+') && c != QLatin1Char('-'))
                       : c != QLatin1Char(p))
            return {};
    }
    const int year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
    const QDate date(year, twoDigits(s, 5), twoDigits(s, 8));
    const QTime time(twoDigits(s, 11), twoDigits(s, 14), twoDigits(s, 17));
    const int offsetHours = twoDigits(s, 20);
    const int offsetMinutes = twoDigits(s, 23);
    if (!date.isValid() || !time.isValid() || offsetMinutes > 59 ||
        offsetHours * 60 + offsetMinutes > 14 * 60)
        return {};
    const int sign = s[19] == QLatin1Char('-') ? -1 : 1;
    return QDateTime(date, time, Qt::OffsetFromUTC,
                     sign * (offsetHours * 3600 + offsetMinutes * 60));
}

QString Reference::key() const
{
    return sender + QLatin1Char(',') + identifier + QLatin1Char(',') + formatTime(sent);
}

const QStringList &statusValues()
{
    static const QStringList values = {QStringLiteral("Actual"), QStringLiteral("Exercise"),
                                       QStringLiteral("System"), QStringLiteral("Test"),
                                       QStringLiteral("Draft")};
    return values;
}

const QStringList &msgTypeValues()
{
    static const QStringList values = {QStringLiteral("Alert"), QStringLiteral("Update"),
                                       QStringLiteral("Cancel"), QStringLiteral("Ack"),
                                       QStringLiteral("Error")};
    return values;
}

const QStringList &scopeValues()
{
    static const QStringList values = {QStringLiteral("Public"), QStringLiteral("Restricted"),
                                       QStringLiteral("Private")};
    return values;
}

const QStringList &categoryValues()
{
    static const QStringList values = {
        QStringLiteral("Geo"),      QStringLiteral("Met"),    QStringLiteral("Safety"),
        QStringLiteral("Security"), QStringLiteral("Rescue"), QStringLiteral("Fire"),
        QStringLiteral("Health"),   QStringLiteral("Env"),    QStringLiteral("Transport"),
        QStringLiteral("Infra"),    QStringLiteral("CBRNE"),  QStringLiteral("Other")};
    return values;
}

const QStringList &responseTypeValues()
{
    static const QStringList values = {
        QStringLiteral("Shelter"), QStringLiteral("Evacuate"), QStringLiteral("Prepare"),
        QStringLiteral("Execute"), QStringLiteral("Avoid"),    QStringLiteral("Monitor"),
        QStringLiteral("Assess"),  QStringLiteral("AllClear"), QStringLiteral("None")};
    return values;
}

const QStringList &urgencyValues()
{
    static const QStringList values = {QStringLiteral("Immediate"), QStringLiteral("Expected"),
                                       QStringLiteral("Future"), QStringLiteral("Past"),
                                       QStringLiteral("Unknown")};
    return values;
}

const QStringList &severityValues()
{
    static const QStringList values = {QStringLiteral("Extreme"), QStringLiteral("Severe"),
                                       QStringLiteral("Moderate"), QStringLiteral("Minor"),
                                       QStringLiteral("Unknown")};
    return values;
}

const QStringList &certaintyValues()
{
    static const QStringList values = {QStringLiteral("Observed"), QStringLiteral("Likely"),
                                       QStringLiteral("Possible"), QStringLiteral("Unlikely"),
                                       QStringLiteral("Unknown")};
    return values;
}

int severityRank(const QString &severity)
{
    if (severity == QLatin1String("Extreme"))
        return 4;
    if (severity == QLatin1String("Severe"))
        return 3;
    if (severity == QLatin1String("Moderate"))
        return 2;
    if (severity == QLatin1String("Minor"))
        return 1;
    return 0;
}

const Info *bestInfo(const Alert &alert, const QString &uiLanguage)
{
    if (alert.infos.isEmpty())
        return nullptr;
    for (const Info &info : alert.infos) {
        if (info.language.compare(uiLanguage, Qt::CaseInsensitive) == 0)
            return &info;
    }
    auto primary = [](const QString &tag) {
        const qsizetype dash = tag.indexOf(QLatin1Char('-'));
        return QStringView(tag).left(dash < 0 ? tag.size() : dash);
    };
    const QStringView wanted = primary(uiLanguage);
    if (!wanted.isEmpty()) {
        for (const Info &info : alert.infos) {
            if (primary(info.language).compare(wanted, Qt::CaseInsensitive) == 0)
                return &info;
        }
    }
    return &alert.infos.first();
}

bool concerns(const Alert &alert, double lat, double lon)
{
    const geo::LatLon place{lat, lon};
    bool anyArea = false;
    for (const Info &info : alert.infos) {
        if (info.areas.isEmpty())
            return true;
        for (const Area &area : info.areas) {
            if (!area.hasGeometry())
                return true;
            anyArea = true;
            for (const geo::Ring &ring : area.polygons) {
                if (geo::polygonContains(ring, place))
                    return true;
            }
            for (const Circle &c : area.circles) {
                if (geo::circleContains(c.centre, c.radiusKm, place))
                    return true;
            }
        }
    }
    return !anyArea;
}

QDateTime expiry(const Alert &alert)
{
    QDateTime latest;
    for (const Info &info : alert.infos) {
        if (info.expires.isValid() && (!latest.isValid() || info.expires > latest))
            latest = info.expires;
    }
    if (latest.isValid())
        return latest;
    return alert.sent.isValid() ? alert.sent.addSecs(24 * 3600) : QDateTime();
}

QString key(const Alert &alert)
{
    return alert.sender + QLatin1Char(',') + alert.identifier + QLatin1Char(',') +
           formatTime(alert.sent);
}

} // namespace alerts
