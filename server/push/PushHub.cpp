#include "push/PushHub.h"

#include "http/ConnectionGuard.h"
#include "http/HttpTypes.h"
#include "jose/Jose.h"
#include "logging.h"
#include "push/PushConnection.h"
#include "push/WebSocket.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

namespace hues::server::push {

namespace {

constexpr int kPumpBatch = 1000;
constexpr int kRecentFrames = 2048;
constexpr int kCityOffsetS = 7 * 3600; // Huế, UTC+07:00, no daylight saving

QByteArray tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

// Whether a comma-separated header value lists token (case-insensitive).
bool listsToken(const QByteArray &value, QByteArrayView token)
{
    for (const QByteArray &item : value.split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

PushHub::PushHub(Database &db, const PushOptions &options, QObject *parent)
    : QObject(parent), m_db(db), m_options(options),
      m_pingFrame(ws::frame(ws::Ping, QByteArrayView()))
{
    m_clock.start();
    m_heartbeat.setInterval(m_options.pingIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &PushHub::heartbeat);
    m_housekeeping.setInterval(3600 * 1000);
    connect(&m_housekeeping, &QTimer::timeout, this, &PushHub::housekeeping);
    m_poll.setInterval(m_options.pollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, &PushHub::pump);
}

PushHub::~PushHub()
{
    // Connections live with their sockets; they must not call back into a hub that is gone.
    const QSet<PushConnection *> connections = m_connections;
    for (PushConnection *connection : connections)
        connection->m_hub = nullptr;
}

bool PushHub::start(const QString &dataDir, const QString &databaseUrl, QString *error)
{
    qint64 pruned = 0;
    if (!readSequence(&m_latest, &pruned)) {
        *error = QStringLiteral("cannot read the push sequence: ") + m_db.errorString();
        return false;
    }
    housekeeping();
    if (m_db.kind() == Database::Kind::Postgresql) {
        m_listenDb = std::make_unique<Database>();
        if (!m_listenDb->open(dataDir, databaseUrl)) {
            *error = QStringLiteral("push: ") + m_listenDb->errorString();
            return false;
        }
        QSqlDriver *driver = m_listenDb->connection().driver();
        if (!driver->subscribeToNotification(QString::fromLatin1(kChannel))) {
            *error = QStringLiteral("push: cannot LISTEN on %1").arg(QLatin1String(kChannel));
            return false;
        }
        connect(driver, &QSqlDriver::notification, this, [this](const QString &name) {
            if (name == QLatin1String(kChannel))
                schedulePump();
        });
    }
    // A safety net: a notification lost with a dropped LISTEN connection, or a pump that
    // failed (database busy), is made up for within pollIntervalMs.
    m_poll.start();
    m_heartbeat.start();
    m_housekeeping.start();
    qCInfo(lcServer) << "push: sequence at" << m_latest;
    return true;
}

void PushHub::setOwnOrigin(const QString &baseUrl)
{
    m_ownOrigin = normaliseOrigin(baseUrl);
}

QString PushHub::normaliseOrigin(const QString &origin)
{
    const QUrl url(origin, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https") ||
        !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != u"/"))
        return QString();
    const int defaultPort = scheme == u"https" ? 443 : 80;
    const int port = url.port(defaultPort);
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    QString text = scheme + QStringLiteral("://") + host;
    if (port != defaultPort)
        text += QLatin1Char(':') + QString::number(port);
    return text;
}

bool PushHub::originAllowed(const QByteArray &origin) const
{
    const QString normal = normaliseOrigin(QString::fromLatin1(origin));
    if (normal.isEmpty())
        return false;
    if (normal == m_ownOrigin)
        return true;
    for (const QString &allowed : m_options.allowedOrigins) {
        if (normaliseOrigin(allowed) == normal)
            return true;
    }
    return false;
}

bool PushHub::readSequence(qint64 *value, qint64 *prunedThrough)
{
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, QStringLiteral("SELECT value, pruned_through FROM push_sequence WHERE "
                                         "id = 1")) ||
        !query.next())
        return false;
    *value = query.value(0).toLongLong();
    *prunedThrough = query.value(1).toLongLong();
    return true;
}

qint64 PushHub::publish(const QString &kind, const QString &audience, const QJsonObject &data)
{
    // The counter row is locked until commit (PostgreSQL) or the whole database is (SQLite's
    // IMMEDIATE transaction): events commit in seq order, so readers never see a later seq
    // before an earlier one.
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("UPDATE push_sequence SET value = value + 1 WHERE id = 1")) ||
        !m_db.exec(query, QStringLiteral("SELECT value FROM push_sequence WHERE id = 1")) ||
        !query.next())
        return 0;
    const qint64 seq = query.value(0).toLongLong();
    const QByteArray json = QJsonDocument(data).toJson(QJsonDocument::Compact);
    if (!m_db.exec(QStringLiteral("INSERT INTO push_events (seq, kind, audience, data, "
                                  "created_at) VALUES (?, ?, ?, ?, ?)"),
                   {seq, kind, audience.isEmpty() ? QStringLiteral("") : audience,
                    QString::fromUtf8(json), QDateTime::currentMSecsSinceEpoch()}))
        return 0;
    // Sent by PostgreSQL when the transaction commits, dropped when it rolls back. Ids only:
    // payloads stop at 8000 bytes.
    if (m_db.kind() == Database::Kind::Postgresql &&
        !m_db.exec(QStringLiteral("SELECT pg_notify(?, ?)"),
                   {QString::fromLatin1(kChannel), QString::number(seq)}))
        return 0;
    schedulePump();
    return seq;
}

