#pragma once

#include "RowListModel.h"
#include "reports/Open311.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

namespace net {
class ApiClient;
}
namespace store {
class Database;
class Outbox;
} // namespace store

namespace reports {

class OutboxSender;
struct ReportDraft;
class ReportsClient;
class ReportsReply;

// Reports as the lists show them: the user's own (queued in the outbox, or known to the
// server) or those near a place. Texts are translated; times are local.
class ReportListModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // outbox id for a queued report, else the request id
        RequestIdRole,              // the server's service_request_id, "" until sent
        OutboxIdRole,               // "" for a report that is not in this device's outbox
        ServiceNameRole,
        DescriptionRole,
        AddressRole,
        // waiting | sending | failed (in the outbox), or the server's detailed status:
        // submitted | in_progress | closed | reopened
        StateRole,
        StateTextRole, // translated state, e.g. "Đang chờ mạng"
        ReasonRole,    // failed or waiting: why (translated, with the server's reason)
        TimeRole,      // when it was made (QDateTime)
        PhotoRole,     // the first photo: a server URL or a local file URL; "" none
        PhotoCountRole,
        DistanceRole, // nearby lists: metres from the place asked about; -1 otherwise
        LatitudeRole,
        LongitudeRole,
    };
    Q_ENUM(Role)

    struct Row
    {
        QString key;
        QString requestId;
        QString outboxId;
        QString serviceName;
        QString description;
        QString address;
        QString state;
        QString reason;
        QDateTime time;
        QString photo;
        int photoCount = 0;
        double distance = -1;
        double lat = qQNaN();
        double lon = qQNaN();
    };

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setRows(QList<Row> rows) { replaceRows(m_rows, std::move(rows)); }
    const QList<Row> &rows() const { return m_rows; }
    // Re-reads the translated texts.
    void retranslate();

    static QString stateText(const QString &state);

private:
    QList<Row> m_rows;
};

// The categories of report (Open311 services) for the first step of a new report.
class CategoryModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        CodeRole = Qt::UserRole + 1,
        NameRole,
        DescriptionRole,
        GroupRole,
        HasQuestionsRole,
        GlyphRole, // a symbol for the tile, chosen from the category's code
    };
    Q_ENUM(Role)

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setServices(QList<Service> services) { replaceRows(m_services, std::move(services)); }
    const QList<Service> &services() const { return m_services; }

private:
    QList<Service> m_services;
};

// The report being written (the "New report" steps): category and its questions, photos
// (processed off the UI thread as they are added), place, address, description, the reports
// already made nearby, and the problems that keep it from being sent. submit() puts it in the
// outbox (report and photos in one transaction) and clears it.
class ReportDraftController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString category READ category NOTIFY categoryChanged)
    Q_PROPERTY(QString categoryName READ categoryName NOTIFY categoryChanged)
    // [{code, description, datatype, hint, variable, required, options: [{key, name}], value}],
    // by order; variable false: information only.
    Q_PROPERTY(QVariantList questions READ questions NOTIFY questionsChanged)
    Q_PROPERTY(bool questionsLoading READ questionsLoading NOTIFY questionsChanged)
    // file: URLs of the processed photos (orientation applied, metadata gone), in order.
    Q_PROPERTY(QStringList photos READ photos NOTIFY photosChanged)
    Q_PROPERTY(int maxPhotos READ maxPhotos CONSTANT)
    Q_PROPERTY(bool photoBusy READ isPhotoBusy NOTIFY photosChanged)
    Q_PROPERTY(QString photoError READ photoError NOTIFY photosChanged)
    Q_PROPERTY(bool hasLocation READ hasLocation NOTIFY locationChanged)
    Q_PROPERTY(double latitude READ latitude NOTIFY locationChanged)
    Q_PROPERTY(double longitude READ longitude NOTIFY locationChanged)
    // Metres (the GPS fix's horizontal accuracy); -1 once moved by hand or unknown.
    Q_PROPERTY(double accuracy READ accuracy NOTIFY locationChanged)
    // "gps" | "manual" | "" (no place yet)
    Q_PROPERTY(QString locationSource READ locationSource NOTIFY locationChanged)
    Q_PROPERTY(QString address READ address WRITE setAddress NOTIFY addressChanged)
    Q_PROPERTY(QString description READ description WRITE setDescription NOTIFY descriptionChanged)
    Q_PROPERTY(int maxDescriptionLength READ maxDescriptionLength CONSTANT)
    // Reports of the same category within 100 m in the last 7 days.
    Q_PROPERTY(reports::ReportListModel *nearby READ nearby CONSTANT)
    Q_PROPERTY(bool nearbyLoading READ nearbyLoading NOTIFY nearbyChanged)
    // Translated problems that keep the report from being sent (empty: ready).
    Q_PROPERTY(QStringList problems READ problems NOTIFY problemsChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY problemsChanged)

