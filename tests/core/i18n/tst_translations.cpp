// The C++ messages of each module in Vietnamese, through the catalogue the app ships (:/i18n,
// loaded by hues::LanguageManager as the app does). A message whose tr() context differs from
// the one lupdate filed it under stays English at run time; this catches it module by module.
#include "LanguageManager.h"
#include "alerts/Cap.h"
#include "auth/AuthError.h"
#include "media/PhotoPipeline.h"
#include "net/ApiError.h"
#include "payments/PaymentFlow.h"
#include "payments/PaymentModels.h"
#include "payments/PaymentsClient.h"
#include "presence/UserPresence.h"
#include "qr/QrCode.h"
#include "qr/QrScanner.h"
#include "reports/ReportDraft.h"
#include "vietqr/VietQr.h"

#include <QDateTime>
#include <QFile>
#include <QMultiHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QXmlStreamReader>

#include <functional>

namespace {

// Letters only Vietnamese uses among the languages the app speaks.
bool hasVietnameseLetters(const QString &text)
{
    static const QString letters =
        QStringLiteral("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ");
    const QString lower = text.toLower();
    for (QChar c : lower) {
        if (letters.contains(c))
            return true;
    }
    return false;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    hues::LanguageManager m_language;
    QMultiHash<QString, QString> m_catalogue; // hues_vi.ts: source -> finished translations

    // `produce` run in English and in Vietnamese: the two differ, the Vietnamese one has
    // Vietnamese letters and, when `source` (the English text as written in the code, no
    // arguments filled in) is given, it is a translation hues_vi.ts has for it.
    void expectVietnamese(const char *what, const std::function<QString()> &produce,
                          const char *source = nullptr)
    {
        QVERIFY(m_language.setLanguage(QStringLiteral("en")));
        const QString english = produce();
        QVERIFY(m_language.setLanguage(QStringLiteral("vi")));
        const QString vietnamese = produce();
        const QByteArray context = QByteArray(what) + ": \"" + vietnamese.toUtf8() + '"';
        QVERIFY2(!english.isEmpty(), what);
        QVERIFY2(vietnamese != english, context.constData());
        QVERIFY2(hasVietnameseLetters(vietnamese), context.constData());
        if (source) {
            const QString text = QString::fromUtf8(source);
            QCOMPARE(english, text);
            QVERIFY2(m_catalogue.values(text).contains(vietnamese), context.constData());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile ts(QStringLiteral(HUES_TS_VI));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const bool unfinished =
                    xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                // Plural forms (<numerusform>) come out joined: no test looks them up.
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (!unfinished && !text.isEmpty())
                    m_catalogue.insert(source, text);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(m_catalogue.size() > 100);
        // The catalogue the app ships is there (embedded in hues_app).
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/hues_vi.qm")));
    }

    void cleanupTestCase() { m_language.setLanguage(QStringLiteral("en")); }

    void vietqr()
    {
        expectVietnamese("vietqr::parse", [] { return vietqr::parse(u"000201").error; });
        expectVietnamese("vietqr::parse, an empty payload",
                         [] { return vietqr::parse(u"").error; });
    }

    void media()
    {
        expectVietnamese("media::processPhoto, not a picture", [] {
            return media::processPhoto(QByteArrayLiteral("this is not a picture")).message;
        });
        expectVietnamese("media::processPhotoFile, no such file", [] {
            return media::processPhotoFile(QStringLiteral("/nonexistent/hues/photo.jpg")).message;
        });
    }

    void alerts()
    {
        // Parser (another root element), Validator (an empty alert), parse() itself (size).
        expectVietnamese("alerts::parse, not an alert", [] {
            const auto result = alerts::parse(QByteArrayLiteral("<feed/>"));
            return result.errors.isEmpty() ? QString() : result.errors.first().message;
        });
        expectVietnamese("alerts::validate", [] {
            const QStringList problems = alerts::validate(alerts::Alert{});
            return problems.isEmpty() ? QString() : problems.first();
        });
        expectVietnamese("alerts::parse, too large", [] {
            alerts::ParseLimits limits;
            limits.maxBytes = 4;
            const auto result = alerts::parse(QByteArrayLiteral("<alert/>"), limits);
            return result.errors.isEmpty() ? QString() : result.errors.first().message;
        });
    }

    void payments()
    {
        expectVietnamese(
            "payments::errorMessageForCode",
            [] { return payments::errorMessageForCode(QStringLiteral("amount_required")); },
            "Enter the amount to pay.");
        expectVietnamese("payments::PaymentFlow, an invalid code", [] {
            payments::PaymentFlow flow(nullptr, nullptr);
            flow.start(QStringLiteral("not a VietQR code"));
            return flow.error();
        });
        expectVietnamese(
            "payments::PaymentHistoryModel::dayLabel",
            [] { return payments::PaymentHistoryModel::dayLabel(QDateTime::currentDateTime()); },
            "Today");
    }

    void reports()
    {
        expectVietnamese(
            "reports::ReportDraft::problems",
            [] {
                const QStringList problems = reports::ReportDraft().problems({}, nullptr, 0);
                return problems.isEmpty() ? QString() : problems.first();
            },
            "Choose a category.");
    }

    void net()
    {
        expectVietnamese(
            "net::ApiError::message",
            [] {
                net::ApiError error;
                error.kind = net::ApiError::Offline;
                return error.message();
            },
            "Cannot reach the city server. Check your internet connection and try again.");
        expectVietnamese(
            "auth::AuthError::message",
            [] { return auth::AuthError::make(auth::AuthError::TimedOut, {}).message(); },
            "Signing in took too long. Please try again.");
    }

    void qr()
    {
        expectVietnamese(
            "qr::errorString", [] { return qr::errorString(qr::EncodeError::TooLong); },
            "The text is too long for a QR code.");
        expectVietnamese(
            "qr::QrScanner::imageFailed",
            [] {
                qr::QrScanner scanner;
                QSignalSpy failed(&scanner, &qr::QrScanner::imageFailed);
                scanner.decodeImage(QUrl::fromLocalFile(QStringLiteral("/nonexistent/hues.png")));
                if (!failed.wait(10000) || failed.isEmpty())
                    return QString();
                return failed.first().first().toString();
            },
            "The file cannot be opened.");
    }

    void platform()
    {
        expectVietnamese("platform::NoBiometricsPresence", [] {
            platform::NoBiometricsPresence presence;
            QSignalSpy result(&presence, &platform::UserPresence::biometricResult);
            presence.requestBiometric(QStringLiteral("Pay"));
            if (!result.wait(10000) || result.isEmpty())
                return QString();
            return result.first().at(1).toString();
        });
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
