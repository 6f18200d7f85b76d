#pragma once

#include "jose/Jose.h"

#include <QString>

namespace hues::server {
class Database;
} // namespace hues::server

namespace hues::server::auth {

// The ES256 key that signs ID and access tokens, made on first start. On SQLite it is the
// PEM file DATA/oidc-signing-key.pem (mode 0600); on PostgreSQL it is a row of signing_keys,
// so that every hues-server process of one database signs with the same key.
class SigningKeys
{
public:
    static constexpr char kFileName[] = "oidc-signing-key.pem";

    // Loads the key, creating it if there is none. Returns false and sets *error on failure.
    bool load(Database &db, const QString &dataDir, QString *error);

    const jose::Key &signingKey() const { return m_key; }
    const jose::KeySet &publicKeys() const { return m_public; }

private:
    bool loadFromFile(const QString &path, QString *error);
    bool loadFromDatabase(Database &db, QString *error);
    void use(const jose::Key &key);

    jose::Key m_key;
    jose::KeySet m_public;
};

} // namespace hues::server::auth
