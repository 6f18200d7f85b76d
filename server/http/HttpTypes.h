#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

class QHttpServerRequest;

namespace hues::server {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What a route handler sees of a request: the parsed path parameters and JSON body.
struct Request
{
    const QHttpServerRequest &raw;
    QHash<QString, QString> params; // {name} segments of the route pattern
    QUrlQuery query;
    QJsonDocument json; // the body when it was sent as JSON (validated by the router)

    QString param(const QString &name) const { return params.value(name); }
};

// A complete answer: every response of hues-server is built in one piece and written at once.
struct Response
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    HeaderList headers;

    static Response json(const QJsonValue &value, int status = 200);
    // {"error":"<code>","message":"<message>"}: the body of every error hues-server sends.
    static Response error(int status, const QString &code, const QString &message);
    // The raw HTTP/1.1 bytes of a JSON error, for answers written outside QtHttpServer.
    static QByteArray rawError(int status, const QString &code, const QString &message);
};

QByteArray reasonPhrase(int status);

} // namespace hues::server
