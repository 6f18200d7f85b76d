#pragma once

#include "geo/Geo.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// OASIS Common Alerting Protocol 1.2 (docs.oasis-open.org/emergency/cap/v1.2): the value
// types of an <alert>, a parser that refuses what is not valid CAP 1.2 (with line, column and
// element path), a validator for alerts built in code, a serialiser, and what the app asks of
// an alert (which <info> to show, whether a place is concerned, when it expires). Shared by
// hues-server and the app; Qt Core only.
//
// Decisions where the spec leaves room or real feeds stray:
// - Times must have the form of §3.3.2 (YYYY-MM-DDThh:mm:ss+hh:mm): "Z" and fractional
//   seconds are refused; UTC is written "-00:00" as the spec requires.
// - Text content is trimmed of leading and trailing whitespace (the spec's xs:string values
//   carry no meaning there); line breaks inside are kept.
// - Elements may come in any order. Elements of other namespaces (e.g. an XML signature)
//   and unknown CAP elements are skipped; a root that is not a CAP 1.2 <alert> is refused.
// - An element that may appear once but appears twice is refused.
// - DTDs are refused outright, so no entity is ever declared or expanded.
namespace alerts {

// urn:oasis:names:tc:emergency:cap:1.2
extern const QString kCapNamespace;

// <eventCode>, <parameter>, <geocode>.
struct NamedValue
{
    QString valueName;
    QString value;
};

// <circle>: "lat,lon radius" with the radius in kilometres (0: the point itself).
struct Circle
{
    geo::LatLon centre;
    double radiusKm = 0;
};

// <area>
struct Area
{
    QString areaDesc;
    QList<geo::Ring> polygons; // closed rings (first == last), as written
    QList<Circle> circles;
    QList<NamedValue> geocodes;
    std::optional<double> altitude; // feet above mean sea level
    std::optional<double> ceiling;  // feet; only with altitude

    bool hasGeometry() const { return !polygons.isEmpty() || !circles.isEmpty(); }
};

// <resource>
struct Resource
{
    QString resourceDesc;
    QString mimeType;
    std::optional<qint64> size; // bytes
    QString uri;
    QString derefUri; // base64 content
    QString digest;   // SHA-1 hex
};

// <info>
struct Info
{
    QString language = QStringLiteral("en-US"); // the spec's default when absent
    QStringList categories; // Geo Met Safety Security Rescue Fire Health Env Transport Infra
                            // CBRNE Other; at least one
    QString event;
    QStringList responseTypes; // Shelter Evacuate Prepare Execute Avoid Monitor Assess AllClear
                               // None
    QString urgency;           // Immediate Expected Future Past Unknown
    QString severity;          // Extreme Severe Moderate Minor Unknown
    QString certainty;         // Observed Likely Possible Unlikely Unknown
    QString audience;
    QList<NamedValue> eventCodes;
    QDateTime effective; // invalid: absent (then: the alert's sent)
    QDateTime onset;
    QDateTime expires;
    QString senderName;
    QString headline;
    QString description;
    QString instruction;
    QString web;
    QString contact;
    QList<NamedValue> parameters;
    QList<Resource> resources;
    QList<Area> areas;
};

// One entry of <references>: "sender,identifier,sent".
struct Reference
{
    QString sender;
    QString identifier;
    QDateTime sent;

