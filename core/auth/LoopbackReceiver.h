#pragma once

#include "RedirectReceiver.h"

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace auth {

// Receives the authorization response of a native app's loopback redirect (RFC 8252 §7.3):
// listens on 127.0.0.1 on an ephemeral port, accepts one GET /callback carrying state and
// either code or error, answers the browser with a short bilingual page and stops listening.
// Anything else gets an HTTP error and changes nothing.
class LoopbackReceiver : public RedirectReceiver
{
    Q_OBJECT
public:
    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening; the time-out starts now.
    bool listen(QString *error = nullptr) override;
    bool isListening() const;
    void close() override;
    // http://127.0.0.1:<port>/callback (RFC 8252 §7.3: an IP literal, not "localhost").
    QUrl redirectUri() const override;

    void setConnectionTimeout(int ms) { m_connectionTimeoutMs = ms; } // per request, 10 s
    int connectionCount() const { return m_openConnections; }

    static constexpr int kMaxRequestBytes = 8192;
    static constexpr int kMaxConnections = 16;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason,
                 const QByteArray &html = {});

    QTcpServer *m_server;
    QTimer *m_timer;
    int m_connectionTimeoutMs = 10000;
    int m_openConnections = 0;
    bool m_done = false;
};

} // namespace auth
