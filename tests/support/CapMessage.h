// CAP 1.2 alerts for tests: a message built from a few fields, and publishing it to hues-server.
#pragma once

#include "TestServer.h"

#include <QDateTime>

namespace hues::test {

// A time as CAP writes it, in Huế's offset (+07:00).
QString capTime(const QDateTime &time);

// A CAP 1.2 alert with one info block and one area.
struct Cap
{
    QString identifier;
    QString sender = QStringLiteral("ioc@hue.gov.vn");
    QString msgType = QStringLiteral("Alert");
    QDateTime sent = QDateTime::currentDateTimeUtc().addSecs(-60);
    QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(3 * 3600); // invalid: none
    QString references; // "sender,identifier,sent ..."
    QString headline = QStringLiteral("Ngập lụt ven sông Hương");
    QString area = QStringLiteral("<circle>16.4637,107.5909 2</circle>");

    QByteArray xml() const;
    // "sender,identifier,sent", as a later message's <references> names this one.
    QString reference() const;
};

// POSTs a CAP document to path with the token (none if empty).
HttpResult postCap(const TestServer &server, const QByteArray &xml, const QString &token,
                   const QByteArray &type = "application/cap+xml",
                   const QString &path = QStringLiteral("/api/v1/alerts"));

} // namespace hues::test
