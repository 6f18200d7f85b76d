#include "ReportsService.h"

#include "geo/Geo.h"
#include "logging.h"
#include "media/PhotoPipeline.h"
#include "net/ApiClient.h"
#include "reports/OutboxSender.h"
#include "reports/ReportDraft.h"
#include "reports/ReportsClient.h"
#include "store/Database.h"
#include "store/Outbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace reports {

namespace {

constexpr double kMetresPerDegree = 111320.0;
const QString kFollowedKey = QStringLiteral("reports:followed");

// The row of a report queued in the outbox.
ReportListModel::Row rowFromOutbox(const store::OutboxItem &item)
{
    ReportListModel::Row row;
    ReportDraft draft;
    QString ignored;
    ReportDraft::fromPayload(item.payload, &draft, &ignored);
    row.key = item.id;
    row.outboxId = item.id;
    row.requestId = item.remoteId;
    row.serviceName = draft.serviceName.isEmpty() ? draft.serviceCode : draft.serviceName;
    row.description = draft.description;
    row.address = draft.address;
    row.lat = draft.lat.value_or(qQNaN());
    row.lon = draft.lon.value_or(qQNaN());
    row.time = QDateTime::fromMSecsSinceEpoch(item.createdAt);
    row.photoCount = item.attachmentCount;
    switch (item.state) {
    case store::OutboxItem::State::Pending:
    case store::OutboxItem::State::Waiting:
        row.state = QStringLiteral("waiting");
        row.reason = item.lastError;
        break;
    case store::OutboxItem::State::Sending:
        row.state = QStringLiteral("sending");
        break;
    case store::OutboxItem::State::Failed:
        row.state = QStringLiteral("failed");
        row.reason = item.lastError;
        break;
    case store::OutboxItem::State::Sent:
        row.state = QStringLiteral("submitted");
        break;
    }
    return row;
}

ReportListModel::Row rowFromRequest(const ServiceRequest &request)
{
    ReportListModel::Row row;
    row.key = request.id;
    row.requestId = request.id;
    row.serviceName = request.serviceName.isEmpty() ? request.serviceCode : request.serviceName;
    row.description = request.description;
    row.address = request.address;
    row.lat = request.lat.value_or(qQNaN());
    row.lon = request.lon.value_or(qQNaN());
    row.time = request.requested.toLocalTime();
    row.photo = request.mediaUrls.isEmpty() ? request.mediaUrl : request.mediaUrls.constFirst();
    row.photoCount =
        int(request.mediaUrls.isEmpty() ? !request.mediaUrl.isEmpty() : request.mediaUrls.size());
    row.state = !request.detailedStatus.isEmpty()           ? request.detailedStatus
                : request.status == QLatin1String("closed") ? QStringLiteral("closed")
                                                            : QStringLiteral("submitted");
    return row;
}

} // namespace

// ---------------------------------------------------------------------------------------
// ReportListModel

int ReportListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ReportListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_rows.size()))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case KeyRole:
        return row.key;
    case RequestIdRole:
        return row.requestId;
    case OutboxIdRole:
        return row.outboxId;
    case ServiceNameRole:
        return row.serviceName;
    case DescriptionRole:
        return row.description;
    case AddressRole:
        return row.address;
    case StateRole:
        return row.state;
    case StateTextRole:
        return stateText(row.state);
    case ReasonRole:
        return row.reason;
    case TimeRole:
        return row.time;
    case PhotoRole:
        return row.photo;
    case PhotoCountRole:
        return row.photoCount;
    case DistanceRole:
        return row.distance;
    case LatitudeRole:
        return row.lat;
    case LongitudeRole:
        return row.lon;
    }
    return {};
}

QHash<int, QByteArray> ReportListModel::roleNames() const
{
    return {
        {KeyRole, "key"},
        {RequestIdRole, "requestId"},
        {OutboxIdRole, "outboxId"},
        {ServiceNameRole, "serviceName"},
        {DescriptionRole, "description"},
        {AddressRole, "address"},
        {StateRole, "state"},
        {StateTextRole, "stateText"},
        {ReasonRole, "reason"},
        {TimeRole, "time"},
        {PhotoRole, "photo"},
        {PhotoCountRole, "photoCount"},
        {DistanceRole, "distance"},
        {LatitudeRole, "latitude"},
        {LongitudeRole, "longitude"},
    };
}

