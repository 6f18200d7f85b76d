#include "alerts/AlertService.h"

#include "db/Database.h"
#include "logging.h"
#include "open311/ReportService.h"
#include "push/PushHub.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace hues::server::alerting {

const QString AlertService::kVerificationSender = QStringLiteral("verification@hue.gov.vn");

namespace {

constexpr int kCityOffsetS = 7 * 3600; // Huế, UTC+07:00

QString randomId(const QString &prefix)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    QString id = prefix;
    for (int i = 0; i < 10; ++i)
        id += alphabet.at(int(QRandomGenerator::system()->bounded(uint(alphabet.size()))));
    return id;
}

QString contentHash(const QByteArray &xml)
{
    return QString::fromLatin1(QCryptographicHash::hash(xml, QCryptographicHash::Sha256).toHex());
}

QString cityIso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::OffsetFromUTC, kCityOffsetS)
        .toString(Qt::ISODate);
}

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString plural(qsizetype n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

// A database failure inside store(): the caller rolls back.
Outcome storeFailure()
{
    return Outcome::failure(500, QStringLiteral("internal_error"),
                            QStringLiteral("the alert database failed"));
}

} // namespace

Outcome AlertService::databaseError()
{
    m_db.rollback();
    return Outcome::failure(500, QStringLiteral("internal_error"),
                            QStringLiteral("the alert database failed"));
}

Outcome AlertService::publish(const QByteArray &xml, const Publisher &publisher)
{
    ::alerts::ParseLimits limits;
    limits.maxBytes = kMaxCapBytes;
    const ::alerts::ParseResult parsed = ::alerts::parse(xml, limits);
    if (!parsed.ok) {
        Outcome outcome =
            Outcome::failure(400, QStringLiteral("invalid_cap"), parsed.errorString());
        for (const ::alerts::ParseError &e : parsed.errors)
            outcome.details.append(e.toString());
        if (parsed.errors.size() > 1)
            outcome.message += QStringLiteral(" (and %1 more)").arg(parsed.errors.size() - 1);
        return outcome;
    }
    const QString msgType = parsed.alert.msgType;
    if (msgType != u"Alert" && msgType != u"Update" && msgType != u"Cancel")
        return Outcome::failure(400, QStringLiteral("invalid_cap"),
                                QStringLiteral("alert/msgType: %1 messages are not published; "
                                               "send Alert, Update or Cancel")
                                    .arg(msgType));
    if (!m_db.begin())
        return databaseError();
    Outcome outcome = store(parsed.alert, xml, publisher);
    if (outcome.ok() && !outcome.replayed && m_db.commit()) {
        qCInfo(lcServer).noquote()
            << "alert" << outcome.body.value(QLatin1String("alert_id")).toString() << msgType
            << "published by" << publisher.id;
        return outcome;
    }
    m_db.rollback();
    if (outcome.status == 500 || (outcome.ok() && !outcome.replayed)) {
        // The same sender and identifier stored meanwhile (another process): answer as if
        // this message had come second.
        bool ok = false;
        bool same = false;
        const std::optional<QJsonObject> first =
            existing(parsed.alert.sender, parsed.alert.identifier, xml, &ok, &same);
        if (ok && first)
            return alreadyPublished(*first, same, parsed.alert);
        return Outcome::failure(500, QStringLiteral("internal_error"),
                                QStringLiteral("the alert database failed"));
    }
    return outcome;
}

Outcome AlertService::alreadyPublished(const QJsonObject &first, bool sameContent,
                                       const ::alerts::Alert &alert)
{
    if (!sameContent)
        return Outcome::failure(409, QStringLiteral("conflict"),
                                QStringLiteral("sender %1 already published another message "
                                               "with identifier %2 (alert %3)")
                                    .arg(alert.sender, alert.identifier,
                                         first.value(QLatin1String("alert_id")).toString()));
    Outcome outcome;
    outcome.status = 200;
    outcome.replayed = true;
    outcome.body = first;
    outcome.body.insert(QStringLiteral("message"),
                        QStringLiteral("this message was already published"));
    return outcome;
}

