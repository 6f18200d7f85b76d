#include "OutboxSender.h"

#include "ReportDraft.h"
#include "ReportsClient.h"
#include "logging.h"
#include "net/ApiClient.h"
#include "store/Outbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QNetworkInformation>
#include <QTimer>

#include <limits>

namespace reports {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// What to tell the user about a send that did not work: the translated sentence, and the
// server's own reason when it gave one.
QString reasonOf(const net::ApiReply *reply)
{
    QString text = reply->error().message();
    const QString reason = ReportsClient::serverReason(reply->body());
    if (!reason.isEmpty())
        text += QStringLiteral(" (") + reason + QLatin1Char(')');
    return text;
}

// Whether sending the same request later may succeed: the network, the server's health,
// 408 and 429, and credentials that a sign-in can renew.
bool worthRetrying(const net::ApiError &e, bool anonymous)
{
    switch (e.kind) {
    case net::ApiError::Offline:
    case net::ApiError::Timeout:
    case net::ApiError::Tls:
    case net::ApiError::ServerError:
    case net::ApiError::BadResponse:
    case net::ApiError::InvalidUrl:
    case net::ApiError::Cancelled:
        return true;
    case net::ApiError::Unauthorized:
        return !anonymous;
    case net::ApiError::Rejected:
        return e.httpStatus == 408 || e.httpStatus == 429;
    default:
        return false;
    }
}

// A queued report: the Open311 POST of ReportsClient::submission.
OutboxRequest reportRequest(const store::OutboxItem &item,
                            const QList<store::OutboxAttachment> &photos)
{
    ReportDraft draft;
    QString why;
    if (!ReportDraft::fromPayload(item.payload, &draft, &why))
        return OutboxRequest::damaged(
            OutboxSender::tr("This report is damaged and cannot be sent.") + QStringLiteral(" (") +
            why + QLatin1Char(')'));
    if (photos.size() != item.attachmentCount)
        return OutboxRequest::notNow(
            OutboxSender::tr("The report's photos could not be read on this device."));
    return OutboxRequest::ready(
        ReportsClient::submission(draft, photos, item.idempotencyKey, item.account.isEmpty()));
}

// The Open311 answer to a POST: [{"service_request_id": ...}].
QString reportRemoteId(const QJsonDocument &answer, QString *why)
{
    QList<CreatedRequest> created;
    if (!open311::parseCreated(answer.toJson(QJsonDocument::Compact), &created, why))
        return QString();
    if (created.isEmpty() || created.constFirst().id.isEmpty()) {
        *why = QStringLiteral("no service_request_id in the answer");
        return QString();
    }
    return created.constFirst().id;
}

} // namespace

OutboxRequest OutboxRequest::ready(net::ApiRequest request)
{
    OutboxRequest r;
    r.request = std::move(request);
    return r;
}

OutboxRequest OutboxRequest::damaged(const QString &reason)
{
    OutboxRequest r;
    r.outcome = Outcome::Damaged;
    r.reason = reason;
    return r;
}

OutboxRequest OutboxRequest::notNow(const QString &reason)
{
    OutboxRequest r;
    r.outcome = Outcome::NotNow;
    r.reason = reason;
    return r;
}

OutboxSender::OutboxSender(store::Outbox *outbox, net::ApiClient *api, QObject *parent)
    : QObject(parent), m_outbox(outbox), m_api(api), m_timer(new QTimer(this))
{
    m_kinds.insert(kReportKind, {reportRequest, reportRemoteId});
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &OutboxSender::pump);
    connect(m_outbox, &store::Outbox::itemAdded, this, &OutboxSender::queuePump);
    connect(m_api, &net::ApiClient::baseUrlChanged, this, &OutboxSender::queuePump);
}

OutboxSender::~OutboxSender()
{
    // A send under way stays 'sending' in the store; the next sender puts it back.
    if (m_current) {
        m_current->disconnect(this);
        m_current->abort();
    }
}

int OutboxSender::retryDelayMs(const Policy &policy, int attempts)
{
    net::RetryPolicy p;
    p.baseDelayMs = policy.firstRetryDelayMs;
    p.maxDelayMs = policy.maxRetryDelayMs;
    return net::ApiClient::backoffDelayMs(p, qMax(1, attempts) + 1);
}

void OutboxSender::setRequestBuilder(const QString &kind, RequestBuilder build,
                                     RemoteIdReader readRemoteId)
{
    Q_ASSERT(build && readRemoteId);
    m_kinds.insert(kind, {std::move(build), std::move(readRemoteId)});
    queuePump();
}

