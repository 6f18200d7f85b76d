#include "open311/ReportService.h"

#include "db/Database.h"
#include "geo/Geo.h"
#include "logging.h"
#include "push/PushHub.h"

#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace hues::server::open311 {

namespace {

constexpr int kCityOffsetS = 7 * 3600;

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullInt()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}

QVariant nullDouble()
{
    return QVariant(QMetaType::fromType<double>());
}

// For NOT NULL text columns: a null QString would be bound as SQL NULL.
QString nonNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? nullText() : QVariant(text);
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QStringLiteral(", "));
}

QString openOrClosed(const QString &detailedStatus)
{
    return detailedStatus == u"closed" ? QStringLiteral("closed") : QStringLiteral("open");
}

QString randomText(int length, QStringView alphabet)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size()))));
    return text;
}

} // namespace

Lang languageOf(QByteArrayView acceptLanguage)
{
    // RFC 9110 §12.5.4: the highest q among the languages we have; ties go to the first.
    Lang best = Lang::Vi;
    double bestQ = -1;
    for (const QByteArray &item : acceptLanguage.toByteArray().split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray tag = parts.first().trimmed().toLower();
        const QByteArray primary = tag.split('-').first();
        double q = 1.0;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray param = parts.at(i).trimmed();
            if (param.startsWith("q=")) {
                bool ok = false;
                q = param.mid(2).toDouble(&ok);
                if (!ok || !std::isfinite(q))
                    q = 0;
            }
        }
        if ((primary == "vi" || primary == "en") && q > 0 && q > bestQ) {
            best = primary == "en" ? Lang::En : Lang::Vi;
            bestQ = q;
        }
    }
    return best;
}

QByteArray languageTag(Lang lang)
{
    return lang == Lang::En ? QByteArrayLiteral("en") : QByteArrayLiteral("vi");
}

QDateTime cityTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::OffsetFromUTC, kCityOffsetS);
}

QString ReportService::newRequestId()
{
    // Crockford's base32 without I, L, O, U: easy to read out on the phone.
    return QStringLiteral("HUE-") + randomText(10, u"0123456789ABCDEFGHJKMNPQRSTVWXYZ");
}

QString ReportService::newPhotoName()
{
    return randomText(32, u"0123456789abcdef");
}

bool ReportService::services(Lang lang, QList<reports::Service> *services)
{
    const QString suffix = lang == Lang::En ? QStringLiteral("en") : QStringLiteral("vi");
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, QStringLiteral("SELECT c.service_code, c.name_%1, c.description_%1, "
                                         "c.keywords, c.group_%1, (SELECT COUNT(*) FROM "
                                         "report_attributes a WHERE a.service_code = "
                                         "c.service_code) FROM report_categories c ORDER BY "
                                         "c.sort_order, c.service_code")
                              .arg(suffix)))
        return false;
    services->clear();
    while (query.next()) {
        reports::Service s;
        s.code = query.value(0).toString();
        s.name = query.value(1).toString();
        s.description = query.value(2).toString();
        s.keywords = query.value(3).toString();
        s.group = query.value(4).toString();
        s.metadata = query.value(5).toLongLong() > 0;
        services->append(s);
    }
    return true;
}

std::optional<Category> ReportService::category(const QString &code, Lang lang, bool *ok)
{
    const QString suffix = lang == Lang::En ? QStringLiteral("en") : QStringLiteral("vi");
    QSqlQuery query(m_db.connection());
    *ok = m_db.exec(query,
                    QStringLiteral("SELECT service_code, name_%1, description_%1, keywords, "
                                   "group_%1, notice_%1, agency, sla_hours FROM "
                                   "report_categories WHERE service_code = ?")
                        .arg(suffix),
                    {code});
    if (!*ok || !query.next())
        return std::nullopt;
    Category c;
    c.service.code = query.value(0).toString();
    c.service.name = query.value(1).toString();
    c.service.description = query.value(2).toString();
    c.service.keywords = query.value(3).toString();
    c.service.group = query.value(4).toString();
    c.notice = query.value(5).toString();
    c.agency = query.value(6).toString();
    c.slaHours = query.value(7).isNull() ? 0 : query.value(7).toInt();

    QSqlQuery attributes(m_db.connection());
    *ok = m_db.exec(attributes,
                    QStringLiteral("SELECT code, datatype, required, variable, description_%1, "
                                   "datatype_description_%1, sort_order FROM report_attributes "
                                   "WHERE service_code = ? ORDER BY sort_order, code")
                        .arg(suffix),
                    {code});
    if (!*ok)
        return std::nullopt;
    while (attributes.next()) {
        reports::ServiceAttribute a;
        a.code = attributes.value(0).toString();
        a.datatype = attributes.value(1).toString();
        a.required = attributes.value(2).toInt() != 0;
        a.variable = attributes.value(3).toInt() != 0;
        a.description = attributes.value(4).toString();
        a.datatypeDescription = attributes.value(5).toString();
        a.order = attributes.value(6).toInt();
        c.attributes.append(a);
    }
    QSqlQuery values(m_db.connection());
    *ok = m_db.exec(values,
                    QStringLiteral("SELECT attribute_code, value_key, name_%1 FROM "
                                   "report_attribute_values WHERE service_code = ? ORDER BY "
                                   "sort_order, value_key")
                        .arg(suffix),
                    {code});
    if (!*ok)
        return std::nullopt;
    while (values.next()) {
        for (reports::ServiceAttribute &a : c.attributes) {
            if (a.code == values.value(0).toString())
                a.values.append({values.value(1).toString(), values.value(2).toString()});
        }
    }
    c.service.metadata = !c.attributes.isEmpty();
    return c;
}

