#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

namespace hues {

// Installs the translator for the chosen UI language ("vi" default, "en").
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    static QStringList supported() { return {QStringLiteral("vi"), QStringLiteral("en")}; }
    QString language() const { return m_language; }
    // False for an unsupported code (nothing changes).
    bool setLanguage(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    QTranslator *m_translator;
    QString m_language;
};

} // namespace hues
