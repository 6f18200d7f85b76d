#include "VietQr.h"

#include <QCoreApplication>
#include <QList>

namespace vietqr {

namespace {

const QString kGuid = QStringLiteral("A000000727");

// A value quoted in an error message, shortened so that an error never carries a payload.
QString quoted(const QString &value)
{
    constexpr qsizetype kMax = 30;
    if (value.size() <= kMax)
        return QLatin1Char('\'') + value + QLatin1Char('\'');
    return QLatin1Char('\'') + value.left(kMax) + QStringLiteral("...'");
}

bool isDigit(uint c)
{
    return c >= U'0' && c <= U'9';
}

bool isAllDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!isDigit(c.unicode()))
            return false;
    }
    return true;
}

bool isAlnumAscii(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')))
            return false;
    }
    return true;
}

bool isHex4(QStringView text)
{
    if (text.size() != 4)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'F') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

bool hasControl(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            return true;
    }
    return false;
}

// Characters (Unicode code points) of a valid UTF-16 string.
qsizetype charCount(QStringView text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!text[i].isLowSurrogate())
            ++n;
    }
    return n;
}

// Code points, as QStringView::toUcs4() gives them in Qt 6.4.
using Chars = QList<uint>;

QString fromChars(const uint *data, qsizetype size)
{
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(data), size);
}

// One data object: its two-digit tag, its value, and where it starts (in code points).
struct Tlv
{
    QString tag;
    QString value;
    qsizetype start = 0;      // index of the tag's first character
    qsizetype valueStart = 0; // index of the value's first character
};

struct Failure
{
    QString tag;
    QString message;
};

QString joinPath(const QString &parent, const QString &tag)
{
    return parent.isEmpty() ? tag : parent + QLatin1Char('.') + tag;
}

// Splits chars[begin, end) into data objects: "TTLLvalue...". Lengths count characters.
std::optional<Failure> tokenize(const Chars &chars, qsizetype begin, qsizetype end,
                                const QString &parent, QList<Tlv> *out)
{
    qsizetype i = begin;
    while (i < end) {
        if (end - i < 4) {
            return Failure{parent, parent.isEmpty()
                                       ? QCoreApplication::translate(
                                             "vietqr::VietQr",
                                             "the payload ends inside a data object (a tag and "
                                             "a length need 4 characters, %1 are left)")
                                             .arg(end - i)
                                       : QCoreApplication::translate(
                                             "vietqr::VietQr",
                                             "the template ends inside a data object (a tag and "
                                             "a length need 4 characters, %1 are left)")
                                             .arg(end - i)};
        }
        if (!isDigit(chars[i]) || !isDigit(chars[i + 1])) {
            const QString what = fromChars(chars.constData() + i, 2);
            return Failure{parent,
                           QCoreApplication::translate("vietqr::VietQr",
                                                       "%1 at character %2 is not a two-digit tag")
                               .arg(quoted(what))
                               .arg(i + 1)};
        }
        const QString tag = fromChars(chars.constData() + i, 2);
        const QString path = joinPath(parent, tag);
        if (!isDigit(chars[i + 2]) || !isDigit(chars[i + 3])) {
            const QString what = fromChars(chars.constData() + i + 2, 2);
            return Failure{path, QCoreApplication::translate("vietqr::VietQr",
                                                             "the length %1 is not two digits")
                                     .arg(quoted(what))};
        }
        const int length = int(chars[i + 2] - U'0') * 10 + int(chars[i + 3] - U'0');
        if (length == 0)
            return Failure{path, QCoreApplication::translate(
                                     "vietqr::VietQr",
                                     "has length 00; a data object holds 1 to 99 characters")};
        const qsizetype left = end - (i + 4);
        if (length > left) {
            return Failure{path, parent.isEmpty()
                                     ? QCoreApplication::translate(
                                           "vietqr::VietQr",
                                           "the length %1 runs past the end of the payload (%2 "
                                           "characters left)")
                                           .arg(length)
                                           .arg(left)
                                     : QCoreApplication::translate(
                                           "vietqr::VietQr",
                                           "the length %1 runs past the end of template %2 (%3 "
                                           "characters left)")
                                           .arg(length)
                                           .arg(parent)
                                           .arg(left)};
        }
        for (const Tlv &seen : qAsConst(*out)) {
            if (seen.tag == tag)
                return Failure{path,
                               QCoreApplication::translate("vietqr::VietQr", "appears twice")};
        }
        Tlv tlv;
        tlv.tag = tag;
        tlv.start = i;
        tlv.valueStart = i + 4;
        tlv.value = fromChars(chars.constData() + i + 4, length);
        out->append(tlv);
        i += 4 + length;
    }
    return std::nullopt;
}

