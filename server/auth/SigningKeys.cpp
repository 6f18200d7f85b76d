#include "auth/SigningKeys.h"

#include "auth/Http.h"
#include "db/Database.h"
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <unistd.h>

namespace hues::server::auth {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

jose::Key parse(const QByteArray &pem, const QString &where, QString *error)
{
    QString why;
    jose::Key key = jose::Key::fromPem(pem, &why);
    if (key.isNull() || !key.hasPrivate() || key.alg() != u"ES256") {
        *error = QStringLiteral("the signing key in %1 is not an ES256 private key%2")
                     .arg(where, why.isEmpty() ? QString() : QStringLiteral(": ") + why);
        return {};
    }
    return key;
}

} // namespace

void SigningKeys::use(const jose::Key &key)
{
    m_key = key;
    m_public = jose::KeySet();
    m_public.add(key);
}

bool SigningKeys::load(Database &db, const QString &dataDir, QString *error)
{
    if (db.kind() == Database::Kind::Postgresql)
        return loadFromDatabase(db, error);
    return loadFromFile(QDir(dataDir).filePath(QString::fromLatin1(kFileName)), error);
}

bool SigningKeys::loadFromFile(const QString &path, QString *error)
{
    if (!QFile::exists(path)) {
        // Written beside, then hard-linked into place: link() refuses to replace a key another
        // process made meanwhile, and nobody ever reads a half-written file.
        const jose::Key key = jose::Key::generateEs256();
        const QString temp = path + QStringLiteral(".new-") + QString::number(getpid());
        QFile file(temp);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, kOwnerOnly) ||
            file.write(key.toPrivatePem()) < 0 || !file.flush() || ::fsync(file.handle()) != 0) {
            *error =
                QStringLiteral("cannot write the signing key %1: %2").arg(temp, file.errorString());
            file.remove();
            return false;
        }
        file.close();
        const bool linked =
            ::link(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0;
        QFile::remove(temp);
        if (linked)
            qCInfo(lcServer).noquote() << "created signing key" << key.kid() << "in" << path;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the signing key %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                              QFileDevice::WriteGroup | QFileDevice::WriteOther)) {
        qCWarning(lcServer).noquote()
            << "signing key" << path << "was readable by others; now owner-only";
        file.setPermissions(kOwnerOnly);
    }
    const jose::Key key = parse(file.readAll(), path, error);
    if (key.isNull())
        return false;
    use(key);
    return true;
}

bool SigningKeys::loadFromDatabase(Database &db, QString *error)
{
    // The schema lock serialises the first start of several processes on one database.
    if (!db.lockSchema()) {
        *error =
            QStringLiteral("cannot lock the database to load the signing key: ") + db.errorString();
        return false;
    }
    const auto done = [&db](bool ok) {
        db.unlockSchema();
        return ok;
    };
    QSqlQuery query(db.connection());
    if (!db.exec(query, QStringLiteral("SELECT private_pem FROM signing_keys WHERE alg = 'ES256' "
                                       "ORDER BY created_at DESC, kid LIMIT 1"))) {
        *error = QStringLiteral("cannot read signing_keys: ") + db.errorString();
        return done(false);
    }
    if (query.next()) {
        const jose::Key key =
            parse(query.value(0).toString().toUtf8(), QStringLiteral("signing_keys"), error);
        if (key.isNull())
            return done(false);
        use(key);
        return done(true);
    }
    query.finish();
    const jose::Key key = jose::Key::generateEs256();
    if (!db.exec(QStringLiteral("INSERT INTO signing_keys (kid, alg, private_pem, created_at) "
                                "VALUES (?, ?, ?, ?)"),
                 {key.kid(), key.alg(), QString::fromLatin1(key.toPrivatePem()), nowMs()})) {
        *error = QStringLiteral("cannot store the signing key: ") + db.errorString();
        return done(false);
    }
    qCInfo(lcServer).noquote() << "created signing key" << key.kid() << "in signing_keys";
    use(key);
    return done(true);
}

} // namespace hues::server::auth
