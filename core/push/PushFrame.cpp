#include "PushFrame.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace push {

namespace {

// A JSON number that is a whole number in [min, 2^53] (exact in a double).
bool wholeNumber(const QJsonValue &value, qint64 min, qint64 *out)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (!std::isfinite(number) || number != std::trunc(number) || number < double(min) ||
        number > 9007199254740992.0)
        return false;
    *out = qint64(number);
    return true;
}

PushFrame invalid(const QString &why)
{
    PushFrame frame;
    frame.error = why;
    return frame;
}

} // namespace

PushFrame PushFrame::parse(const QByteArray &utf8)
{
    if (utf8.size() > kMaxBytes)
        return invalid(QStringLiteral("frame larger than %1 bytes").arg(kMaxBytes));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(QStringLiteral("not JSON: ") + error.errorString());
    if (!document.isObject())
        return invalid(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    const QJsonValue type = object.value(QLatin1String("type"));
    if (!type.isString())
        return invalid(QStringLiteral("no type"));

    PushFrame frame;
    const QString name = type.toString();
    if (name == u"hello") {
        if (!wholeNumber(object.value(QLatin1String("latest_seq")), 0, &frame.latestSeq))
            return invalid(QStringLiteral("hello without a valid latest_seq"));
        frame.type = Type::Hello;
    } else if (name == u"reset") {
        frame.type = Type::Reset;
    } else if (name == u"event") {
        if (!wholeNumber(object.value(QLatin1String("seq")), 1, &frame.seq))
            return invalid(QStringLiteral("event without a valid seq"));
        const QJsonValue kind = object.value(QLatin1String("kind"));
        if (!kind.isString() || kind.toString().isEmpty() || kind.toString().size() > 64)
            return invalid(QStringLiteral("event without a valid kind"));
        frame.kind = kind.toString();
        const QJsonValue data = object.value(QLatin1String("data"));
        if (!data.isObject() && !data.isUndefined() && !data.isNull())
            return invalid(QStringLiteral("event data is not an object"));
        frame.data = data.toObject();
        const QJsonValue at = object.value(QLatin1String("at"));
        if (at.isString())
            frame.at = QDateTime::fromString(at.toString(), Qt::ISODate);
        frame.type = Type::Event;
    } else {
        frame.type = Type::Unknown;
    }
    return frame;
}

} // namespace push
