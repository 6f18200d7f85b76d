#pragma once

#include <QString>

namespace hues::server {

class Database;
class Router;
namespace auth {
class AuthService;
} // namespace auth
namespace open311 {
class ReportService;
} // namespace open311
namespace push {
class PushHub;
} // namespace push
namespace alerting {
class AlertService;
} // namespace alerting
namespace payments {
class PaymentService;
} // namespace payments

// What route handlers may use. Grows with the features (sessions, alert hub, ...).
struct ServerContext
{
    Database &db;
    // The OpenID Provider: sign-on routes, and requireBearer() for every protected route.
    auth::AuthService *auth = nullptr;
    // Field reports (Open311 and /api/v1/reports).
    open311::ReportService *reports = nullptr;
    QString open311ApiKey; // "" accepts POST requests without api_key (--open311-api-key)
    qint64 maxUploadBytes = 12 * 1024 * 1024; // --max-upload: the largest report upload
    // The push stream: publish() events inside a transaction; socket tokens.
    push::PushHub *push = nullptr;
    // CAP alerts and citizen alert submissions.
    alerting::AlertService *alerts = nullptr;
    // The sandbox payment gateway (wallets, QR payments, bills, merchants, bank callbacks).
    payments::PaymentService *payments = nullptr;
};

// One function per feature, each in its own file under routes/.
void registerHealthRoutes(Router &router, ServerContext &context);
void registerDirectoryRoutes(Router &router, ServerContext &context);
void registerOidcRoutes(Router &router, ServerContext &context);
void registerDeviceRoutes(Router &router, ServerContext &context);
void registerAccountRoutes(Router &router, ServerContext &context);
void registerOpen311Routes(Router &router, ServerContext &context);
void registerReportRoutes(Router &router, ServerContext &context);
void registerPushRoutes(Router &router, ServerContext &context);
void registerAlertRoutes(Router &router, ServerContext &context);
void registerPaymentRoutes(Router &router, ServerContext &context);

// Registers every feature's routes.
void registerAllRoutes(Router &router, ServerContext &context);

} // namespace hues::server
