#include "push/WebSocket.h"

#include <QCryptographicHash>

namespace hues::server::push::ws {

QByteArray acceptKey(QByteArrayView clientKey)
{
    // The GUID of RFC 6455 section 1.3.
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(clientKey);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

bool validClientKey(QByteArrayView clientKey)
{
    if (clientKey.size() != 24)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(clientKey.toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok &&
           decoded.decoded.size() == 16;
}

QByteArray frame(Opcode opcode, QByteArrayView payload)
{
    QByteArray out;
    const qsizetype size = payload.size();
    out.reserve(size + 10);
    out.append(char(0x80 | opcode));
    if (size < 126) {
        out.append(char(size));
    } else if (size <= 0xffff) {
        out.append(char(126));
        out.append(char((size >> 8) & 0xff));
        out.append(char(size & 0xff));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((quint64(size) >> shift) & 0xff));
    }
    out.append(payload.data(), size);
    return out;
}

QByteArray closeFrame(CloseCode code, QByteArrayView reason)
{
    QByteArray payload;
    payload.append(char(code >> 8));
    payload.append(char(code & 0xff));
    payload.append(reason.first(qMin<qsizetype>(reason.size(), 123)));
    return frame(Close, payload);
}

FrameReader::Result FrameReader::fail(CloseCode code, const char *why)
{
    m_closeCode = code;
    m_error = why;
    m_buffer.clear();
    return Result::Error;
}

FrameReader::Result FrameReader::next(Frame *frame)
{
    const auto *bytes = reinterpret_cast<const quint8 *>(m_buffer.constData());
    const qsizetype available = m_buffer.size();
    if (available < 2)
        return Result::NeedMore;
    const bool final = bytes[0] & 0x80;
    const quint8 opcode = bytes[0] & 0x0f;
    if (bytes[0] & 0x70)
        return fail(ProtocolError, "reserved bits set without a negotiated extension");
    const bool control = opcode & 0x08;
    if (opcode != Continuation && opcode != Text && opcode != Binary && opcode != Close &&
        opcode != Ping && opcode != Pong)
        return fail(ProtocolError, "unknown opcode");
    if (!(bytes[1] & 0x80))
        return fail(ProtocolError, "client frames must be masked");
    quint64 length = bytes[1] & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (available < 4)
            return Result::NeedMore;
        length = (quint64(bytes[2]) << 8) | bytes[3];
        if (length < 126)
            return fail(ProtocolError, "length not in its shortest form");
        header = 4;
    } else if (length == 127) {
        if (available < 10)
            return Result::NeedMore;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | bytes[i];
        if (length >> 63)
            return fail(ProtocolError, "length with the most significant bit set");
        if (length <= 0xffff)
            return fail(ProtocolError, "length not in its shortest form");
        header = 10;
    }
    if (control) {
        if (!final)
            return fail(ProtocolError, "fragmented control frame");
        if (length > 125)
            return fail(ProtocolError, "control frame longer than 125 bytes");
    } else {
        if (opcode == Continuation && !m_inMessage)
            return fail(ProtocolError, "continuation without a message");
        if (opcode != Continuation && m_inMessage)
            return fail(ProtocolError, "new message inside a fragmented one");
        if (length > quint64(m_maxMessage - m_messageBytes))
            return fail(TooBig, "message too big");
    }
    if (quint64(available - header) < length + 4)
        return Result::NeedMore;
    const quint8 *mask = bytes + header;
    const qsizetype start = header + 4;
    frame->opcode = Opcode(opcode);
    frame->final = final;
    frame->payload = m_buffer.mid(start, qsizetype(length));
    for (qsizetype i = 0; i < frame->payload.size(); ++i)
        frame->payload[i] = char(quint8(frame->payload.at(i)) ^ mask[i % 4]);
    m_buffer.remove(0, start + qsizetype(length));
    if (!control) {
        m_inMessage = !final;
        m_messageBytes = final ? 0 : m_messageBytes + qsizetype(length);
    }
    if (opcode == Close && length == 1)
        return fail(ProtocolError, "close frame with a one-byte payload");
    return Result::Frame;
}

} // namespace hues::server::push::ws
