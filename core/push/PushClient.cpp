#include "PushClient.h"

#include "PushFrame.h"
#include "logging.h"
#include "store/Database.h"

#include <QDateTime>
#include <QNetworkInformation>
#include <QNetworkRequest>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QWebSocket>

namespace push {

PushClient::PushClient(net::ApiClient *api, store::Database *store, QObject *parent)
    : QObject(parent), m_api(api), m_store(store)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PushClient::attempt);
    m_silence.setSingleShot(true);
    connect(&m_silence, &QTimer::timeout, this, &PushClient::onSilence);
    connect(&m_ping, &QTimer::timeout, this, [this] {
        if (m_socket)
            m_socket->ping();
    });
    connect(&m_sleepCheck, &QTimer::timeout, this, &PushClient::checkSleep);
    connect(m_api, &net::ApiClient::baseUrlChanged, this, [this] {
        loadLastSeq();
        if (m_running)
            reconnectNow();
    });
    m_monotonic.start();
    loadLastSeq();
}

PushClient::~PushClient()
{
    if (m_tokenReply)
        m_tokenReply->abort();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void PushClient::setTimings(const Timings &timings)
{
    m_timings = timings;
    if (m_ping.isActive())
        m_ping.start(m_timings.pingIntervalMs);
    if (m_sleepCheck.isActive())
        m_sleepCheck.start(m_timings.sleepCheckMs);
}

void PushClient::setSslConfiguration(const QSslConfiguration &configuration)
{
    m_ssl = configuration;
    m_ssl->setPeerVerifyMode(QSslSocket::VerifyPeer);
}

void PushClient::setPersonal(bool personal)
{
    if (m_personal == personal)
        return;
    m_personal = personal;
    Q_EMIT personalChanged();
    // Signing in or out changes what the stream carries: connect again with (or without) a
    // token.
    if (m_running)
        reconnectNow();
}

QUrl PushClient::streamUrl() const
{
    const QUrl base = m_api->baseUrl();
    if (!net::ApiClient::isAcceptableBaseUrl(base))
        return QUrl();
    QUrl url = base;
    url.setScheme(base.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/push"));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString PushClient::storeKey() const
{
    return QStringLiteral("push.last_seq@") + m_api->baseUrl().toString(QUrl::StripTrailingSlash);
}

void PushClient::loadLastSeq()
{
    const QString key = storeKey();
    m_loadedKey = key;
    qint64 value = 0;
    if (m_store && m_store->isOpen()) {
        QSqlQuery query(m_store->connection());
        query.prepare(QStringLiteral("SELECT value FROM kv_cache WHERE key = ?"));
        query.addBindValue(key);
        if (query.exec() && query.next()) {
            bool ok = false;
            value = query.value(0).toByteArray().toLongLong(&ok);
            if (!ok || value < 0)
                value = 0;
        }
    }
    if (value != m_lastSeq) {
        m_lastSeq = value;
        Q_EMIT lastSeqChanged();
    }
}

void PushClient::storeLastSeq()
{
    Q_EMIT lastSeqChanged();
    if (!m_store || !m_store->isOpen())
        return;
    QSqlQuery query(m_store->connection());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO kv_cache (key, value, updated_at) "
                                 "VALUES (?, ?, ?)"));
    query.addBindValue(m_loadedKey);
    query.addBindValue(QByteArray::number(m_lastSeq));
    query.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!query.exec())
        qCWarning(lcStore) << "push: cannot keep the last seq:" << query.lastError().text();
}

void PushClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged();
}

void PushClient::start()
{
    if (m_running)
        return;
    m_running = true;
    Q_EMIT runningChanged();
    m_attempt = 0;
    watchNetwork();
    m_wallAtCheck = QDateTime::currentMSecsSinceEpoch();
    m_monoAtCheck = m_monotonic.elapsed();
    m_sleepCheck.start(m_timings.sleepCheckMs);
    attempt();
}

void PushClient::stop()
{
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT runningChanged();
    m_retry.stop();
    m_sleepCheck.stop();
    dropSocket();
    setState(State::Offline);
}

void PushClient::reconnectNow()
{
    if (!m_running)
        return;
    qCInfo(lcNet) << "push: reconnecting now";
    dropSocket();
    m_retry.stop();
    m_attempt = 0;
    attempt();
}