void PushHub::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    // After the publishing handler has committed (or rolled back) and returned.
    QMetaObject::invokeMethod(this, &PushHub::pump, Qt::QueuedConnection);
}

void PushHub::pump()
{
    m_pumpScheduled = false;
    for (;;) {
        QSqlQuery query(m_db.connection());
        if (!m_db.exec(query,
                       QStringLiteral("SELECT seq, kind, audience, data, created_at FROM "
                                      "push_events WHERE seq > ? ORDER BY seq LIMIT %1")
                           .arg(kPumpBatch),
                       {m_latest}))
            return; // logged; the next notification or poll tries again
        int rows = 0;
        while (query.next()) {
            ++rows;
            StoredEvent event;
            event.seq = query.value(0).toLongLong();
            event.kind = query.value(1).toString();
            event.audience = query.value(2).toString();
            event.data = query.value(3).toString().toUtf8();
            event.createdAt = query.value(4).toLongLong();
            const QByteArray frame = frameFor(event);
            m_latest = event.seq;
            remember(event.seq, frame);
            fanOut(event, frame);
        }
        if (rows < kPumpBatch)
            return;
    }
}

QByteArray PushHub::frameFor(const StoredEvent &event)
{
    const QString at =
        QDateTime::fromMSecsSinceEpoch(event.createdAt, Qt::OffsetFromUTC, kCityOffsetS)
            .toString(Qt::ISODate);
    const QByteArray text = QByteArrayLiteral("{\"type\":\"event\",\"seq\":") +
                            QByteArray::number(event.seq) + QByteArrayLiteral(",\"kind\":") +
                            jsonString(event.kind) + QByteArrayLiteral(",\"at\":\"") +
                            at.toLatin1() + QByteArrayLiteral("\",\"data\":") +
                            (event.data.isEmpty() ? QByteArrayLiteral("{}") : event.data) + '}';
    return ws::frame(ws::Text, text);
}

void PushHub::remember(qint64 seq, const QByteArray &frame)
{
    m_recentFrames.insert(seq, frame);
    while (m_recentFrames.size() > kRecentFrames)
        m_recentFrames.erase(m_recentFrames.begin());
}