void ReportListModel::retranslate()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1), {StateTextRole});
}

QString ReportListModel::stateText(const QString &state)
{
    if (state == QLatin1String("waiting"))
        return tr("Waiting to be sent");
    if (state == QLatin1String("sending"))
        return tr("Sending…");
    if (state == QLatin1String("failed"))
        return tr("Not sent");
    if (state == QLatin1String("submitted"))
        return tr("Received");
    if (state == QLatin1String("in_progress"))
        return tr("In progress");
    if (state == QLatin1String("closed"))
        return tr("Fixed");
    if (state == QLatin1String("reopened"))
        return tr("Reopened");
    return state;
}

// ---------------------------------------------------------------------------------------
// CategoryModel

int CategoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_services.size());
}

QVariant CategoryModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index, m_services.size()))
        return {};
    const Service &s = m_services.at(index.row());
    switch (role) {
    case CodeRole:
        return s.code;
    case NameRole:
        return s.name;
    case DescriptionRole:
        return s.description;
    case GroupRole:
        return s.group;
    case HasQuestionsRole:
        return s.metadata;
    case GlyphRole: {
        // A symbol by what the category is about (codes and keywords are the server's).
        const QString what = (s.code + QLatin1Char(' ') + s.keywords).toLower();
        static const QList<QPair<const char *, const char *>> glyphs = {
            {"light", "💡"},    {"flood", "🌊"},  {"tree", "🌳"},     {"garbage", "🗑"},
            {"waste", "🗑"}, {"road", "🚧"},   {"pothole", "🚧"},  {"water", "💧"},
            {"noise", "🔊"},    {"pollut", "🏭"}, {"drain", "🕳"}, {"sidewalk", "🚶"},
        };
        for (const auto &[key, glyph] : glyphs)
            if (what.contains(QLatin1String(key)))
                return QString::fromUtf8(glyph);
        return QStringLiteral("⚑");
    }
    }
    return {};
}

QHash<int, QByteArray> CategoryModel::roleNames() const
{
    return {{CodeRole, "code"},
            {NameRole, "name"},
            {DescriptionRole, "description"},
            {GroupRole, "group"},
            {HasQuestionsRole, "hasQuestions"},
            {GlyphRole, "glyph"}};
}

// ---------------------------------------------------------------------------------------
// ReportDraftController

struct ReportDraftController::Photo
{
    QString file; // the processed JPEG on disk, for the preview
    QByteArray jpeg;
};

struct ReportDraftController::State
{
    ReportDraft draft;
    std::optional<ServiceDefinition> definition;
    QHash<QString, QString> answers;
    QList<Photo> photos;
};

ReportDraftController::ReportDraftController(ReportsClient *client, store::Outbox *outbox,
                                             const QString &photoDir, QObject *parent)
    : QObject(parent), m_client(client), m_outbox(outbox), m_photoDir(photoDir),
      m_state(std::make_unique<State>()), m_nearby(new ReportListModel(this))
{
    // Photos of a draft from an earlier run were never queued: they go.
    QDir dir(m_photoDir);
    if (dir.exists())
        for (const QString &name : dir.entryList({QStringLiteral("*.jpg")}, QDir::Files))
            dir.remove(name);
}

ReportDraftController::~ReportDraftController()
{
    for (const Photo &p : std::as_const(m_state->photos))
        QFile::remove(p.file);
}

QString ReportDraftController::category() const
{
    return m_state->draft.serviceCode;
}

QString ReportDraftController::categoryName() const
{
    return m_state->draft.serviceName;
}

QVariantList ReportDraftController::questions() const
{
    QVariantList list;
    if (!m_state->definition)
        return list;
    QList<ServiceAttribute> attributes = m_state->definition->attributes;
    std::stable_sort(
        attributes.begin(), attributes.end(),
        [](const ServiceAttribute &a, const ServiceAttribute &b) { return a.order < b.order; });
    for (const ServiceAttribute &a : std::as_const(attributes)) {
        QVariantList options;
        for (const AttributeValue &v : a.values)
            options.append(
                QVariantMap{{QStringLiteral("key"), v.key}, {QStringLiteral("name"), v.name}});
        list.append(QVariantMap{
            {QStringLiteral("code"), a.code},
            {QStringLiteral("description"), a.description},
            {QStringLiteral("datatype"), a.datatype},
            {QStringLiteral("hint"), a.datatypeDescription},
            // false: information for the reporter, nothing to answer
            {QStringLiteral("variable"), a.variable},
            {QStringLiteral("required"), a.required && a.variable},
            {QStringLiteral("options"), options},
            {QStringLiteral("value"), m_state->answers.value(a.code)},
        });
    }
    return list;
}

