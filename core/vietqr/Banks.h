#pragma once

#include <QList>
#include <QString>
#include <QStringView>

// The directory of NAPAS member banks and wallets that take VietQR transfers, so that screens
// show "Vietcombank ••• 6789" rather than a BIN. BINs, codes and names as published in the
// VietQR bank list (api.vietqr.io/v2/banks); the colours are the banks' main logo colours.
namespace vietqr {

struct Bank
{
    QString bin;       // 6 digits, as in 38 > 01 > 00
    QString code;      // VietQR's short code, e.g. "VCB"
    QString shortName; // e.g. "Vietcombank"
    QString name;      // full Vietnamese name
    QString colour;    // "#RRGGBB"
};

const Bank *findBank(QStringView bin); // nullptr when unknown
const QList<Bank> &banks();            // sorted by short name (case-insensitive)

} // namespace vietqr
