#include "db/Database.h"
#include "http/Router.h"
#include "routes/Routes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>

namespace hues::server {

namespace {

// Runs a SELECT and turns each row into an object keyed by column name (NULL -> null).
Response listRows(Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!db.exec(query, sql))
        return Response::error(500, QStringLiteral("database_error"),
                               QStringLiteral("the directory cannot be read"));
    QJsonArray rows;
    while (query.next()) {
        const QSqlRecord record = query.record();
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i) {
            const QVariant value = record.value(i);
            row.insert(record.fieldName(i),
                       value.isNull() ? QJsonValue() : QJsonValue::fromVariant(value));
        }
        rows.append(row);
    }
    return Response::json(rows);
}

} // namespace

void registerDirectoryRoutes(Router &router, ServerContext &context)
{
    Database &db = context.db;
    // One-stop public administration service centres.
    router.get(QStringLiteral("/api/v1/centres"), [&db](const Request &) {
        return listRows(db, QStringLiteral("SELECT id, name_vi, name_en, address, lat, lon, "
                                           "phone, opening_hours FROM service_centres "
                                           "ORDER BY sort_order, id"));
    });
    router.get(QStringLiteral("/api/v1/sites"), [&db](const Request &) {
        return listRows(db, QStringLiteral("SELECT id, name_vi, name_en, address, lat, lon, "
                                           "opening_hours FROM heritage_sites "
                                           "ORDER BY sort_order, id"));
    });
}

} // namespace hues::server
