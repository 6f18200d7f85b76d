#pragma once

#include "RowListModel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

namespace net {
class ApiClient;
}
namespace store {
class Database;
class Outbox;
} // namespace store
namespace push {
class PushClient;
}
namespace reports {
class OutboxSender;
}
namespace platform {
class Notifier;
}

namespace alerts {

struct Alert;

// The outbox kind of a citizen alert waiting to be sent (POST /api/v1/alert-submissions).
inline const QString kAlertSubmissionKind = QStringLiteral("alert_submission");

// The alerts the list shows: those that concern the user (their position or a saved place;
// no area = the whole province), or all active ones when AlertsService::showAll is set.
// Sorted by severity (Extreme first), then newest first. Texts in the UI language (the
// alert's best <info> for it).
class AlertListModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        AlertIdRole = Qt::UserRole + 1, // the server's alert_id
        HeadlineRole,                   // headline, or the event when there is none
        EventRole,
        SeverityRole,     // Extreme | Severe | Moderate | Minor | Unknown
        SeverityTextRole, // translated
        UrgencyRole,
        CertaintyRole,
        CategoriesRole, // QStringList of CAP categories (Met, Fire, ...)
        SenderNameRole,
        AreaRole,     // areaDesc of the areas, joined
        SentRole,     // QDateTime, local
        ExpiresRole,  // QDateTime, local; invalid: none
        ConcernsRole, // bool: the user's position or a saved place is inside
        WhereRole,    // translated: "Where you are", "Home", ... or "" when not concerned
        UnreadRole,   // not opened yet
    };
    Q_ENUM(Role)

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    struct Row
    {
        QString alertId;
        QString headline;
        QString event;
        QString severity;
        QString urgency;
        QString certainty;
        QStringList categories;
        QString senderName;
        QString area;
        QDateTime sent;
        QDateTime expires;
        bool concerns = false;
        QString where;
        bool unread = false;
    };
    void setRows(QList<Row> rows) { replaceRows(m_rows, std::move(rows)); }
    const QList<Row> &rows() const { return m_rows; }
    static QString severityText(const QString &severity);

private:
    QList<Row> m_rows;
};

// The user's saved places (home, work, a relative's house): alerts there concern them too.
// Kept in the local store (not the cache: clearing the cache keeps them).
class SavedPlacesModel : public RowListModel
{
    Q_OBJECT

public:
    enum Role {
        PlaceIdRole = Qt::UserRole + 1,
        NameRole,
        KindRole, // home | work | family | other
        LatitudeRole,
        LongitudeRole,
    };
    Q_ENUM(Role)

    struct Place
    {
        QString id;
        QString name;
        QString kind;
        double lat = 0;
        double lon = 0;
    };

    using RowListModel::RowListModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void setPlaces(QList<Place> places) { replaceRows(m_places, std::move(places)); }
    const QList<Place> &places() const { return m_places; }
    // Translated: "Home", "Work", "Family", "Other place".
    static QString kindText(const QString &kind);
    // A place's name as shown: its own, or its kind's when it has none.
    static QString displayName(const Place &place);
    void retranslate();

private:
    QList<Place> m_places;
};

// Alerts as QML sees them (singleton "Alerts"): the active alerts from GET /api/v1/alerts,
// kept current by the push stream (alert, alert_cancel, reset), cached for offline reading,
// filtered by place and muted categories (never the highest severity), a system notification
// for each new alert that concerns the user; the user's saved places; citizen alerts
// submitted through the outbox and their verification status; personal events of other
// features (report_status) turned into notifications.
class AlertsService : public QObject
{
    Q_OBJECT
    Q_PROPERTY(alerts::AlertListModel *alerts READ alerts CONSTANT)
    Q_PROPERTY(bool loading READ isLoading NOTIFY stateChanged)
    // Set when the list could not be refreshed (it then shows what was cached).
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    // offline | connecting | live: the push stream.
    Q_PROPERTY(QString streamState READ streamState NOTIFY stateChanged)
    // When the list was last brought up to date (invalid: never).
    Q_PROPERTY(QDateTime updatedAt READ updatedAt NOTIFY stateChanged)
    // Also list active alerts elsewhere in the province.
    Q_PROPERTY(bool showAll READ showAll WRITE setShowAll NOTIFY filterChanged)
    Q_PROPERTY(bool hasPosition READ hasPosition NOTIFY filterChanged)
    Q_PROPERTY(alerts::SavedPlacesModel *places READ places CONSTANT)
    // CAP categories the user muted (Extreme alerts still come through).
    Q_PROPERTY(QStringList mutedCategories READ mutedCategories NOTIFY filterChanged)
    // [{code, name}] of the CAP categories, names translated, for the mute settings and the
    // submission form.
    Q_PROPERTY(QVariantList categoryChoices READ categoryChoices NOTIFY filterChanged)
    Q_PROPERTY(bool notificationsAvailable READ notificationsAvailable NOTIFY stateChanged)
    // The alert opened with openDetail(): {alertId, headline, event, severity, severityText,
    // urgency, certainty, categories, senderName, sender, sent, effective, onset, expires,
    // description, instruction, area, web, contact, language, concerns, where, state
    // (active|cancelled|replaced|expired)}; {} when none.
    Q_PROPERTY(QVariantMap detail READ detail NOTIFY detailChanged)
    // The user's citizen alerts: [{key, outboxId, submissionId, category, text, state
    // (waiting|sending|failed|pending|approved|rejected), stateText, reason, time, alertId}],
    // newest first.
    Q_PROPERTY(QVariantList submissions READ submissions NOTIFY submissionsChanged)
    // Addition: the server's list of submissions is being fetched.
    Q_PROPERTY(bool submissionsLoading READ submissionsLoading NOTIFY submissionsChanged)
    // Addition: submitAlert() accepted an alert whose photo is still being processed.
    Q_PROPERTY(bool submitting READ isSubmitting NOTIFY submissionsChanged)
    // Addition: the most characters a citizen alert's text may have (2000).
    Q_PROPERTY(int maxSubmissionLength READ maxSubmissionLength CONSTANT)

public:
    AlertsService(net::ApiClient *api, store::Database *database, store::Outbox *outbox,
                  reports::OutboxSender *sender, platform::Notifier *notifier,
                  QObject *parent = nullptr);
    ~AlertsService() override;