QStringList ReportDraftController::photos() const
{
    QStringList urls;
    for (const Photo &p : std::as_const(m_state->photos))
        urls << QUrl::fromLocalFile(p.file).toString();
    return urls;
}

int ReportDraftController::maxPhotos() const
{
    return ReportDraft::kMaxPhotos;
}

bool ReportDraftController::hasLocation() const
{
    return m_state->draft.lat.has_value() && m_state->draft.lon.has_value();
}

double ReportDraftController::latitude() const
{
    return m_state->draft.lat.value_or(qQNaN());
}

double ReportDraftController::longitude() const
{
    return m_state->draft.lon.value_or(qQNaN());
}

QString ReportDraftController::address() const
{
    return m_state->draft.address;
}

void ReportDraftController::setAddress(const QString &address)
{
    if (address == m_state->draft.address)
        return;
    m_state->draft.address = address;
    Q_EMIT addressChanged();
    Q_EMIT problemsChanged();
}

QString ReportDraftController::description() const
{
    return m_state->draft.description;
}

void ReportDraftController::setDescription(const QString &description)
{
    if (description == m_state->draft.description)
        return;
    m_state->draft.description = description;
    Q_EMIT descriptionChanged();
    Q_EMIT problemsChanged();
}

int ReportDraftController::maxDescriptionLength() const
{
    return ReportDraft::kMaxDescriptionLength;
}

ReportDraft ReportDraftController::composed() const
{
    ReportDraft draft = m_state->draft;
    draft.attributes.clear();
    if (!m_state->definition)
        return draft;
    for (const ServiceAttribute &a : m_state->definition->attributes) {
        const QString value = m_state->answers.value(a.code).trimmed();
        if (value.isEmpty())
            continue;
        DraftAttribute answer;
        answer.code = a.code;
        answer.multiple = a.datatype == QLatin1String("multivaluelist");
        answer.values = answer.multiple ? value.split(QLatin1Char(','), Qt::SkipEmptyParts)
                                        : QStringList{value};
        draft.attributes.append(answer);
    }
    return draft;
}

QStringList ReportDraftController::problems() const
{
    // Answers as they will be sent, so that a missing required one is named.
    return composed().problems(m_services, m_state->definition ? &*m_state->definition : nullptr,
                               int(m_state->photos.size()));
}

void ReportDraftController::setOwner(const QString &account, const QString &server)
{
    m_account = account;
    m_server = server;
}

void ReportDraftController::setServices(const QList<Service> &services)
{
    m_services = services;
    // The category's name in the current language.
    for (const Service &s : services) {
        if (s.code == m_state->draft.serviceCode && s.name != m_state->draft.serviceName) {
            m_state->draft.serviceName = s.name;
            Q_EMIT categoryChanged();
        }
    }
    Q_EMIT problemsChanged();
}

void ReportDraftController::retranslate()
{
    m_nearby->retranslate();
    Q_EMIT problemsChanged();
}

void ReportDraftController::reset()
{
    ++m_generation; // photos still being processed are dropped when they arrive
    for (const Photo &p : std::as_const(m_state->photos))
        QFile::remove(p.file);
    m_state = std::make_unique<State>();
    m_accuracy = -1;
    m_locationSource.clear();
    m_photoJobs = 0;
    m_photoError.clear();
    if (m_definitionReply)
        m_definitionReply->disconnect(this);
    if (m_nearbyReply)
        m_nearbyReply->disconnect(this);
    m_definitionReply = nullptr;
    m_nearbyReply = nullptr;
    m_nearby->setRows({});
    Q_EMIT categoryChanged();
    Q_EMIT questionsChanged();
    Q_EMIT photosChanged();
    Q_EMIT locationChanged();
    Q_EMIT addressChanged();
    Q_EMIT descriptionChanged();
    Q_EMIT nearbyChanged();
    Q_EMIT problemsChanged();
}