const Tlv *find(const QList<Tlv> &list, QLatin1String tag)
{
    for (const Tlv &tlv : list) {
        if (tlv.tag == tag)
            return &tlv;
    }
    return nullptr;
}

// Tokenizes the value of a template (which starts at tlv.valueStart in chars).
std::optional<Failure> tokenizeTemplate(const Chars &chars, const Tlv &tlv, const QString &path,
                                        QList<Tlv> *out)
{
    const qsizetype count = charCount(tlv.value);
    return tokenize(chars, tlv.valueStart, tlv.valueStart + count, path, out);
}

std::optional<Failure> checkText(const QString &path, const QString &value, int maxChars)
{
    if (hasControl(value))
        return Failure{
            path, QCoreApplication::translate("vietqr::VietQr", "contains a control character")};
    const qsizetype n = charCount(value);
    if (n > maxChars)
        return Failure{path, QCoreApplication::translate(
                                 "vietqr::VietQr", "has %1 characters; at most %2 are allowed")
                                 .arg(n)
                                 .arg(maxChars)};
    return std::nullopt;
}

// The amount rule of VietQR: whole VND, 1-13 digits, no leading zero, at least 1.
std::optional<qint64> parseAmount(QStringView text)
{
    if (text.isEmpty() || text.size() > 13 || !isAllDigits(text) || text[0] == u'0')
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < 1)
        return std::nullopt;
    return value;
}

// EMVCo's amount form (56): digits with at most one '.', ≤ 13 characters.
bool isEmvAmount(QStringView text)
{
    if (text.isEmpty() || text.size() > 13)
        return false;
    bool dot = false;
    bool digit = false;
    for (QChar c : text) {
        if (c == u'.') {
            if (dot)
                return false;
            dot = true;
        } else if (isDigit(c.unicode())) {
            digit = true;
        } else {
            return false;
        }
    }
    return digit;
}