void PushClient::dropSocket()
{
    m_silence.stop();
    m_ping.stop();
    if (m_tokenReply) {
        m_tokenReply->disconnect(this);
        m_tokenReply->abort();
        m_tokenReply = nullptr;
    }
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void PushClient::attempt()
{
    if (!m_running || m_socket || m_tokenReply)
        return;
    if (storeKey() != m_loadedKey)
        loadLastSeq();
    ++m_attempt;
    if (streamUrl().isEmpty()) {
        setState(State::Offline);
        scheduleRetry(QStringLiteral("no acceptable server URL"));
        return;
    }
    setState(State::Connecting);
    if (!m_personal) {
        openSocket(QByteArray());
        return;
    }
    net::ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/v1/push/token");
    request.maxAttempts = 1; // this client retries by itself
    m_tokenReply = m_api->send(request);
    connect(m_tokenReply, &net::ApiReply::finished, this, [this] {
        net::ApiReply *reply = m_tokenReply;
        m_tokenReply = nullptr;
        reply->deleteLater();
        if (!m_running)
            return;
        if (reply->isOk()) {
            const QString token = reply->json().object().value(QLatin1String("token")).toString();
            if (!token.isEmpty()) {
                openSocket(token.toLatin1());
                return;
            }
        }
        const int status = reply->httpStatus();
        if (status == 401 || status == 403) {
            // Signed out on the server's side: public events still come.
            qCInfo(lcNet) << "push: no socket token (HTTP" << status
                          << "), connecting for public events only";
            openSocket(QByteArray());
            return;
        }
        scheduleRetry(QStringLiteral("socket token: ") + reply->error().message());
    });
}

void PushClient::openSocket(const QByteArray &token)
{
    QUrl url = streamUrl();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(m_lastSeq));
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("token"), QString::fromLatin1(token));
    url.setQuery(query);

    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingFrameSize(PushFrame::kMaxBytes);
    socket->setMaxAllowedIncomingMessageSize(PushFrame::kMaxBytes);
    if (m_ssl)
        socket->setSslConfiguration(*m_ssl);
    connect(socket, &QWebSocket::connected, this, [this] {
        m_silence.start(m_timings.silenceTimeoutMs);
        m_ping.start(m_timings.pingIntervalMs);
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &PushClient::onTextMessage);
    connect(socket, &QWebSocket::pong, this,
            [this] { m_silence.start(m_timings.silenceTimeoutMs); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        if (socket != m_socket)
            return;
        const QString why = socket->errorString();
        m_socket = nullptr;
        socket->deleteLater();
        m_silence.stop();
        m_ping.stop();
        scheduleRetry(why.isEmpty() ? QStringLiteral("connection closed") : why);
    });
    // 6.4 has no errorOccurred; errors are followed by disconnected(), handled above.
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [socket](QAbstractSocket::SocketError error) {
                qCInfo(lcNet) << "push: socket error" << error << socket->errorString();
            });
    // Also bounds the TCP connect and the handshake.
    m_silence.start(m_timings.silenceTimeoutMs);
    qCInfo(lcNet).noquote() << "push: connecting to" << hues::redactUrl(url);
    QNetworkRequest request(url);
    socket->open(request);
}

void PushClient::scheduleRetry(const QString &why)
{
    setState(State::Offline);
    Q_EMIT connectionError(why);
    if (!m_running)
        return;
    const int delay = net::ApiClient::backoffDelayMs(m_timings.backoff, m_attempt + 1);
    qCInfo(lcNet).noquote() << "push:" << why << "- retrying in" << delay << "ms";
    m_retry.start(delay);
}

void PushClient::onSilence()
{
    if (!m_socket)
        return;
    qCInfo(lcNet) << "push: no frame for" << m_timings.silenceTimeoutMs << "ms, reconnecting";
    QWebSocket *socket = m_socket;
    // disconnected() follows and schedules the retry.
    socket->abort();
    if (m_socket == socket) { // aborted before it was connected: no disconnected()
        dropSocket();
        scheduleRetry(QStringLiteral("silent connection"));
    }
}

void PushClient::onTextMessage(const QString &message)
{
    m_silence.start(m_timings.silenceTimeoutMs);
    const PushFrame frame = PushFrame::parse(message.toUtf8());
    if (frame.type == PushFrame::Type::Invalid) {
        qCWarning(lcNet).noquote() << "push: ignoring a malformed frame:" << frame.error;
        return;
    }
    handleFrame(frame);
}

void PushClient::handleFrame(const PushFrame &frame)
{
    switch (frame.type) {
    case PushFrame::Type::Hello:
        // Everything up to latest_seq has been sent (or was not for us): resume from there.
        // After a reset the old position means nothing any more.
        if (m_resetPending || frame.latestSeq > m_lastSeq) {
            m_lastSeq = frame.latestSeq;
            storeLastSeq();
        }
        m_resetPending = false;
        m_attempt = 0;
        setState(State::Live);
        break;
    case PushFrame::Type::Reset:
        m_resetPending = true;
        Q_EMIT reset();
        break;
    case PushFrame::Type::Event: {
        if (frame.seq <= m_lastSeq && !m_resetPending)
            return; // seen before this reconnect
        QPointer<PushClient> alive(this);
        Q_EMIT event(frame.kind, frame.seq, frame.data);
        if (!alive)
            return;
        m_lastSeq = frame.seq;
        storeLastSeq();
        break;
    }
    case PushFrame::Type::Unknown:
    case PushFrame::Type::Invalid:
        break;
    }
}

void PushClient::checkSleep()
{
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const qint64 mono = m_monotonic.elapsed();
    // The monotonic clock stands still while the machine sleeps; the wall clock does not.
    const qint64 slept = (wall - m_wallAtCheck) - (mono - m_monoAtCheck);
    m_wallAtCheck = wall;
    m_monoAtCheck = mono;
    if (slept > 5000 && m_running) {
        qCInfo(lcNet) << "push: woke up after about" << slept / 1000 << "s asleep";
        reconnectNow();
    }
}

void PushClient::watchNetwork()
{
    static bool tried = false;
    if (!tried) {
        tried = true;
        QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || m_watchingNetwork)
        return;
    m_watchingNetwork = true;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (!m_running)
                    return;
                if (reachability == QNetworkInformation::Reachability::Disconnected) {
                    // The socket is gone with the network; try again (with backoff) anyway,
                    // and at once when the network comes back.
                    dropSocket();
                    m_retry.stop();
                    scheduleRetry(QStringLiteral("network unreachable"));
                    return;
                }
                reconnectNow();
            });
    connect(info, &QNetworkInformation::transportMediumChanged, this, &PushClient::reconnectNow);
}

} // namespace push
