#pragma once

#include <QByteArrayView>

class QTcpSocket;

namespace hues::server::push {

// Writes bytes to a connected socket's descriptor at once, without Qt's write buffer and its
// write notifier (enabling and disabling one notifier per client per event is what costs most
// when one event goes to thousands of sockets). Only when nothing is queued in Qt's buffer, so
// the order of bytes is kept. Returns how many bytes went out (0..size); the caller queues the
// rest with QTcpSocket::write(). Platforms without it return 0.
qsizetype writeDirect(QTcpSocket *socket, QByteArrayView bytes);

} // namespace hues::server::push
