#include "http/Router.h"

namespace hues::server {

namespace {
QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}
} // namespace

void Router::add(Method method, const QString &pattern, Handler handler)
{
    m_routes.push_back(Route{method, splitPath(pattern), std::move(handler)});
}

bool Router::matchSegments(const QStringList &pattern, const QStringList &path,
                           QHash<QString, QString> *params)
{
    if (pattern.size() != path.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}')))
            found.insert(p.mid(1, p.size() - 2), path.at(i));
        else if (p != path.at(i))
            return false;
    }
    if (params)
        *params = std::move(found);
    return true;
}

Router::Match Router::match(Method method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    Match result;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!matchSegments(route.segments, segments, &params))
            continue;
        if (route.method == method) {
            result.kind = Match::Found;
            result.handler = &route.handler;
            result.params = std::move(params);
            result.allowed.clear();
            return result;
        }
        result.kind = Match::MethodNotAllowed;
        const QString name = methodName(route.method);
        if (!result.allowed.contains(name))
            result.allowed.append(name);
    }
    return result;
}

QString Router::methodName(Method method)
{
    switch (method) {
    case Method::Get:
        return QStringLiteral("GET");
    case Method::Put:
        return QStringLiteral("PUT");
    case Method::Delete:
        return QStringLiteral("DELETE");
    case Method::Post:
        return QStringLiteral("POST");
    case Method::Head:
        return QStringLiteral("HEAD");
    case Method::Options:
        return QStringLiteral("OPTIONS");
    case Method::Patch:
        return QStringLiteral("PATCH");
    case Method::Connect:
        return QStringLiteral("CONNECT");
    case Method::Trace:
        return QStringLiteral("TRACE");
    default:
        return QStringLiteral("UNKNOWN");
    }
}

} // namespace hues::server
