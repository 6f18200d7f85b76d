#include "Application.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    QGuiApplication::setOrganizationName(QStringLiteral("Hue-S"));
    QGuiApplication::setApplicationName(QStringLiteral("hues"));
    QGuiApplication::setApplicationVersion(QStringLiteral(HUES_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    hues::AppOptions options;
    int exitCode = 0;
    if (!hues::Application::parseArguments(arguments, &options, &exitCode))
        return exitCode;

    QGuiApplication app(argc, argv);
    hues::Application application(options);
    if (!application.start())
        return application.exitCode();
    return QGuiApplication::exec();
}
