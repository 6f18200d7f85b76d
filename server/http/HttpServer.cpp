#include "http/HttpServer.h"

#include "logging.h"
#include "reports/Open311.h"

#include <QElapsedTimer>
#include <QHttpServerResponder>
#include <QJsonParseError>
#include <QTcpSocket>

#include <exception>

namespace hues::server {

namespace {

bool isJsonContentType(const QByteArray &contentType)
{
    const QByteArray mime = contentType.split(';').first().trimmed().toLower();
    return mime == "application/json" || mime.endsWith("+json");
}

// Path and query for the log line, with secrets in the query replaced by "***".
QString loggablePath(const QUrl &url)
{
    QUrl relative;
    relative.setPath(url.path());
    relative.setQuery(url.query());
    return hues::redactUrl(relative);
}

// Under /open311/ errors use that API's format (spec, "Errors"): XML for a .xml resource.
Response open311Error(const QString &path, int status, const QString &message)
{
    using reports::open311::Format;
    const Format format = path.endsWith(QLatin1String(".xml")) ? Format::Xml : Format::Json;
    Response response;
    response.status = status;
    response.contentType = reports::open311::contentType(format);
    response.body = reports::open311::errorsDocument({{status, message}}, format);
    return response;
}

} // namespace

HttpServer::HttpServer(const ConnectionLimits &limits, QObject *parent)
    : QAbstractHttpServer(parent), m_limits(limits)
{
}

bool HttpServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *tcp = new GuardedTcpServer(m_limits, this);
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        delete tcp;
        return false;
    }
    bind(tcp);
    m_tcp = tcp;
    return true;
}

quint16 HttpServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // What is still buffered is pipelined behind this request and already inspected by the
    // ConnectionGuard; QtHttpServer hands it over again with another readyRead().
    socket->setProperty(kSeenBytesProperty, socket->bytesAvailable());
    // After an answer that closed the connection, QtHttpServer 6.4 still hands over the
    // requests pipelined behind it: they must not be processed (RFC 9112 section 9.6).
    if (socket->state() != QAbstractSocket::ConnectedState)
        return true;
    QElapsedTimer timer;
    timer.start();
    Response response;
    try {
        response = dispatch(request);
    } catch (const std::exception &e) {
        qCCritical(lcServer) << "handler failed:" << e.what();
        response = Response::error(500, QStringLiteral("internal_error"),
                                   QStringLiteral("internal server error"));
    }
    write(request, socket, response);
    qCInfo(lcServer).noquote() << Router::methodName(request.method())
                               << loggablePath(request.url()) << response.status
                               << QString::number(timer.nsecsElapsed() / 1e6, 'f', 1) +
                                      QStringLiteral("ms");
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *)
{
    // handleRequest() answers every request and returns true. QtHttpServer 6.4 calls this
    // anyway after it for "Upgrade: websocket" requests (no WebSocket server is connected):
    // answering here would send a second response to one request.
    qCDebug(lcServer).noquote() << "no second answer to" << Router::methodName(request.method())
                                << loggablePath(request.url());
}

Response HttpServer::dispatch(const QHttpServerRequest &request)
{
    const QString path = request.url().path();
    if (request.method() == QHttpServerRequest::Method::Unknown)
        return Response::error(501, QStringLiteral("not_implemented"),
                               QStringLiteral("unsupported HTTP method"));
    Router::Match match = m_router.match(request.method(), path);
    const bool open311 = path.startsWith(QLatin1String("/open311/"));
    if (match.kind == Router::Match::NotFound) {
        const QString message = QStringLiteral("no resource at %1").arg(path);
        return open311 ? open311Error(path, 404, message)
                       : Response::error(404, QStringLiteral("not_found"), message);
    }
    if (match.kind == Router::Match::MethodNotAllowed) {
        const QString message = QStringLiteral("%1 is not allowed on %2; allowed: %3")
                                    .arg(Router::methodName(request.method()), path,
                                         match.allowed.join(QStringLiteral(", ")));
        Response response =
            open311 ? open311Error(path, 405, message)
                    : Response::error(405, QStringLiteral("method_not_allowed"), message);
        response.headers.append({"Allow", match.allowed.join(QStringLiteral(", ")).toLatin1()});
        return response;
    }

    Request req{request, std::move(match.params), request.query(), {}};
    const QByteArray body = request.body();
    if (!body.isEmpty() && isJsonContentType(request.value("Content-Type"))) {
        QJsonParseError error{};
        req.json = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError)
            return Response::error(400, QStringLiteral("malformed_json"),
                                   QStringLiteral("the JSON body is malformed at offset %1: %2")
                                       .arg(error.offset)
                                       .arg(error.errorString()));
    }
    return (*match.handler)(req);
}

void HttpServer::write(const QHttpServerRequest &request, QTcpSocket *socket,
                       const Response &response)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    // QtHttpServer 6.4 ignores "Connection: close" and HTTP/1.0: honour them here. It closes
    // the connection after a WebSocket upgrade request (see missingHandler): say so.
    const QByteArray connection = request.value("Connection").toLower();
    const bool close =
        connection.contains("close") ||
        (socket->property(kHttp10Property).toBool() && !connection.contains("keep-alive")) ||
        (connection.contains("upgrade") &&
         request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0);
    if (close)
        responder.writeHeader("Connection", "close");
    responder.writeBody(response.body);
    if (close)
        socket->disconnectFromHost();
}

} // namespace hues::server
