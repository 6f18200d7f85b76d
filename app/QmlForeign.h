#pragma once

#include "alerts/AlertsService.h"
#include "net/ServerStatus.h"
#include "payments/PaymentsService.h"
#include "qr/QrScanner.h"
#include "reports/ReportsService.h"

#include <QPointer>
#include <QtQml/qqml.h>

// QML faces of core objects: core carries no QML macros, these shims expose the
// instances the application built (see Application) as singletons.
namespace hues {

struct ServerStatusForeign
{
    Q_GADGET
    QML_FOREIGN(net::ServerStatus)
    QML_NAMED_ELEMENT(ServerStatus)
    QML_SINGLETON
public:
    static net::ServerStatus *create(QQmlEngine *, QJSEngine *);
    static inline QPointer<net::ServerStatus> s_instance;
};

// The QR scanner (creatable: each screen that scans has its own).
struct QrScannerForeign
{
    Q_GADGET
    QML_FOREIGN(qr::QrScanner)
    QML_NAMED_ELEMENT(QrScanner)
};

// Field reporting: the facade as the singleton "Reports", and the types of its properties.
struct ReportsServiceForeign
{
    Q_GADGET
    QML_FOREIGN(reports::ReportsService)
    QML_NAMED_ELEMENT(Reports)
    QML_SINGLETON
public:
    static reports::ReportsService *create(QQmlEngine *, QJSEngine *);
    static inline QPointer<reports::ReportsService> s_instance;
};

struct ReportDraftForeign
{
    Q_GADGET
    QML_FOREIGN(reports::ReportDraftController)
    QML_NAMED_ELEMENT(ReportDraft)
    QML_UNCREATABLE("the draft belongs to Reports")
};

struct ReportListModelForeign
{
    Q_GADGET
    QML_FOREIGN(reports::ReportListModel)
    QML_NAMED_ELEMENT(ReportListModel)
    QML_UNCREATABLE("lists belong to Reports")
};

struct CategoryModelForeign
{
    Q_GADGET
    QML_FOREIGN(reports::CategoryModel)
    QML_NAMED_ELEMENT(CategoryModel)
    QML_UNCREATABLE("categories belong to Reports")
};

// Alerts: the facade as the singleton "Alerts", and the types of its properties.
struct AlertsServiceForeign
{
    Q_GADGET
    QML_FOREIGN(alerts::AlertsService)
    QML_NAMED_ELEMENT(Alerts)
    QML_SINGLETON
public:
    static alerts::AlertsService *create(QQmlEngine *, QJSEngine *);
    static inline QPointer<alerts::AlertsService> s_instance;
};

struct AlertListModelForeign
{
    Q_GADGET
    QML_FOREIGN(alerts::AlertListModel)
    QML_NAMED_ELEMENT(AlertListModel)
    QML_UNCREATABLE("lists belong to Alerts")
};

struct SavedPlacesModelForeign
{
    Q_GADGET
    QML_FOREIGN(alerts::SavedPlacesModel)
    QML_NAMED_ELEMENT(SavedPlacesModel)
    QML_UNCREATABLE("saved places belong to Alerts")
};

// Payments: the facade as the singleton "Payments", and the types of its properties.
struct PaymentsServiceForeign
{
    Q_GADGET
    QML_FOREIGN(payments::PaymentsService)
    QML_NAMED_ELEMENT(Payments)
    QML_SINGLETON
public:
    static payments::PaymentsService *create(QQmlEngine *, QJSEngine *);
    static inline QPointer<payments::PaymentsService> s_instance;
};

struct PaymentFlowForeign
{
    Q_GADGET
    QML_FOREIGN(payments::PaymentFlow)
    QML_NAMED_ELEMENT(PaymentFlow)
    QML_UNCREATABLE("the payment flow belongs to Payments")
};

struct PaymentHistoryModelForeign
{
    Q_GADGET
    QML_FOREIGN(payments::PaymentHistoryModel)
    QML_NAMED_ELEMENT(PaymentHistoryModel)
    QML_UNCREATABLE("lists belong to Payments")
};

struct BillProviderModelForeign
{
    Q_GADGET
    QML_FOREIGN(payments::BillProviderModel)
    QML_NAMED_ELEMENT(BillProviderModel)
    QML_UNCREATABLE("lists belong to Payments")
};

struct SavedCodeModelForeign
{
    Q_GADGET
    QML_FOREIGN(payments::SavedCodeModel)
    QML_NAMED_ELEMENT(SavedCodeModel)
    QML_UNCREATABLE("lists belong to Payments")
};

struct BillModelForeign
{
    Q_GADGET
    QML_FOREIGN(payments::BillModel)
    QML_NAMED_ELEMENT(BillModel)
    QML_UNCREATABLE("lists belong to Payments")
};

} // namespace hues
