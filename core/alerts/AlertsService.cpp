#include "AlertsService.h"

#include "alerts/Cap.h"
#include "geo/Geo.h"
#include "logging.h"
#include "media/PhotoPipeline.h"
#include "net/ApiClient.h"
#include "net/Multipart.h"
#include "notify/Notifier.h"
#include "push/PushClient.h"
#include "reports/OutboxSender.h"
#include "store/Database.h"
#include "store/Outbox.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace alerts {

namespace {

const QString kAlertsPath = QStringLiteral("/api/v1/alerts");
const QString kSubmissionsPath = QStringLiteral("/api/v1/alert-submissions");
const QString kMutedKey = QStringLiteral("alerts.muted");
const QString kShowAllKey = QStringLiteral("alerts.show_all");
constexpr int kMaxPlaces = 20;
constexpr int kMaxPlaceName = 100;
// Marks of alerts (notified, opened) are kept this long after their last change.
constexpr qint64 kMarkLifetimeMs = 30LL * 24 * 3600 * 1000;
// How much of an alert's text a notification shows.
constexpr int kNotificationBodyChars = 240;

QString submissionsCacheKey(const QString &server, const QString &account)
{
    return QStringLiteral("alerts.submissions@") + server + QLatin1Char('#') + account;
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Characters as people count them (code points), as the server counts them.
qsizetype characters(const QString &text)
{
    return std::count_if(text.begin(), text.end(), [](QChar c) { return !c.isLowSurrogate(); });
}

bool hasControl(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != '\n' && u != '\r' && u != '\t') || u == 0x7F;
    });
}

bool validPlace(double lat, double lon)
{
    return std::isfinite(lat) && std::isfinite(lon) && geo::isValid(geo::LatLon{lat, lon});
}

// Alerts citizens see: real ones and exercises (tests, system messages and drafts are not for
// people).
bool shownStatus(const QString &status)
{
    return status == QLatin1String("Actual") || status == QLatin1String("Exercise");
}

// Whether some <info> or <area> of the alert cannot be placed: the whole province.
bool wholeProvince(const Alert &alert)
{
    for (const Info &info : alert.infos) {
        if (info.areas.isEmpty())
            return true;
        for (const Area &area : info.areas)
            if (!area.hasGeometry())
                return true;
    }
    return false;
}

QString truncated(const QString &text, int max)
{
    if (characters(text) <= max)
        return text;
    QString out = text.left(max);
    if (out.back().isHighSurrogate())
        out.chop(1);
    return out.trimmed() + QChar(0x2026);
}

// The <info> language for the UI's: vi -> vi-VN, en -> en-US.
QString languageTag(const QString &uiLanguage)
{
    if (uiLanguage == QLatin1String("vi"))
        return QStringLiteral("vi-VN");
    if (uiLanguage == QLatin1String("en"))
        return QStringLiteral("en-US");
    return uiLanguage;
}

// Muted: every category of the alert is muted, and it is not Extreme.
bool isMuted(const Info &info, const QStringList &muted)
{
    if (info.severity == QLatin1String("Extreme") || info.categories.isEmpty())
        return false;
    return std::all_of(info.categories.cbegin(), info.categories.cend(),
                       [&muted](const QString &c) { return muted.contains(c); });
}

platform::Notifier::Level levelOf(const QString &severity)
{
    const int rank = severityRank(severity);
    if (rank >= 3)
        return platform::Notifier::Level::Critical;
    if (rank == 2)
        return platform::Notifier::Level::Normal;
    return platform::Notifier::Level::Low;
}

QDateTime parseIso(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t;
}

// A queued citizen alert: multipart POST /api/v1/alert-submissions.
reports::OutboxRequest submissionRequest(const store::OutboxItem &item,
                                         const QList<store::OutboxAttachment> &attachments)
{
    const QJsonObject &p = item.payload;
    const QString category = p.value(QLatin1String("category")).toString();
    const QString text = p.value(QLatin1String("text")).toString();
    const QJsonValue lat = p.value(QLatin1String("lat"));
    const QJsonValue lon = p.value(QLatin1String("long"));
    if (!categoryValues().contains(category) || text.trimmed().isEmpty() ||
        characters(text) > AlertsService::maxSubmissionLength() || !lat.isDouble() ||
        !lon.isDouble() || !validPlace(lat.toDouble(), lon.toDouble()) || item.attachmentCount > 1)
        return reports::OutboxRequest::damaged(QCoreApplication::translate(
            "alerts::AlertsService", "This alert is damaged and cannot be sent."));
    if (attachments.size() != item.attachmentCount)
        return reports::OutboxRequest::notNow(QCoreApplication::translate(
            "alerts::AlertsService", "The alert's photo could not be read on this device."));
    net::MultipartForm form;
    form.addField(QStringLiteral("category"), category);
    form.addField(QStringLiteral("text"), text);
    form.addField(QStringLiteral("lat"), QString::number(lat.toDouble(), 'f', 7));
    form.addField(QStringLiteral("long"), QString::number(lon.toDouble(), 'f', 7));
    for (const store::OutboxAttachment &a : attachments)
        form.addFile(QStringLiteral("media"), QStringLiteral("photo.jpg"), a.mime.toLatin1(),
                     a.bytes);
    net::ApiRequest r;
    r.method = "POST";
    r.path = kSubmissionsPath;
    r.body = form.body();
    r.contentType = form.contentType();
    return reports::OutboxRequest::ready(r);
}

QString submissionRemoteId(const QJsonDocument &answer, QString *why)
{
    const QString id = answer.object().value(QLatin1String("submission_id")).toString();
    if (id.isEmpty())
        *why = QStringLiteral("no submission_id in the answer");
    return id;
}

QString submissionStateText(const QString &state)
{
    if (state == QLatin1String("waiting"))
        return AlertsService::tr("Waiting to be sent");
    if (state == QLatin1String("sending"))
        return AlertsService::tr("Sending…");
    if (state == QLatin1String("failed"))
        return AlertsService::tr("Not sent");
    if (state == QLatin1String("pending"))
        return AlertsService::tr("Being verified");
    if (state == QLatin1String("approved"))
        return AlertsService::tr("Verified and published");
    if (state == QLatin1String("rejected"))
        return AlertsService::tr("Not accepted");
    return state;
}

QString categoryName(const QString &code)
{
    static const char *const names[][2] = {
        {"Geo", QT_TRANSLATE_NOOP("alerts::AlertsService", "Earthquake, landslide")},
        {"Met", QT_TRANSLATE_NOOP("alerts::AlertsService", "Weather and floods")},
        {"Safety", QT_TRANSLATE_NOOP("alerts::AlertsService", "Public safety")},
        {"Security", QT_TRANSLATE_NOOP("alerts::AlertsService", "Security")},
        {"Rescue", QT_TRANSLATE_NOOP("alerts::AlertsService", "Rescue")},
        {"Fire", QT_TRANSLATE_NOOP("alerts::AlertsService", "Fire")},
        {"Health", QT_TRANSLATE_NOOP("alerts::AlertsService", "Health")},
        {"Env", QT_TRANSLATE_NOOP("alerts::AlertsService", "Environment and pollution")},
        {"Transport", QT_TRANSLATE_NOOP("alerts::AlertsService", "Traffic and transport")},
        {"Infra", QT_TRANSLATE_NOOP("alerts::AlertsService", "Power, water and telecoms")},
        {"CBRNE", QT_TRANSLATE_NOOP("alerts::AlertsService", "Chemical or radiation hazard")},
        {"Other", QT_TRANSLATE_NOOP("alerts::AlertsService", "Other")},
    };
    for (const auto &n : names)
        if (code == QLatin1String(n[0]))
            return AlertsService::tr(n[1]);
    return code;
}