void ReportDraftController::setCategory(const QString &code)
{
    if (code == m_state->draft.serviceCode)
        return;
    m_state->draft.serviceCode = code;
    m_state->draft.serviceName.clear();
    for (const Service &s : std::as_const(m_services))
        if (s.code == code)
            m_state->draft.serviceName = s.name;
    m_state->answers.clear();
    m_state->definition.reset();
    m_nearby->setRows({});
    Q_EMIT categoryChanged();
    Q_EMIT nearbyChanged();

    const Service *service = nullptr;
    for (const Service &s : std::as_const(m_services))
        if (s.code == code)
            service = &s;
    if (service && !service->metadata) {
        m_state->definition = ServiceDefinition{code, {}};
    } else if (!code.isEmpty()) {
        // The cache answers at once (offline), the server refreshes it.
        m_state->definition = m_client->cachedDefinition(code);
        if (m_definitionReply)
            m_definitionReply->disconnect(this);
        ReportsReply *reply = m_client->fetchDefinition(code);
        m_definitionReply = reply;
        connect(reply, &ReportsReply::finished, this, [this, reply, code] {
            reply->deleteLater();
            if (m_definitionReply == reply)
                m_definitionReply = nullptr;
            if (code != m_state->draft.serviceCode)
                return;
            if (reply->hasData())
                m_state->definition = reply->definition();
            Q_EMIT questionsChanged();
            Q_EMIT problemsChanged();
        });
    }
    Q_EMIT questionsChanged();
    Q_EMIT problemsChanged();
}

void ReportDraftController::addPhoto(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (int(m_state->photos.size()) + m_photoJobs >= ReportDraft::kMaxPhotos) {
        m_photoError =
            tr("At most %1 photos can be sent with a report.").arg(ReportDraft::kMaxPhotos);
        Q_EMIT photosChanged();
        return;
    }
    m_photoError.clear();
    ++m_photoJobs;
    Q_EMIT photosChanged();
    Q_EMIT problemsChanged();
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<media::PhotoResult>(this);
    connect(watcher, &QFutureWatcher<media::PhotoResult>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return; // the draft was reset meanwhile
                --m_photoJobs;
                const media::PhotoResult result = watcher->result();
                if (!result.ok()) {
                    m_photoError = result.message;
                } else if (QDir().mkpath(m_photoDir)) {
                    const QString name = QDir(m_photoDir)
                                             .filePath(QUuid::createUuid().toString(QUuid::Id128) +
                                                       QStringLiteral(".jpg"));
                    QFile out(name);
                    if (out.open(QIODevice::WriteOnly) &&
                        out.write(result.jpeg) == result.jpeg.size()) {
                        m_state->photos.append({name, result.jpeg});
                    } else {
                        m_photoError = tr("The photo could not be saved on this device.");
                        QFile::remove(name);
                    }
                } else {
                    m_photoError = tr("The photo could not be saved on this device.");
                }
                Q_EMIT photosChanged();
                Q_EMIT problemsChanged();
            });
    watcher->setFuture(media::processPhotoAsync(path));
}

void ReportDraftController::removePhoto(int index)
{
    if (index < 0 || index >= m_state->photos.size())
        return;
    QFile::remove(m_state->photos.at(index).file);
    m_state->photos.removeAt(index);
    m_photoError.clear();
    Q_EMIT photosChanged();
    Q_EMIT problemsChanged();
}

void ReportDraftController::setPosition(double latitude, double longitude, double accuracyMeters)
{
    if (!std::isfinite(latitude) || !std::isfinite(longitude) || latitude < -90 || latitude > 90 ||
        longitude < -180 || longitude > 180)
        return;
    m_state->draft.lat = latitude;
    m_state->draft.lon = longitude;
    m_accuracy = std::isfinite(accuracyMeters) && accuracyMeters >= 0 ? accuracyMeters : -1;
    m_locationSource = QStringLiteral("gps");
    Q_EMIT locationChanged();
    Q_EMIT problemsChanged();
}

