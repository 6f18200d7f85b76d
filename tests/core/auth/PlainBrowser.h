#pragma once

// The tests' web browser, with plain HTTP: one cookie jar, redirects followed by hand, HTML
// forms read and posted the way a person would fill them (user name, password, "approve").
// Enough for hues-server's pages and oidc-provider's development interactions.
#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace authtest {

class PlainBrowser
{
public:
    struct Page
    {
        int status = 0;
        QUrl url;
        QByteArray location;
        QByteArray body;
        QString error;
    };
    using Fields = QList<QPair<QString, QString>>;

    QString username;
    QString password;
    QString decision = QStringLiteral("approve"); // the button pressed on a confirm page
    QList<Page> history;

    PlainBrowser() { m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); }

    Page get(const QUrl &url) { return send("GET", url, {}); }
    Page post(const QUrl &url, const Fields &fields) { return send("POST", url, fields); }

    // Opens url and goes on like a person: follows redirects, signs in on a login form,
    // confirms a consent or approval form, until a page that asks nothing, or a redirect to
    // stopAt's host and port (which is then opened too: the app's loopback receiver).
    // With openStop false the redirect to stopAt is returned unfollowed (its Location read).
    Page browse(const QUrl &start, const QUrl &stopAt = {}, int maxSteps = 20, bool openStop = true)
    {
        Page page = get(start);
        for (int step = 0; step < maxSteps; ++step) {
            if (page.status >= 300 && page.status < 400 && !page.location.isEmpty()) {
                const QUrl next = page.url.resolved(QUrl::fromEncoded(page.location));
                if (stopAt.isValid() && next.host() == stopAt.host() &&
                    next.port() == stopAt.port())
                    return openStop ? get(next) : page;
                page = get(next);
                continue;
            }
            if (page.status != 200)
                return page;
            const auto form = firstForm(page);
            if (!form)
                return page;
            page = send(form->method, form->action, form->fields);
        }
        page.error = QStringLiteral("too many steps");
        return page;
    }

    struct Form
    {
        QByteArray method;
        QUrl action;
        Fields fields;
    };

    static QString unescape(QString text)
    {
        text.replace(QLatin1String("&quot;"), QLatin1String("\""));
        text.replace(QLatin1String("&#39;"), QLatin1String("'"));
        text.replace(QLatin1String("&#x27;"), QLatin1String("'"));
        text.replace(QLatin1String("&lt;"), QLatin1String("<"));
        text.replace(QLatin1String("&gt;"), QLatin1String(">"));
        text.replace(QLatin1String("&amp;"), QLatin1String("&"));
        return text;
    }

    // The first form of the page that needs nothing but a login, a password, hidden fields
    // or a button press, filled in.
    std::optional<Form> firstForm(const Page &page) const
    {
        const QString html = QString::fromUtf8(page.body);
        static const QRegularExpression formRe(QStringLiteral("<form\\b([^>]*)>(.*?)</form>"),
                                               QRegularExpression::CaseInsensitiveOption |
                                                   QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression inputRe(QStringLiteral("<(input|button)\\b([^>]*)>"),
                                                QRegularExpression::CaseInsensitiveOption);
        auto forms = formRe.globalMatch(html);
        while (forms.hasNext()) {
            const QRegularExpressionMatch f = forms.next();
            Form form;
            form.method = attribute(f.captured(1), QStringLiteral("method")).toUpper().toLatin1();
            if (form.method.isEmpty())
                form.method = "GET";
            const QString action = attribute(f.captured(1), QStringLiteral("action"));
            form.action = action.isEmpty() ? page.url : page.url.resolved(QUrl(action));
            bool hasPassword = false;
            bool asksSomething = false;
            auto inputs = inputRe.globalMatch(f.captured(2));
            while (inputs.hasNext()) {
                const QRegularExpressionMatch in = inputs.next();
                const QString tag = in.captured(2);
                const QString name = attribute(tag, QStringLiteral("name"));
                const QString type = attribute(tag, QStringLiteral("type")).toLower();
                const QString value = attribute(tag, QStringLiteral("value"));
                if (in.captured(1).compare(QLatin1String("button"), Qt::CaseInsensitive) == 0) {
                    if (!name.isEmpty() && value == decision)
                        form.fields.append({name, value});
                    continue;
                }
                if (name.isEmpty())
                    continue;
                if (type == QLatin1String("password")) {
                    form.fields.append({name, password});
                    hasPassword = true;
                } else if (type == QLatin1String("hidden")) {
                    form.fields.append({name, value});
                } else if (name == QLatin1String("username") || name == QLatin1String("login")) {
                    form.fields.append({name, username});
                } else if (type == QLatin1String("text") || type.isEmpty()) {
                    asksSomething = true; // a field we cannot fill (e.g. a user code to type)
                    form.fields.append({name, value});
                }
            }
            if (asksSomething && !hasPassword)
                continue;
            return form;
        }
        return std::nullopt;
    }

    static QString attribute(const QString &tag, const QString &name)
    {
        const QRegularExpression re(QStringLiteral("\\b%1\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')")
                                        .arg(QRegularExpression::escape(name)),
                                    QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = re.match(tag);
        if (!m.hasMatch())
            return QString();
        return unescape(m.captured(1).isNull() ? m.captured(2) : m.captured(1));
    }

private:
    Page send(const QByteArray &method, const QUrl &url, const Fields &fields)
    {
        QByteArray body;
        for (const auto &[name, value] : fields)
            body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' +
                    QUrl::toPercentEncoding(value);
        QUrl target = url;
        QNetworkRequest request;
        if (method == "GET" && !fields.isEmpty()) {
            target.setQuery(QString::fromLatin1(body));
            body.clear();
        }
        request.setUrl(target);
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArray("application/x-www-form-urlencoded"));
        std::unique_ptr<QNetworkReply> reply(
            method == "GET" ? m_nam.get(request) : m_nam.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        Page page;
        page.url = target;
        if (!reply->isFinished() && !finished.wait(20000)) {
            page.error = QStringLiteral("no answer from ") + target.toString();
            history.append(page);
            return page;
        }
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.location = reply->rawHeader("Location");
        page.body = reply->readAll();
        if (page.status == 0)
            page.error = reply->errorString();
        history.append(page);
        return page;
    }

    QNetworkAccessManager m_nam; // with its own cookie jar
};

} // namespace authtest