QString reportStatusSentence(const QString &status, const QString &id)
{
    if (status == QLatin1String("in_progress"))
        return AlertsService::tr("Your report %1 is now in progress.").arg(id);
    if (status == QLatin1String("closed"))
        return AlertsService::tr("Your report %1 is now fixed.").arg(id);
    if (status == QLatin1String("reopened"))
        return AlertsService::tr("Your report %1 has been reopened.").arg(id);
    if (status == QLatin1String("submitted"))
        return AlertsService::tr("Your report %1 has been received.").arg(id);
    return AlertsService::tr("Your report %1 has been updated.").arg(id);
}

} // namespace

// ---------------------------------------------------------------------------------------
// AlertListModel

int AlertListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case AlertIdRole:
        return row.alertId;
    case HeadlineRole:
        return row.headline;
    case EventRole:
        return row.event;
    case SeverityRole:
        return row.severity;
    case SeverityTextRole:
        return severityText(row.severity);
    case UrgencyRole:
        return row.urgency;
    case CertaintyRole:
        return row.certainty;
    case CategoriesRole:
        return row.categories;
    case SenderNameRole:
        return row.senderName;
    case AreaRole:
        return row.area;
    case SentRole:
        return row.sent;
    case ExpiresRole:
        return row.expires;
    case ConcernsRole:
        return row.concerns;
    case WhereRole:
        return row.where;
    case UnreadRole:
        return row.unread;
    }
    return {};
}

QHash<int, QByteArray> AlertListModel::roleNames() const
{
    return {
        {AlertIdRole, "alertId"},
        {HeadlineRole, "headline"},
        {EventRole, "event"},
        {SeverityRole, "severity"},
        {SeverityTextRole, "severityText"},
        {UrgencyRole, "urgency"},
        {CertaintyRole, "certainty"},
        {CategoriesRole, "categories"},
        {SenderNameRole, "senderName"},
        {AreaRole, "area"},
        {SentRole, "sent"},
        {ExpiresRole, "expires"},
        {ConcernsRole, "concerns"},
        {WhereRole, "where"},
        {UnreadRole, "unread"},
    };
}

QString AlertListModel::severityText(const QString &severity)
{
    if (severity == QLatin1String("Extreme"))
        return tr("Extreme");
    if (severity == QLatin1String("Severe"))
        return tr("Severe");
    if (severity == QLatin1String("Moderate"))
        return tr("Moderate");
    if (severity == QLatin1String("Minor"))
        return tr("Minor");
    return tr("Unknown severity");
}

// ---------------------------------------------------------------------------------------
// SavedPlacesModel

int SavedPlacesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_places.size());
}

QVariant SavedPlacesModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_places.size()))
        return {};
    const Place &p = m_places.at(index.row());
    switch (role) {
    case PlaceIdRole:
        return p.id;
    case NameRole:
        return displayName(p);
    case KindRole:
        return p.kind;
    case LatitudeRole:
        return p.lat;
    case LongitudeRole:
        return p.lon;
    }
    return {};
}

QHash<int, QByteArray> SavedPlacesModel::roleNames() const
{
    return {{PlaceIdRole, "placeId"},
            {NameRole, "name"},
            {KindRole, "kind"},
            {LatitudeRole, "latitude"},
            {LongitudeRole, "longitude"}};
}

QString SavedPlacesModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("home"))
        return tr("Home");
    if (kind == QLatin1String("work"))
        return tr("Work");
    if (kind == QLatin1String("family"))
        return tr("Family");
    return tr("Other place");
}

QString SavedPlacesModel::displayName(const Place &place)
{
    return place.name.isEmpty() ? kindText(place.kind) : place.name;
}

void SavedPlacesModel::retranslate()
{
    if (!m_places.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_places.size()) - 1), {NameRole});
}

// ---------------------------------------------------------------------------------------
// AlertsService

// One active alert as the app holds it.
struct AlertsService::Known
{
    QString alertId;
    Alert cap;
    QDateTime expiry; // alerts::expiry()
    QString key;      // alerts::key(): how <references> name it
};

namespace {

struct Mark
{
    QString notifyKey; // the notification shown for it ("" none)
    qint64 notifiedAt = 0;
    qint64 readAt = 0;
};

} // namespace

struct AlertsService::State
{
    QList<Known> active;
    // Alerts that left the list in this run, and why (cancelled | replaced | expired), for the
    // detail of one that is open.
    QHash<QString, Known> gone;
    QHash<QString, QString> goneWhy;
    QHash<QString, QString> replacedBy;
    QHash<QString, Mark> marks;
    // Alerts that arrived new and may deserve a notification, once the stream has caught up.
    QSet<QString> candidates;
    // An Update's alert id -> the notification key of the alert it replaced.
    QHash<QString, QString> inheritKey;
    bool haveCache = false;
    bool started = false;
    bool syncOnLive = false;
    QPointer<net::ApiReply> fetch;
    // Alert events applied while a fetch was under way (applied again on its answer).
    QList<QPair<QString, QByteArray>> duringFetch;
    QTimer expiryTimer;
    std::optional<geo::LatLon> position;
    QJsonArray serverSubmissions;
    QPointer<net::ApiReply> mineReply;
    int photoJobs = 0;
    QString detailId;
    QPointer<net::ApiReply> detailReply;
    std::optional<Known> detailRemote;
    QString detailRemoteState;
};

AlertsService::AlertsService(net::ApiClient *api, store::Database *database, store::Outbox *outbox,
                             reports::OutboxSender *sender, platform::Notifier *notifier,
                             QObject *parent)
    : QObject(parent), m_state(std::make_unique<State>()), m_api(api), m_database(database),
      m_outbox(outbox), m_sender(sender), m_notifier(notifier),
      m_push(new push::PushClient(api, database, this)), m_alerts(new AlertListModel(this)),
      m_places(new SavedPlacesModel(this))
{
    m_state->expiryTimer.setSingleShot(true);
    m_state->expiryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_state->expiryTimer, &QTimer::timeout, this, &AlertsService::expireNow);

    if (m_sender)
        registerOutboxKind(m_sender);

    connect(m_push, &push::PushClient::event, this, &AlertsService::onPushEvent);
    connect(m_push, &push::PushClient::reset, this, [this] {
        qCInfo(lcApp) << "alerts: the stream was reset, fetching the active alerts";
        refresh();
    });
    connect(m_push, &push::PushClient::stateChanged, this, [this] {
        const auto state = m_push->state();
        if (state == push::PushClient::State::Live && m_state->syncOnLive) {
            // The stream started from nothing: what was published before it was live comes
            // from the list.
            m_state->syncOnLive = false;
            refresh();
        }
        if (state != push::PushClient::State::Connecting)
            flushNotifications();
        Q_EMIT stateChanged();
    });

    if (m_outbox) {
        const auto changed = [this](const QString &) { rebuildSubmissions(); };
        connect(m_outbox, &store::Outbox::itemAdded, this, changed);
        connect(m_outbox, &store::Outbox::itemChanged, this, changed);
        connect(m_outbox, &store::Outbox::itemRemoved, this, changed);
    }
    if (m_sender) {
        connect(m_sender, &reports::OutboxSender::itemSent, this, [this](const QString &id) {
            const auto item = m_outbox ? m_outbox->item(id) : std::nullopt;
            if (!item || item->kind != kAlertSubmissionKind)
                return;
            Q_EMIT notice(tr("Your alert has reached the verification centre."));
            refreshSubmissions();
        });
        connect(m_sender, &reports::OutboxSender::itemFailed, this, [this](const QString &id) {
            const auto item = m_outbox ? m_outbox->item(id) : std::nullopt;
            if (item && item->kind == kAlertSubmissionKind)
                Q_EMIT notice(tr("Your alert was not accepted: %1").arg(item->lastError));
        });
    }
    if (m_notifier) {
        connect(m_notifier, &platform::Notifier::availabilityChanged, this,
                &AlertsService::stateChanged);
        connect(m_notifier, &platform::Notifier::activated, this, [this](const QString &key) {
            if (key.startsWith(QLatin1String("report:"))) {
                Q_EMIT notificationActivated(QStringLiteral("report"), key.mid(7));
                return;
            }
            if (key.startsWith(QLatin1String("submission:"))) {
                Q_EMIT notificationActivated(QStringLiteral("submission"), key.mid(11));
                return;
            }
            // The alert now shown under that notification (an Update keeps its key).
            QString id = key;
            for (const Known &k : std::as_const(m_state->active))
                if (m_state->marks.value(k.alertId).notifyKey == key)
                    id = k.alertId;
            Q_EMIT notificationActivated(QStringLiteral("alert"), id);
        });
    }
    connect(m_api, &net::ApiClient::baseUrlChanged, this, [this] {
        // Another server: its alerts, its marks, its submissions.
        if (m_state->fetch)
            m_state->fetch->disconnect(this);
        m_state->fetch = nullptr;
        m_state->candidates.clear();
        m_state->gone.clear();
        loadCache();
        if (m_state->started)
            refresh();
        refreshSubmissions();
    });
    loadLocal();
}

