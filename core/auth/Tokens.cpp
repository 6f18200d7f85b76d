#include "Tokens.h"

namespace auth {

bool TokenSet::isWellFormedToken(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    if (text.isEmpty() || text.size() > 16384)
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

std::optional<TokenSet> TokenSet::fromResponse(const QJsonObject &response, qint64 now,
                                               QString *error)
{
    auto fail = [error](const QString &text) -> std::optional<TokenSet> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    // RFC 6749 §7.1 / RFC 6750: the only token type a public client can use is Bearer.
    if (response.value(QLatin1String("token_type"))
            .toString()
            .compare(QLatin1String("Bearer"), Qt::CaseInsensitive))
        return fail(QStringLiteral("token_type is not Bearer"));
    TokenSet t;
    if (!isWellFormedToken(response.value(QLatin1String("access_token"))))
        return fail(QStringLiteral("access_token is missing or malformed"));
    t.accessToken = response.value(QLatin1String("access_token")).toString().toLatin1();
    for (const auto &[name, target] :
         {std::pair{"refresh_token", &t.refreshToken}, std::pair{"id_token", &t.idToken}}) {
        const QJsonValue value = response.value(QLatin1String(name));
        if (value.isUndefined() || value.isNull())
            continue;
        if (!isWellFormedToken(value))
            return fail(QStringLiteral("%1 is malformed").arg(QLatin1String(name)));
        *target = value.toString().toLatin1();
    }
    const QJsonValue expiresIn = response.value(QLatin1String("expires_in"));
    if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
        // A number of seconds; some providers send it as a string.
        bool ok = expiresIn.isDouble();
        double seconds = expiresIn.toDouble();
        if (expiresIn.isString())
            seconds = expiresIn.toString().toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 366.0 * 24 * 3600)
            return fail(QStringLiteral("expires_in is not a sane number of seconds"));
        t.expiresAt = now + qint64(seconds);
    }
    const QJsonValue scope = response.value(QLatin1String("scope"));
    if (scope.isString())
        t.scope = scope.toString().left(1024);
    return t;
}

} // namespace auth