bool ReportService::insert(const NewRequest &r)
{
    if (!m_db.exec(
            QStringLiteral(
                "INSERT INTO service_requests (id, service_code, account_id, description, lat, "
                "lon, address, address_id, attributes, email, first_name, last_name, phone, "
                "device_id, status, detailed_status, status_notes, agency, requested_at, "
                "updated_at, expected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "'open', 'submitted', '', ?, ?, ?, ?)"),
            {r.id, r.serviceCode, textOrNull(r.accountId), nonNull(r.description),
             r.lat ? QVariant(*r.lat) : nullDouble(), r.lon ? QVariant(*r.lon) : nullDouble(),
             nonNull(r.address), nonNull(r.addressId),
             QString::fromUtf8(QJsonDocument(r.attributes).toJson(QJsonDocument::Compact)),
             textOrNull(r.email), textOrNull(r.firstName), textOrNull(r.lastName),
             textOrNull(r.phone), textOrNull(r.deviceId), nonNull(r.agency), r.requestedAt,
             r.requestedAt, r.expectedAt ? QVariant(r.expectedAt) : nullInt()}))
        return false;
    if (!m_db.exec(QStringLiteral("INSERT INTO service_request_history (request_id, seq, "
                                  "detailed_status, status, note, agency, actor_id, at) VALUES "
                                  "(?, 0, 'submitted', 'open', '', ?, ?, ?)"),
                   {r.id, nonNull(r.agency), nullText(), r.requestedAt}))
        return false;
    int position = 0;
    for (const StoredPhoto &photo : r.photos) {
        if (!m_db.exec(
                QStringLiteral("INSERT INTO media (name, content_type, bytes, width, "
                               "height, created_at) VALUES (?, 'image/jpeg', ?, ?, ?, ?)"),
                {photo.name, photo.jpeg, photo.size.width(), photo.size.height(), r.requestedAt}) ||
            !m_db.exec(QStringLiteral("INSERT INTO service_request_media (request_id, position, "
                                      "media_name) VALUES (?, ?, ?)"),
                       {r.id, position++, photo.name}))
            return false;
    }
    return true;
}

