#include "routes/Routes.h"

namespace hues::server {

void registerAllRoutes(Router &router, ServerContext &context)
{
    registerHealthRoutes(router, context);
    registerDirectoryRoutes(router, context);
}

} // namespace hues::server