std::optional<QJsonObject> AlertService::existing(const QString &sender, const QString &identifier,
                                                  const QByteArray &xml, bool *ok,
                                                  bool *sameContent)
{
    QSqlQuery query(m_db.connection());
    *ok = m_db.exec(query,
                    QStringLiteral("SELECT id, identifier, seq, content_hash FROM alerts WHERE "
                                   "sender = ? AND identifier = ?"),
                    {sender, identifier});
    if (!*ok || !query.next())
        return std::nullopt;
    *sameContent = query.value(3).toString() == contentHash(xml);
    return QJsonObject{{QStringLiteral("alert_id"), query.value(0).toString()},
                       {QStringLiteral("identifier"), query.value(1).toString()},
                       {QStringLiteral("seq"), query.value(2).toLongLong()}};
}

Outcome AlertService::store(const ::alerts::Alert &alert, const QByteArray &xml,
                            const Publisher &publisher)
{
    bool ok = false;
    bool same = false;
    const std::optional<QJsonObject> before =
        existing(alert.sender, alert.identifier, xml, &ok, &same);
    if (!ok)
        return storeFailure();
    if (before)
        return alreadyPublished(*before, same, alert);

    const QString id = randomId(QStringLiteral("ALR-"));
    const bool cancel = alert.msgType == u"Cancel";
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    // Update replaces, Cancel withdraws, the alerts it references (CAP 1.2 §3.2.1 msgType).
    int ended = 0;
    int unknown = 0;
    int alreadyEnded = 0;
    int notYours = 0;
    for (const ::alerts::Reference &reference : alert.references) {
        QSqlQuery query(m_db.connection());
        if (!m_db.exec(query,
                       QStringLiteral("SELECT id, state, publisher FROM alerts WHERE sender = ? "
                                      "AND identifier = ?"),
                       {reference.sender, reference.identifier}))
            return storeFailure();
        if (!query.next()) {
            ++unknown;
            continue;
        }
        const QString target = query.value(0).toString();
        const QString state = query.value(1).toString();
        const QString owner = query.value(2).toString();
        query.finish();
        if (owner != publisher.id && !publisher.staff) {
            ++notYours;
            continue;
        }
        if (state != u"active") {
            ++alreadyEnded;
            continue;
        }
        if (!m_db.exec(
                QStringLiteral("UPDATE alerts SET state = ?, ended_by = ? WHERE id = ?"),
                {cancel ? QStringLiteral("cancelled") : QStringLiteral("replaced"), id, target}))
            return storeFailure();
        ++ended;
    }

    const QString cap = QString::fromUtf8(xml);
    const qint64 seq =
        m_push.publish(cancel ? QStringLiteral("alert_cancel") : QStringLiteral("alert"), QString(),
                       QJsonObject{{QStringLiteral("alert_id"), id}, {QStringLiteral("cap"), cap}});
    if (seq == 0)
        return storeFailure();
    const QDateTime expires = ::alerts::expiry(alert);
    if (!m_db.exec(QStringLiteral("INSERT INTO alerts (id, identifier, sender, sent, sent_at, "
                                  "msg_type, status, expires_at, state, cap, content_hash, "
                                  "publisher, seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                  "?, ?, ?, ?, ?)"),
                   {id, alert.identifier, alert.sender, ::alerts::formatTime(alert.sent),
                    alert.sent.toMSecsSinceEpoch(), alert.msgType, alert.status,
                    expires.toMSecsSinceEpoch(),
                    cancel ? QStringLiteral("cancelled") : QStringLiteral("active"), cap,
                    contentHash(xml), publisher.id, seq, now}))
        return storeFailure();

    QStringList notes;
    if (alert.msgType == u"Alert")
        notes << QStringLiteral("published");
    else
        notes << (cancel ? QStringLiteral("cancelled ") : QStringLiteral("replaced ")) +
                     plural(ended, "alert", "alerts");
    if (unknown)
        notes << plural(unknown, "reference to an unknown alert", "references to unknown alerts") +
                     QStringLiteral(" changed nothing");
    if (alreadyEnded)
        notes << plural(alreadyEnded, "referenced alert was", "referenced alerts were") +
                     QStringLiteral(" already cancelled or replaced");
    if (notYours)
        notes << plural(notYours, "referenced alert belongs", "referenced alerts belong") +
                     QStringLiteral(" to another publisher and did not change");
    Outcome outcome;
    outcome.status = 201;
    outcome.body = QJsonObject{{QStringLiteral("alert_id"), id},
                               {QStringLiteral("identifier"), alert.identifier},
                               {QStringLiteral("seq"), seq},
                               {QStringLiteral("message"), notes.join(QStringLiteral("; "))}};
    return outcome;
}

