#include "JpegDecoder.h"

// Built without libjpeg headers: the pipeline decodes JPEG with QImageReader.
namespace media::jpeg {

Decoded decodeScaled(const QByteArray &, const QSize &)
{
    return {};
}

} // namespace media::jpeg
