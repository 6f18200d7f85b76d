#include "push/DirectWrite.h"

#include <QTcpSocket>

#include <cerrno>
#include <sys/socket.h>

namespace hues::server::push {

qsizetype writeDirect(QTcpSocket *socket, QByteArrayView bytes)
{
    if (bytes.isEmpty() || socket->bytesToWrite() > 0 ||
        socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    const qintptr fd = socket->socketDescriptor();
    if (fd < 0)
        return 0;
    ssize_t sent;
    do {
        // Non-blocking, and no SIGPIPE when the peer is gone (Qt then notices on its own write).
        sent = ::send(int(fd), bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (sent < 0 && errno == EINTR);
    return sent > 0 ? qsizetype(sent) : 0;
}

} // namespace hues::server::push
