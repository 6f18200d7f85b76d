#pragma once

#include "alerts/Cap.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QSize>
#include <QString>
#include <QStringList>

#include <optional>

namespace hues::server {
class Database;
namespace push {
class PushHub;
} // namespace push
} // namespace hues::server

// Named "alerting" so that ::alerts stays the shared CAP codec.
namespace hues::server::alerting {

// Who publishes: an account (IOC staff, a verifier) or a partner's client.
struct Publisher
{
    QString id;         // accounts.id, or "client:<client_id>"
    bool staff = false; // ioc_staff: may update and cancel any publisher's alerts
};

// The outcome of an operation: an HTTP status with a JSON body, or an error code and an
// English message (details: every problem found, for invalid CAP).
struct Outcome
{
    int status = 200;
    QJsonObject body;
    QString error; // "" on success
    QString message;
    QStringList details;
    bool replayed = false; // the same message or request was already stored: its answer again

    bool ok() const { return error.isEmpty(); }
    static Outcome failure(int status, const QString &error, const QString &message)
    {
        Outcome outcome;
        outcome.status = status;
        outcome.error = error;
        outcome.message = message;
        return outcome;
    }
};

// A citizen's alert as submitted (validated by the route).
struct NewSubmission
{
    QString accountId;
    QString category; // a CAP category
    QString text;
    double lat = 0;
    double lon = 0;
    QByteArray photoJpeg; // "" none; else processed by media::processPhoto
    QSize photoSize;
};

// What a verifier sets when approving.
struct Approval
{
    QString headlineVi, headlineEn; // at least one
    QString instructionVi, instructionEn;
    QString severity; // Extreme | Severe | Moderate | Minor
    QString urgency = QStringLiteral("Immediate");
    QString certainty = QStringLiteral("Observed");
    int radiusM = 500;
    int expiresInMinutes = 180;
};

// CAP 1.2 alerts and citizen alert submissions over the one Database: validation through the
// shared codec, Update/Cancel semantics, expiry, and the push events of each change, written in
// the same transaction. Knows nothing of HTTP.
class AlertService
{
public:
    static constexpr qsizetype kMaxCapBytes = 1024 * 1024;
    static constexpr int kMaxList = 1000;
    static const QString kVerificationSender; // verification@hue.gov.vn

    AlertService(Database &db, push::PushHub &push) : m_db(db), m_push(push) {}

    // POST /alerts: parses and validates the CAP message, stores it, applies an Update or
    // Cancel to the alerts it references, publishes the push event. 201 {alert_id,
    // identifier, seq, message}; 200 for the same message sent again; 400 invalid_cap; 409
    // for another message with the same sender and identifier.
    Outcome publish(const QByteArray &xml, const Publisher &publisher);
    // Active alerts (not cancelled, replaced or expired; Cancel messages are not alerts),
    // newest first.
    bool active(QJsonArray *out);
    // One alert in any state; nullopt with *ok true when unknown.
    std::optional<QJsonObject> one(const QString &id, bool *ok);

    // Inserts a submission (its photo too) inside the caller's transaction; returns its id
    // ("" when the database failed).
    QString insertSubmission(const NewSubmission &submission, qint64 now);
    // The caller's submissions (accountId) or those with a status (verifiers), newest first.
    bool submissions(const QString &accountId, const QString &status, const QString &baseUrl,
                     QJsonArray *out);
    std::optional<QJsonObject> submission(const QString &id, const QString &baseUrl, bool *ok);
    // A verifier approves: publishes a CAP alert (sender kVerificationSender, a circle around
    // the place), the submitter gets an alert_submission event. 404 unknown, 409 decided.
    Outcome approve(const QString &id, const Approval &approval, const QString &verifierId,
                    const QString &baseUrl);
    Outcome reject(const QString &id, const QString &reason, const QString &verifierId,
                   const QString &baseUrl);

    // The CAP alert an approval publishes (exposed for tests of its form).
    static ::alerts::Alert verifiedAlert(const QString &submissionId, const QString &category,
                                         const QString &text, double lat, double lon,
                                         const Approval &approval, const QDateTime &sent);

private:
    // Inside an open transaction, which the caller rolls back on failure.
    Outcome store(const ::alerts::Alert &alert, const QByteArray &xml, const Publisher &publisher);
    std::optional<QJsonObject> existing(const QString &sender, const QString &identifier,
                                        const QByteArray &hash, bool *ok, bool *sameContent);
    static Outcome alreadyPublished(const QJsonObject &first, bool sameContent,
                                    const ::alerts::Alert &alert);
    Outcome decide(const QString &id, const QString &status, const QString &reason,
                   const QString &alertId, const QString &verifierId);
    Outcome databaseError();

    Database &m_db;
    push::PushHub &m_push;
};

} // namespace hues::server::alerting