AlertsService::~AlertsService()
{
    for (net::ApiReply *reply :
         {m_state->fetch.data(), m_state->mineReply.data(), m_state->detailReply.data()}) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

void AlertsService::registerOutboxKind(reports::OutboxSender *sender)
{
    sender->setRequestBuilder(kAlertSubmissionKind, submissionRequest, submissionRemoteId);
}

bool AlertsService::isLoading() const
{
    return !m_state->fetch.isNull();
}

QString AlertsService::streamState() const
{
    switch (m_push->state()) {
    case push::PushClient::State::Offline:
        return QStringLiteral("offline");
    case push::PushClient::State::Connecting:
        return QStringLiteral("connecting");
    case push::PushClient::State::Live:
        return QStringLiteral("live");
    }
    return QStringLiteral("offline");
}

bool AlertsService::notificationsAvailable() const
{
    return m_notifier && m_notifier->isAvailable();
}

bool AlertsService::submissionsLoading() const
{
    return !m_state->mineReply.isNull();
}

bool AlertsService::isSubmitting() const
{
    return m_state->photoJobs > 0;
}

QString AlertsService::serverKey() const
{
    return m_api->baseUrl().toString(QUrl::StripTrailingSlash);
}

QVariantList AlertsService::categoryChoices() const
{
    QVariantList list;
    for (const QString &code : categoryValues())
        list.append(QVariantMap{{QStringLiteral("code"), code},
                                {QStringLiteral("name"), categoryName(code)},
                                {QStringLiteral("muted"), m_muted.contains(code)}});
    return list;
}

// --- local state ------------------------------------------------------------------------

void AlertsService::saveUserValue(const QString &key, const QByteArray &value)
{
    if (!m_database || !m_database->isOpen())
        return;
    QSqlQuery q(m_database->connection());
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO kv_user (key, value, updated_at) VALUES (?, ?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        qCWarning(lcStore) << "alerts: cannot keep a setting:" << q.lastError().text();
}

void AlertsService::loadLocal()
{
    if (!m_database || !m_database->isOpen())
        return;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT key, value FROM kv_user WHERE key IN (?, ?)"));
    q.addBindValue(kMutedKey);
    q.addBindValue(kShowAllKey);
    if (q.exec()) {
        while (q.next()) {
            const QByteArray value = q.value(1).toByteArray();
            if (q.value(0).toString() == kMutedKey) {
                m_muted.clear();
                for (const QJsonValue &v : QJsonDocument::fromJson(value).array())
                    if (categoryValues().contains(v.toString()) && !m_muted.contains(v.toString()))
                        m_muted << v.toString();
            } else {
                m_showAll = value == "1";
            }
        }
    }
    QList<SavedPlacesModel::Place> places;
    QSqlQuery p(m_database->connection());
    if (p.exec(QStringLiteral("SELECT id, name, kind, lat, lon FROM saved_places ORDER BY "
                              "created_at, id"))) {
        while (p.next()) {
            SavedPlacesModel::Place place{p.value(0).toString(), p.value(1).toString(),
                                          p.value(2).toString(), p.value(3).toDouble(),
                                          p.value(4).toDouble()};
            if (validPlace(place.lat, place.lon))
                places.append(place);
        }
    }
    m_places->setPlaces(places);
}

void AlertsService::loadCache()
{
    m_state->active.clear();
    m_state->haveCache = false;
    m_state->marks.clear();
    m_updatedAt = QDateTime();
    if (m_database && m_database->isOpen()) {
        const qint64 now = nowMs();
        QSqlQuery prune(m_database->connection());
        prune.prepare(QStringLiteral("DELETE FROM alert_marks WHERE updated_at < ?"));
        prune.addBindValue(now - kMarkLifetimeMs);
        prune.exec();

        QSqlQuery m(m_database->connection());
        m.prepare(QStringLiteral("SELECT alert_id, notify_key, notified_at, read_at FROM "
                                 "alert_marks WHERE server = ?"));
        m.addBindValue(serverKey());
        if (m.exec()) {
            while (m.next())
                m_state->marks.insert(
                    m.value(0).toString(),
                    Mark{m.value(1).toString(), m.value(2).toLongLong(), m.value(3).toLongLong()});
        }

        QSqlQuery q(m_database->connection());
        q.prepare(QStringLiteral("SELECT value, updated_at FROM kv_cache WHERE key = ?"));
        q.addBindValue(QString(QStringLiteral("alerts.active@") + serverKey()));
        if (q.exec() && q.next()) {
            m_state->haveCache = true;
            m_updatedAt = QDateTime::fromSecsSinceEpoch(q.value(1).toLongLong());
            const QJsonArray list = QJsonDocument::fromJson(q.value(0).toByteArray()).array();
            for (const QJsonValue &v : list) {
                const QJsonObject o = v.toObject();
                applyMessage(o.value(QLatin1String("alert_id")).toString(),
                             o.value(QLatin1String("cap")).toString().toUtf8(), false);
            }
        }
    }
    m_state->candidates.clear();
    m_state->inheritKey.clear();
    // Alerts that arrived in an earlier run while they did not concern the user (or muted)
    // were never notified: once the stream and the list have caught up, those that concern
    // the user now are.
    reconsiderUnnotified();
    scheduleExpiry();
    rebuild();
    Q_EMIT stateChanged();
}

void AlertsService::saveCache()
{
    if (!m_database || !m_database->isOpen())
        return;
    QJsonArray list;
    for (const Known &k : std::as_const(m_state->active))
        list.append(QJsonObject{{QStringLiteral("alert_id"), k.alertId},
                                {QStringLiteral("cap"), QString::fromUtf8(serialize(k.cap))}});
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO kv_cache (key, value, updated_at) VALUES (?, ?, ?)"));
    q.addBindValue(QString(QStringLiteral("alerts.active@") + serverKey()));
    q.addBindValue(QJsonDocument(list).toJson(QJsonDocument::Compact));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!q.exec())
        qCWarning(lcStore) << "alerts: cannot cache the alerts:" << q.lastError().text();
    m_state->haveCache = true;
}

static void storeMark(store::Database *db, const QString &server, const QString &alertId,
                      const Mark &mark)
{
    if (!db || !db->isOpen())
        return;
    QSqlQuery q(db->connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alert_marks (server, alert_id, notify_key, "
                             "notified_at, read_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(server);
    q.addBindValue(alertId);
    q.addBindValue(mark.notifyKey);
    q.addBindValue(mark.notifiedAt);
    q.addBindValue(mark.readAt);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        qCWarning(lcStore) << "alerts: cannot keep a mark:" << q.lastError().text();
}

// --- start, fetch, events ---------------------------------------------------------------

void AlertsService::setAccount(const QString &subject)
{
    if (subject == m_account)
        return;
    m_account = subject;
    m_push->setPersonal(!subject.isEmpty());
    m_state->serverSubmissions = QJsonArray();
    if (m_state->mineReply) {
        m_state->mineReply->disconnect(this);
        m_state->mineReply = nullptr;
    }
    if (!subject.isEmpty() && m_database && m_database->isOpen()) {
        QSqlQuery q(m_database->connection());
        q.prepare(QStringLiteral("SELECT value FROM kv_cache WHERE key = ?"));
        q.addBindValue(submissionsCacheKey(serverKey(), subject));
        if (q.exec() && q.next())
            m_state->serverSubmissions = QJsonDocument::fromJson(q.value(0).toByteArray()).array();
    }
    rebuildSubmissions();
    if (m_state->started)
        refreshSubmissions();
}

void AlertsService::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    rebuild();
    refreshDetail();
}

void AlertsService::retranslate()
{
    rebuild();
    // The severity texts are read by data(): the rows are shown again.
    m_alerts->setRows(m_alerts->rows());
    m_places->retranslate();
    rebuildSubmissions();
    refreshDetail();
    Q_EMIT filterChanged();
}

void AlertsService::start()
{
    if (m_state->started)
        return;
    m_state->started = true;
    loadCache();
    // A stream that starts from nothing only brings what happens from now on: once it is
    // live, the list is fetched again so nothing published in between is missed.
    m_state->syncOnLive = m_push->lastSeq() == 0;
    refresh();
    m_push->start();
    refreshSubmissions();
}

void AlertsService::refresh()
{
    if (m_state->fetch) {
        // What it answers may predate what made us ask again.
        m_state->fetch->disconnect(this);
        m_state->fetch->abort();
    }
    m_state->duringFetch.clear();
    const bool baseline = !m_state->haveCache;
    net::ApiRequest request;
    request.path = kAlertsPath;
    request.anonymous = true; // public
    net::ApiReply *reply = m_api->send(request);
    m_state->fetch = reply;
    connect(reply, &net::ApiReply::finished, this, [this, reply, baseline] {
        reply->deleteLater();
        if (m_state->fetch != reply)
            return;
        m_state->fetch = nullptr;
        if (reply->isOk() && reply->json().isArray()) {
            onFetched(reply->body(), baseline);
        } else {
            const QString why = reply->error().isError()
                                    ? reply->error().message()
                                    : tr("The city server sent an answer the app cannot read.");
            qCInfo(lcNet).noquote() << "alerts: cannot fetch the active alerts:" << why;
            setError(why);
            m_state->duringFetch.clear();
            flushNotifications();
        }
        Q_EMIT stateChanged();
    });
    Q_EMIT stateChanged();
}

void AlertsService::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT stateChanged();
}

void AlertsService::onFetched(const QByteArray &body, bool baseline)
{
    const QJsonArray list = QJsonDocument::fromJson(body).array();
    QSet<QString> before;
    for (const Known &k : std::as_const(m_state->active))
        before.insert(k.alertId);
    const QList<Known> old = m_state->active;
    m_state->active.clear();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QLatin1String("alert_id")).toString();
        const QByteArray cap = o.value(QLatin1String("cap")).toString().toUtf8();
        // Nothing is referenced here: the server lists what is active, replacements done.
        ParseResult parsed = parse(cap);
        if (id.isEmpty() || !parsed.ok) {
            qCWarning(lcNet).noquote()
                << "alerts: ignoring an alert the server listed:" << id << parsed.errorString();
            continue;
        }
        const Alert &a = parsed.alert;
        if (!shownStatus(a.status) ||
            (a.msgType != QLatin1String("Alert") && a.msgType != QLatin1String("Update")))
            continue;
        const QDateTime expires = expiry(a);
        if (expires <= QDateTime::currentDateTimeUtc())
            continue;
        if (std::any_of(m_state->active.cbegin(), m_state->active.cend(),
                        [&id](const Known &k) { return k.alertId == id; }))
            continue;
        m_state->active.append(Known{id, a, expires, key(a)});
        if (!baseline && !before.contains(id))
            m_state->candidates.insert(id);
    }
    // Those that are no longer listed: cancelled, replaced or expired meanwhile.
    QSet<QString> now;
    QSet<QString> referenced;
    for (const Known &k : std::as_const(m_state->active)) {
        now.insert(k.alertId);
        for (const Reference &r : k.cap.references)
            referenced.insert(r.key());
    }
    for (const Known &k : old) {
        if (now.contains(k.alertId))
            continue;
        const bool replaced = referenced.contains(k.key);
        const QString why = replaced ? QStringLiteral("replaced")
                            : k.expiry <= QDateTime::currentDateTimeUtc()
                                ? QStringLiteral("expired")
                                : QStringLiteral("cancelled");
        m_state->gone.insert(k.alertId, k);
        m_state->goneWhy.insert(k.alertId, why);
        m_state->candidates.remove(k.alertId);
        const QString notified = m_state->marks.value(k.alertId).notifyKey;
        if (replaced) {
            for (const Known &n : std::as_const(m_state->active)) {
                for (const Reference &r : n.cap.references) {
                    if (r.key() == k.key) {
                        m_state->replacedBy.insert(k.alertId, n.alertId);
                        if (!notified.isEmpty())
                            m_state->inheritKey.insert(n.alertId, notified);
                    }
                }
            }
        } else if (!notified.isEmpty() && m_notifier) {
            m_notifier->withdraw(notified);
        }
    }
    // Events that came while the list was on its way are newer than it.
    const auto during = m_state->duringFetch;
    m_state->duringFetch.clear();
    for (const auto &[id, cap] : during)
        applyMessage(id, cap, true);
    if (baseline) {
        // The first load is what is going on, not news: what concerns the user now is taken
        // as told (never notified later either); the rest is notified if the user comes
        // into its area (setCurrentPosition, addPlace).
        for (const Known &k : std::as_const(m_state->active)) {
            Mark mark = m_state->marks.value(k.alertId);
            if (m_state->candidates.contains(k.alertId) || mark.notifiedAt != 0 ||
                !concernsUser(k.cap))
                continue;
            mark.notifiedAt = nowMs();
            m_state->marks.insert(k.alertId, mark);
            storeMark(m_database, serverKey(), k.alertId, mark);
        }
    }
    m_updatedAt = QDateTime::currentDateTime();
    m_error.clear();
    saveCache();
    scheduleExpiry();
    rebuild();
    refreshDetail();
    flushNotifications();
}

