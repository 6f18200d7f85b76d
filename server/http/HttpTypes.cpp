#include "http/HttpTypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hues::server {

Response Response::json(const QJsonValue &value, int status)
{
    Response response;
    response.status = status;
    if (value.isArray())
        response.body = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        response.body = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return response;
}

Response Response::error(int status, const QString &code, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"), code}, {QStringLiteral("message"), message}},
                status);
}

QByteArray Response::rawError(int status, const QString &code, const QString &message)
{
    const Response response = error(status, code, message);
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
           "\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n" +
           response.body;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Entity";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

} // namespace hues::server