std::optional<Failure> parseMerchantAccount(const Chars &chars, const Tlv &t38, Code *code)
{
    const QString path = QStringLiteral("38");
    QList<Tlv> subs;
    if (auto f = tokenizeTemplate(chars, t38, path, &subs))
        return f;
    const Tlv *guid = find(subs, QLatin1String("00"));
    if (!guid)
        return Failure{
            QStringLiteral("38.00"),
            QCoreApplication::translate(
                "vietqr::VietQr", "is missing: the VietQR template needs the GUID A000000727")};
    if (guid->value != kGuid) {
        return Failure{
            QStringLiteral("38.00"),
            QCoreApplication::translate("vietqr::VietQr", "the GUID is %1; VietQR (NAPAS) uses %2")
                .arg(quoted(guid->value), kGuid)};
    }
    const Tlv *beneficiary = find(subs, QLatin1String("01"));
    if (!beneficiary)
        return Failure{
            QStringLiteral("38.01"),
            QCoreApplication::translate(
                "vietqr::VietQr", "is missing: the beneficiary organisation (BIN and account)")};
    QList<Tlv> ben;
    if (auto f = tokenizeTemplate(chars, *beneficiary, QStringLiteral("38.01"), &ben))
        return f;
    const Tlv *bin = find(ben, QLatin1String("00"));
    if (!bin)
        return Failure{QStringLiteral("38.01.00"),
                       QCoreApplication::translate("vietqr::VietQr", "is missing: the bank's BIN")};
    if (bin->value.size() != 6 || !isAllDigits(bin->value)) {
        return Failure{QStringLiteral("38.01.00"),
                       QCoreApplication::translate("vietqr::VietQr", "the BIN %1 is not 6 digits")
                           .arg(quoted(bin->value))};
    }
    code->bankBin = bin->value;
    const Tlv *account = find(ben, QLatin1String("01"));
    if (!account)
        return Failure{QStringLiteral("38.01.01"),
                       QCoreApplication::translate("vietqr::VietQr",
                                                   "is missing: the account or card number")};
    if (account->value.size() > MaxAccountChars || !isAlnumAscii(account->value)) {
        return Failure{QStringLiteral("38.01.01"),
                       QCoreApplication::translate(
                           "vietqr::VietQr", "the account %1 is not 1 to %2 letters or digits")
                           .arg(quoted(account->value))
                           .arg(MaxAccountChars)};
    }
    code->account = account->value;
    const Tlv *service = find(subs, QLatin1String("02"));
    if (!service)
        return Failure{
            QStringLiteral("38.02"),
            QCoreApplication::translate("vietqr::VietQr",
                                        "is missing: the service code (QRIBFTTA or QRIBFTTC)")};
    if (service->value == QLatin1String("QRIBFTTA")) {
        code->service = ServiceCode::Account;
    } else if (service->value == QLatin1String("QRIBFTTC")) {
        code->service = ServiceCode::Card;
    } else {
        return Failure{QStringLiteral("38.02"),
                       QCoreApplication::translate(
                           "vietqr::VietQr",
                           "unknown service code %1 (QRIBFTTA: to an account, QRIBFTTC: to a "
                           "card)")
                           .arg(quoted(service->value))};
    }
    for (const Tlv &sub : qAsConst(subs)) {
        if (auto f = checkText(joinPath(path, sub.tag), sub.value, 99))
            return f;
    }
    return std::nullopt;
}

std::optional<Failure> parseAdditional(const Chars &chars, const Tlv &t62, Code *code)
{
    QList<Tlv> subs;
    if (auto f = tokenizeTemplate(chars, t62, QStringLiteral("62"), &subs))
        return f;
    for (const Tlv &sub : qAsConst(subs)) {
        const QString path = QStringLiteral("62.") + sub.tag;
        const int tag = sub.tag.toInt();
        if (tag >= 50) {
            // Payment system specific templates: well-formed TLV, not read.
            QList<Tlv> inner;
            if (auto f = tokenizeTemplate(chars, sub, path, &inner))
                return f;
            continue;
        }
        const int max = (tag >= 1 && tag <= 8) ? MaxAdditionalChars : 99;
        if (auto f = checkText(path, sub.value, max))
            return f;
        if (tag == 1)
            code->billNumber = sub.value;
        else if (tag == 5)
            code->referenceLabel = sub.value;
        else if (tag == 8)
            code->purpose = sub.value;
    }
    return std::nullopt;
}

