// hues-tool qr decode / make: VietQR payment codes read and written with the codec the server
// and the app use (core/vietqr), and QR images with the app's reader (core/qr). No server.
#include "Commands.h"
#include "qr/QrCode.h"
#include "vietqr/Banks.h"
#include "vietqr/VietQr.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace tool {

namespace {

// Exit code for an input that is not a valid VietQR (or holds no QR code).
constexpr int kExitInvalid = 2;
// Pixels per module of --png: large enough for phone cameras and zbar at any version.
constexpr int kPngModule = 8;

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

int runDecode(const Context &, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads a VietQR payment code (NAPAS profile of EMVCo Merchant-Presented Mode) and\n"
        "prints one JSON object: bankBin, bankName (the bank's short name, null if the BIN\n"
        "is not in the directory), account, serviceCode (QRIBFTTA/QRIBFTTC), dynamic,\n"
        "amount (integer VND or null), currency, billNumber, purpose (null where absent).\n"
        "An argument naming an existing file is read as an image (PNG, JPEG...) and the\n"
        "first QR code in it is decoded; anything else is taken as the payload itself.\n"
        "Exit status: 0 valid, 2 invalid code, no QR code in the image, or usage error,\n"
        "1 the image cannot be read."));
    parser.addPositionalArgument(QStringLiteral("PAYLOAD|IMAGE"),
                                 QStringLiteral("The payload text, or an image file."));
    if (const int code = parseCommandLine(parser, invocation, args,
                                          invocation + QStringLiteral(" PAYLOAD|IMAGE"));
        code >= 0)
        return code;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("missing PAYLOAD or IMAGE"), invocation);
    if (positional.size() > 1)
        return usageError(QStringLiteral("unexpected argument '%1'").arg(positional.at(1)),
                          invocation);
    const QString input = positional.first();

    QString payload = input;
    const QFileInfo file(input);
    if (file.exists()) {
        if (file.isDir()) {
            printError(QStringLiteral("cannot read %1: is a folder").arg(input));
            return ExitFailure;
        }
        QImageReader reader(input);
        const QSize size = reader.size();
        if (size.isValid() &&
            (size.width() > qr::MaxDecodeSide || size.height() > qr::MaxDecodeSide ||
             qint64(size.width()) * size.height() > qr::MaxDecodePixels)) {
            printError(QStringLiteral("%1: the image is %2x%3 pixels; at most %4 a side and %5 "
                                      "pixels are searched")
                           .arg(input)
                           .arg(size.width())
                           .arg(size.height())
                           .arg(qr::MaxDecodeSide)
                           .arg(qr::MaxDecodePixels));
            return kExitInvalid;
        }
        const QImage image = reader.read();
        if (image.isNull()) {
            printError(
                QStringLiteral("cannot read %1 as an image: %2").arg(input, reader.errorString()));
            return ExitFailure;
        }
        const std::optional<QByteArray> bytes = qr::decode(image);
        if (!bytes) {
            printError(QStringLiteral("%1: no QR code found in the image").arg(input));
            return kExitInvalid;
        }
        payload = QString::fromUtf8(*bytes);
    }

    const vietqr::ParseResult result = vietqr::parse(payload);
    if (!result.ok) {
        printError(QStringLiteral("not a valid VietQR: %1").arg(result.error));
        return kExitInvalid;
    }
    const vietqr::Code &c = result.code;
    const vietqr::Bank *bank = vietqr::findBank(c.bankBin);
    QJsonObject json;
    json.insert(QStringLiteral("bankBin"), c.bankBin);
    json.insert(QStringLiteral("bankName"),
                bank ? QJsonValue(bank->shortName) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("account"), c.account);
    json.insert(QStringLiteral("serviceCode"), vietqr::serviceCodeName(c.service));
    json.insert(QStringLiteral("dynamic"), c.dynamic);
    // Amounts fit a double exactly up to 2^53; 13 digits (the codec's limit) are below it.
    json.insert(QStringLiteral("amount"),
                c.amount ? QJsonValue(double(*c.amount)) : QJsonValue(QJsonValue::Null));
    json.insert(QStringLiteral("currency"), c.currency);
    json.insert(QStringLiteral("billNumber"), textOrNull(c.billNumber));
    json.insert(QStringLiteral("purpose"), textOrNull(c.purpose));
    printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) +
             QLatin1Char('\n'));
    return ExitOk;
}

