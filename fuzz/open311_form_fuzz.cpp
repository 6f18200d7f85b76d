// Fuzz target: the application/x-www-form-urlencoded side of POST /open311/v2/requests and its
// Open311 reading (simple fields, attribute[CODE], attribute[CODE][]). Checks: a result or a
// reason, never both; at most Form::kMaxPairs pairs; attributes are never empty; no field is
// kept empty (the spec treats an empty parameter as absent).
#include "open311/Form.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace hues::server::open311;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<QPair<QString, QString>> pairs;
    QString error;
    const bool parsed = Form::parseUrlEncoded(body, &pairs, &error);
    if (parsed == !error.isEmpty() || pairs.size() > Form::kMaxPairs)
        std::abort();
    if (!parsed)
        return 0;
    Submission submission;
    error.clear();
    const bool ok = Form::interpret(pairs, &submission, &error);
    if (ok == !error.isEmpty())
        std::abort();
    if (!ok)
        return 0;
    for (auto it = submission.attributes.begin(); it != submission.attributes.end(); ++it) {
        if (it->isEmpty() || it.key().isEmpty() || it.key().size() > Form::kMaxAttributeCode ||
            (!submission.multiValued.value(it.key()) && it->size() != 1))
            std::abort();
    }
    for (auto it = submission.fields.begin(); it != submission.fields.end(); ++it) {
        if (it->isEmpty())
            std::abort();
    }
    return 0;
}