void PushHub::fanOut(const StoredEvent &event, const QByteArray &frame)
{
    QElapsedTimer timer;
    timer.start();
    QList<PushConnection *> tooSlow;
    const auto deliver = [&](PushConnection *connection) {
        if (!connection->deliver(event.seq, frame))
            tooSlow.append(connection);
    };
    if (event.audience.isEmpty()) {
        for (PushConnection *connection : std::as_const(m_connections))
            deliver(connection);
    } else {
        for (auto it = m_bySubject.constFind(event.audience);
             it != m_bySubject.cend() && it.key() == event.audience; ++it)
            deliver(it.value());
    }
    for (PushConnection *connection : std::as_const(tooSlow)) {
        qCInfo(lcServer) << "push: dropping a client that reads too slowly";
        connection->close(ws::PolicyViolation, "too slow", true);
    }
    qCDebug(lcServer).noquote() << "push: event" << event.seq << "to"
                                << (event.audience.isEmpty() ? m_connections.size()
                                                             : m_bySubject.count(event.audience))
                                << "connections in"
                                << QString::number(timer.nsecsElapsed() / 1e6, 'f', 1) +
                                       QStringLiteral("ms");
}

PushHub::Page PushHub::replayPage(const QString &subject, qint64 after, qint64 upTo, int limit)
{
    Page page;
    if (after >= upTo) {
        page.complete = true;
        return page;
    }
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT seq, kind, audience, data, created_at FROM push_events "
                                  "WHERE seq > ? AND seq <= ? AND (audience = '' OR audience = "
                                  "?) ORDER BY seq LIMIT %1")
                       .arg(limit),
                   {after, upTo, subject.isEmpty() ? QStringLiteral("") : subject})) {
        page.ok = false;
        return page;
    }
    while (query.next()) {
        const qint64 seq = query.value(0).toLongLong();
        auto cached = m_recentFrames.constFind(seq);
        if (cached != m_recentFrames.cend()) {
            page.frames.append({seq, cached.value()});
            continue;
        }
        StoredEvent event;
        event.seq = seq;
        event.kind = query.value(1).toString();
        event.audience = query.value(2).toString();
        event.data = query.value(3).toString().toUtf8();
        event.createdAt = query.value(4).toLongLong();
        page.frames.append({seq, frameFor(event)});
    }
    page.complete = page.frames.size() < limit;
    return page;
}

void PushHub::heartbeat()
{
    const qint64 now = nowMs();
    QList<PushConnection *> silent;
    for (PushConnection *connection : std::as_const(m_connections)) {
        if (now - connection->lastHeardMs() > m_options.silenceTimeoutMs)
            silent.append(connection);
        else
            connection->send(m_pingFrame);
    }
    for (PushConnection *connection : std::as_const(silent)) {
        qCInfo(lcServer) << "push: closing a silent client";
        connection->close(ws::GoingAway, "silent", true);
    }
}

void PushHub::housekeeping()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_db.exec(QStringLiteral("DELETE FROM push_tokens WHERE expires_at < ?"), {now});
    if (!m_db.begin())
        return;
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query, QStringLiteral("SELECT MAX(seq) FROM push_events WHERE created_at < ?"),
                   {now - kRetentionMs}) ||
        !query.next()) {
        m_db.rollback();
        return;
    }
    const qint64 through = query.value(0).toLongLong();
    query.finish();
    if (through > 0 &&
        (!m_db.exec(QStringLiteral("DELETE FROM push_events WHERE seq <= ?"), {through}) ||
         !m_db.exec(QStringLiteral("UPDATE push_sequence SET pruned_through = ? WHERE id = 1 "
                                   "AND pruned_through < ?"),
                    {through, through}))) {
        m_db.rollback();
        return;
    }
    if (!m_db.commit())
        m_db.rollback();
    else if (through > 0)
        qCInfo(lcServer) << "push: pruned events up to seq" << through;
}