    // "sender,identifier,sent" with sent in CAP form; equals key() of the alert referred to.
    QString key() const;
};

// <alert>. Times keep the offset they were written with.
struct Alert
{
    QString identifier;
    QString sender;
    QDateTime sent;
    QString status;  // Actual Exercise System Test Draft
    QString msgType; // Alert Update Cancel Ack Error
    QString source;
    QString scope;       // Public Restricted Private
    QString restriction; // required when scope is Restricted
    QString addresses;   // space separated, multi-word ones in quotes; required when Private
    QStringList codes;
    QString note;
    QList<Reference> references;
    QString incidents; // space separated, as written
    QList<Info> infos;
};

bool operator==(const NamedValue &a, const NamedValue &b);
bool operator==(const Circle &a, const Circle &b);
bool operator==(const Area &a, const Area &b);
bool operator==(const Resource &a, const Resource &b);
bool operator==(const Info &a, const Info &b);
bool operator==(const Reference &a, const Reference &b);
// Member-wise; times are equal when both the instant and the UTC offset are.
bool operator==(const Alert &a, const Alert &b);
inline bool operator!=(const Alert &a, const Alert &b)
{
    return !(a == b);
}

// Bounds on what parse() reads; any document beyond them is refused before it costs more.
struct ParseLimits
{
    qsizetype maxBytes = 1024 * 1024; // checked before parsing starts
    int maxDepth = 32;                // element nesting (an <alert> needs 5)
    int maxElements = 20000;          // start tags in the whole document
};

// One reason a document was refused. line/column are 1-based and point just after the start
// tag of the element concerned (of its parent when it is missing), or where the XML broke;
// 0:0 for the document as a whole (too big). path names the element, e.g.
// "alert/info[2]/area[1]/polygon[1]" (1-based indices on elements that may repeat).
struct ParseError
{
    qint64 line = 0;
    qint64 column = 0;
    QString path;
    QString message;

    // "line:column: path: message" (the form hues-tool prints).
    QString toString() const;
};

struct ParseResult
{
    bool ok = false; // well-formed XML, a CAP 1.2 <alert>, and valid (validate() finds nothing)
    Alert alert;     // as far as it was read when !ok
    QList<ParseError> errors; // empty when ok; at most 100

    // The first error's toString() ("" when ok).
    QString errorString() const;
};

// Parses and validates one CAP 1.2 <alert> document (UTF-8, or as its XML declaration says).
ParseResult parse(const QByteArray &xml, const ParseLimits &limits = {});

// Every rule of CAP 1.2 this codec checks, on an alert built in code: required elements,
// enumerations, identifier/sender characters, polygons (>= 4 points, closed, coordinates in
// range), circles, scope Restricted/Private needing restriction/addresses, references,
// language tags, ceiling only with altitude. Each entry is "path: message"; empty = valid.
QStringList validate(const Alert &alert);

// CAP 1.2 XML (UTF-8, default namespace kCapNamespace, elements in the schema's order; empty
// optional elements are left out). Times are written to the second. parse(serialize(a)).alert
// == a for any alert that validate() accepts and whose text has no leading or trailing
// whitespace; characters XML 1.0 cannot carry are dropped.
QByteArray serialize(const Alert &alert);

// A CAP dateTime ("2026-11-28T09:30:00+07:00"; "-00:00" for UTC); "" for an invalid time.
QString formatTime(const QDateTime &time);
// Parses the form of CAP 1.2 §3.3.2 strictly; an invalid QDateTime otherwise. The result
// keeps the written offset (Qt::OffsetFromUTC).
QDateTime parseTime(QStringView text);

// The allowed values of CAP's enumerations.
const QStringList &statusValues();
const QStringList &msgTypeValues();
const QStringList &scopeValues();
const QStringList &categoryValues();
const QStringList &responseTypeValues();
const QStringList &urgencyValues();
const QStringList &severityValues();
const QStringList &certaintyValues();
// Extreme 4, Severe 3, Moderate 2, Minor 1, anything else 0 (for sorting).
int severityRank(const QString &severity);

// The <info> to show for a UI language such as "vi-VN": the exact language (case-
// insensitive), else the first of the same primary language ("vi"), else the first <info>.
// nullptr when the alert has none. Points into `alert`.
const Info *bestInfo(const Alert &alert, const QString &uiLanguage);

// Whether the place is in the alert's area: true when some <info> has no <area>, or some
// <area> has neither polygon nor circle (an area that cannot be placed, e.g. geocodes only,
// is taken as the whole province); otherwise true when the place is inside (or on the edge
// of) any polygon or circle of any area.
bool concerns(const Alert &alert, double lat, double lon);

// The latest <expires> of the alert's infos; when none has one, sent + 24 hours.
QDateTime expiry(const Alert &alert);

// "sender,identifier,sent" (sent in CAP form): how <references> name this alert.
QString key(const Alert &alert);

} // namespace alerts
