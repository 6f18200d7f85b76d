#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace hues::server::push {

// The server side of RFC 6455 that the push stream needs: the handshake answer and frames.
// Server frames are never masked and never fragmented, so one event is framed once and the
// same bytes go to every client.
namespace ws {

enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// Close codes (RFC 6455 section 7.4.1).
enum CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    UnsupportedData = 1003,
    PolicyViolation = 1008,
    TooBig = 1009,
    InternalError = 1011,
};

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key (section 4.2.2).
QByteArray acceptKey(QByteArrayView clientKey);
// A Sec-WebSocket-Key is the base64 of 16 bytes (section 4.1).
bool validClientKey(QByteArrayView clientKey);

// One unmasked, final frame.
QByteArray frame(Opcode opcode, QByteArrayView payload);
QByteArray closeFrame(CloseCode code, QByteArrayView reason = {});

// Reads the frames a client sends (section 5.2): masked, control frames at most 125 bytes and
// never fragmented, no reserved bits (no extension is negotiated), data messages bounded.
// Feed bytes as they arrive; next() yields complete frames one at a time.
class FrameReader
{
public:
    explicit FrameReader(qsizetype maxMessage = 4096) : m_maxMessage(maxMessage) {}

    struct Frame
    {
        Opcode opcode = Continuation;
        bool final = true;
        QByteArray payload; // unmasked
    };
    enum class Result { NeedMore, Frame, Error };

    void feed(QByteArrayView bytes) { m_buffer.append(bytes.data(), bytes.size()); }
    // Error: the connection must be closed with closeCode() (the reason in errorString()).
    Result next(Frame *frame);
    CloseCode closeCode() const { return m_closeCode; }
    const char *errorString() const { return m_error; }

private:
    Result fail(CloseCode code, const char *why);

    QByteArray m_buffer;
    qsizetype m_maxMessage;
    qsizetype m_messageBytes = 0; // payload of the data message being reassembled so far
    bool m_inMessage = false;     // a fragmented data message is open
    CloseCode m_closeCode = Normal;
    const char *m_error = "";
};

} // namespace ws
} // namespace hues::server::push
