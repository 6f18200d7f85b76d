#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace hues::server::open311 {

// What a client sent to POST requests, as fields: the spec's simple fields, attribute[CODE]
// and attribute[CODE][] values, and the raw bytes of the `media` file parts.
struct Submission
{
    QHash<QString, QString> fields;         // simple fields (empty values dropped)
    QHash<QString, QStringList> attributes; // CODE -> values in the order sent
    QHash<QString, bool> multiValued;       // CODE -> sent as attribute[CODE][]
    QList<QByteArray> photos;               // the `media` file parts, in order

    QString field(const QString &name) const { return fields.value(name); }
};

// Parses the body of POST requests (application/x-www-form-urlencoded or multipart/form-data)
// into a Submission. Strict and bounded: malformed encodings, invalid UTF-8, a simple field or
// a single-valued attribute sent twice, mixed attribute[CODE] and attribute[CODE][], file
// parts other than `media`, more than maxPhotos photos are refused with an English message
// (naming the field, never quoting a value).
class Form
{
public:
    static constexpr int kMaxPairs = 256;
    static constexpr int kMaxAttributeCode = 64;

    // application/x-www-form-urlencoded: name=value pairs ('+' is a space, %XX escapes), UTF-8.
    static bool parseUrlEncoded(QByteArrayView body, QList<QPair<QString, QString>> *pairs,
                                QString *error);
    // Dispatches on the Content-Type (either form encoding; anything else is refused).
    static bool parse(QByteArrayView contentType, QByteArrayView body, int maxPhotos,
                      Submission *submission, QString *error);
    // Interprets name/value pairs (field names of the spec, attribute[CODE], attribute[CODE][]).
    static bool interpret(const QList<QPair<QString, QString>> &pairs, Submission *submission,
                          QString *error);
};

} // namespace hues::server::open311
