#include "Multipart.h"

#include <QRandomGenerator>

namespace net {

namespace {

// A name or file name inside a quoted header parameter: the escaping of the HTML standard's
// multipart/form-data encoding (", CR and LF percent-encoded), UTF-8 otherwise (RFC 7578 5.1).
QByteArray quoted(const QString &text)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == '"')
            out += "%22";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return '"' + out + '"';
}

QByteArray randomBoundary()
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QByteArray b("hues-");
    for (int i = 0; i < 32; ++i)
        b += alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))];
    return b;
}

} // namespace

void MultipartForm::addField(const QString &name, const QString &value)
{
    m_parts.append(
        {"Content-Disposition: form-data; name=" + quoted(name) + "\r\n", value.toUtf8()});
}

void MultipartForm::addFile(const QString &name, const QString &fileName,
                            const QByteArray &contentType, const QByteArray &data)
{
    QByteArray type = contentType;
    type.replace('\r', "").replace('\n', "");
    m_parts.append({"Content-Disposition: form-data; name=" + quoted(name) +
                        "; filename=" + quoted(fileName) + "\r\nContent-Type: " + type + "\r\n",
                    data});
}

QByteArray MultipartForm::body()
{
    // A boundary found inside a part would end it early: choose another.
    auto clashes = [this](const QByteArray &boundary) {
        for (const Part &p : std::as_const(m_parts)) {
            if (p.data.contains(boundary) || p.headers.contains(boundary))
                return true;
        }
        return false;
    };
    do {
        m_boundary = randomBoundary();
    } while (clashes(m_boundary));

    qsizetype size = 0;
    for (const Part &p : std::as_const(m_parts))
        size += p.headers.size() + p.data.size() + m_boundary.size() + 8;
    QByteArray out;
    out.reserve(size + m_boundary.size() + 8);
    for (const Part &p : std::as_const(m_parts)) {
        out += "--" + m_boundary + "\r\n";
        out += p.headers;
        out += "\r\n";
        out += p.data;
        out += "\r\n";
    }
    out += "--" + m_boundary + "--\r\n";
    return out;
}

QByteArray MultipartForm::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary;
}

} // namespace net
