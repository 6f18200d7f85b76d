#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace net {

// A multipart/form-data body (RFC 7578), built in memory: text fields and files, in the order
// they were added, behind a random boundary that occurs in none of the parts.
class MultipartForm
{
public:
    void addField(const QString &name, const QString &value);
    void addFile(const QString &name, const QString &fileName, const QByteArray &contentType,
                 const QByteArray &data);

    // Builds the body; contentType() then names its boundary.
    QByteArray body();
    QByteArray contentType() const;
    QByteArray boundary() const { return m_boundary; }
    bool isEmpty() const { return m_parts.isEmpty(); }

private:
    struct Part
    {
        QByteArray headers;
        QByteArray data;
    };
    QList<Part> m_parts;
    QByteArray m_boundary;
};

} // namespace net