bool AlertsService::applyMessage(const QString &alertId, const QByteArray &cap, bool candidate)
{
    if (alertId.isEmpty())
        return false;
    const ParseResult parsed = parse(cap);
    if (!parsed.ok) {
        qCWarning(lcNet).noquote()
            << "alerts: ignoring alert" << alertId << ":" << parsed.errorString();
        return false;
    }
    const Alert &a = parsed.alert;
    if (!shownStatus(a.status))
        return false;
    const bool isUpdate = a.msgType == QLatin1String("Update");
    const bool isCancel = a.msgType == QLatin1String("Cancel");
    if (!isUpdate && !isCancel && a.msgType != QLatin1String("Alert"))
        return false; // Ack, Error
    if (isUpdate || isCancel) {
        QSet<QString> refs;
        for (const Reference &r : a.references)
            refs.insert(r.key());
        QStringList ids;
        for (const Known &k : std::as_const(m_state->active))
            if (refs.contains(k.key) && k.alertId != alertId)
                ids << k.alertId;
        if (isUpdate) {
            for (const QString &id : std::as_const(ids)) {
                m_state->replacedBy.insert(id, alertId);
                const QString notified = m_state->marks.value(id).notifyKey;
                if (notified.isEmpty())
                    continue;
                if (candidate)
                    m_state->inheritKey.insert(alertId, notified);
                else if (m_notifier)
                    m_notifier->withdraw(notified);
            }
        }
        removeAlerts(ids, isUpdate ? QStringLiteral("replaced") : QStringLiteral("cancelled"));
        if (isCancel)
            return true;
    }
    const QDateTime expires = expiry(a);
    if (expires <= QDateTime::currentDateTimeUtc())
        return true; // over already (e.g. replayed after a long time offline)
    Known known{alertId, a, expires, key(a)};
    bool replacedInPlace = false;
    for (Known &k : m_state->active) {
        if (k.alertId == alertId) {
            k = known;
            replacedInPlace = true;
        }
    }
    if (!replacedInPlace)
        m_state->active.append(known);
    m_state->gone.remove(alertId);
    m_state->goneWhy.remove(alertId);
    if (candidate)
        m_state->candidates.insert(alertId);
    return true;
}

