#include "logging.h"

#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcApp, "hues.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "hues.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "hues.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "hues.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "hues.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTool, "hues.tool", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecure, "hues.secure", QtCriticalMsg)

namespace hues {

QString redactUrl(const QUrl &url)
{
    static const QStringList secretKeys = {
        QStringLiteral("access_token"),  QStringLiteral("refresh_token"),
        QStringLiteral("id_token"),      QStringLiteral("code"),
        QStringLiteral("password"),      QStringLiteral("client_secret"),
        QStringLiteral("token"),         QStringLiteral("api_key"),
        QStringLiteral("code_verifier"), QStringLiteral("id_token_hint"),
        QStringLiteral("device_code"),   QStringLiteral("logout_hint"),
        QStringLiteral("user_code")};
    QUrl copy = url;
    copy.setUserInfo(QString());
    QUrlQuery query(copy);
    const auto items = query.queryItems(QUrl::FullyEncoded);
    QUrlQuery redacted;
    for (const auto &[key, value] : items)
        redacted.addQueryItem(key,
                              secretKeys.contains(key.toLower()) ? QStringLiteral("***") : value);
    copy.setQuery(redacted);
    return copy.toString(QUrl::FullyEncoded);
}

} // namespace hues
