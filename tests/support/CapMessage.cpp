#include "CapMessage.h"

#include "Tokens.h"

namespace hues::test {

QString capTime(const QDateTime &time)
{
    return time.toOffsetFromUtc(7 * 3600).toString(Qt::ISODate);
}

QByteArray Cap::xml() const
{
    QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                  "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n"
                                  "  <identifier>%1</identifier>\n  <sender>%2</sender>\n"
                                  "  <sent>%3</sent>\n  <status>Actual</status>\n"
                                  "  <msgType>%4</msgType>\n  <scope>Public</scope>\n")
                       .arg(identifier, sender, capTime(sent), msgType);
    if (!references.isEmpty())
        text += QStringLiteral("  <references>%1</references>\n").arg(references);
    text += QStringLiteral("  <info>\n    <language>vi-VN</language>\n"
                           "    <category>Met</category>\n    <event>Lũ</event>\n"
                           "    <urgency>Immediate</urgency>\n    <severity>Severe</severity>\n"
                           "    <certainty>Observed</certainty>\n");
    if (expires.isValid())
        text += QStringLiteral("    <expires>%1</expires>\n").arg(capTime(expires));
    text += QStringLiteral("    <headline>%1</headline>\n    <area>\n"
                           "      <areaDesc>Huế</areaDesc>\n      %2\n    </area>\n"
                           "  </info>\n</alert>\n")
                .arg(headline, area);
    return text.toUtf8();
}

QString Cap::reference() const
{
    return sender + QLatin1Char(',') + identifier + QLatin1Char(',') + capTime(sent);
}

HttpResult postCap(const TestServer &server, const QByteArray &xml, const QString &token,
                   const QByteArray &type, const QString &path)
{
    HeaderList headers{qMakePair(QByteArray("Content-Type"), type)};
    if (!token.isEmpty())
        headers += bearer(token);
    return httpRequest("POST", server.url(path), xml, headers);
}

} // namespace hues::test