bool ReportService::find(const RequestFilter &filter, Lang lang, const QString &baseUrl,
                         QList<reports::ServiceRequest> *requests)
{
    const QString suffix = lang == Lang::En ? QStringLiteral("en") : QStringLiteral("vi");
    QString sql = QStringLiteral("SELECT r.id, r.status, r.status_notes, c.name_%1, "
                                 "r.service_code, r.description, r.agency, c.notice_%1, "
                                 "r.requested_at, r.updated_at, r.expected_at, r.address, "
                                 "r.address_id, r.lat, r.lon, r.detailed_status FROM "
                                 "service_requests r JOIN report_categories c ON "
                                 "c.service_code = r.service_code")
                      .arg(suffix);
    QStringList where;
    QVariantList values;
    const bool nearby = filter.ids.isEmpty() && filter.lat && filter.lon;
    if (!filter.ids.isEmpty()) {
        where << QStringLiteral("r.id IN (%1)").arg(placeholders(filter.ids.size()));
        for (const QString &id : filter.ids)
            values << id;
    } else {
        if (!filter.accountId.isEmpty()) {
            where << QStringLiteral("r.account_id = ?");
            values << filter.accountId;
        } else {
            where << QStringLiteral("r.requested_at >= ?") << QStringLiteral("r.requested_at <= ?");
            values << filter.startMs << filter.endMs;
        }
        if (!filter.serviceCodes.isEmpty()) {
            where << QStringLiteral("r.service_code IN (%1)")
                         .arg(placeholders(filter.serviceCodes.size()));
            for (const QString &code : filter.serviceCodes)
                values << code;
        }
        if (!filter.statuses.isEmpty()) {
            where << QStringLiteral("r.status IN (%1)").arg(placeholders(filter.statuses.size()));
            for (const QString &status : filter.statuses)
                values << status;
        }
        if (nearby) {
            // A bounding box in SQL (portable, indexable), the exact distance below.
            const double dLat = filter.radiusM / 111320.0;
            const double cosLat = std::cos(*filter.lat * M_PI / 180.0);
            const double dLon = cosLat > 0.01 ? filter.radiusM / (111320.0 * cosLat) : 360.0;
            where << QStringLiteral("r.lat BETWEEN ? AND ?")
                  << QStringLiteral("r.lon BETWEEN ? AND ?");
            values << *filter.lat - dLat << *filter.lat + dLat << *filter.lon - dLon
                   << *filter.lon + dLon;
        }
    }
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY r.requested_at DESC, r.id DESC LIMIT %1")
               .arg(nearby ? filter.limit * 5 : filter.limit);
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, sql, values))
        return false;
    requests->clear();
    QHash<QString, qsizetype> index;
    while (query.next() && requests->size() < filter.limit) {
        reports::ServiceRequest r;
        r.id = query.value(0).toString();
        r.status = query.value(1).toString();
        r.statusNotes = query.value(2).toString();
        r.serviceName = query.value(3).toString();
        r.serviceCode = query.value(4).toString();
        r.description = query.value(5).toString();
        r.agencyResponsible = query.value(6).toString();
        r.serviceNotice = query.value(7).toString();
        r.requested = cityTime(query.value(8).toLongLong());
        r.updated = cityTime(query.value(9).toLongLong());
        if (!query.value(10).isNull())
            r.expected = cityTime(query.value(10).toLongLong());
        r.address = query.value(11).toString();
        r.addressId = query.value(12).toString();
        if (!query.value(13).isNull() && !query.value(14).isNull()) {
            r.lat = query.value(13).toDouble();
            r.lon = query.value(14).toDouble();
        }
        r.detailedStatus = query.value(15).toString();
        if (nearby &&
            (!r.lat ||
             1000 * geo::distanceKm({*filter.lat, *filter.lon}, {*r.lat, *r.lon}) > filter.radiusM))
            continue;
        index.insert(r.id, requests->size());
        requests->append(r);
    }
    if (requests->isEmpty())
        return true;
    QSqlQuery media(m_db.connection());
    QVariantList ids;
    for (const reports::ServiceRequest &r : *requests)
        ids << r.id;
    if (!m_db.exec(media,
                   QStringLiteral("SELECT request_id, media_name FROM service_request_media "
                                  "WHERE request_id IN (%1) ORDER BY request_id, position")
                       .arg(placeholders(ids.size())),
                   ids))
        return false;
    while (media.next()) {
        reports::ServiceRequest &r = (*requests)[index.value(media.value(0).toString())];
        r.mediaUrls.append(baseUrl + QStringLiteral("/open311/v2/media/") +
                           media.value(1).toString() + QStringLiteral(".jpg"));
    }
    for (reports::ServiceRequest &r : *requests)
        r.mediaUrl = r.mediaUrls.value(0);
    return true;
}

