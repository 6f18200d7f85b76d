#include "ServerMain.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    hues::server::prepareProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hues-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUES_VERSION));
    return hues::server::runServer(app);
}