public:
    ReportDraftController(ReportsClient *client, store::Outbox *outbox, const QString &photoDir,
                          QObject *parent = nullptr);
    ~ReportDraftController() override;

    QString category() const;
    QString categoryName() const;
    QVariantList questions() const;
    bool questionsLoading() const { return !m_definitionReply.isNull(); }
    QStringList photos() const;
    int maxPhotos() const;
    bool isPhotoBusy() const { return m_photoJobs > 0; }
    QString photoError() const { return m_photoError; }
    bool hasLocation() const;
    double latitude() const;
    double longitude() const;
    double accuracy() const { return m_accuracy; }
    QString locationSource() const { return m_locationSource; }
    QString address() const;
    void setAddress(const QString &address);
    QString description() const;
    void setDescription(const QString &description);
    int maxDescriptionLength() const;
    ReportListModel *nearby() const { return m_nearby; }
    bool nearbyLoading() const { return !m_nearbyReply.isNull(); }
    QStringList problems() const;
    bool canSubmit() const { return problems().isEmpty() && !isPhotoBusy(); }

    // The signed-in subject the report will belong to ("" anonymous) and the server it is for.
    void setOwner(const QString &account, const QString &server);

    Q_INVOKABLE void reset();
    Q_INVOKABLE void setCategory(const QString &code);
    // Adds a photo file (file: URL or path): processed on a worker thread; photoError on failure.
    Q_INVOKABLE void addPhoto(const QUrl &file);
    Q_INVOKABLE void removePhoto(int index);
    // A GPS fix (degrees, accuracy in metres).
    Q_INVOKABLE void setPosition(double latitude, double longitude, double accuracyMeters);
    // The user moves the pin: metres north and east (negative: south, west).
    Q_INVOKABLE void moveBy(double northMeters, double eastMeters);
    // The answer to question `code` (for a multivaluelist: keys joined by ',').
    Q_INVOKABLE void setAnswer(const QString &code, const QString &value);
    // Asks the server for reports of this category near the place (fills `nearby`).
    Q_INVOKABLE void checkNearby();
    // Queues the report in the outbox; false (and problems shown) if it cannot be sent yet.
    Q_INVOKABLE bool submit();

    // The services known (for the problems check and the category name).
    void setServices(const QList<Service> &services);
    void retranslate();

Q_SIGNALS:
    void categoryChanged();
    void questionsChanged();
    void photosChanged();
    void locationChanged();
    void addressChanged();
    void descriptionChanged();
    void nearbyChanged();
    void problemsChanged();
    // Queued: outboxId is the local id of the report in "My reports".
    void submitted(const QString &outboxId);

private:
    struct Photo;
    // The draft with the answers as they will be sent.
    ReportDraft composed() const;

    ReportsClient *m_client;
    store::Outbox *m_outbox;
    QString m_photoDir;
    QString m_account;
    QString m_server;
    QList<Service> m_services;
    struct State;
    std::unique_ptr<State> m_state;
    double m_accuracy = -1;
    QString m_locationSource;
    int m_photoJobs = 0;
    int m_generation = 0;
    QString m_photoError;
    ReportListModel *m_nearby;
    QPointer<ReportsReply> m_definitionReply;
    QPointer<ReportsReply> m_nearbyReply;
};