std::optional<Failure> parseInto(QStringView payload, Code *code)
{
    if (payload.isEmpty())
        return Failure{QString(),
                       QCoreApplication::translate("vietqr::VietQr", "the payload is empty")};
    // Cheap bound first: more than 2 UTF-16 units per character is impossible.
    if (payload.size() > 2 * MaxPayloadChars) {
        return Failure{QString(), QCoreApplication::translate(
                                      "vietqr::VietQr", "the payload has more than %1 characters")
                                      .arg(MaxPayloadChars)};
    }
    if (!payload.isValidUtf16())
        return Failure{QString(), QCoreApplication::translate("vietqr::VietQr",
                                                              "the payload is not valid text")};
    const Chars chars = payload.toUcs4();
    if (chars.size() > MaxPayloadChars) {
        return Failure{QString(), QCoreApplication::translate(
                                      "vietqr::VietQr",
                                      "the payload has %1 characters; at most %2 are allowed")
                                      .arg(chars.size())
                                      .arg(MaxPayloadChars)};
    }

    QList<Tlv> top;
    if (auto f = tokenize(chars, 0, chars.size(), QString(), &top))
        return f;

    // Fixed places (EMV QRCPS 4.2): 00 first, 63 last.
    if (top.constFirst().tag != QLatin1String("00")) {
        return Failure{QStringLiteral("00"),
                       top.size() > 0 && find(top, QLatin1String("00"))
                           ? QCoreApplication::translate(
                                 "vietqr::VietQr",
                                 "the payload format indicator must be the first data object")
                           : QCoreApplication::translate(
                                 "vietqr::VietQr",
                                 "is missing: the payload format indicator must come first")};
    }
    if (top.constFirst().value != QLatin1String("01")) {
        return Failure{QStringLiteral("00"),
                       QCoreApplication::translate(
                           "vietqr::VietQr", "the payload format indicator is %1; it must be '01'")
                           .arg(quoted(top.constFirst().value))};
    }
    const Tlv *crc = find(top, QLatin1String("63"));
    if (!crc)
        return Failure{QStringLiteral("63"),
                       QCoreApplication::translate(
                           "vietqr::VietQr", "is missing: the CRC must be the last data object")};
    if (crc != &top.constLast())
        return Failure{
            QStringLiteral("63"),
            QCoreApplication::translate("vietqr::VietQr", "the CRC must be the last data object")};
    if (!isHex4(crc->value)) {
        return Failure{
            QStringLiteral("63"),
            QCoreApplication::translate("vietqr::VietQr", "the CRC %1 is not 4 hexadecimal digits")
                .arg(quoted(crc->value))};
    }
    // The CRC covers everything up to and including "6304" (EMV QRCPS 4.7.3).
    const QByteArray covered = fromChars(chars.constData(), crc->valueStart).toUtf8();
    const quint16 expected = crc16(covered);
    const quint16 written = quint16(crc->value.toUInt(nullptr, 16));
    if (expected != written) {
        return Failure{
            QStringLiteral("63"),
            QCoreApplication::translate("vietqr::VietQr",
                                        "CRC mismatch: the payload says %1, its content gives %2")
                .arg(crc->value.toUpper(),
                     QStringLiteral("%1").arg(expected, 4, 16, QLatin1Char('0')).toUpper())};
    }

    const Tlv *initiation = find(top, QLatin1String("01"));
    if (!initiation) {
        return Failure{QStringLiteral("01"),
                       QCoreApplication::translate(
                           "vietqr::VietQr",
                           "is missing: the point of initiation ('11' static, '12' dynamic)")};
    }
    if (initiation->value == QLatin1String("11")) {
        code->dynamic = false;
    } else if (initiation->value == QLatin1String("12")) {
        code->dynamic = true;
    } else {
        return Failure{QStringLiteral("01"),
                       QCoreApplication::translate(
                           "vietqr::VietQr",
                           "the point of initiation is %1; it must be '11' (static) or '12' "
                           "(dynamic)")
                           .arg(quoted(initiation->value))};
    }

    // Every data object in order of tags, so that the first violation is reported the same
    // way whatever order the payload has.
    const Tlv *merchant = nullptr;
    for (const Tlv &tlv : qAsConst(top)) {
        const int tag = tlv.tag.toInt();
        if (tag >= 26 && tag <= 51) {
            if (tag == 38) {
                merchant = &tlv;
                continue;
            }
            // Another scheme's merchant account template: well-formed, not read.
            QList<Tlv> subs;
            if (auto f = tokenizeTemplate(chars, tlv, tlv.tag, &subs))
                return f;
        } else if (tag == 64 || tag >= 80) {
            QList<Tlv> subs;
            if (auto f = tokenizeTemplate(chars, tlv, tlv.tag, &subs))
                return f;
            for (const Tlv &sub : qAsConst(subs)) {
                if (auto f = checkText(joinPath(tlv.tag, sub.tag), sub.value, 99))
                    return f;
            }
        } else if (tag != 62) {
            if (auto f = checkText(tlv.tag, tlv.value, 99))
                return f;
        }
    }
    if (!merchant) {
        return Failure{
            QStringLiteral("38"),
            QCoreApplication::translate("vietqr::VietQr",
                                        "is missing: no VietQR merchant account information (GUID "
                                        "A000000727)")};
    }
    if (auto f = parseMerchantAccount(chars, *merchant, code))
        return f;

    if (const Tlv *mcc = find(top, QLatin1String("52"))) {
        if (mcc->value.size() != 4 || !isAllDigits(mcc->value)) {
            return Failure{QStringLiteral("52"),
                           QCoreApplication::translate("vietqr::VietQr",
                                                       "the merchant category code %1 is not 4 "
                                                       "digits")
                               .arg(quoted(mcc->value))};
        }
    }
    const Tlv *currency = find(top, QLatin1String("53"));
    if (!currency)
        return Failure{
            QStringLiteral("53"),
            QCoreApplication::translate("vietqr::VietQr", "is missing: the currency (704, VND)")};
    if (currency->value != QLatin1String("704")) {
        return Failure{QStringLiteral("53"),
                       QCoreApplication::translate(
                           "vietqr::VietQr", "the currency is %1; VietQR takes only 704 (VND)")
                           .arg(quoted(currency->value))};
    }
    code->currency = currency->value;
    if (const Tlv *amount = find(top, QLatin1String("54"))) {
        const auto value = parseAmount(amount->value);
        if (!value) {
            return Failure{QStringLiteral("54"),
                           QCoreApplication::translate(
                               "vietqr::VietQr",
                               "the amount %1 is not a whole number of đồng (1 to 13 digits, "
                               "no leading zero, no decimal point)")
                               .arg(quoted(amount->value))};
        }
        code->amount = value;
    }
    if (const Tlv *tip = find(top, QLatin1String("55"))) {
        if (tip->value != QLatin1String("01") && tip->value != QLatin1String("02") &&
            tip->value != QLatin1String("03")) {
            return Failure{QStringLiteral("55"),
                           QCoreApplication::translate(
                               "vietqr::VietQr", "the tip indicator is %1; it must be 01, 02 or 03")
                               .arg(quoted(tip->value))};
        }
    }
    if (const Tlv *fee = find(top, QLatin1String("56"))) {
        const Tlv *tip = find(top, QLatin1String("55"));
        if (!tip || tip->value != QLatin1String("02"))
            return Failure{QStringLiteral("56"),
                           QCoreApplication::translate("vietqr::VietQr",
                                                       "a fixed fee needs tip indicator 55 = 02")};
        if (!isEmvAmount(fee->value))
            return Failure{
                QStringLiteral("56"),
                QCoreApplication::translate("vietqr::VietQr", "the fixed fee %1 is not an amount")
                    .arg(quoted(fee->value))};
    }
    if (const Tlv *fee = find(top, QLatin1String("57"))) {
        const Tlv *tip = find(top, QLatin1String("55"));
        if (!tip || tip->value != QLatin1String("03"))
            return Failure{QStringLiteral("57"),
                           QCoreApplication::translate(
                               "vietqr::VietQr", "a percentage fee needs tip indicator 55 = 03")};
        if (!isEmvAmount(fee->value) || fee->value.size() > 5)
            return Failure{QStringLiteral("57"),
                           QCoreApplication::translate("vietqr::VietQr",
                                                       "the percentage fee %1 is not a percentage")
                               .arg(quoted(fee->value))};
    }
    const Tlv *country = find(top, QLatin1String("58"));
    if (!country)
        return Failure{
            QStringLiteral("58"),
            QCoreApplication::translate("vietqr::VietQr", "is missing: the country code (VN)")};
    if (country->value != QLatin1String("VN")) {
        return Failure{
            QStringLiteral("58"),
            QCoreApplication::translate("vietqr::VietQr", "the country is %1; VietQR takes only VN")
                .arg(quoted(country->value))};
    }
    code->country = country->value;
    if (const Tlv *name = find(top, QLatin1String("59"))) {
        if (auto f = checkText(QStringLiteral("59"), name->value, MaxAdditionalChars))
            return f;
        code->merchantName = name->value;
    }
    if (const Tlv *city = find(top, QLatin1String("60"))) {
        if (auto f = checkText(QStringLiteral("60"), city->value, MaxCityChars))
            return f;
        code->merchantCity = city->value;
    }
    if (const Tlv *postal = find(top, QLatin1String("61"))) {
        if (auto f = checkText(QStringLiteral("61"), postal->value, 10))
            return f;
    }
    if (const Tlv *additional = find(top, QLatin1String("62"))) {
        if (auto f = parseAdditional(chars, *additional, code))
            return f;
    }
    return std::nullopt;
}