void ReportDraftController::moveBy(double northMeters, double eastMeters)
{
    if (!hasLocation() || !std::isfinite(northMeters) || !std::isfinite(eastMeters))
        return;
    const double lat =
        std::clamp(*m_state->draft.lat + northMeters / kMetresPerDegree, -90.0, 90.0);
    const double cosLat = std::max(0.01, std::cos(lat * M_PI / 180.0));
    double lon = *m_state->draft.lon + eastMeters / (kMetresPerDegree * cosLat);
    lon = std::clamp(lon, -180.0, 180.0);
    m_state->draft.lat = lat;
    m_state->draft.lon = lon;
    m_accuracy = -1;
    m_locationSource = QStringLiteral("manual");
    Q_EMIT locationChanged();
}

void ReportDraftController::setAnswer(const QString &code, const QString &value)
{
    if (m_state->answers.value(code) == value)
        return;
    m_state->answers.insert(code, value);
    Q_EMIT questionsChanged();
    Q_EMIT problemsChanged();
}

void ReportDraftController::checkNearby()
{
    if (!hasLocation() || m_state->draft.serviceCode.isEmpty()) {
        m_nearby->setRows({});
        Q_EMIT nearbyChanged();
        return;
    }
    if (m_nearbyReply)
        m_nearbyReply->disconnect(this);
    const double lat = *m_state->draft.lat;
    const double lon = *m_state->draft.lon;
    ReportsReply *reply = m_client->fetchNearby(lat, lon, m_state->draft.serviceCode);
    m_nearbyReply = reply;
    connect(reply, &ReportsReply::finished, this, [this, reply, lat, lon] {
        reply->deleteLater();
        if (m_nearbyReply == reply)
            m_nearbyReply = nullptr;
        QList<ReportListModel::Row> rows;
        if (reply->hasData()) {
            for (const ServiceRequest &r : reply->requests()) {
                ReportListModel::Row row = rowFromRequest(r);
                if (r.lat && r.lon)
                    row.distance = 1000 * geo::distanceKm({lat, lon}, {*r.lat, *r.lon});
                rows.append(row);
            }
            std::stable_sort(rows.begin(), rows.end(),
                             [](const auto &a, const auto &b) { return a.distance < b.distance; });
        }
        m_nearby->setRows(rows);
        Q_EMIT nearbyChanged();
    });
    Q_EMIT nearbyChanged();
}

bool ReportDraftController::submit()
{
    if (!canSubmit()) {
        Q_EMIT problemsChanged();
        return false;
    }
    const ReportDraft draft = composed();
    QList<store::OutboxAttachment> attachments;
    for (const Photo &p : std::as_const(m_state->photos))
        attachments.append({QStringLiteral("image/jpeg"), p.jpeg});
    const QString id =
        m_outbox->enqueue(kReportKind, draft.toPayload(), attachments, m_account, m_server);
    if (id.isEmpty()) {
        qCWarning(lcStore) << "the report could not be queued:" << m_outbox->errorString();
        m_photoError = tr("The report could not be saved on this device. Free some space and "
                          "try again.");
        Q_EMIT photosChanged();
        return false;
    }
    reset();
    Q_EMIT submitted(id);
    return true;
}

// ---------------------------------------------------------------------------------------
// ReportsService

ReportsService::ReportsService(net::ApiClient *api, store::Database *database,
                               const QString &photoDir, QObject *parent)
    : QObject(parent), m_api(api), m_database(database),
      m_outbox(new store::Outbox(*database, this)),
      m_client(new ReportsClient(api, database, this)),
      m_sender(new OutboxSender(m_outbox, api, this)), m_categories(new CategoryModel(this)),
      m_draft(new ReportDraftController(m_client, m_outbox, photoDir, this)),
      m_myReports(new ReportListModel(this))
{
    m_draft->setOwner(m_account, api->baseUrl().toString(QUrl::StripTrailingSlash));
    connect(m_outbox, &store::Outbox::itemAdded, this, &ReportsService::rebuildMine);
    connect(m_outbox, &store::Outbox::itemChanged, this, &ReportsService::rebuildMine);
    connect(m_outbox, &store::Outbox::itemRemoved, this, &ReportsService::rebuildMine);
    connect(m_sender, &OutboxSender::itemSent, this, [this](const QString &id, const QString &) {
        // The one sender also sends other kinds (citizen alerts): those are not reports.
        const auto item = m_outbox->item(id);
        if (item && item->kind != kReportKind)
            return;
        Q_EMIT notice(tr("Your report has reached the city."));
        refreshMine();
    });
    connect(m_api, &net::ApiClient::baseUrlChanged, this, [this] {
        m_draft->setOwner(m_account, m_api->baseUrl().toString(QUrl::StripTrailingSlash));
        m_serverMine.clear();
        rebuildMine();
    });
    rebuildMine();
}

