#pragma once

#include "http/HttpTypes.h"

#include <QHttpServerRequest>
#include <QStringList>

#include <functional>
#include <vector>

namespace hues::server {

using Handler = std::function<Response(const Request &)>;

// Maps (method, path pattern) to handlers. Patterns are literal segments and {name}
// parameters ("/api/v1/sites/{id}"). Each feature registers its routes in its own file.
class Router
{
public:
    using Method = QHttpServerRequest::Method;

    void add(Method method, const QString &pattern, Handler handler);
    void get(const QString &pattern, Handler handler)
    {
        add(Method::Get, pattern, std::move(handler));
    }
    void post(const QString &pattern, Handler handler)
    {
        add(Method::Post, pattern, std::move(handler));
    }

    struct Match
    {
        enum Kind { Found, NotFound, MethodNotAllowed } kind = NotFound;
        const Handler *handler = nullptr;
        QHash<QString, QString> params;
        QStringList allowed; // for MethodNotAllowed: the methods the path accepts
    };
    Match match(Method method, const QString &path) const;

    static QString methodName(Method method);

private:
    struct Route
    {
        Method method;
        QStringList segments;
        Handler handler;
    };
    static bool matchSegments(const QStringList &pattern, const QStringList &path,
                              QHash<QString, QString> *params);

    std::vector<Route> m_routes;
};

} // namespace hues::server