int runMake(const Context &, const QString &invocation, const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints the VietQR payload of a transfer to a bank account (or card), with the\n"
        "CRC, as the app and hues-server write it. With --amount the code is dynamic (01 =\n"
        "12) and carries the amount in whole đồng; without, it is static and the payer\n"
        "enters the amount. --png also writes the QR code as a PNG image.\n"
        "Exit status: 0 written, 2 invalid values or usage error, 1 the image cannot be\n"
        "written."));
    const QCommandLineOption bin(QStringLiteral("bin"),
                                 QStringLiteral("The bank's BIN (6 digits, e.g. 970436)."),
                                 QStringLiteral("BIN"));
    const QCommandLineOption account(QStringLiteral("account"),
                                     QStringLiteral("The account number (1-19 letters or "
                                                    "digits)."),
                                     QStringLiteral("ACCOUNT"));
    const QCommandLineOption amount(QStringLiteral("amount"),
                                    QStringLiteral("The amount in VND, a whole number."),
                                    QStringLiteral("N"));
    const QCommandLineOption purpose(QStringLiteral("purpose"),
                                     QStringLiteral("The transfer's purpose (62.08, at most 25 "
                                                    "characters)."),
                                     QStringLiteral("TEXT"));
    const QCommandLineOption card(QStringLiteral("card"),
                                  QStringLiteral("ACCOUNT is a card number (QRIBFTTC)."));
    const QCommandLineOption png(QStringLiteral("png"),
                                 QStringLiteral("Also write the QR code to FILE (PNG)."),
                                 QStringLiteral("FILE"));
    parser.addOptions({bin, account, amount, purpose, card, png});
    if (const int code = parseCommandLine(
            parser, invocation, args,
            invocation + QStringLiteral(" --bin BIN --account ACCOUNT [--amount N] "
                                        "[--purpose TEXT] [--png FILE]"));
        code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            invocation);
    if (!parser.isSet(bin) || !parser.isSet(account))
        return usageError(QStringLiteral("give both --bin and --account"), invocation);

    vietqr::Code code;
    code.bankBin = parser.value(bin);
    code.account = parser.value(account);
    code.service = parser.isSet(card) ? vietqr::ServiceCode::Card : vietqr::ServiceCode::Account;
    if (parser.isSet(amount)) {
        const QString text = parser.value(amount);
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        const bool digits = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
        if (!digits || !ok || value < 1 || value > vietqr::MaxAmount)
            return usageError(QStringLiteral("--amount takes a whole number of đồng from 1 to "
                                             "%1, not '%2'")
                                  .arg(vietqr::MaxAmount)
                                  .arg(text),
                              invocation);
        code.amount = value;
        code.dynamic = true;
    }
    code.purpose = parser.value(purpose);
    const QString why = vietqr::validate(code);
    if (!why.isEmpty()) {
        printError(why);
        return kExitInvalid;
    }
    const QString payload = vietqr::make(code);
    if (payload.isEmpty()) {
        printError(QStringLiteral("the code cannot be written"));
        return kExitInvalid;
    }
    if (parser.isSet(png)) {
        const QString file = parser.value(png);
        const QImage image = qr::toImage(qr::encode(payload.toUtf8()), kPngModule, 4);
        if (image.isNull() || !image.save(file, "PNG")) {
            printError(QStringLiteral("cannot write %1").arg(file));
            return ExitFailure;
        }
    }
    printOut(payload + QLatin1Char('\n'));
    return ExitOk;
}

} // namespace

int runQr(const Context &context, const QString &invocation, const QStringList &args)
{
    static const std::vector<Command> subcommands = {
        {"decode", "Read a VietQR payload or a QR image; print its fields as JSON.", runDecode},
        {"make", "Write a VietQR payload (and --png image) for a bank account.", runMake},
    };
    return dispatch(context, invocation,
                    QStringLiteral("VietQR payment codes (NAPAS profile of EMVCo "
                                   "Merchant-Presented Mode), with the codec of the app and "
                                   "the server."),
                    subcommands, args);
}

} // namespace tool