QStringList OutboxSender::kinds() const
{
    QStringList list = m_kinds.keys();
    list.sort();
    return list;
}

store::OutboxFilter OutboxSender::sendable() const
{
    store::OutboxFilter f;
    f.kinds = kinds();
    f.accounts = m_account.isEmpty() ? QStringList{QString()} : QStringList{QString(), m_account};
    f.server = m_api->baseUrl().toString();
    return f;
}

void OutboxSender::setAccount(const QString &subject)
{
    if (subject == m_account)
        return;
    m_account = subject;
    queuePump();
}

bool OutboxSender::start()
{
    if (m_started)
        return true;
    auto lock =
        std::make_unique<QLockFile>(m_outbox->databasePath() + QStringLiteral(".sender-lock"));
    // Never stale by age (the app sends for hours); a lock whose process is gone is taken.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0)) {
        qCInfo(lcStore) << "outbox: another process is sending this outbox";
        return false;
    }
    m_lock = std::move(lock);
    m_started = true;
    m_outbox->recoverInterrupted();
    Q_EMIT startedChanged();
    queuePump();
    return true;
}

void OutboxSender::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_timer->stop();
    if (m_current)
        m_current->abort(); // handleReply puts the item back, due now
    m_lock.reset();
    if (m_syncQueue)
        finishSync();
    Q_EMIT startedChanged();
}

void OutboxSender::syncNow(const QStringList &only)
{
    if (!start()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT syncFinished(0, 0); }, Qt::QueuedConnection);
        return;
    }
    store::OutboxFilter f = sendable();
    f.states = {store::OutboxItem::State::Pending, store::OutboxItem::State::Waiting};
    QStringList ids;
    const auto items = m_outbox->items(f);
    for (const store::OutboxItem &item : items) {
        if ((item.id != m_currentId || !m_current) && (only.isEmpty() || only.contains(item.id)))
            ids << item.id;
    }
    if (m_syncQueue) {
        for (const QString &id : std::as_const(ids)) {
            if (!m_syncQueue->contains(id))
                m_syncQueue->append(id);
        }
    } else {
        m_syncQueue = ids;
        m_syncSent = 0;
        m_syncNotSent = 0;
    }
    queuePump();
}

bool OutboxSender::watchNetwork()
{
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return false;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) {
                if (r == QNetworkInformation::Reachability::Online ||
                    r == QNetworkInformation::Reachability::Site) {
                    qCInfo(lcStore) << "outbox: the network is back";
                    sendWaitingNow();
                }
            });
    return true;
}

void OutboxSender::sendWaitingNow()
{
    store::OutboxFilter f = sendable();
    f.states = {store::OutboxItem::State::Waiting};
    const auto items = m_outbox->items(f);
    for (const store::OutboxItem &item : items)
        m_outbox->retryNow(item.id);
    queuePump();
}

void OutboxSender::queuePump()
{
    if (!m_started || m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &OutboxSender::pump, Qt::QueuedConnection);
}

void OutboxSender::finishSync()
{
    const int sent = m_syncSent;
    const int notSent = m_syncNotSent + (m_syncQueue ? int(m_syncQueue->size()) : 0);
    m_syncQueue.reset();
    Q_EMIT syncFinished(sent, notSent);
}

void OutboxSender::pump()
{
    m_pumpQueued = false;
    if (!m_started || m_current)
        return;
    std::optional<store::OutboxItem> item;
    if (m_syncQueue) {
        while (!item && !m_syncQueue->isEmpty()) {
            const QString id = m_syncQueue->takeFirst();
            const auto current = m_outbox->item(id);
            // Sent or removed meanwhile, or now for another account or server: not this pass.
            if (!current || current->server != sendable().server ||
                !sendable().accounts->contains(current->account))
                continue;
            item = m_outbox->claim(id);
            if (!item && current->state != store::OutboxItem::State::Sent)
                ++m_syncNotSent;
        }
        if (!item) {
            finishSync();
            scheduleNext();
            return;
        }
    } else {
        item = m_outbox->claimNextDue(nowMs(), sendable());
    }
    if (!item) {
        scheduleNext();
        return;
    }
    send(*item);
}

void OutboxSender::scheduleNext()
{
    m_timer->stop();
    if (!m_started || m_current)
        return;
    const auto next = m_outbox->nextDueAt(sendable());
    if (!next)
        return;
    const qint64 delay =
        qBound<qint64>(0, *next - nowMs(), qint64(std::numeric_limits<int>::max()));
    m_timer->start(int(delay));
}

