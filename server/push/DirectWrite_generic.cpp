#include "push/DirectWrite.h"

namespace hues::server::push {

qsizetype writeDirect(QTcpSocket *, QByteArrayView)
{
    return 0; // everything goes through QTcpSocket::write()
}

} // namespace hues::server::push