std::optional<QByteArray> PushHub::issueToken(const QString &subject)
{
    const QByteArray token = jose::randomToken(32);
    if (!m_db.exec(QStringLiteral("INSERT INTO push_tokens (token_hash, subject, expires_at) "
                                  "VALUES (?, ?, ?)"),
                   {QString::fromLatin1(tokenHash(token)), subject,
                    QDateTime::currentMSecsSinceEpoch() + kTokenLifetimeMs}))
        return std::nullopt;
    return token;
}

std::optional<QString> PushHub::consumeToken(const QByteArray &token, bool *dbError)
{
    *dbError = false;
    const QString hash = QString::fromLatin1(tokenHash(token));
    if (!m_db.begin()) {
        *dbError = true;
        return std::nullopt;
    }
    QSqlQuery query(m_db.connection());
    if (!m_db.exec(query,
                   QStringLiteral("SELECT subject, expires_at FROM push_tokens WHERE "
                                  "token_hash = ?"),
                   {hash})) {
        m_db.rollback();
        *dbError = true;
        return std::nullopt;
    }
    if (!query.next()) {
        m_db.rollback();
        return std::nullopt;
    }
    const QString subject = query.value(0).toString();
    const qint64 expiresAt = query.value(1).toLongLong();
    query.finish();
    // Single use: of two processes using one token at once, only one deletes the row.
    QSqlQuery remove(m_db.connection());
    if (!m_db.exec(remove, QStringLiteral("DELETE FROM push_tokens WHERE token_hash = ?"),
                   {hash}) ||
        !m_db.commit()) {
        m_db.rollback();
        *dbError = true;
        return std::nullopt;
    }
    if (remove.numRowsAffected() != 1 || expiresAt <= QDateTime::currentMSecsSinceEpoch())
        return std::nullopt;
    return subject;
}