ReportsService::~ReportsService() = default;

int ReportsService::unsentCount() const
{
    int count = 0;
    for (const auto &row : m_myReports->rows())
        if (!row.outboxId.isEmpty() && row.requestId.isEmpty())
            ++count;
    return count;
}

void ReportsService::setAccount(const QString &subject)
{
    if (subject == m_account)
        return;
    m_account = subject;
    m_sender->setAccount(subject);
    m_draft->setOwner(subject, m_api->baseUrl().toString(QUrl::StripTrailingSlash));
    m_serverMine.clear();
    closeDetail();
    rebuildMine();
}

void ReportsService::start()
{
    if (!m_sender->isStarted() && !m_sender->start())
        qCInfo(lcApp) << "another process is sending this profile's reports";
    m_sender->watchNetwork();
    if (const auto cached = m_client->cachedServices()) {
        m_categories->setServices(*cached);
        m_draft->setServices(*cached);
    }
    // Reports cached from the last refresh show at once.
    refreshMine();
}

void ReportsService::retranslate()
{
    m_myReports->retranslate();
    m_draft->retranslate();
    // Category names are the server's, in the language asked for: ask again.
    refreshCategories();
    if (!m_detailKey.isEmpty())
        openDetail(m_detailKey);
}

void ReportsService::refreshCategories()
{
    if (m_categoriesReply)
        m_categoriesReply->disconnect(this);
    ReportsReply *reply = m_client->fetchServices();
    m_categoriesReply = reply;
    connect(reply, &ReportsReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_categoriesReply == reply)
            m_categoriesReply = nullptr;
        if (reply->hasData()) {
            m_categories->setServices(reply->services());
            m_draft->setServices(reply->services());
        }
        m_categoriesError = reply->isOk() || (reply->hasData() && !reply->services().isEmpty())
                                ? QString()
                                : reply->errorMessage();
        Q_EMIT categoriesStateChanged();
    });
    Q_EMIT categoriesStateChanged();
}

QStringList ReportsService::deviceRequestIds() const
{
    QStringList ids;
    store::OutboxFilter filter;
    filter.kinds = {kReportKind};
    filter.states = {store::OutboxItem::State::Sent};
    filter.accounts = QStringList{QString()}; // sent anonymously from this device
    for (const store::OutboxItem &item : m_outbox->items(filter))
        if (!item.remoteId.isEmpty())
            ids << item.remoteId;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT value FROM kv_cache WHERE key = ?"));
    q.addBindValue(kFollowedKey);
    if (q.exec() && q.next()) {
        const QJsonArray followed = QJsonDocument::fromJson(q.value(0).toByteArray()).array();
        for (const QJsonValue &v : followed)
            if (v.isString() && !ids.contains(v.toString()))
                ids << v.toString();
    }
    return ids;
}

void ReportsService::refreshMine()
{
    if (m_mineReply)
        m_mineReply->disconnect(this);
    const QStringList ids = deviceRequestIds();
    if (m_account.isEmpty() && ids.isEmpty()) {
        m_mineReply = nullptr;
        m_serverMine.clear();
        m_myReportsError.clear();
        rebuildMine();
        return;
    }
    ReportsReply *reply = m_client->fetchMine(!m_account.isEmpty(), ids);
    m_mineReply = reply;
    connect(reply, &ReportsReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (m_mineReply == reply)
            m_mineReply = nullptr;
        if (reply->hasData())
            m_serverMine = reply->requests();
        m_myReportsError = reply->isOk() ? QString() : reply->errorMessage();
        rebuildMine();
    });
    Q_EMIT myReportsStateChanged();
}

