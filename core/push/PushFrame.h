#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace push {

// One text frame of hues-server's push stream, read from untrusted bytes:
//   {"type":"hello","latest_seq":N}
//   {"type":"event","seq":N,"kind":K,"at":T,"data":{...}}
//   {"type":"reset"}
// Frames of a type this client does not know are Unknown (to be ignored), never an error.
struct PushFrame
{
    enum class Type { Invalid, Hello, Event, Reset, Unknown };

    Type type = Type::Invalid;
    qint64 seq = 0;       // Event: > 0
    qint64 latestSeq = 0; // Hello: >= 0
    QString kind;         // Event: non-empty
    QDateTime at;         // Event: when it happened (invalid if the server sent none)
    QJsonObject data;     // Event
    QString error;        // Invalid: why

    // The largest frame accepted (a CAP alert with detailed areas is well below).
    static constexpr qsizetype kMaxBytes = 4 * 1024 * 1024;

    static PushFrame parse(const QByteArray &utf8);
};

} // namespace push