// Field reporting as QML sees it (singleton "Reports"): categories, the report being written,
// the user's reports (outbox and server merged, cached for offline), one report's detail with
// its photos and status history, rating and reopening. Sending is the OutboxSender's.
class ReportsService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(reports::CategoryModel *categories READ categories CONSTANT)
    Q_PROPERTY(bool categoriesLoading READ categoriesLoading NOTIFY categoriesStateChanged)
    Q_PROPERTY(QString categoriesError READ categoriesError NOTIFY categoriesStateChanged)
    Q_PROPERTY(reports::ReportDraftController *draft READ draft CONSTANT)
    Q_PROPERTY(reports::ReportListModel *myReports READ myReports CONSTANT)
    Q_PROPERTY(bool myReportsLoading READ myReportsLoading NOTIFY myReportsStateChanged)
    // Set when the list could not be refreshed (it then shows what was cached).
    Q_PROPERTY(QString myReportsError READ myReportsError NOTIFY myReportsStateChanged)
    // Reports in the outbox not yet accepted by the server.
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY myReportsStateChanged)
    // The report opened with openDetail(): {key, requestId, outboxId, serviceName, description,
    // address, latitude, longitude, state, stateText, reason, agency, statusNotes, time,
    // updated, photos: [urls], history: [{state, stateText, note, agency, time}], mine,
    // canRate, rating: {satisfied, comment} or null, canReopen, reopenUntil}; {} when none.
    Q_PROPERTY(QVariantMap detail READ detail NOTIFY detailChanged)
    Q_PROPERTY(bool detailLoading READ detailLoading NOTIFY detailChanged)
    Q_PROPERTY(QString detailError READ detailError NOTIFY detailChanged)

public:
    // database: the profile's store (outbox and cache); photoDir: where processed photos of
    // drafts wait until they are queued.
    ReportsService(net::ApiClient *api, store::Database *database, const QString &photoDir,
                   QObject *parent = nullptr);
    ~ReportsService() override;

    CategoryModel *categories() const { return m_categories; }
    bool categoriesLoading() const { return !m_categoriesReply.isNull(); }
    QString categoriesError() const { return m_categoriesError; }
    ReportDraftController *draft() const { return m_draft; }
    ReportListModel *myReports() const { return m_myReports; }
    bool myReportsLoading() const { return !m_mineReply.isNull(); }
    QString myReportsError() const { return m_myReportsError; }
    int unsentCount() const;
    QVariantMap detail() const { return m_detail; }
    bool detailLoading() const { return !m_detailReply.isNull(); }
    QString detailError() const { return m_detailError; }

    store::Outbox *outbox() const { return m_outbox; }
    OutboxSender *sender() const { return m_sender; }
    ReportsClient *client() const { return m_client; }

    // The signed-in subject ("" signed out): whose reports are listed and sent.
    void setAccount(const QString &subject);
    // Starts sending the outbox (and following the network).
    void start();
    void retranslate();

    Q_INVOKABLE void refreshCategories();
    Q_INVOKABLE void refreshMine();
    // Opens a report of myReports or nearby by its key (outbox id or request id).
    Q_INVOKABLE void openDetail(const QString &key);
    Q_INVOKABLE void closeDetail();
    // A failed report: send again now. A waiting one: try now instead of at the next retry.
    Q_INVOKABLE void retry(const QString &outboxId);
    // Drops a report that failed (never one the server has).
    Q_INVOKABLE bool discard(const QString &outboxId);
    // Follows someone else's report near the place (instead of filing a duplicate): it is
    // listed in My reports from then on.
    Q_INVOKABLE void follow(const QString &requestId);
    Q_INVOKABLE void rate(const QString &requestId, bool satisfied, const QString &comment);
    Q_INVOKABLE void reopen(const QString &requestId, const QString &comment);

Q_SIGNALS:
    void categoriesStateChanged();
    void myReportsStateChanged();
    void detailChanged();
    // A translated one-line outcome for a toast ("Sent", "Thanks for your rating", ...).
    void notice(const QString &text);

private:
    void rebuildMine();
    void applyDetail(const ServiceRequest &request);
    QStringList deviceRequestIds() const;

    net::ApiClient *m_api;
    store::Database *m_database;
    store::Outbox *m_outbox;
    ReportsClient *m_client;
    OutboxSender *m_sender;
    CategoryModel *m_categories;
    ReportDraftController *m_draft;
    ReportListModel *m_myReports;
    QString m_account;
    QString m_categoriesError;
    QString m_myReportsError;
    QList<ServiceRequest> m_serverMine;
    QVariantMap m_detail;
    QString m_detailKey;
    QString m_detailError;
    QPointer<ReportsReply> m_categoriesReply;
    QPointer<ReportsReply> m_mineReply;
    QPointer<ReportsReply> m_detailReply;
};

} // namespace reports
