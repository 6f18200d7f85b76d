#pragma once

#include "reports/Open311.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace reports {

// One answer to a service definition's attribute: one value, or several for a multivaluelist.
struct DraftAttribute
{
    QString code;
    QStringList values;
    bool multiple = false; // sent as attribute[CODE][]=v for each value

    bool operator==(const DraftAttribute &o) const
    {
        return code == o.code && values == o.values && multiple == o.multiple;
    }
};

// A field report as the citizen composed it, before and while it waits in the outbox (its
// payload); the photos travel as the outbox item's attachments.
struct ReportDraft
{
    static constexpr int kMaxPhotos = 3;
    static constexpr int kMaxDescriptionLength = 4000;
    static constexpr int kMaxAddressLength = 500;

    QString serviceCode;
    QString serviceName; // for showing the item offline; not sent
    std::optional<double> lat;
    std::optional<double> lon;
    QString address;
    QString description;
    QList<DraftAttribute> attributes;

    // The outbox payload (kind "report") and back. fromPayload refuses what it cannot send.
    QJsonObject toPayload() const;
    static bool fromPayload(const QJsonObject &payload, ReportDraft *draft, QString *error);

    // The fields of POST requests.json, in a fixed order (a resend is byte-for-byte the same).
    QList<QPair<QString, QString>> formFields() const;

    // Translated reasons the draft cannot be sent, empty when it can. `services` (may be
    // empty: not checked) is the category list; `definition` the category's attributes
    // (nullptr: none known, attributes not checked). photoCount: processed photos.
    QStringList problems(const QList<Service> &services, const ServiceDefinition *definition,
                         int photoCount) const;
};

// The kind of outbox item that holds a ReportDraft.
inline const QString kReportKind = QStringLiteral("report");

} // namespace reports
