// Platforms without a secure storage backend built in: secrets stay in memory for the run.
#include "SecureStore.h"

namespace platform {

SecureStore *SecureStore::create(const QString &service, QObject *parent)
{
    Q_UNUSED(service);
    return new MemorySecureStore(parent);
}

} // namespace platform
