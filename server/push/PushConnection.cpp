#include "push/PushConnection.h"

#include "logging.h"
#include "push/DirectWrite.h"
#include "push/PushHub.h"

#include <QTcpSocket>
#include <QTimer>

namespace hues::server::push {

namespace {
// Catching up stops while more than this is waiting to be sent, and resumes as it drains.
constexpr qint64 kCatchUpHighWater = 256 * 1024;
constexpr int kCatchUpPage = 256;
} // namespace

PushConnection::PushConnection(PushHub *hub, QTcpSocket *socket, const QString &subject,
                               const QString &address, qint64 cursor, qint64 nowMs)
    : QObject(socket), m_hub(hub), m_socket(socket), m_subject(subject), m_address(address),
      m_cursor(cursor), m_lastHeard(nowMs)
{
    connect(socket, &QTcpSocket::readyRead, this, &PushConnection::onReadyRead);
    // A peer gone frees its place at once (the socket itself goes a little later).
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        if (m_hub)
            m_hub->detach(this);
    });
    // The socket goes when the peer goes (QtHttpServer connected the same; Unique keeps one).
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater, Qt::UniqueConnection);
    if (socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &PushConnection::onReadyRead);
}

PushConnection::~PushConnection()
{
    if (m_hub)
        m_hub->detach(this);
}

bool PushConnection::deliver(qint64 seq, const QByteArray &frame)
{
    if (!m_live || m_closing || seq <= m_cursor)
        return true;
    m_cursor = seq;
    return !send(frame) ||
           m_socket->bytesToWrite() <= (m_hub ? m_hub->m_options.maxBufferedBytes : 0);
}

bool PushConnection::send(const QByteArray &frame)
{
    if (m_closing)
        return false;
    const qsizetype sent = writeDirect(m_socket, frame);
    if (sent == frame.size())
        return false;
    if (sent == 0)
        m_socket->write(frame); // shares the frame's bytes (no copy) when it is large
    else
        m_socket->write(frame.constData() + sent, frame.size() - sent);
    return true;
}

void PushConnection::close(ws::CloseCode code, const char *reason, bool abort)
{
    if (m_closing)
        return;
    m_closing = true;
    if (m_hub)
        m_hub->detach(this);
    if (abort) {
        m_socket->abort();
        return;
    }
    m_socket->write(ws::closeFrame(code, reason));
    m_socket->disconnectFromHost();
    // A peer that never reads would keep the socket closing for ever.
    QTimer::singleShot(5000, m_socket, &QTcpSocket::abort);
}

void PushConnection::catchUp()
{
    if (m_live || m_closing || !m_hub)
        return;
    while (m_socket->bytesToWrite() <= kCatchUpHighWater) {
        const qint64 upTo = m_hub->latestSeq();
        const PushHub::Page page = m_hub->replayPage(m_subject, m_cursor, upTo, kCatchUpPage);
        if (!page.ok) {
            close(ws::InternalError, "internal error");
            return;
        }
        for (const auto &[seq, frame] : page.frames) {
            send(frame);
            m_cursor = seq;
        }
        if (page.complete) {
            // Live from here: the hub sends every event after upTo (hello says where).
            m_cursor = qMax(m_cursor, upTo);
            m_live = true;
            disconnect(m_socket, &QTcpSocket::bytesWritten, this, &PushConnection::onBytesWritten);
            const QByteArray hello = QByteArrayLiteral("{\"type\":\"hello\",\"latest_seq\":") +
                                     QByteArray::number(m_cursor) + '}';
            send(ws::frame(ws::Text, hello));
            return;
        }
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, &PushConnection::onBytesWritten,
            Qt::UniqueConnection);
}

void PushConnection::onBytesWritten()
{
    if (!m_live && m_socket->bytesToWrite() <= kCatchUpHighWater / 2)
        catchUp();
}

void PushConnection::onReadyRead()
{
    if (m_closing) {
        m_socket->readAll();
        return;
    }
    if (m_hub)
        m_lastHeard = m_hub->nowMs();
    m_reader.feed(m_socket->readAll());
    ws::FrameReader::Frame frame;
    for (;;) {
        switch (m_reader.next(&frame)) {
        case ws::FrameReader::Result::NeedMore:
            return;
        case ws::FrameReader::Result::Error:
            qCInfo(lcServer) << "push: closing a connection:" << m_reader.errorString();
            close(m_reader.closeCode(), m_reader.errorString());
            return;
        case ws::FrameReader::Result::Frame:
            break;
        }
        switch (frame.opcode) {
        case ws::Ping:
            m_socket->write(ws::frame(ws::Pong, frame.payload));
            break;
        case ws::Close:
            // Echo the close (section 5.5.1) and end the connection.
            close(ws::Normal, "");
            return;
        default:
            // Pongs keep the connection alive; the stream defines no client messages.
            break;
        }
    }
}

} // namespace hues::server::push