void AlertsService::removeAlerts(const QStringList &alertIds, const QString &why)
{
    // What left the list is kept for an open detail only; a long session keeps a bounded few.
    if (m_state->gone.size() > 200) {
        for (auto it = m_state->gone.begin(); it != m_state->gone.end();) {
            if (it.key() == m_state->detailId) {
                ++it;
                continue;
            }
            m_state->goneWhy.remove(it.key());
            m_state->replacedBy.remove(it.key());
            it = m_state->gone.erase(it);
        }
    }
    for (const QString &id : alertIds) {
        for (qsizetype i = 0; i < m_state->active.size(); ++i) {
            if (m_state->active.at(i).alertId != id)
                continue;
            m_state->gone.insert(id, m_state->active.takeAt(i));
            m_state->goneWhy.insert(id, why);
            break;
        }
        m_state->candidates.remove(id);
        const QString inherited = m_state->inheritKey.take(id);
        if (why == QLatin1String("replaced") || !m_notifier)
            continue;
        // Its notification goes with it.
        const QString notified = m_state->marks.value(id).notifyKey;
        if (!notified.isEmpty())
            m_notifier->withdraw(notified);
        if (!inherited.isEmpty() && inherited != notified)
            m_notifier->withdraw(inherited);
    }
}

void AlertsService::onPushEvent(const QString &kind, qint64 seq, const QJsonObject &data)
{
    if (kind == QLatin1String("alert") || kind == QLatin1String("alert_cancel")) {
        const QString id = data.value(QLatin1String("alert_id")).toString();
        const QByteArray cap = data.value(QLatin1String("cap")).toString().toUtf8();
        qCInfo(lcNet) << "alerts: event" << seq << kind << id;
        if (m_state->fetch)
            m_state->duringFetch.append({id, cap});
        if (!applyMessage(id, cap, true))
            return;
        if (m_push->state() == push::PushClient::State::Live)
            m_updatedAt = QDateTime::currentDateTime();
        saveCache();
        scheduleExpiry();
        rebuild();
        refreshDetail();
        flushNotifications();
        Q_EMIT stateChanged();
        return;
    }
    if (kind == QLatin1String("report_status")) {
        const QString id = data.value(QLatin1String("service_request_id")).toString();
        const QString status = data.value(QLatin1String("detailed_status")).toString();
        if (id.isEmpty())
            return;
        QString body = reportStatusSentence(status, id);
        const QString note = data.value(QLatin1String("note")).toString().trimmed();
        if (!note.isEmpty())
            body += QLatin1Char('\n') + truncated(note, kNotificationBodyChars);
        if (m_notifier && m_notifier->isAvailable())
            m_notifier->notify(QStringLiteral("report:") + id, tr("Your report"), body,
                               platform::Notifier::Level::Normal);
        Q_EMIT reportStatusChanged(id, status);
        return;
    }
    if (kind == QLatin1String("alert_submission")) {
        const QString id = data.value(QLatin1String("submission_id")).toString();
        const QString status = data.value(QLatin1String("status")).toString();
        const QString reason = data.value(QLatin1String("reason")).toString().trimmed();
        refreshSubmissions();
        QString title;
        QString body;
        if (status == QLatin1String("approved")) {
            title = tr("Your alert was verified");
            body = tr("The verification centre has published your alert for the people "
                      "nearby.");
        } else if (status == QLatin1String("rejected")) {
            title = tr("Your alert was not accepted");
            body = reason.isEmpty() ? tr("The verification centre did not publish it.")
                                    : tr("Reason: %1").arg(truncated(reason, 500));
        } else {
            return;
        }
        if (m_notifier && m_notifier->isAvailable() && !id.isEmpty())
            m_notifier->notify(QStringLiteral("submission:") + id, title, body,
                               platform::Notifier::Level::Normal);
        Q_EMIT notice(title);
        return;
    }
    // Kinds of other features (payments, signing...) are not ours.
}

// --- notifications ----------------------------------------------------------------------

void AlertsService::flushNotifications()
{
    // While the stream catches up, an alert may still be cancelled by a later event.
    if (m_push->isRunning() && m_push->state() == push::PushClient::State::Connecting)
        return;
    const QSet<QString> candidates = std::exchange(m_state->candidates, {});
    for (const QString &id : candidates) {
        const QString inherited = m_state->inheritKey.take(id);
        const auto it = std::find_if(m_state->active.cbegin(), m_state->active.cend(),
                                     [&id](const Known &k) { return k.alertId == id; });
        if (it == m_state->active.cend()) {
            if (!inherited.isEmpty() && m_notifier)
                m_notifier->withdraw(inherited);
            continue;
        }
        Mark mark = m_state->marks.value(id);
        if (mark.notifiedAt != 0)
            continue; // never twice
        const Alert &a = it->cap;
        const Info *info = bestInfo(a, languageTag(m_language));
        QString where;
        if (!concernsUser(a, &where) || !info || isMuted(*info, m_muted)) {
            if (!inherited.isEmpty() && m_notifier)
                m_notifier->withdraw(inherited);
            continue;
        }
        const QString notifyKey = inherited.isEmpty() ? id : inherited;
        const QString headline = info->headline.isEmpty() ? info->event : info->headline;
        const QString title =
            AlertListModel::severityText(info->severity) + QStringLiteral(": ") + headline;
        QStringList areas;
        for (const Area &area : info->areas)
            if (!area.areaDesc.isEmpty())
                areas << area.areaDesc;
        QStringList lines;
        if (!where.isEmpty())
            lines << tr("Near %1").arg(where);
        if (!areas.isEmpty())
            lines << areas.join(QStringLiteral(", "));
        const QString text = info->instruction.isEmpty() ? info->description : info->instruction;
        if (!text.isEmpty())
            lines << truncated(text, kNotificationBodyChars);
        if (m_notifier && m_notifier->isAvailable())
            m_notifier->notify(notifyKey, title, lines.join(QLatin1Char('\n')),
                               levelOf(info->severity));
        // Remembered even when nothing could show it: it is not news the next time.
        mark.notifyKey = notifyKey;
        mark.notifiedAt = nowMs();
        m_state->marks.insert(id, mark);
        storeMark(m_database, serverKey(), id, mark);
        qCInfo(lcApp) << "alerts: notified" << id << "as" << notifyKey;
    }
}