    AlertListModel *alerts() const { return m_alerts; }
    bool isLoading() const;
    QString error() const { return m_error; }
    QString streamState() const;
    QDateTime updatedAt() const { return m_updatedAt; }
    bool showAll() const { return m_showAll; }
    void setShowAll(bool showAll);
    bool hasPosition() const { return m_hasPosition; }
    SavedPlacesModel *places() const { return m_places; }
    QStringList mutedCategories() const { return m_muted; }
    QVariantList categoryChoices() const;
    bool notificationsAvailable() const;
    QVariantMap detail() const { return m_detail; }
    QVariantList submissions() const { return m_submissions; }
    push::PushClient *pushClient() const { return m_push; }
    bool submissionsLoading() const;
    bool isSubmitting() const;
    static int maxSubmissionLength() { return 2000; }

    // Addition: teaches an OutboxSender how to send kAlertSubmissionKind items (the
    // constructor does it for the sender it is given; hues-tool may do it for its own).
    static void registerOutboxKind(reports::OutboxSender *sender);

    // The signed-in subject ("" signed out): personal events and submissions.
    void setAccount(const QString &subject);
    // The UI language ("vi", "en"): which <info> is shown.
    void setLanguage(const QString &language);
    // Loads the cache, fetches the active alerts and starts the push stream.
    void start();
    void retranslate();

    // The device's position (from the Location singleton), for the place filter.
    Q_INVOKABLE void setCurrentPosition(double latitude, double longitude);
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void openDetail(const QString &alertId);
    Q_INVOKABLE void closeDetail();
    Q_INVOKABLE void setMuted(const QString &category, bool muted);
    // kind: home | work | family | other. False (nothing saved) for a bad place.
    Q_INVOKABLE bool addPlace(const QString &name, const QString &kind, double latitude,
                              double longitude);
    Q_INVOKABLE void removePlace(const QString &placeId);
    // A citizen alert (category: a CAP category code; photo: a file URL or empty) for the
    // verification centre, through the outbox. Signed-in users only. False with a notice
    // when it cannot be queued.
    Q_INVOKABLE bool submitAlert(const QString &category, const QString &text, const QUrl &photo,
                                 double latitude, double longitude);
    Q_INVOKABLE void refreshSubmissions();

Q_SIGNALS:
    void stateChanged();
    void filterChanged();
    void detailChanged();
    void submissionsChanged();
    // A translated one-line outcome for a toast.
    void notice(const QString &text);
    // Addition: submitAlert() queued a citizen alert in the outbox (its id).
    void submitted(const QString &outboxId);
    // Addition: a personal report_status event: the report's state changed on the server
    // (the Application refreshes My reports).
    void reportStatusChanged(const QString &requestId, const QString &detailedStatus);
    // Addition: the user clicked a system notification: what is "alert" (id: alert_id),
    // "report" (id: service_request_id) or "submission" (id: submission_id).
    void notificationActivated(const QString &what, const QString &id);

private:
    struct Known;
    void loadLocal();
    void loadCache();
    void saveCache();
    void setAlerts(QList<Known> alerts);
    bool applyMessage(const QString &alertId, const QByteArray &cap, bool candidate);
    void onFetched(const QByteArray &body, bool baseline);
    void onPushEvent(const QString &kind, qint64 seq, const QJsonObject &data);
    void removeAlerts(const QStringList &alertIds, const QString &why);
    void rebuild();
    void rebuildSubmissions();
    void flushNotifications();
    // Every active alert never notified becomes a candidate again: the user's position or
    // places changed (or a run starts), so it may concern them now. Notified by
    // flushNotifications() once, like a new one.
    void reconsiderUnnotified();
    // Whether the alert concerns the user (no area, their position, a saved place); *place:
    // the saved place's name when only a saved place is inside.
    bool concernsUser(const Alert &alert, QString *place = nullptr) const;
    void scheduleExpiry();
    void expireNow();
    void refreshDetail();
    void setError(const QString &error);
    void markRead(const QString &alertId);
    void saveUserValue(const QString &key, const QByteArray &value);
    QString serverKey() const;

    struct State;
    std::unique_ptr<State> m_state;
    net::ApiClient *m_api;
    store::Database *m_database;
    store::Outbox *m_outbox;
    reports::OutboxSender *m_sender;
    platform::Notifier *m_notifier;
    push::PushClient *m_push;
    AlertListModel *m_alerts;
    SavedPlacesModel *m_places;
    QString m_account;
    QString m_language = QStringLiteral("vi");
    QString m_error;
    QDateTime m_updatedAt;
    bool m_showAll = false;
    bool m_hasPosition = false;
    QStringList m_muted;
    QVariantMap m_detail;
    QVariantList m_submissions;
};

} // namespace alerts