QString tlv(QLatin1String tag, const QString &value)
{
    const qsizetype n = charCount(value);
    return tag + QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0')) + value;
}

} // namespace

bool operator==(const Code &a, const Code &b)
{
    return a.dynamic == b.dynamic && a.bankBin == b.bankBin && a.account == b.account &&
           a.service == b.service && a.amount == b.amount && a.currency == b.currency &&
           a.country == b.country && a.merchantName == b.merchantName &&
           a.merchantCity == b.merchantCity && a.billNumber == b.billNumber &&
           a.referenceLabel == b.referenceLabel && a.purpose == b.purpose;
}

QString serviceCodeName(ServiceCode service)
{
    return service == ServiceCode::Card ? QStringLiteral("QRIBFTTC") : QStringLiteral("QRIBFTTA");
}

ParseResult parse(QStringView payload)
{
    ParseResult result;
    if (auto failure = parseInto(payload, &result.code)) {
        result.error = failure->tag.isEmpty()
                           ? failure->message
                           : failure->tag + QStringLiteral(": ") + failure->message;
        result.errorTag = failure->tag;
        return result;
    }
    result.ok = true;
    return result;
}

QString validate(const Code &code)
{
    if (code.bankBin.size() != 6 || !isAllDigits(code.bankBin))
        return QCoreApplication::translate("vietqr::VietQr", "The bank BIN must be 6 digits.");
    if (code.account.size() > MaxAccountChars || !isAlnumAscii(code.account))
        return QCoreApplication::translate("vietqr::VietQr",
                                           "The account must be 1 to %1 letters or digits.")
            .arg(MaxAccountChars);
    if (code.amount && (*code.amount < 1 || *code.amount > MaxAmount))
        return QCoreApplication::translate(
                   "vietqr::VietQr", "The amount must be a whole number of đồng from 1 to %1.")
            .arg(MaxAmount);
    if (code.currency != QLatin1String("704"))
        return QCoreApplication::translate("vietqr::VietQr", "The currency must be 704 (VND).");
    if (code.country != QLatin1String("VN"))
        return QCoreApplication::translate("vietqr::VietQr", "The country must be VN.");
    struct Field
    {
        const QString *value;
        int max;
        const char *name;
    };
    const Field fields[] = {
        {&code.merchantName, MaxAdditionalChars,
         QT_TRANSLATE_NOOP("vietqr::VietQr", "merchant name")},
        {&code.merchantCity, MaxCityChars, QT_TRANSLATE_NOOP("vietqr::VietQr", "merchant city")},
        {&code.billNumber, MaxAdditionalChars, QT_TRANSLATE_NOOP("vietqr::VietQr", "bill number")},
        {&code.referenceLabel, MaxAdditionalChars,
         QT_TRANSLATE_NOOP("vietqr::VietQr", "reference label")},
        {&code.purpose, MaxAdditionalChars, QT_TRANSLATE_NOOP("vietqr::VietQr", "purpose")},
    };
    for (const Field &field : fields) {
        if (!field.value->isValidUtf16() || hasControl(*field.value))
            return QCoreApplication::translate(
                       "vietqr::VietQr", "The %1 contains a character that cannot be written.")
                .arg(QCoreApplication::translate("vietqr::VietQr", field.name));
        const qsizetype n = charCount(*field.value);
        if (n > field.max)
            return QCoreApplication::translate("vietqr::VietQr",
                                               "The %1 has %2 characters; at most %3 fit.")
                .arg(QCoreApplication::translate("vietqr::VietQr", field.name))
                .arg(n)
                .arg(field.max);
    }
    return QString();
}

