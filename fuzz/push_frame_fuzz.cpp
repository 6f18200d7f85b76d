// Fuzz target: the text frames of hues-server's push stream as push::PushClient reads them
// (push::PushFrame::parse). Checks its promises: Invalid exactly when there is a reason, an
// event has a seq > 0 and a kind of 1..64 characters, a hello a latest_seq >= 0.
#include "push/PushFrame.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const push::PushFrame frame = push::PushFrame::parse(input);
    using Type = push::PushFrame::Type;
    if ((frame.type == Type::Invalid) == frame.error.isEmpty())
        std::abort();
    if (frame.type == Type::Event &&
        (frame.seq <= 0 || frame.kind.isEmpty() || frame.kind.size() > 64))
        std::abort();
    if (frame.type == Type::Hello && frame.latestSeq < 0)
        std::abort();
    return 0;
}