void AlertsService::reconsiderUnnotified()
{
    for (const Known &k : std::as_const(m_state->active))
        if (m_state->marks.value(k.alertId).notifiedAt == 0)
            m_state->candidates.insert(k.alertId);
}

bool AlertsService::concernsUser(const Alert &alert, QString *place) const
{
    // The same tests as the list's.
    if (wholeProvince(alert) ||
        (m_state->position && concerns(alert, m_state->position->lat, m_state->position->lon)))
        return true;
    for (const auto &saved : m_places->places()) {
        if (concerns(alert, saved.lat, saved.lon)) {
            if (place)
                *place = SavedPlacesModel::displayName(saved);
            return true;
        }
    }
    return false;
}

// --- expiry -----------------------------------------------------------------------------

void AlertsService::scheduleExpiry()
{
    QDateTime next;
    for (const Known &k : std::as_const(m_state->active))
        if (!next.isValid() || k.expiry < next)
            next = k.expiry;
    if (!next.isValid()) {
        m_state->expiryTimer.stop();
        return;
    }
    const qint64 delay = qBound(qint64(0), next.toMSecsSinceEpoch() - nowMs(),
                                qint64(std::numeric_limits<int>::max()));
    m_state->expiryTimer.start(int(delay));
}

void AlertsService::expireNow()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList ids;
    for (const Known &k : std::as_const(m_state->active))
        if (k.expiry <= now)
            ids << k.alertId;
    if (!ids.isEmpty()) {
        qCInfo(lcApp) << "alerts: expired" << ids;
        removeAlerts(ids, QStringLiteral("expired"));
        saveCache();
        rebuild();
        refreshDetail();
    }
    scheduleExpiry();
}

// --- the list ---------------------------------------------------------------------------

void AlertsService::rebuild()
{
    const QString lang = languageTag(m_language);
    QList<AlertListModel::Row> rows;
    for (const Known &k : std::as_const(m_state->active)) {
        const Alert &a = k.cap;
        const Info *info = bestInfo(a, lang);
        if (!info)
            continue;
        AlertListModel::Row row;
        row.alertId = k.alertId;
        row.event = info->event;
        row.headline = info->headline.isEmpty() ? info->event : info->headline;
        row.severity = info->severity;
        row.urgency = info->urgency;
        row.certainty = info->certainty;
        row.categories = info->categories;
        row.senderName = info->senderName.isEmpty() ? a.sender : info->senderName;
        QStringList areas;
        for (const Area &area : info->areas)
            if (!area.areaDesc.isEmpty())
                areas << area.areaDesc;
        row.area = areas.join(QStringLiteral(", "));
        row.sent = a.sent.toLocalTime();
        row.expires = info->expires.isValid() ? info->expires.toLocalTime() : QDateTime();
        if (wholeProvince(a)) {
            row.concerns = true;
            row.where = tr("Everywhere in the province");
        } else if (m_state->position &&
                   concerns(a, m_state->position->lat, m_state->position->lon)) {
            row.concerns = true;
            row.where = tr("Where you are");
        } else {
            for (const auto &place : m_places->places()) {
                if (concerns(a, place.lat, place.lon)) {
                    row.concerns = true;
                    row.where = SavedPlacesModel::displayName(place);
                    break;
                }
            }
        }
        row.unread = m_state->marks.value(k.alertId).readAt == 0;
        if (!m_showAll && (!row.concerns || isMuted(*info, m_muted)))
            continue;
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto &x, const auto &y) {
        const int rx = severityRank(x.severity);
        const int ry = severityRank(y.severity);
        if (rx != ry)
            return rx > ry;
        if (x.sent != y.sent)
            return x.sent > y.sent;
        return x.alertId < y.alertId;
    });
    // A GPS fix each second must not reset the list when nothing in it changes.
    const auto same = [](const AlertListModel::Row &x, const AlertListModel::Row &y) {
        return x.alertId == y.alertId && x.headline == y.headline && x.event == y.event &&
               x.severity == y.severity && x.urgency == y.urgency && x.certainty == y.certainty &&
               x.categories == y.categories && x.senderName == y.senderName && x.area == y.area &&
               x.sent == y.sent && x.expires == y.expires && x.concerns == y.concerns &&
               x.where == y.where && x.unread == y.unread;
    };
    const auto &current = m_alerts->rows();
    if (current.size() == rows.size() &&
        std::equal(current.cbegin(), current.cend(), rows.cbegin(), same))
        return;
    m_alerts->setRows(rows);
}

void AlertsService::setShowAll(bool showAll)
{
    if (showAll == m_showAll)
        return;
    m_showAll = showAll;
    saveUserValue(kShowAllKey, showAll ? "1" : "0");
    rebuild();
    Q_EMIT filterChanged();
}

void AlertsService::setCurrentPosition(double latitude, double longitude)
{
    if (!validPlace(latitude, longitude))
        return;
    const geo::LatLon place{latitude, longitude};
    if (m_state->position && *m_state->position == place)
        return;
    m_state->position = place;
    const bool had = m_hasPosition;
    m_hasPosition = true;
    rebuild();
    refreshDetail();
    // Alerts whose area the user just came into (notified once: never twice, also when
    // they leave and come back).
    reconsiderUnnotified();
    flushNotifications();
    if (!had)
        Q_EMIT filterChanged();
}

void AlertsService::setMuted(const QString &category, bool muted)
{
    if (!categoryValues().contains(category) || m_muted.contains(category) == muted)
        return;
    if (muted)
        m_muted << category;
    else
        m_muted.removeAll(category);
    saveUserValue(
        kMutedKey,
        QJsonDocument(QJsonArray::fromStringList(m_muted)).toJson(QJsonDocument::Compact));
    rebuild();
    Q_EMIT filterChanged();
}

bool AlertsService::addPlace(const QString &name, const QString &kind, double latitude,
                             double longitude)
{
    static const QStringList kinds = {QStringLiteral("home"), QStringLiteral("work"),
                                      QStringLiteral("family"), QStringLiteral("other")};
    const QString trimmed = name.trimmed();
    if (!kinds.contains(kind) || !validPlace(latitude, longitude) ||
        characters(trimmed) > kMaxPlaceName || hasControl(trimmed) ||
        trimmed.contains(QLatin1Char('\n')) || !m_database || !m_database->isOpen())
        return false;
    if (m_places->rowCount() >= kMaxPlaces) {
        Q_EMIT notice(tr("At most %1 places can be saved.").arg(kMaxPlaces));
        return false;
    }
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("INSERT INTO saved_places (id, name, kind, lat, lon, created_at) "
                             "VALUES (?, COALESCE(?, ''), ?, ?, ?, ?)"));
    q.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.addBindValue(trimmed);
    q.addBindValue(kind);
    q.addBindValue(latitude);
    q.addBindValue(longitude);
    q.addBindValue(nowMs());
    if (!q.exec()) {
        qCWarning(lcStore) << "alerts: cannot save a place:" << q.lastError().text();
        return false;
    }
    loadLocal();
    rebuild();
    refreshDetail();
    // Alerts at the new place concern the user from now on.
    reconsiderUnnotified();
    flushNotifications();
    return true;
}