QString make(const Code &code)
{
    if (!validate(code).isEmpty())
        return QString();
    const QString beneficiary =
        tlv(QLatin1String("00"), code.bankBin) + tlv(QLatin1String("01"), code.account);
    const QString merchant = tlv(QLatin1String("00"), kGuid) +
                             tlv(QLatin1String("01"), beneficiary) +
                             tlv(QLatin1String("02"), serviceCodeName(code.service));
    QString out =
        tlv(QLatin1String("00"), QStringLiteral("01")) +
        tlv(QLatin1String("01"), code.dynamic ? QStringLiteral("12") : QStringLiteral("11")) +
        tlv(QLatin1String("38"), merchant) + tlv(QLatin1String("53"), code.currency);
    if (code.amount)
        out += tlv(QLatin1String("54"), QString::number(*code.amount));
    out += tlv(QLatin1String("58"), code.country);
    if (!code.merchantName.isEmpty())
        out += tlv(QLatin1String("59"), code.merchantName);
    if (!code.merchantCity.isEmpty())
        out += tlv(QLatin1String("60"), code.merchantCity);
    QString additional;
    if (!code.billNumber.isEmpty())
        additional += tlv(QLatin1String("01"), code.billNumber);
    if (!code.referenceLabel.isEmpty())
        additional += tlv(QLatin1String("05"), code.referenceLabel);
    if (!code.purpose.isEmpty())
        additional += tlv(QLatin1String("08"), code.purpose);
    if (!additional.isEmpty())
        out += tlv(QLatin1String("62"), additional);
    out += QStringLiteral("6304");
    out += QStringLiteral("%1").arg(crc16(out.toUtf8()), 4, 16, QLatin1Char('0')).toUpper();
    if (charCount(out) > MaxPayloadChars)
        return QString();
    return out;
}

quint16 crc16(QByteArrayView utf8)
{
    // CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR.
    quint16 crc = 0xFFFF;
    for (const char byte : utf8) {
        crc ^= quint16(quint8(byte)) << 8;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

QString maskAccount(QStringView account)
{
    if (account.isEmpty())
        return QString();
    const QString dots = QStringLiteral("\u2022\u2022\u2022");
    if (account.size() <= 4)
        return dots;
    return dots + QLatin1Char(' ') + account.right(4).toString();
}

QString formatVnd(qint64 amount)
{
    // Vietnamese grouping: '.' every three digits, the đồng sign after a space.
    const bool negative = amount < 0;
    quint64 magnitude = negative ? quint64(0) - quint64(amount) : quint64(amount);
    QString digits = QString::number(magnitude);
    QString grouped;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped += QLatin1Char('.');
        grouped += digits[i];
    }
    return (negative ? QStringLiteral("\u2212") : QString()) + grouped + QStringLiteral(" \u20AB");
}

} // namespace vietqr
