// Fuzz target: what a client sends on hues-server's push stream after the handshake, read by
// push::ws::FrameReader (RFC 6455 client frames). The input is fed in pieces of varying sizes.
// Checks its promises: frames come out with a known opcode, control frames final and at most
// 125 bytes, data messages within the limit; after an error nothing more comes out.
#include "push/WebSocket.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace hues::server::push;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    constexpr qsizetype kMax = 256;
    ws::FrameReader reader(kMax);
    qsizetype offset = 0;
    qsizetype step = 1;
    bool failed = false;
    qsizetype out = 0;
    while (offset < input.size()) {
        const qsizetype piece = qMin(step, input.size() - offset);
        reader.feed(QByteArrayView(input).sliced(offset, piece));
        offset += piece;
        step = step * 3 % 17 + 1;
        ws::FrameReader::Frame frame;
        for (;;) {
            const ws::FrameReader::Result result = reader.next(&frame);
            if (result == ws::FrameReader::Result::NeedMore)
                break;
            if (result == ws::FrameReader::Result::Error) {
                if (failed && reader.next(&frame) == ws::FrameReader::Result::Frame)
                    std::abort();
                failed = true;
                break;
            }
            if (failed)
                std::abort(); // nothing after an error (the connection is closed)
            const bool control = frame.opcode & 0x08;
            if (control && (!frame.final || frame.payload.size() > 125))
                std::abort();
            if (!control && frame.payload.size() > kMax)
                std::abort();
            out += frame.payload.size();
            if (out > input.size())
                std::abort(); // payloads come from the input
        }
        if (failed)
            break;
    }
    // The handshake helpers on the same bytes.
    if (ws::validClientKey(input) && ws::acceptKey(input).size() != 28)
        std::abort();
    const QByteArray framed = ws::frame(ws::Text, input);
    if (framed.size() < input.size() + 2 || !framed.endsWith(input))
        std::abort();
    return 0;
}
