#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace hues::server {
class Database;
} // namespace hues::server

namespace hues::server::auth {

// A person who signs in (table accounts).
struct Account
{
    QString id; // the OpenID "sub"
    QString username;
    QString role; // citizen | ioc_staff | verifier | merchant
    QString name;
    QString citizenId; // CCCD, 12 digits
    QString phoneNumber;
    QString email;

    // The OpenID claims the scopes allow (OpenID Connect Core §5.4): profile (name,
    // preferred_username, role), email, phone, and citizen (citizen_id). Always "sub".
    QJsonObject claims(const QStringList &scopes) const;
};

class Accounts
{
public:
    explicit Accounts(Database &db) : m_db(db) {}

    std::optional<Account> byId(const QString &id) const;
    // The account when username and password match; std::nullopt otherwise, after spending
    // the same time whether the username exists or not.
    std::optional<Account> checkPassword(const QString &username, const QString &password) const;

private:
    std::optional<Account> select(const QString &where, const QString &value,
                                  QString *passwordHash) const;
    Database &m_db;
};

} // namespace hues::server::auth