void AlertsService::removePlace(const QString &placeId)
{
    if (!m_database || !m_database->isOpen())
        return;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("DELETE FROM saved_places WHERE id = ?"));
    q.addBindValue(placeId);
    if (!q.exec() || q.numRowsAffected() == 0)
        return;
    loadLocal();
    rebuild();
    refreshDetail();
}

// --- detail -----------------------------------------------------------------------------

void AlertsService::markRead(const QString &alertId)
{
    Mark mark = m_state->marks.value(alertId);
    if (mark.readAt != 0)
        return;
    mark.readAt = nowMs();
    m_state->marks.insert(alertId, mark);
    storeMark(m_database, serverKey(), alertId, mark);
    rebuild();
}

void AlertsService::openDetail(const QString &alertId)
{
    if (m_state->detailReply) {
        m_state->detailReply->disconnect(this);
        m_state->detailReply->abort();
    }
    m_state->detailReply = nullptr;
    m_state->detailRemote.reset();
    m_state->detailRemoteState.clear();
    m_state->detailId = alertId;
    if (alertId.isEmpty()) {
        closeDetail();
        return;
    }
    markRead(alertId);
    const bool known = m_state->gone.contains(alertId) ||
                       std::any_of(m_state->active.cbegin(), m_state->active.cend(),
                                   [&alertId](const Known &k) { return k.alertId == alertId; });
    if (!known) {
        // E.g. a notification of an alert this run never listed: ask the server.
        net::ApiRequest request;
        request.path =
            kAlertsPath + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(alertId));
        request.anonymous = true;
        net::ApiReply *reply = m_api->send(request);
        m_state->detailReply = reply;
        connect(reply, &net::ApiReply::finished, this, [this, reply, alertId] {
            reply->deleteLater();
            if (m_state->detailReply != reply)
                return;
            m_state->detailReply = nullptr;
            const QJsonObject o = reply->json().object();
            const ParseResult parsed = parse(o.value(QLatin1String("cap")).toString().toUtf8());
            if (reply->isOk() && parsed.ok) {
                m_state->detailRemote =
                    Known{alertId, parsed.alert, expiry(parsed.alert), key(parsed.alert)};
                m_state->detailRemoteState = o.value(QLatin1String("state")).toString();
            } else {
                Q_EMIT notice(reply->isOk() ? tr("This alert cannot be shown.")
                                            : reply->error().message());
            }
            refreshDetail();
        });
    }
    refreshDetail();
}

void AlertsService::closeDetail()
{
    if (m_state->detailReply) {
        m_state->detailReply->disconnect(this);
        m_state->detailReply->abort();
    }
    m_state->detailReply = nullptr;
    m_state->detailRemote.reset();
    m_state->detailId.clear();
    if (m_detail.isEmpty())
        return;
    m_detail.clear();
    Q_EMIT detailChanged();
}

void AlertsService::refreshDetail()
{
    const QString id = m_state->detailId;
    if (id.isEmpty())
        return;
    const Known *known = nullptr;
    QString state;
    for (const Known &k : std::as_const(m_state->active)) {
        if (k.alertId == id) {
            known = &k;
            state = QStringLiteral("active");
        }
    }
    if (!known && m_state->gone.contains(id)) {
        known = &*m_state->gone.constFind(id);
        state = m_state->goneWhy.value(id);
    }
    if (!known && m_state->detailRemote) {
        known = &*m_state->detailRemote;
        state = m_state->detailRemoteState.isEmpty() ? QStringLiteral("active")
                                                     : m_state->detailRemoteState;
        if (state == QLatin1String("active") && known->expiry <= QDateTime::currentDateTimeUtc())
            state = QStringLiteral("expired");
    }
    QVariantMap detail;
    if (known) {
        const QString lang = languageTag(m_language);
        const Alert &a = known->cap;
        const Info *info = bestInfo(a, lang);
        Info empty;
        if (!info)
            info = &empty;
        QStringList areas;
        for (const Area &area : info->areas)
            if (!area.areaDesc.isEmpty())
                areas << area.areaDesc;
        bool concerned = false;
        QString where;
        if (wholeProvince(a)) {
            concerned = true;
            where = tr("Everywhere in the province");
        } else if (m_state->position &&
                   concerns(a, m_state->position->lat, m_state->position->lon)) {
            concerned = true;
            where = tr("Where you are");
        } else {
            for (const auto &place : m_places->places()) {
                if (concerns(a, place.lat, place.lon)) {
                    concerned = true;
                    where = SavedPlacesModel::displayName(place);
                    break;
                }
            }
        }
        const auto local = [](const QDateTime &t) { return t.isValid() ? t.toLocalTime() : t; };
        detail = {
            {QStringLiteral("alertId"), id},
            {QStringLiteral("headline"), info->headline.isEmpty() ? info->event : info->headline},
            {QStringLiteral("event"), info->event},
            {QStringLiteral("severity"), info->severity},
            {QStringLiteral("severityText"), AlertListModel::severityText(info->severity)},
            {QStringLiteral("urgency"), info->urgency},
            {QStringLiteral("certainty"), info->certainty},
            {QStringLiteral("categories"), info->categories},
            {QStringLiteral("senderName"),
             info->senderName.isEmpty() ? a.sender : info->senderName},
            {QStringLiteral("sender"), a.sender},
            {QStringLiteral("sent"), local(a.sent)},
            {QStringLiteral("effective"),
             local(info->effective.isValid() ? info->effective : a.sent)},
            {QStringLiteral("onset"), local(info->onset)},
            {QStringLiteral("expires"), local(info->expires)},
            {QStringLiteral("description"), info->description},
            {QStringLiteral("instruction"), info->instruction},
            {QStringLiteral("area"), areas.join(QStringLiteral(", "))},
            {QStringLiteral("web"), info->web},
            {QStringLiteral("contact"), info->contact},
            {QStringLiteral("language"), info->language},
            {QStringLiteral("concerns"), concerned},
            {QStringLiteral("where"), where},
            {QStringLiteral("state"), state},
            // Additions: the alert that replaced this one, and the message's note.
            {QStringLiteral("replacedBy"), m_state->replacedBy.value(id)},
            {QStringLiteral("note"), a.note},
        };
    } else {
        detail = {{QStringLiteral("alertId"), id}};
    }
    if (detail == m_detail)
        return;
    m_detail = detail;
    Q_EMIT detailChanged();
}

// --- citizen alerts ---------------------------------------------------------------------

