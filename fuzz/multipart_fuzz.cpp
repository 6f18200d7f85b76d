// Fuzz target: hues-server's multipart/form-data parser and the Open311 form built on it, the
// way a POST /open311/v2/requests body reaches the server. Input: the Content-Type value, a
// newline, then the body. Checks the parser's promises: a result or a reason, never both; a
// result is bounded (parts, photos) and its parts are slices of the body.
#include "http/Multipart.h"
#include "open311/Form.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace hues::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? QByteArray() : input.left(newline);
    const QByteArray body = newline < 0 ? input : input.mid(newline + 1);

    QByteArray boundary;
    QString error;
    if (Multipart::boundaryFrom(contentType, &boundary, &error)) {
        if (boundary.isEmpty() || boundary.size() > 70)
            std::abort();
        QList<MultipartPart> parts;
        MultipartLimits limits;
        limits.maxParts = 8;
        error.clear();
        const bool ok = Multipart::parse(body, boundary, &parts, &error, limits);
        if (ok == !error.isEmpty() || parts.size() > limits.maxParts)
            std::abort();
        qsizetype total = 0;
        for (const MultipartPart &part : parts) {
            if (part.name.isEmpty() || !body.contains(part.body))
                std::abort();
            total += part.body.size();
        }
        if (ok && total > body.size())
            std::abort();
    } else if (error.isEmpty()) {
        std::abort();
    }

    open311::Submission submission;
    error.clear();
    const bool ok = open311::Form::parse(contentType, body, 3, &submission, &error);
    if (ok == !error.isEmpty() || submission.photos.size() > 3)
        std::abort();
    return 0;
}