bool AlertService::active(QJsonArray *out)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT id, identifier, sender, sent, msg_type, cap FROM alerts "
                                  "WHERE state = 'active' AND msg_type <> 'Cancel' AND "
                                  "expires_at > ? ORDER BY sent_at DESC, created_at DESC LIMIT %1")
                       .arg(kMaxList),
                   {QDateTime::currentMSecsSinceEpoch()}))
        return false;
    while (query.next()) {
        out->append(QJsonObject{{QStringLiteral("alert_id"), query.value(0).toString()},
                                {QStringLiteral("identifier"), query.value(1).toString()},
                                {QStringLiteral("sender"), query.value(2).toString()},
                                {QStringLiteral("sent"), query.value(3).toString()},
                                {QStringLiteral("msg_type"), query.value(4).toString()},
                                {QStringLiteral("cap"), query.value(5).toString()}});
    }
    return true;
}

std::optional<QJsonObject> AlertService::one(const QString &id, bool *ok)
{
    QSqlQuery query(m_db.connection());
    *ok = m_db.exec(query,
                    QStringLiteral("SELECT id, identifier, sender, sent, msg_type, cap, state, "
                                   "expires_at, ended_by FROM alerts WHERE id = ?"),
                    {id});
    if (!*ok || !query.next())
        return std::nullopt;
    QString state = query.value(6).toString();
    const qint64 expiresAt = query.value(7).toLongLong();
    if (state == u"active" && expiresAt <= QDateTime::currentMSecsSinceEpoch())
        state = QStringLiteral("expired");
    return QJsonObject{{QStringLiteral("alert_id"), query.value(0).toString()},
                       {QStringLiteral("identifier"), query.value(1).toString()},
                       {QStringLiteral("sender"), query.value(2).toString()},
                       {QStringLiteral("sent"), query.value(3).toString()},
                       {QStringLiteral("msg_type"), query.value(4).toString()},
                       {QStringLiteral("cap"), query.value(5).toString()},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("expires"), cityIso(expiresAt)},
                       {QStringLiteral("ended_by"), nullable(query.value(8).toString())}};
}

QString AlertService::insertSubmission(const NewSubmission &s, qint64 now)
{
    const QString id = randomId(QStringLiteral("ALS-"));
    QString media;
    if (!s.photoJpeg.isEmpty()) {
        media = open311::ReportService::newPhotoName();
        if (!m_db.exec(QStringLiteral("INSERT INTO media (name, content_type, bytes, width, "
                                      "height, created_at) VALUES (?, 'image/jpeg', ?, ?, ?, ?)"),
                       {media, s.photoJpeg, s.photoSize.width(), s.photoSize.height(), now}))
            return QString();
    }
    if (!m_db.exec(QStringLiteral("INSERT INTO alert_submissions (id, account_id, category, "
                                  "text, lat, lon, media_name, status, created_at) VALUES (?, ?, "
                                  "?, ?, ?, ?, ?, 'pending', ?)"),
                   {id, s.accountId, s.category, s.text, s.lat, s.lon,
                    media.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(media),
                    now}))
        return QString();
    return id;
}

namespace {

const char kSubmissionColumns[] = "id, category, text, lat, lon, media_name, status, reason, "
                                  "alert_id, created_at, decided_at";

QJsonObject submissionJson(const QSqlQuery &query, const QString &baseUrl)
{
    const QString media = query.value(5).toString();
    return QJsonObject{
        {QStringLiteral("submission_id"), query.value(0).toString()},
        {QStringLiteral("category"), query.value(1).toString()},
        {QStringLiteral("text"), query.value(2).toString()},
        {QStringLiteral("lat"), query.value(3).toDouble()},
        {QStringLiteral("long"), query.value(4).toDouble()},
        {QStringLiteral("media_url"),
         media.isEmpty() ? QJsonValue(QJsonValue::Null)
                         : QJsonValue(baseUrl + QStringLiteral("/open311/v2/media/") + media +
                                      QStringLiteral(".jpg"))},
        {QStringLiteral("status"), query.value(6).toString()},
        {QStringLiteral("reason"), query.value(7).toString()},
        {QStringLiteral("alert_id"), nullable(query.value(8).toString())},
        {QStringLiteral("submitted_at"), cityIso(query.value(9).toLongLong())},
        {QStringLiteral("decided_at"), query.value(10).isNull()
                                           ? QJsonValue(QJsonValue::Null)
                                           : QJsonValue(cityIso(query.value(10).toLongLong()))}};
}

} // namespace

