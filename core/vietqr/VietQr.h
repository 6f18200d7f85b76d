#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

// VietQR: the NAPAS profile of the EMVCo QR Code Specification for Payment Systems,
// Merchant-Presented Mode (EMV QRCPS MPM 1.1). A parser that refuses what is not a valid
// VietQR (naming the tag and the violation), a validator for codes built in code, and a
// generator of canonical payloads. Shared by hues-server, hues-tool and the app; Qt Core only.
//
// Decisions where the specs leave room or real codes stray:
// - Lengths count characters (Unicode code points), as EMV QRCPS 4.7 says; the CRC is taken
//   over the UTF-8 bytes. Payloads longer than 512 characters are refused before parsing.
// - 00 must come first (value "01") and 63 last (4 hex digits; upper or lower case accepted,
//   make() writes upper case); the other top-level tags may come in any order.
// - 01 (point of initiation) is mandatory: "11" static, "12" dynamic (NAPAS makes it M).
// - 38 is the VietQR merchant account template: 00 = A000000727, 01 = {00 BIN (6 digits),
//   01 account/card (1-19 letters or digits)}, 02 = QRIBFTTA (account) / QRIBFTTC (card).
//   Other templates 26-51 (other schemes' GUIDs) are checked for well-formed TLV and ignored.
// - 54 (amount) is an integer number of VND: 1-13 digits, no sign, no decimal point, no
//   leading zero, at least 1. EMVCo's decimal form ("1000.00") is refused: VND has no minor
//   unit and NAPAS writes whole đồng.
// - 53 must be "704" (VND), 58 "VN". 52 (MCC) is optional (VietQR codes of persons omit it);
//   when present, 4 digits. 59 (≤ 25), 60 (≤ 15), 62 and 64 are optional.
// - 62: 01 bill number, 05 reference label, 08 purpose (each ≤ 25 characters); the other
//   sub-tags are checked for well-formed TLV and ignored.
// - A tag that appears twice at one level is refused. Values may not contain control
//   characters.
namespace vietqr {

enum class ServiceCode { Account /*QRIBFTTA*/, Card /*QRIBFTTC*/ };

struct Code
{                                               // one VietQR (NAPAS profile of EMVCo MPM)
    bool dynamic = false;                       // 01: "11" static, "12" dynamic
    QString bankBin;                            // 38 > 01 > 00 (6 digits)
    QString account;                            // 38 > 01 > 01 (account or card number)
    ServiceCode service = ServiceCode::Account; // 38 > 02
    std::optional<qint64> amount;               // 54, integer VND (absent = payer enters it)
    QString currency = QStringLiteral("704");   // 53
    QString country = QStringLiteral("VN");     // 58
    QString merchantName;                       // 59 (optional)
    QString merchantCity;                       // 60 (optional)
    QString billNumber;                         // 62 > 01 (optional)
    QString referenceLabel;                     // 62 > 05 (optional)
    QString purpose;                            // 62 > 08 (optional)
};

bool operator==(const Code &a, const Code &b);
inline bool operator!=(const Code &a, const Code &b)
{
    return !(a == b);
}

struct ParseResult
{
    bool ok = false;
    Code code;        // as far as it was read when !ok
    QString error;    // translated, for people: names the tag and the violation
    QString errorTag; // e.g. "63", "38.01.00", "54"; empty when ok
};

// The longest payload parse() reads, in characters (EMV QRCPS: 512).
constexpr qsizetype MaxPayloadChars = 512;
// The largest amount (13 digits, EMVCo's maximum length of 54).
constexpr qint64 MaxAmount = 9999999999999LL;
// Longest value of 62.01, 62.05, 62.08 and 59; of 60; of 38.01.01.
constexpr int MaxAdditionalChars = 25;
constexpr int MaxCityChars = 15;
constexpr int MaxAccountChars = 19;

// "QRIBFTTA" / "QRIBFTTC".
QString serviceCodeName(ServiceCode service);

ParseResult parse(QStringView payload);   // strict: every violation is an error
QString make(const Code &code);           // valid payload incl. CRC; empty if code invalid
QString validate(const Code &code);       // "" or the translated reason make() refuses
quint16 crc16(QByteArrayView utf8);       // CRC-16/CCITT-FALSE
QString maskAccount(QStringView account); // "••• 6789"
QString formatVnd(qint64 amount);         // "50.000 ₫" (Vietnamese grouping)

} // namespace vietqr
