#include "LanguageManager.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace hues {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent), m_translator(new QTranslator(this))
{
}

LanguageManager::~LanguageManager() = default;

bool LanguageManager::setLanguage(const QString &code)
{
    if (!supported().contains(code))
        return false;
    if (code == m_language)
        return true;
    QCoreApplication::removeTranslator(m_translator);
    // Source strings are English; Vietnamese comes from the compiled catalogue.
    if (!m_translator->load(QStringLiteral(":/i18n/hues_%1.qm").arg(code)))
        qCWarning(lcApp) << "no translation catalogue for" << code;
    else
        QCoreApplication::installTranslator(m_translator);
    QLocale::setDefault(
        QLocale(code == QLatin1String("vi") ? QLocale::Vietnamese : QLocale::English,
                code == QLatin1String("vi") ? QLocale::Vietnam : QLocale::UnitedKingdom));
    m_language = code;
    Q_EMIT languageChanged(code);
    return true;
}

} // namespace hues
