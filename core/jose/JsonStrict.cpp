#include "JoseInternal.h"

#include <QJsonDocument>
#include <QSet>

// RFC 8259 grammar check run before QJsonDocument, which silently keeps one of two duplicate
// member names (RFC 7515 §5.2 says a JWS with duplicate header names must be rejected or use
// the last one: we reject) and is lenient about encodings.
namespace jose {
namespace {

constexpr int kMaxDepth = 64;

class Checker
{
public:
    explicit Checker(QByteArrayView text) : m_s(text) {}

    bool run(QString *error)
    {
        if (!validUtf8()) {
            detail::setError(error, QStringLiteral("JSON is not valid UTF-8"));
            return false;
        }
        skipWs();
        if (!value(0)) {
            detail::setError(error, m_error.isEmpty() ? QStringLiteral("malformed JSON") : m_error);
            return false;
        }
        skipWs();
        if (m_i != m_s.size()) {
            detail::setError(error, QStringLiteral("trailing data after JSON value"));
            return false;
        }
        return true;
    }

private:
    bool validUtf8() const
    {
        const auto *p = reinterpret_cast<const unsigned char *>(m_s.data());
        const qsizetype n = m_s.size();
        qsizetype i = 0;
        while (i < n) {
            const unsigned char c = p[i];
            if (c < 0x80) {
                ++i;
                continue;
            }
            int len = 0;
            char32_t cp = 0;
            char32_t min = 0;
            if ((c & 0xE0) == 0xC0) {
                len = 2;
                cp = c & 0x1F;
                min = 0x80;
            } else if ((c & 0xF0) == 0xE0) {
                len = 3;
                cp = c & 0x0F;
                min = 0x800;
            } else if ((c & 0xF8) == 0xF0) {
                len = 4;
                cp = c & 0x07;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + len > n)
                return false;
            for (int k = 1; k < len; ++k) {
                if ((p[i + k] & 0xC0) != 0x80)
                    return false;
                cp = (cp << 6) | (p[i + k] & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                return false;
            i += len;
        }
        return true;
    }

    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    char peek() const { return m_i < m_s.size() ? m_s[m_i] : '\0'; }
    bool atEnd() const { return m_i >= m_s.size(); }

    void skipWs()
    {
        while (!atEnd()) {
            const char c = m_s[m_i];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_i;
        }
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w) {
            if (atEnd() || m_s[m_i] != *w)
                return fail(QStringLiteral("malformed JSON literal"));
            ++m_i;
        }
        return true;
    }

    bool value(int depth)
    {
        if (depth > kMaxDepth)
            return fail(QStringLiteral("JSON nested too deeply"));
        switch (peek()) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        ++m_i; // '{'
        QSet<QString> names;
        skipWs();
        if (peek() == '}') {
            ++m_i;
            return true;
        }
        for (;;) {
            skipWs();
            if (peek() != '"')
                return fail(QStringLiteral("malformed JSON object"));
            QString name;
            if (!string(&name))
                return false;
            if (names.contains(name))
                return fail(QStringLiteral("duplicate member name in JSON object"));
            names.insert(name);
            skipWs();
            if (peek() != ':')
                return fail(QStringLiteral("malformed JSON object"));
            ++m_i;
            skipWs();
            if (!value(depth))
                return false;
            skipWs();
            const char c = peek();
            ++m_i;
            if (c == '}')
                return true;
            if (c != ',')
                return fail(QStringLiteral("malformed JSON object"));
        }
    }

    bool array(int depth)
    {
        ++m_i; // '['
        skipWs();
        if (peek() == ']') {
            ++m_i;
            return true;
        }
        for (;;) {
            skipWs();
            if (!value(depth))
                return false;
            skipWs();
            const char c = peek();
            ++m_i;
            if (c == ']')
                return true;
            if (c != ',')
                return fail(QStringLiteral("malformed JSON array"));
        }
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t *out)
    {
        if (m_i + 4 > m_s.size())
            return fail(QStringLiteral("malformed JSON string escape"));
        char16_t v = 0;
        for (int k = 0; k < 4; ++k) {
            const int h = hexValue(m_s[m_i + k]);
            if (h < 0)
                return fail(QStringLiteral("malformed JSON string escape"));
            v = char16_t((v << 4) | h);
        }
        m_i += 4;
        *out = v;
        return true;
    }

    // Validates a string; decodes it into *out when out is given (member names).
    bool string(QString *out)
    {
        ++m_i;          // '"'
        QByteArray raw; // UTF-8 of the decoded string (only when out)
        for (;;) {
            if (atEnd())
                return fail(QStringLiteral("unterminated JSON string"));
            const char c = m_s[m_i++];
            if (c == '"')
                break;
            if (static_cast<unsigned char>(c) < 0x20)
                return fail(QStringLiteral("control character in JSON string"));
            if (c != '\\') {
                if (out)
                    raw.append(c);
                continue;
            }
            if (atEnd())
                return fail(QStringLiteral("unterminated JSON string"));
            const char e = m_s[m_i++];
            char plain = 0;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                plain = e;
                break;
            case 'b':
                plain = '\b';
                break;
            case 'f':
                plain = '\f';
                break;
            case 'n':
                plain = '\n';
                break;
            case 'r':
                plain = '\r';
                break;
            case 't':
                plain = '\t';
                break;
            case 'u': {
                char16_t units[2] = {0, 0};
                if (!hex4(&units[0]))
                    return false;
                int count = 1;
                if (QChar::isHighSurrogate(units[0])) {
                    if (m_i + 2 > m_s.size() || m_s[m_i] != '\\' || m_s[m_i + 1] != 'u')
                        return fail(QStringLiteral("unpaired surrogate in JSON string"));
                    m_i += 2;
                    if (!hex4(&units[1]))
                        return false;
                    if (!QChar::isLowSurrogate(units[1]))
                        return fail(QStringLiteral("unpaired surrogate in JSON string"));
                    count = 2;
                } else if (QChar::isLowSurrogate(units[0])) {
                    return fail(QStringLiteral("unpaired surrogate in JSON string"));
                }
                if (out)
                    raw.append(QString(reinterpret_cast<const QChar *>(units), count).toUtf8());
                continue;
            }
            default:
                return fail(QStringLiteral("malformed JSON string escape"));
            }
            if (out)
                raw.append(plain);
        }
        if (out)
            *out = QString::fromUtf8(raw);
        return true;
    }