void ReportsService::rebuildMine()
{
    store::OutboxFilter filter;
    filter.kinds = {kReportKind};
    filter.accounts =
        m_account.isEmpty() ? QStringList{QString()} : QStringList{QString(), m_account};
    filter.server = m_api->baseUrl().toString(QUrl::StripTrailingSlash);
    QList<ReportListModel::Row> rows;
    QHash<QString, int> byRequest;
    for (const ServiceRequest &r : std::as_const(m_serverMine)) {
        byRequest.insert(r.id, int(rows.size()));
        rows.append(rowFromRequest(r));
    }
    for (const store::OutboxItem &item : m_outbox->items(filter)) {
        ReportListModel::Row row = rowFromOutbox(item);
        if (!item.remoteId.isEmpty() && byRequest.contains(item.remoteId)) {
            // The server's view wins; the row remembers it came from this device.
            rows[byRequest.value(item.remoteId)].outboxId = item.id;
            continue;
        }
        if (!item.remoteId.isEmpty())
            row.key = item.remoteId;
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.time > b.time; });
    m_myReports->setRows(rows);
    Q_EMIT myReportsStateChanged();
}

void ReportsService::openDetail(const QString &key)
{
    if (m_detailReply)
        m_detailReply->disconnect(this);
    m_detailReply = nullptr;
    m_detailKey = key;
    m_detailError.clear();
    // What the lists know shows at once.
    QVariantMap detail;
    const auto fill = [&detail](const ReportListModel::Row &row) {
        detail = {
            {QStringLiteral("key"), row.key},
            {QStringLiteral("requestId"), row.requestId},
            {QStringLiteral("outboxId"), row.outboxId},
            {QStringLiteral("serviceName"), row.serviceName},
            {QStringLiteral("description"), row.description},
            {QStringLiteral("address"), row.address},
            {QStringLiteral("latitude"), row.lat},
            {QStringLiteral("longitude"), row.lon},
            {QStringLiteral("state"), row.state},
            {QStringLiteral("stateText"), ReportListModel::stateText(row.state)},
            {QStringLiteral("reason"), row.reason},
            {QStringLiteral("time"), row.time},
            {QStringLiteral("photos"),
             row.photo.isEmpty() ? QStringList() : QStringList{row.photo}},
            {QStringLiteral("history"), QVariantList()},
            {QStringLiteral("mine"), !row.outboxId.isEmpty()},
            {QStringLiteral("canRate"), false},
            {QStringLiteral("canReopen"), false},
        };
    };
    QString requestId;
    for (const auto *model : {m_myReports, m_draft->nearby()}) {
        for (const auto &row : model->rows()) {
            if (row.key == key || row.outboxId == key || row.requestId == key) {
                fill(row);
                requestId = row.requestId;
                break;
            }
        }
        if (!detail.isEmpty())
            break;
    }
    if (detail.isEmpty())
        requestId = key;
    m_detail = detail;
    if (!requestId.isEmpty()) {
        ReportsReply *reply = m_client->fetchRequest(requestId);
        m_detailReply = reply;
        connect(reply, &ReportsReply::finished, this, [this, reply, key] {
            reply->deleteLater();
            if (m_detailReply == reply)
                m_detailReply = nullptr;
            if (key != m_detailKey)
                return;
            if (reply->hasData() && !reply->requests().isEmpty())
                applyDetail(reply->requests().constFirst());
            m_detailError = reply->isOk() ? QString() : reply->errorMessage();
            Q_EMIT detailChanged();
        });
    }
    Q_EMIT detailChanged();
}

