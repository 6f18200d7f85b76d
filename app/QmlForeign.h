#pragma once

#include "net/ServerStatus.h"

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

} // namespace hues