std::optional<reports::ServiceRequest> ReportService::one(const QString &id, Lang lang,
                                                          const QString &baseUrl,
                                                          const QString &viewer, bool *ok)
{
    RequestFilter filter;
    filter.ids = {id};
    QList<reports::ServiceRequest> found;
    *ok = find(filter, lang, baseUrl, &found);
    if (!*ok || found.isEmpty())
        return std::nullopt;
    reports::ServiceRequest r = found.first();
    QSqlQuery history(m_db.connection());
    *ok = m_db.exec(history,
                    QStringLiteral("SELECT detailed_status, status, note, agency, at FROM "
                                   "service_request_history WHERE request_id = ? ORDER BY seq"),
                    {id});
    if (!*ok)
        return std::nullopt;
    QList<reports::StatusChange> changes;
    while (history.next()) {
        changes.append({history.value(0).toString(), history.value(1).toString(),
                        history.value(2).toString(), history.value(3).toString(),
                        cityTime(history.value(4).toLongLong())});
    }
    r.history = changes;
    if (viewer.isEmpty())
        return r;
    QSqlQuery mine(m_db.connection());
    *ok = m_db.exec(mine,
                    QStringLiteral("SELECT closed_at, rating_satisfied, rating_comment, rating_at "
                                   "FROM service_requests WHERE id = ? AND account_id = ?"),
                    {id, viewer});
    if (!*ok)
        return std::nullopt;
    if (!mine.next())
        return r;
    r.mine = true;
    if (!mine.value(3).isNull())
        r.rating = reports::Rating{mine.value(1).toInt() != 0, mine.value(2).toString(),
                                   cityTime(mine.value(3).toLongLong())};
    if (r.status == u"closed" && !mine.value(0).isNull()) {
        const qint64 until = mine.value(0).toLongLong() + kReopenWindowMs;
        if (QDateTime::currentMSecsSinceEpoch() <= until)
            r.reopenUntil = cityTime(until);
    }
    return r;
}

std::optional<QByteArray> ReportService::photo(const QString &name, bool *ok)
{
    QSqlQuery query(m_db.connection());
    *ok = m_db.exec(query, QStringLiteral("SELECT bytes FROM media WHERE name = ?"), {name});
    if (!*ok || !query.next())
        return std::nullopt;
    return query.value(0).toByteArray();
}

bool ReportService::owner(const QString &id, Owner *owner)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT account_id, status, closed_at, rating_at FROM "
                                  "service_requests WHERE id = ?"),
                   {id}))
        return false;
    *owner = Owner();
    if (!query.next())
        return true;
    owner->found = true;
    owner->accountId = query.value(0).toString();
    owner->status = query.value(1).toString();
    owner->closedAt = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
    owner->rated = !query.value(3).isNull();
    return true;
}

bool ReportService::appendHistory(const QString &id, const QString &detailedStatus,
                                  const QString &status, const QString &note, const QString &agency,
                                  const QString &actorId, qint64 at)
{
    // The UPDATE of the request row before this holds its lock (PostgreSQL) or the write lock
    // (SQLite), so no other transaction computes the same seq.
    QSqlQuery next(m_db.connection());
    if (!m_db.exec(next,
                   QStringLiteral("SELECT COALESCE(MAX(seq), -1) + 1 FROM "
                                  "service_request_history WHERE request_id = ?"),
                   {id}) ||
        !next.next())
        return false;
    return m_db.exec(QStringLiteral("INSERT INTO service_request_history (request_id, seq, "
                                    "detailed_status, status, note, agency, actor_id, at) VALUES "
                                    "(?, ?, ?, ?, ?, ?, ?, ?)"),
                     {id, next.value(0).toLongLong(), detailedStatus, status, nonNull(note),
                      nonNull(agency), textOrNull(actorId), at});
}

Outcome ReportService::databaseError()
{
    m_db.rollback();
    return Outcome::failure(500, QStringLiteral("the report database failed"));
}

