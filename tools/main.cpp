#include "Tool.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    // The same names as the app, so that the default data folder is the app's.
    QCoreApplication::setOrganizationName(QStringLiteral("Hue-S"));
    QCoreApplication::setApplicationName(QStringLiteral("hues"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUES_VERSION));
    QCoreApplication app(argc, argv);
    return tool::run(QCoreApplication::arguments());
}
