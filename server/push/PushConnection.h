#pragma once

#include "push/WebSocket.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QTcpSocket;

namespace hues::server::push {

class PushHub;

// One client of the push stream after the handshake: a child of its socket (so it goes with
// it), small (no timer of its own: the hub's heartbeat pings and checks every connection).
// It first catches up (the events after the client's seq, page by page as the socket drains),
// then sends a hello and is live: the hub hands it each new event's shared frame.
class PushConnection : public QObject
{
    Q_OBJECT
public:
    // address: the client's PushHub::addressKey().
    PushConnection(PushHub *hub, QTcpSocket *socket, const QString &subject, const QString &address,
                   qint64 cursor, qint64 nowMs);
    ~PushConnection() override;

    const QString &subject() const { return m_subject; }
    const QString &address() const { return m_address; }
    bool isLive() const { return m_live; }
    qint64 lastHeardMs() const { return m_lastHeard; }

    // A live event (the frame shared by all connections). False when the client reads too
    // slowly (its unsent bytes are over the limit): the hub then drops it.
    bool deliver(qint64 seq, const QByteArray &frame);
    // Sends at once what the socket takes; true when some of it had to be queued.
    bool send(const QByteArray &frame);
    // Sends a close frame and ends the connection (abort: at once, without waiting for it).
    void close(ws::CloseCode code, const char *reason, bool abort = false);
    // Sends what the client missed, then the hello; resumed as the socket drains.
    void catchUp();

private:
    friend class PushHub;
    void onReadyRead();
    void onBytesWritten();

    QPointer<PushHub> m_hub;
    QTcpSocket *m_socket;
    QString m_subject;
    QString m_address;
    qint64 m_cursor;    // every event up to this seq was sent or is not for this client
    qint64 m_lastHeard; // hub clock, ms
    bool m_live = false;
    bool m_closing = false;
    ws::FrameReader m_reader;
};

} // namespace hues::server::push