void ReportsService::applyDetail(const ServiceRequest &request)
{
    const ReportListModel::Row row = rowFromRequest(request);
    QVariantList history;
    for (const StatusChange &c : request.history.value_or(QList<StatusChange>())) {
        history.append(QVariantMap{
            {QStringLiteral("state"), c.detailedStatus},
            {QStringLiteral("stateText"), ReportListModel::stateText(c.detailedStatus)},
            {QStringLiteral("note"), c.note},
            {QStringLiteral("agency"), c.agency},
            {QStringLiteral("time"), c.at.toLocalTime()},
        });
    }
    const bool closed = request.status == QLatin1String("closed");
    QVariant rating;
    if (request.rating)
        rating = QVariantMap{{QStringLiteral("satisfied"), request.rating->satisfied},
                             {QStringLiteral("comment"), request.rating->comment}};
    const QString outboxId = m_detail.value(QStringLiteral("outboxId")).toString();
    m_detail = {
        {QStringLiteral("key"), m_detailKey},
        {QStringLiteral("requestId"), request.id},
        {QStringLiteral("outboxId"), outboxId},
        {QStringLiteral("serviceName"), row.serviceName},
        {QStringLiteral("description"), request.description},
        {QStringLiteral("address"), request.address},
        {QStringLiteral("latitude"), row.lat},
        {QStringLiteral("longitude"), row.lon},
        {QStringLiteral("state"), row.state},
        {QStringLiteral("stateText"), ReportListModel::stateText(row.state)},
        {QStringLiteral("reason"), QString()},
        {QStringLiteral("agency"), request.agencyResponsible},
        {QStringLiteral("statusNotes"), request.statusNotes},
        {QStringLiteral("time"), row.time},
        {QStringLiteral("updated"), request.updated.toLocalTime()},
        {QStringLiteral("photos"), request.mediaUrls.isEmpty() && !request.mediaUrl.isEmpty()
                                       ? QStringList{request.mediaUrl}
                                       : request.mediaUrls},
        {QStringLiteral("history"), history},
        {QStringLiteral("mine"), request.mine || !outboxId.isEmpty()},
        {QStringLiteral("canRate"), request.mine && closed && !request.rating},
        {QStringLiteral("rating"), rating},
        {QStringLiteral("canReopen"), request.mine && closed && request.reopenUntil.isValid() &&
                                          request.reopenUntil > QDateTime::currentDateTimeUtc()},
        {QStringLiteral("reopenUntil"), request.reopenUntil.toLocalTime()},
    };
}

void ReportsService::closeDetail()
{
    if (m_detailReply)
        m_detailReply->disconnect(this);
    m_detailReply = nullptr;
    m_detailKey.clear();
    m_detail.clear();
    m_detailError.clear();
    Q_EMIT detailChanged();
}

void ReportsService::retry(const QString &outboxId)
{
    m_outbox->retryNow(outboxId);
    m_sender->syncNow({outboxId});
}

bool ReportsService::discard(const QString &outboxId)
{
    const auto item = m_outbox->item(outboxId);
    if (!item || item->state != store::OutboxItem::State::Failed)
        return false;
    const bool removed = m_outbox->remove(outboxId);
    if (removed && m_detailKey == outboxId)
        closeDetail();
    return removed;
}

void ReportsService::follow(const QString &requestId)
{
    if (requestId.isEmpty())
        return;
    QStringList ids;
    QSqlQuery q(m_database->connection());
    q.prepare(QStringLiteral("SELECT value FROM kv_cache WHERE key = ?"));
    q.addBindValue(kFollowedKey);
    if (q.exec() && q.next())
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(0).toByteArray()).array())
            ids << v.toString();
    if (!ids.contains(requestId))
        ids << requestId;
    QSqlQuery w(m_database->connection());
    w.prepare(QStringLiteral("INSERT OR REPLACE INTO kv_cache(key, value, updated_at) "
                             "VALUES(?, ?, ?)"));
    w.addBindValue(kFollowedKey);
    w.addBindValue(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
    w.addBindValue(QDateTime::currentSecsSinceEpoch());
    if (!w.exec())
        qCWarning(lcStore) << "cannot keep the followed report";
    Q_EMIT notice(tr("You are following this report; it is in My reports."));
    refreshMine();
}

void ReportsService::rate(const QString &requestId, bool satisfied, const QString &comment)
{
    ReportsReply *reply = m_client->rate(requestId, satisfied, comment);
    connect(reply, &ReportsReply::finished, this, [this, reply, requestId] {
        reply->deleteLater();
        if (!reply->isOk()) {
            Q_EMIT notice(reply->errorMessage());
            return;
        }
        Q_EMIT notice(tr("Thank you for your rating."));
        if (m_detail.value(QStringLiteral("requestId")).toString() == requestId &&
            !reply->requests().isEmpty())
            openDetail(m_detailKey); // the reporter's view, with the rating
        refreshMine();
    });
}

void ReportsService::reopen(const QString &requestId, const QString &comment)
{
    ReportsReply *reply = m_client->reopen(requestId, comment);
    connect(reply, &ReportsReply::finished, this, [this, reply, requestId] {
        reply->deleteLater();
        if (!reply->isOk()) {
            Q_EMIT notice(reply->errorMessage());
            return;
        }
        Q_EMIT notice(tr("The report is open again; the city will look at it."));
        if (m_detail.value(QStringLiteral("requestId")).toString() == requestId)
            openDetail(m_detailKey);
        refreshMine();
    });
}

} // namespace reports