void OutboxSender::send(const store::OutboxItem &item)
{
    const auto handler = m_kinds.constFind(item.kind);
    const QList<store::OutboxAttachment> attachments = m_outbox->attachments(item.id);
    const OutboxRequest built =
        handler != m_kinds.constEnd()
            ? handler->build(item, attachments)
            : OutboxRequest::damaged(tr("This item cannot be sent by this version of the app."));
    if (built.outcome == OutboxRequest::Outcome::Damaged) {
        m_outbox->markFailed(item.id, built.reason);
        ++m_syncNotSent;
        Q_EMIT itemFailed(item.id, built.reason);
        queuePump();
        return;
    }
    if (built.outcome == OutboxRequest::Outcome::NotNow) {
        const qint64 next = nowMs() + retryDelayMs(m_policy, item.attempts);
        m_outbox->markRetry(item.id, built.reason, next);
        ++m_syncNotSent;
        Q_EMIT itemWaiting(item.id, built.reason, next);
        queuePump();
        return;
    }
    const bool anonymous = item.account.isEmpty();
    net::ApiRequest request = built.request;
    // Whatever the builder did: the item's own key, and the outbox does the retrying.
    request.idempotencyKey = item.idempotencyKey;
    request.anonymous = anonymous;
    request.maxAttempts = 1;
    qCInfo(lcStore) << "outbox: sending" << item.kind << item.id << "attempt" << item.attempts
                    << "with" << attachments.size() << "attachments"
                    << (anonymous ? "anonymously" : "");
    net::ApiReply *reply = m_api->send(request);
    m_current = reply;
    m_currentId = item.id;
    const QString id = item.id;
    const QString kind = item.kind;
    const int attempts = item.attempts;
    connect(reply, &net::ApiReply::finished, this, [this, id, kind, attempts, anonymous, reply] {
        handleReply(id, kind, attempts, anonymous, reply);
    });
    Q_EMIT busyChanged();
}

void OutboxSender::handleReply(const QString &id, const QString &kind, int attempts, bool anonymous,
                               net::ApiReply *reply)
{
    reply->deleteLater();
    m_current = nullptr;
    m_currentId.clear();
    const int status = reply->httpStatus();
    if (reply->isOk() && (status == 201 || status == 200)) {
        QString why;
        const auto handler = m_kinds.constFind(kind);
        const QJsonDocument answer = reply->json();
        QString remoteId;
        if (answer.isNull())
            why = QStringLiteral("the answer is not JSON");
        else if (handler != m_kinds.constEnd())
            remoteId = handler->readRemoteId(answer, &why);
        if (!remoteId.isEmpty()) {
            const bool replayed =
                status == 200 || reply->rawHeader("Idempotent-Replayed") == "true";
            m_outbox->markSent(id, remoteId,
                               answer.isArray() ? QJsonValue(answer.array())
                                                : QJsonValue(answer.object()));
            qCInfo(lcStore) << "outbox: sent" << id << "as" << remoteId
                            << (replayed ? "(replayed)" : "");
            ++m_syncSent;
            Q_EMIT itemSent(id, remoteId, replayed);
            Q_EMIT busyChanged();
            queuePump();
            return;
        }
        qCWarning(lcStore) << "outbox: unexpected answer to" << id << ":" << why;
    }
    net::ApiError error = reply->error();
    if (!error.isError()) {
        error.kind = net::ApiError::BadResponse;
        error.httpStatus = status;
    }
    if (error.kind == net::ApiError::Cancelled) {
        // stop(): due again at once, for the next sender.
        m_outbox->markRetry(id, QString(), 0);
    } else if (worthRetrying(error, anonymous)) {
        qint64 delay = retryDelayMs(m_policy, attempts);
        bool ok = false;
        const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
        if (ok && retryAfter > 0)
            delay = qMax(delay, qMin<qint64>(qint64(retryAfter) * 1000, m_policy.maxRetryDelayMs));
        const qint64 next = nowMs() + delay;
        const QString reason =
            error.kind == net::ApiError::BadResponse ? error.message() : reasonOf(reply);
        m_outbox->markRetry(id, reason, next);
        qCInfo(lcStore) << "outbox:" << id << "not sent (" << error.kind << error.httpStatus
                        << "), next attempt in" << delay << "ms";
        ++m_syncNotSent;
        Q_EMIT itemWaiting(id, reason, next);
    } else {
        const QString reason = reasonOf(reply);
        m_outbox->markFailed(id, reason);
        qCInfo(lcStore) << "outbox:" << id << "refused by the server:" << error.httpStatus
                        << ReportsClient::serverReason(reply->body());
        ++m_syncNotSent;
        Q_EMIT itemFailed(id, reason);
    }
    Q_EMIT busyChanged();
    queuePump();
}

} // namespace reports
