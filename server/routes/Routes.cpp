#include "routes/Routes.h"

namespace hues::server {

void registerAllRoutes(Router &router, ServerContext &context)
{
    registerHealthRoutes(router, context);
    registerDirectoryRoutes(router, context);
    registerOidcRoutes(router, context);
    registerDeviceRoutes(router, context);
    registerAccountRoutes(router, context);
    registerOpen311Routes(router, context);
    registerReportRoutes(router, context);
    registerPushRoutes(router, context);
    registerAlertRoutes(router, context);
    registerPaymentRoutes(router, context);
}

} // namespace hues::server
