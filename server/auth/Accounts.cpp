#include "auth/Accounts.h"

#include "auth/PasswordHash.h"
#include "db/Database.h"

#include <QSqlQuery>

namespace hues::server::auth {

QJsonObject Account::claims(const QStringList &scopes) const
{
    QJsonObject out{{QStringLiteral("sub"), id}};
    if (scopes.contains(QStringLiteral("profile"))) {
        out.insert(QStringLiteral("name"), name);
        out.insert(QStringLiteral("preferred_username"), username);
        out.insert(QStringLiteral("role"), role);
    }
    if (scopes.contains(QStringLiteral("email")) && !email.isEmpty()) {
        out.insert(QStringLiteral("email"), email);
        out.insert(QStringLiteral("email_verified"), true);
    }
    if (scopes.contains(QStringLiteral("phone")) && !phoneNumber.isEmpty()) {
        out.insert(QStringLiteral("phone_number"), phoneNumber);
        out.insert(QStringLiteral("phone_number_verified"), true);
    }
    if (scopes.contains(QStringLiteral("citizen")) && !citizenId.isEmpty())
        out.insert(QStringLiteral("citizen_id"), citizenId);
    return out;
}

std::optional<Account> Accounts::select(const QString &where, const QString &value,
                                        QString *passwordHash) const
{
    if (value.isEmpty() || value.size() > 200)
        return std::nullopt;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT id, username, role, display_name, citizen_id, "
                                  "phone_number, email, password_hash FROM accounts WHERE ") +
                       where + QStringLiteral(" = ?"),
                   {value}) ||
        !query.next())
        return std::nullopt;
    Account account;
    account.id = query.value(0).toString();
    account.username = query.value(1).toString();
    account.role = query.value(2).toString();
    account.name = query.value(3).toString();
    account.citizenId = query.value(4).toString();
    account.phoneNumber = query.value(5).toString();
    account.email = query.value(6).toString();
    if (passwordHash)
        *passwordHash = query.value(7).toString();
    return account;
}

std::optional<Account> Accounts::byId(const QString &id) const
{
    return select(QStringLiteral("id"), id, nullptr);
}

std::optional<Account> Accounts::checkPassword(const QString &username,
                                               const QString &password) const
{
    QString hash;
    std::optional<Account> account =
        select(QStringLiteral("username"), username.trimmed().toLower(), &hash);
    if (!account || hash.isEmpty()) {
        PasswordHash::burn(password.toUtf8());
        return std::nullopt;
    }
    if (!PasswordHash::verify(password.toUtf8(), hash.toUtf8()))
        return std::nullopt;
    return account;
}

} // namespace hues::server::auth
