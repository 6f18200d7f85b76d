// Fuzz target: the photo pipeline (media::processPhoto) on arbitrary bytes, the way an upload
// reaches hues-server or a picked file reaches the app. Small limits keep each input fast.
// Checks the pipeline's promises: a result or a reason, never both; a result is a JPEG
// within the size limit with no metadata.
#include "media/PhotoPipeline.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // hues-server runs the pipeline under a QCoreApplication: so does the fuzzer.
    static QCoreApplication app(*argc, *argv);
    // Decoders log every damaged input; the fuzzer checks results, not logs.
    QLoggingCategory::setFilterRules(QStringLiteral("qt.gui.imageio*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    media::PhotoLimits limits;
    limits.maxInputBytes = 1 << 20;
    limits.maxPixels = 1'000'000;
    limits.maxLongSide = 256;
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const media::PhotoResult result = media::processPhoto(input, limits);
    if (result.ok()) {
        const bool fits = result.size.width() >= 1 && result.size.height() >= 1 &&
                          result.size.width() <= 256 && result.size.height() <= 256;
        const bool jpeg = result.jpeg.startsWith("\xFF\xD8") && result.jpeg.endsWith("\xFF\xD9");
        if (!fits || !jpeg || !result.message.isEmpty() || result.jpeg.contains("Exif"))
            std::abort();
    } else if (result.message.isEmpty() || !result.jpeg.isEmpty()) {
        std::abort();
    }
    return 0;
}