bool AlertService::submissions(const QString &accountId, const QString &status,
                               const QString &baseUrl, QJsonArray *out)
{
    QString sql = QStringLiteral("SELECT %1 FROM alert_submissions WHERE ")
                      .arg(QLatin1String(kSubmissionColumns));
    QVariantList values;
    if (!accountId.isEmpty()) {
        sql += QStringLiteral("account_id = ?");
        values << accountId;
    } else {
        sql += QStringLiteral("status = ?");
        values << status;
    }
    // The verifiers' queue is worked oldest first; a citizen sees the newest first.
    sql += accountId.isEmpty() ? QStringLiteral(" ORDER BY created_at ASC")
                               : QStringLiteral(" ORDER BY created_at DESC");
    sql += QStringLiteral(" LIMIT %1").arg(kMaxList);
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, sql, values))
        return false;
    while (query.next())
        out->append(submissionJson(query, baseUrl));
    return true;
}

std::optional<QJsonObject> AlertService::submission(const QString &id, const QString &baseUrl,
                                                    bool *ok)
{
    QSqlQuery query(m_db.connection());
    *ok = m_db.exec(query,
                    QStringLiteral("SELECT %1 FROM alert_submissions WHERE id = ?")
                        .arg(QLatin1String(kSubmissionColumns)),
                    {id});
    if (!*ok || !query.next())
        return std::nullopt;
    return submissionJson(query, baseUrl);
}

::alerts::Alert AlertService::verifiedAlert(const QString &submissionId, const QString &category,
                                            const QString &text, double lat, double lon,
                                            const Approval &approval, const QDateTime &sent)
{
    ::alerts::Alert alert;
    alert.identifier = QStringLiteral("hue-verification-") + submissionId;
    alert.sender = kVerificationSender;
    alert.sent = sent;
    alert.status = QStringLiteral("Actual");
    alert.msgType = QStringLiteral("Alert");
    alert.scope = QStringLiteral("Public");
    const QDateTime expires = sent.addSecs(qint64(approval.expiresInMinutes) * 60);
    struct Language
    {
        QString tag, headline, instruction, event, areaDesc;
    };
    const QList<Language> languages = {
        {QStringLiteral("vi-VN"), approval.headlineVi, approval.instructionVi,
         QStringLiteral("Cảnh báo từ người dân đã được xác minh"),
         QStringLiteral("Trong bán kính %1 m quanh vị trí được báo").arg(approval.radiusM)},
        {QStringLiteral("en-US"), approval.headlineEn, approval.instructionEn,
         QStringLiteral("Verified citizen alert"),
         QStringLiteral("Within %1 m of the reported place").arg(approval.radiusM)},
    };
    for (const Language &language : languages) {
        if (language.headline.isEmpty())
            continue;
        ::alerts::Info info;
        info.language = language.tag;
        info.categories = {category};
        info.event = language.event;
        info.urgency = approval.urgency;
        info.severity = approval.severity;
        info.certainty = approval.certainty;
        info.expires = expires;
        info.senderName = QStringLiteral("Trung tâm Xác minh Thông tin Huế");
        info.headline = language.headline;
        info.description = text;
        info.instruction = language.instruction;
        ::alerts::Area area;
        area.areaDesc = language.areaDesc;
        area.circles.append({geo::LatLon{lat, lon}, approval.radiusM / 1000.0});
        info.areas.append(area);
        alert.infos.append(info);
    }
    return alert;
}

Outcome AlertService::decide(const QString &id, const QString &status, const QString &reason,
                             const QString &alertId, const QString &verifierId)
{
    QSqlQuery update(m_db.connection());
    if (!m_db.exec(update,
                   QStringLiteral("UPDATE alert_submissions SET status = ?, reason = ?, alert_id = "
                                  "?, decided_at = ?, decided_by = ? WHERE id = ? AND status = "
                                  "'pending'"),
                   {status, reason.isEmpty() ? QStringLiteral("") : reason,
                    alertId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(alertId),
                    QDateTime::currentMSecsSinceEpoch(), verifierId, id}))
        return databaseError();
    if (update.numRowsAffected() != 1) {
        m_db.rollback();
        return Outcome::failure(409, QStringLiteral("conflict"),
                                QStringLiteral("submission %1 was decided meanwhile").arg(id));
    }
    return Outcome();
}