Outcome ReportService::changeStatus(const QString &id, const QString &detailedStatus,
                                    const QString &note, const QString &agency,
                                    const QString &staffId)
{
    if (!m_db.begin())
        return Outcome::failure(500, QStringLiteral("the report database failed"));
    Owner current;
    if (!owner(id, &current))
        return databaseError();
    if (!current.found) {
        m_db.rollback();
        return Outcome::failure(404, QStringLiteral("no service request %1").arg(id));
    }
    QString detailed = detailedStatus;
    if (detailedStatus == u"open")
        detailed =
            current.status == u"closed" ? QStringLiteral("reopened") : QStringLiteral("submitted");
    const QString status = openOrClosed(detailed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Closing an already closed request keeps its closing time (the 7-day window); reopening
    // clears the closing time and the rating of that closure.
    const QVariant closedAt =
        status == u"closed" ? QVariant(current.closedAt ? current.closedAt : now) : nullInt();
    QString sql = QStringLiteral("UPDATE service_requests SET status = ?, detailed_status = ?, "
                                 "status_notes = ?, updated_at = ?, closed_at = ?");
    QVariantList values{status, detailed, nonNull(note), now, closedAt};
    if (!agency.isEmpty()) {
        sql += QStringLiteral(", agency = ?");
        values << agency;
    }
    if (status == u"open")
        sql += QStringLiteral(", rating_satisfied = NULL, rating_comment = NULL, rating_at = "
                              "NULL");
    sql += QStringLiteral(" WHERE id = ?");
    values << id;
    QSqlQuery agencyNow(m_db.connection());
    if (!m_db.exec(sql, values) ||
        !m_db.exec(agencyNow, QStringLiteral("SELECT agency FROM service_requests WHERE id = ?"),
                   {id}) ||
        !agencyNow.next() ||
        !appendHistory(id, detailed, status, note, agencyNow.value(0).toString(), staffId, now))
        return databaseError();
    // The reporter hears of it on the push stream (in this transaction); anonymous reports
    // have nobody to tell.
    if (m_push && !current.accountId.isEmpty() &&
        !m_push->publish(QStringLiteral("report_status"), current.accountId,
                         QJsonObject{{QStringLiteral("service_request_id"), id},
                                     {QStringLiteral("detailed_status"), detailed},
                                     {QStringLiteral("note"), note},
                                     {QStringLiteral("agency"), agencyNow.value(0).toString()}}))
        return databaseError();
    if (!m_db.commit())
        return databaseError();
    qCInfo(lcServer).noquote() << "service request" << id << "->" << detailed << "by staff";
    return {};
}

Outcome ReportService::rate(const QString &id, const QString &reporterId, bool satisfied,
                            const QString &comment)
{
    Owner current;
    if (!owner(id, &current))
        return Outcome::failure(500, QStringLiteral("the report database failed"));
    if (!current.found)
        return Outcome::failure(404, QStringLiteral("no service request %1").arg(id));
    if (current.accountId.isEmpty() || current.accountId != reporterId)
        return Outcome::failure(403, QStringLiteral("only the reporter may rate this request"));
    if (current.status != u"closed")
        return Outcome::failure(409, QStringLiteral("the request is not closed"));
    if (current.rated)
        return Outcome::failure(409, QStringLiteral("the request is already rated for this "
                                                    "closure"));
    QSqlQuery update(m_db.connection());
    if (!m_db.exec(update,
                   QStringLiteral("UPDATE service_requests SET rating_satisfied = ?, "
                                  "rating_comment = ?, rating_at = ? WHERE id = ? AND status = "
                                  "'closed' AND rating_at IS NULL"),
                   {satisfied ? 1 : 0, nonNull(comment), QDateTime::currentMSecsSinceEpoch(), id}))
        return Outcome::failure(500, QStringLiteral("the report database failed"));
    if (update.numRowsAffected() != 1) // changed in between
        return Outcome::failure(409, QStringLiteral("the request is not closed or already "
                                                    "rated"));
    return {};
}

Outcome ReportService::reopen(const QString &id, const QString &reporterId, const QString &comment)
{
    Owner current;
    if (!owner(id, &current))
        return Outcome::failure(500, QStringLiteral("the report database failed"));
    if (!current.found)
        return Outcome::failure(404, QStringLiteral("no service request %1").arg(id));
    if (current.accountId.isEmpty() || current.accountId != reporterId)
        return Outcome::failure(403, QStringLiteral("only the reporter may reopen this request"));
    if (current.status != u"closed")
        return Outcome::failure(409, QStringLiteral("the request is not closed"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - current.closedAt > kReopenWindowMs)
        return Outcome::failure(409, QStringLiteral("the request was closed more than 7 days "
                                                    "ago and can no longer be reopened"));
    if (!m_db.begin())
        return Outcome::failure(500, QStringLiteral("the report database failed"));
    QSqlQuery update(m_db.connection());
    if (!m_db.exec(update,
                   QStringLiteral("UPDATE service_requests SET status = 'open', detailed_status "
                                  "= 'reopened', status_notes = ?, updated_at = ?, closed_at = "
                                  "NULL, rating_satisfied = NULL, rating_comment = NULL, "
                                  "rating_at = NULL WHERE id = ? AND status = 'closed' AND "
                                  "closed_at >= ?"),
                   {nonNull(comment), now, id, now - kReopenWindowMs}))
        return databaseError();
    if (update.numRowsAffected() != 1) {
        m_db.rollback();
        return Outcome::failure(409, QStringLiteral("the request is no longer reopenable"));
    }
    QSqlQuery agencyNow(m_db.connection());
    if (!m_db.exec(agencyNow, QStringLiteral("SELECT agency FROM service_requests WHERE id = ?"),
                   {id}) ||
        !agencyNow.next() ||
        !appendHistory(id, QStringLiteral("reopened"), QStringLiteral("open"), comment,
                       agencyNow.value(0).toString(), reporterId, now) ||
        !m_db.commit())
        return databaseError();
    return {};
}

} // namespace hues::server::open311