void PushHub::acceptUpgrade(QTcpSocket *socket, const UpgradeRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    const QUrl target = QUrl::fromEncoded(request.target);
    const auto logLine = [&](int status) {
        QUrl relative;
        relative.setPath(target.path());
        relative.setQuery(target.query());
        qCInfo(lcServer).noquote()
            << "GET" << hues::redactUrl(relative) << status
            << QString::number(timer.nsecsElapsed() / 1e6, 'f', 1) + QStringLiteral("ms");
    };
    const auto refuse = [&](int status, const QString &code, const QString &message,
                            const QByteArray &extraHeader = {}) {
        QByteArray answer = Response::rawError(status, code, message);
        if (!extraHeader.isEmpty())
            answer.insert(answer.indexOf("\r\n") + 2, extraHeader + "\r\n");
        socket->write(answer);
        socket->disconnectFromHost();
        logLine(status);
    };

    // RFC 6455 section 4.2.1: what a client's opening handshake must hold.
    bool repeated = false;
    const QByteArray key = request.header("sec-websocket-key", &repeated);
    if (request.header("host").isEmpty() || !listsToken(request.header("connection"), "upgrade"))
        return refuse(400, QStringLiteral("bad_request"),
                      QStringLiteral("not a WebSocket handshake (Host and Connection: Upgrade "
                                     "are required)"));
    if (request.header("sec-websocket-version").trimmed() != "13")
        return refuse(426, QStringLiteral("upgrade_required"),
                      QStringLiteral("WebSocket version 13 is required"),
                      "Sec-WebSocket-Version: 13");
    if (repeated || !ws::validClientKey(key))
        return refuse(400, QStringLiteral("bad_request"),
                      QStringLiteral("Sec-WebSocket-Key must be the base64 of 16 bytes"));
    // One address may hold only so many connections (checked before any database work).
    const QString address = addressKey(socket->peerAddress());
    if (m_perAddress.value(address) >= m_options.maxPerAddress)
        return refuse(429, QStringLiteral("too_many_connections"),
                      QStringLiteral("this address has %1 push connections open already, the "
                                     "most allowed; close one or try again later")
                          .arg(m_options.maxPerAddress),
                      "Retry-After: 30");
    // Browsers send Origin; native clients do not.
    const QByteArray origin = request.header("origin", &repeated);
    if (!origin.isNull() && (repeated || !originAllowed(origin)))
        return refuse(403, QStringLiteral("forbidden_origin"),
                      QStringLiteral("pages of origin %1 may not open the push stream")
                          .arg(QString::fromLatin1(origin.left(200))));

    const QUrlQuery query(target);
    const QStringList sinceValues = query.allQueryItemValues(QStringLiteral("since"));
    const QStringList tokenValues =
        query.allQueryItemValues(QStringLiteral("token"), QUrl::FullyDecoded);
    if (sinceValues.size() > 1 || tokenValues.size() > 1)
        return refuse(400, QStringLiteral("invalid_request"),
                      QStringLiteral("since and token may be given once"));
    qint64 since = 0;
    if (!sinceValues.isEmpty()) {
        const QString &text = sinceValues.first();
        bool ok = !text.isEmpty() && text.size() <= 18 &&
                  std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
        since = ok ? text.toLongLong(&ok) : 0;
        if (!ok)
            return refuse(400, QStringLiteral("invalid_request"),
                          QStringLiteral("since must be a sequence number (0 or more)"));
    }
    QString subject;
    if (!tokenValues.isEmpty()) {
        bool dbError = false;
        const std::optional<QString> who = consumeToken(tokenValues.first().toLatin1(), &dbError);
        if (dbError)
            return refuse(503, QStringLiteral("unavailable"),
                          QStringLiteral("the push stream cannot check tokens right now"));
        if (!who)
            return refuse(401, QStringLiteral("invalid_token"),
                          QStringLiteral("the socket token is unknown, used or expired; get a "
                                         "new one from POST /api/v1/push/token"),
                          "WWW-Authenticate: Bearer realm=\"hues-api\", "
                          "error=\"invalid_token\"");
        subject = *who;
    }

    qint64 counter = 0;
    qint64 prunedThrough = 0;
    if (!readSequence(&counter, &prunedThrough))
        return refuse(503, QStringLiteral("unavailable"),
                      QStringLiteral("the push stream cannot read its events right now"));
    // Events after since are gone (pruned), or since comes from another database: the client
    // refetches the whole state instead.
    const bool reset = since > 0 && (since < prunedThrough || since > counter);

    socket->write(QByteArrayLiteral("HTTP/1.1 101 Switching Protocols\r\n"
                                    "Upgrade: websocket\r\n"
                                    "Connection: Upgrade\r\n"
                                    "Sec-WebSocket-Accept: ") +
                  ws::acceptKey(key) + QByteArrayLiteral("\r\n\r\n"));
    logLine(101);
    auto *connection = new PushConnection(this, socket, subject, address,
                                          (reset || since == 0) ? m_latest : since, nowMs());
    attach(connection);
    if (reset)
        connection->send(ws::frame(ws::Text, QByteArrayView("{\"type\":\"reset\"}")));
    connection->catchUp();
}

void PushHub::attach(PushConnection *connection)
{
    m_connections.insert(connection);
    if (!connection->subject().isEmpty())
        m_bySubject.insert(connection->subject(), connection);
    ++m_perAddress[connection->address()];
}

void PushHub::detach(PushConnection *connection)
{
    if (!m_connections.remove(connection))
        return;
    if (!connection->subject().isEmpty())
        m_bySubject.remove(connection->subject(), connection);
    const auto it = m_perAddress.find(connection->address());
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

QString PushHub::addressKey(const QHostAddress &address)
{
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4);
    if (isIPv4)
        return QHostAddress(ipv4).toString();
    QHostAddress withoutScope = address;
    withoutScope.setScopeId(QString());
    return withoutScope.toString();
}

} // namespace hues::server::push