Outcome AlertService::approve(const QString &id, const Approval &approval,
                              const QString &verifierId, const QString &baseUrl)
{
    if (!m_db.begin())
        return databaseError();
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT account_id, category, text, lat, lon, status FROM "
                                  "alert_submissions WHERE id = ?"),
                   {id}))
        return databaseError();
    if (!query.next()) {
        m_db.rollback();
        return Outcome::failure(404, QStringLiteral("not_found"),
                                QStringLiteral("no alert submission %1").arg(id));
    }
    const QString submitter = query.value(0).toString();
    const QString category = query.value(1).toString();
    const QString text = query.value(2).toString();
    const double lat = query.value(3).toDouble();
    const double lon = query.value(4).toDouble();
    const QString status = query.value(5).toString();
    query.finish();
    if (status != u"pending") {
        m_db.rollback();
        return Outcome::failure(409, QStringLiteral("conflict"),
                                QStringLiteral("submission %1 is already %2").arg(id, status));
    }
    const QDateTime sent = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(),
                                                         Qt::OffsetFromUTC, kCityOffsetS);
    const ::alerts::Alert alert = verifiedAlert(id, category, text, lat, lon, approval, sent);
    const QStringList problems = ::alerts::validate(alert);
    if (!problems.isEmpty()) {
        m_db.rollback();
        return Outcome::failure(400, QStringLiteral("invalid_request"),
                                QStringLiteral("the alert would not be valid CAP: ") +
                                    problems.first());
    }
    const Outcome published =
        store(alert, ::alerts::serialize(alert), Publisher{verifierId, false});
    if (!published.ok() || published.replayed) {
        m_db.rollback();
        return published.ok() ? Outcome::failure(409, QStringLiteral("conflict"),
                                                 QStringLiteral("the alert of submission %1 "
                                                                "exists already")
                                                     .arg(id))
                              : published;
    }
    const QString alertId = published.body.value(QLatin1String("alert_id")).toString();
    Outcome decided = decide(id, QStringLiteral("approved"), QString(), alertId, verifierId);
    if (!decided.ok())
        return decided;
    if (!m_push.publish(QStringLiteral("alert_submission"), submitter,
                        QJsonObject{{QStringLiteral("submission_id"), id},
                                    {QStringLiteral("status"), QStringLiteral("approved")},
                                    {QStringLiteral("reason"), QString()}}) ||
        !m_db.commit())
        return databaseError();
    qCInfo(lcServer).noquote() << "alert submission" << id << "approved as" << alertId;
    bool ok = false;
    Outcome outcome;
    const std::optional<QJsonObject> now = submission(id, baseUrl, &ok);
    outcome.body = now.value_or(QJsonObject());
    return outcome;
}

Outcome AlertService::reject(const QString &id, const QString &reason, const QString &verifierId,
                             const QString &baseUrl)
{
    if (!m_db.begin())
        return databaseError();
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT account_id, status FROM alert_submissions WHERE id = ?"),
                   {id}))
        return databaseError();
    if (!query.next()) {
        m_db.rollback();
        return Outcome::failure(404, QStringLiteral("not_found"),
                                QStringLiteral("no alert submission %1").arg(id));
    }
    const QString submitter = query.value(0).toString();
    const QString status = query.value(1).toString();
    query.finish();
    if (status != u"pending") {
        m_db.rollback();
        return Outcome::failure(409, QStringLiteral("conflict"),
                                QStringLiteral("submission %1 is already %2").arg(id, status));
    }
    Outcome decided = decide(id, QStringLiteral("rejected"), reason, QString(), verifierId);
    if (!decided.ok())
        return decided;
    if (!m_push.publish(QStringLiteral("alert_submission"), submitter,
                        QJsonObject{{QStringLiteral("submission_id"), id},
                                    {QStringLiteral("status"), QStringLiteral("rejected")},
                                    {QStringLiteral("reason"), reason}}) ||
        !m_db.commit())
        return databaseError();
    qCInfo(lcServer).noquote() << "alert submission" << id << "rejected";
    bool ok = false;
    Outcome outcome;
    const std::optional<QJsonObject> now = submission(id, baseUrl, &ok);
    outcome.body = now.value_or(QJsonObject());
    return outcome;
}

} // namespace hues::server::alerting