bool AlertsService::submitAlert(const QString &category, const QString &text, const QUrl &photo,
                                double latitude, double longitude)
{
    if (m_account.isEmpty()) {
        Q_EMIT notice(tr("Sign in to send an alert to the verification centre."));
        return false;
    }
    if (!categoryValues().contains(category)) {
        Q_EMIT notice(tr("Choose what kind of danger it is."));
        return false;
    }
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        Q_EMIT notice(tr("Describe what is happening."));
        return false;
    }
    if (characters(trimmed) > maxSubmissionLength()) {
        Q_EMIT notice(
            tr("The text is too long (at most %1 characters).").arg(maxSubmissionLength()));
        return false;
    }
    if (hasControl(trimmed)) {
        Q_EMIT notice(tr("The text contains characters that cannot be sent."));
        return false;
    }
    if (!validPlace(latitude, longitude)) {
        Q_EMIT notice(tr("Choose where it is happening."));
        return false;
    }
    if (!m_outbox) {
        Q_EMIT notice(tr("The alert could not be saved on this device."));
        return false;
    }
    const QJsonObject payload{{QStringLiteral("category"), category},
                              {QStringLiteral("text"), trimmed},
                              {QStringLiteral("lat"), latitude},
                              {QStringLiteral("long"), longitude}};
    const QString account = m_account;
    const QString server = serverKey();
    const auto enqueue = [this, payload, account,
                          server](const QList<store::OutboxAttachment> &attachments) {
        const QString id =
            m_outbox->enqueue(kAlertSubmissionKind, payload, attachments, account, server);
        if (id.isEmpty()) {
            qCWarning(lcStore) << "alerts: the submission could not be queued:"
                               << m_outbox->errorString();
            Q_EMIT notice(tr("The alert could not be saved on this device. Free some space "
                             "and try again."));
            return;
        }
        Q_EMIT submitted(id);
    };
    if (photo.isEmpty()) {
        enqueue({});
        return true;
    }
    const QString path = photo.isLocalFile() ? photo.toLocalFile() : photo.toString();
    ++m_state->photoJobs;
    Q_EMIT submissionsChanged();
    auto *watcher = new QFutureWatcher<media::PhotoResult>(this);
    connect(watcher, &QFutureWatcher<media::PhotoResult>::finished, this, [this, watcher, enqueue] {
        watcher->deleteLater();
        --m_state->photoJobs;
        const media::PhotoResult result = watcher->result();
        if (result.ok())
            enqueue({store::OutboxAttachment{QStringLiteral("image/jpeg"), result.jpeg}});
        else
            Q_EMIT notice(tr("The photo cannot be used: %1").arg(result.message));
        Q_EMIT submissionsChanged();
    });
    watcher->setFuture(media::processPhotoAsync(path));
    return true;
}

void AlertsService::refreshSubmissions()
{
    if (m_state->mineReply) {
        m_state->mineReply->disconnect(this);
        m_state->mineReply->abort();
        m_state->mineReply = nullptr;
    }
    if (m_account.isEmpty()) {
        m_state->serverSubmissions = QJsonArray();
        rebuildSubmissions();
        return;
    }
    net::ApiReply *reply = m_api->get(kSubmissionsPath + QStringLiteral("/mine"));
    m_state->mineReply = reply;
    const QString account = m_account;
    const QString server = serverKey();
    connect(reply, &net::ApiReply::finished, this, [this, reply, account, server] {
        reply->deleteLater();
        if (m_state->mineReply != reply)
            return;
        m_state->mineReply = nullptr;
        if (account != m_account || server != serverKey())
            return;
        const QJsonDocument json = reply->json();
        if (reply->isOk() && json.isArray()) {
            m_state->serverSubmissions = json.array();
            if (m_database && m_database->isOpen()) {
                QSqlQuery q(m_database->connection());
                q.prepare(QStringLiteral("INSERT OR REPLACE INTO kv_cache (key, value, "
                                         "updated_at) VALUES (?, ?, ?)"));
                q.addBindValue(submissionsCacheKey(server, account));
                q.addBindValue(json.toJson(QJsonDocument::Compact));
                q.addBindValue(QDateTime::currentSecsSinceEpoch());
                q.exec();
            }
        } else {
            qCInfo(lcNet).noquote()
                << "alerts: cannot fetch the submissions:" << reply->error().message();
        }
        rebuildSubmissions();
    });
    Q_EMIT submissionsChanged();
}

void AlertsService::rebuildSubmissions()
{
    struct Row
    {
        QVariantMap map;
        QDateTime time;
    };
    QList<Row> rows;
    QHash<QString, QJsonObject> server;
    for (const QJsonValue &v : std::as_const(m_state->serverSubmissions)) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QLatin1String("submission_id")).toString();
        if (!id.isEmpty())
            server.insert(id, o);
    }
    const auto fromServer = [](const QJsonObject &o, const QString &outboxId) {
        const QString id = o.value(QLatin1String("submission_id")).toString();
        QString state = o.value(QLatin1String("status")).toString();
        if (state != QLatin1String("approved") && state != QLatin1String("rejected"))
            state = QStringLiteral("pending");
        const QDateTime time =
            parseIso(o.value(QLatin1String("submitted_at")).toString()).toLocalTime();
        const QString category = o.value(QLatin1String("category")).toString();
        return Row{QVariantMap{
                       {QStringLiteral("key"), id},
                       {QStringLiteral("outboxId"), outboxId},
                       {QStringLiteral("submissionId"), id},
                       {QStringLiteral("category"), category},
                       {QStringLiteral("categoryName"), categoryName(category)},
                       {QStringLiteral("text"), o.value(QLatin1String("text")).toString()},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("stateText"), submissionStateText(state)},
                       {QStringLiteral("reason"), o.value(QLatin1String("reason")).toString()},
                       {QStringLiteral("time"), time},
                       {QStringLiteral("alertId"), o.value(QLatin1String("alert_id")).toString()},
                       {QStringLiteral("photo"), o.value(QLatin1String("media_url")).toString()},
                   },
                   time};
    };
    if (m_outbox && !m_account.isEmpty()) {
        store::OutboxFilter filter;
        filter.kinds = {kAlertSubmissionKind};
        filter.accounts = QStringList{m_account};
        filter.server = serverKey();
        for (const store::OutboxItem &item : m_outbox->items(filter)) {
            if (!item.remoteId.isEmpty() && server.contains(item.remoteId)) {
                // The server's state; the time the user made it (the server's is when it
                // arrived, to the second).
                Row row = fromServer(server.take(item.remoteId), item.id);
                row.time = QDateTime::fromMSecsSinceEpoch(item.createdAt);
                row.map.insert(QStringLiteral("time"), row.time);
                rows.append(row);
                continue;
            }
            QString state;
            QString reason;
            switch (item.state) {
            case store::OutboxItem::State::Pending:
            case store::OutboxItem::State::Waiting:
                state = QStringLiteral("waiting");
                reason = item.lastError;
                break;
            case store::OutboxItem::State::Sending:
                state = QStringLiteral("sending");
                break;
            case store::OutboxItem::State::Failed:
                state = QStringLiteral("failed");
                reason = item.lastError;
                break;
            case store::OutboxItem::State::Sent:
                state = QStringLiteral("pending"); // the server has it; its list comes next
                break;
            }
            const QString category = item.payload.value(QLatin1String("category")).toString();
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(item.createdAt);
            rows.append(Row{
                QVariantMap{
                    {QStringLiteral("key"), item.remoteId.isEmpty() ? item.id : item.remoteId},
                    {QStringLiteral("outboxId"), item.id},
                    {QStringLiteral("submissionId"), item.remoteId},
                    {QStringLiteral("category"), category},
                    {QStringLiteral("categoryName"), categoryName(category)},
                    {QStringLiteral("text"), item.payload.value(QLatin1String("text")).toString()},
                    {QStringLiteral("state"), state},
                    {QStringLiteral("stateText"), submissionStateText(state)},
                    {QStringLiteral("reason"), reason},
                    {QStringLiteral("time"), time},
                    {QStringLiteral("alertId"), QString()},
                    {QStringLiteral("photo"), QString()},
                },
                time});
        }
    }
    for (const QJsonObject &o : std::as_const(server))
        rows.append(fromServer(o, QString()));
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.time != b.time)
            return a.time > b.time;
        return a.map.value(QStringLiteral("key")).toString() <
               b.map.value(QStringLiteral("key")).toString();
    });
    QVariantList list;
    for (const Row &r : std::as_const(rows))
        list.append(r.map);
    if (list == m_submissions)
        return;
    m_submissions = list;
    Q_EMIT submissionsChanged();
}

} // namespace alerts
