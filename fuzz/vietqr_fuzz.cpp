// Fuzz target: the VietQR codec (hues_vietqr) on payloads as the scanner hands them over
// (UTF-8 bytes of a QR code), and, so that mutations also get past the CRC to the field rules,
// on the same input with its CRC recomputed. Checks: a code or a reason, never both; an
// accepted code validates, and make() of it reads back to the same code and the same text
// (parse(make(parse(x).code)) is stable); the helpers answer on anything.
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace vietqr;

namespace {

void check(const QString &payload)
{
    const ParseResult r = parse(payload);
    if (r.ok != r.error.isEmpty() || (r.ok && !r.errorTag.isEmpty()))
        std::abort();
    findBank(r.code.bankBin);
    maskAccount(r.code.account);
    formatVnd(r.code.amount.value_or(0));
    if (!r.ok) {
        // A refused code may still be half read; make() must not crash on it either.
        make(r.code);
        return;
    }
    if (!validate(r.code).isEmpty())
        std::abort();
    const QString made = make(r.code);
    if (made.isEmpty() || made.size() > 2 * MaxPayloadChars)
        std::abort();
    const ParseResult again = parse(made);
    if (!again.ok || !(again.code == r.code) || make(again.code) != made)
        std::abort();
}

// The input with "6304" and its right CRC in place of whatever ended it.
QString withCrc(QString payload)
{
    const qsizetype at = payload.lastIndexOf(QLatin1String("6304"));
    if (at >= 0)
        payload.truncate(at);
    payload += QLatin1String("6304");
    return payload +
           QStringLiteral("%1").arg(crc16(payload.toUtf8()), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    crc16(input);
    const QString text = QString::fromUtf8(input);
    check(text);
    if (size <= 4 * MaxPayloadChars)
        check(withCrc(text));
    return 0;
}
