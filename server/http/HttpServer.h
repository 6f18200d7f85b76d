#pragma once

#include "http/ConnectionGuard.h"
#include "http/Router.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

namespace hues::server {

// The HTTP front of hues-server: dispatches through the Router and answers every error
// (404, 405, 400, 500) with a JSON body. All answers are written synchronously (see STACK.md:
// QtHttpServer 6.4.2 crashes on delayed replies when the client has gone).
class HttpServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit HttpServer(const ConnectionLimits &limits, QObject *parent = nullptr);

    Router &router() { return m_router; }

    // Listens on address:port (0 picks a free port). Returns false and sets errorString().
    bool listenOn(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const { return m_error; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Response dispatch(const QHttpServerRequest &request);
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const Response &response);

    Router m_router;
    ConnectionLimits m_limits;
    GuardedTcpServer *m_tcp = nullptr;
    QString m_error;
};

} // namespace hues::server
