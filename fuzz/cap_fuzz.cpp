// Fuzz target: the CAP 1.2 codec (hues_alerts_codec), on whole documents as hues-server receives
// them and, so that mutations also reach the value rules, on a valid alert whose fields are
// replaced by the input (all fields from its '|'-separated parts, or one field chosen by the
// first byte). Checks: an alert or reasons, never both; an accepted alert validates,
// serialises, parses back equal and serialises to the same bytes; a refused one still
// validates and serialises without crashing; the helpers answer on anything.
#include "alerts/Cap.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdlib>

using namespace alerts;

namespace {

void check(const QByteArray &xml)
{
    ParseLimits limits;
    limits.maxBytes = 256 * 1024; // the driver's inputs stay under it except by splicing
    const ParseResult r = parse(xml, limits);
    if (r.ok != r.errors.isEmpty() || r.errors.size() > 100)
        std::abort();
    for (const ParseError &e : r.errors) {
        if (e.path.isEmpty() || e.message.isEmpty() || e.line < 0 || e.column < 0)
            std::abort();
    }
    // The helpers never crash, valid or not.
    bestInfo(r.alert, QStringLiteral("vi-VN"));
    concerns(r.alert, 16.4676, 107.5786);
    concerns(r.alert, -90, 180);
    expiry(r.alert);
    key(r.alert);
    if (!r.ok) {
        validate(r.alert);
        parse(serialize(r.alert));
        return;
    }
    if (!validate(r.alert).isEmpty())
        std::abort();
    const QByteArray written = serialize(r.alert);
    const ParseResult again = parse(written);
    if (!again.ok || !(again.alert == r.alert) || serialize(again.alert) != written)
        std::abort();
}

QString escaped(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}

// The fields of a valid alert, replaced by the input's '|'-separated parts in this order.
const char *const kTemplate[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n<identifier>",
    "HUE-1",
    "</identifier>\n<sender>ioc@hue.gov.vn</sender>\n<sent>",
    "2025-10-28T07:30:00+07:00",
    "</sent>\n<status>",
    "Actual",
    "</status>\n<msgType>Update</msgType>\n<scope>Public</scope>\n<references>",
    "ioc@hue.gov.vn,HUE-0,2025-10-28T07:00:00+07:00",
    "</references>\n<info>\n<language>",
    "vi-VN",
    "</language>\n<category>Met</category>\n<event>",
    "Ngập",
    "</event>\n"
    "<urgency>Immediate</urgency>\n<severity>Severe</severity>\n"
    "<certainty>Observed</certainty>\n<expires>",
    "2025-10-28T19:30:00+07:00",
    "</expires>\n<description>",
    "Mực nước\nsông Hương",
    "</description>\n<area>\n<areaDesc>",
    "Kinh thành",
    "</areaDesc>\n<polygon>",
    "16.4806,107.5718 16.4745,107.5862 16.4585,107.5830 16.4806,107.5718",
    "</polygon>\n<circle>",
    "16.4726,107.5887 0.5",
    "</circle>\n<altitude>",
    "10",
    "</altitude>\n<ceiling>",
    "20",
    "</ceiling>\n</area>\n</info>\n</alert>\n"};

constexpr int kFields = int(sizeof kTemplate / sizeof *kTemplate) / 2;

QByteArray fromTemplate(const QList<QByteArray> &parts)
{
    QString xml;
    int field = 0;
    for (size_t i = 0; i < sizeof kTemplate / sizeof *kTemplate; ++i) {
        if (i % 2 == 0) {
            xml += QString::fromUtf8(kTemplate[i]);
        } else {
            xml += field < parts.size() ? escaped(parts[field]) : QString::fromUtf8(kTemplate[i]);
            ++field;
        }
    }
    return xml.toUtf8();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    check(input);
    if (size == 0 || size > 4096)
        return 0;
    // Every field from the input's '|'-separated parts...
    check(fromTemplate(input.split('|')));
    // ...and one field (chosen by the first byte) from the rest, the others staying valid.
    QList<QByteArray> parts;
    const int field = uint8_t(input[0]) % kFields;
    for (int i = 0; i < kFields; ++i)
        parts.append(i == field ? input.mid(1) : QByteArray(kTemplate[2 * i + 1]));
    check(fromTemplate(parts));
    return 0;
}