    bool digits()
    {
        const qsizetype start = m_i;
        while (!atEnd() && m_s[m_i] >= '0' && m_s[m_i] <= '9')
            ++m_i;
        return m_i > start;
    }

    bool number()
    {
        if (peek() == '-')
            ++m_i;
        if (peek() == '0') {
            ++m_i;
        } else if (peek() >= '1' && peek() <= '9') {
            digits();
        } else {
            return fail(QStringLiteral("malformed JSON value"));
        }
        if (peek() == '.') {
            ++m_i;
            if (!digits())
                return fail(QStringLiteral("malformed JSON number"));
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_i;
            if (peek() == '+' || peek() == '-')
                ++m_i;
            if (!digits())
                return fail(QStringLiteral("malformed JSON number"));
        }
        return true;
    }

    QByteArrayView m_s;
    qsizetype m_i = 0;
    QString m_error;
};

} // namespace

std::optional<QJsonObject> parseJsonObject(QByteArrayView json, QString *error)
{
    Checker checker(json);
    if (!checker.run(error))
        return std::nullopt;
    const QByteArrayView trimmed = json.trimmed();
    if (trimmed.isEmpty() || trimmed.front() != '{') {
        detail::setError(error, QStringLiteral("JSON value is not an object"));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        detail::setError(error, QStringLiteral("malformed JSON: ") + parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        detail::setError(error, QStringLiteral("JSON value is not an object"));
        return std::nullopt;
    }
    return doc.object();
}

} // namespace jose
