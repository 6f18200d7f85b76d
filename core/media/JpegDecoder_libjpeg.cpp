#include "JpegDecoder.h"

#include <QtGlobal>

#include <algorithm>
#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE

extern "C" {
#include <jerror.h>
#include <jpeglib.h>
}

namespace media::jpeg {

namespace {

struct ErrorManager
{
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    bool damaged;
};

extern "C" void onError(j_common_ptr cinfo)
{
    std::longjmp(reinterpret_cast<ErrorManager *>(cinfo->err)->jump, 1);
}

// Warnings (level -1) about the entropy-coded data mean missing or invented pixels; the
// others (unknown JFIF revision, bytes between segments, ...) leave the image intact.
extern "C" void onMessage(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return;
    auto *err = reinterpret_cast<ErrorManager *>(cinfo->err);
    switch (err->pub.msg_code) {
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_JPEG_EOF:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
        err->damaged = true;
        break;
    default:
        break;
    }
}

// No C++ object with a destructor lives in this frame: longjmp() may leave it at any call
// into libjpeg. `image` belongs to the caller.
bool decodeInto(const QByteArray &data, const QSize &target, QImage *image, bool *unsupported,
                ErrorManager *err)
{
    jpeg_decompress_struct cinfo;
    cinfo.err = jpeg_std_error(&err->pub);
    err->pub.error_exit = onError;
    err->pub.emit_message = onMessage;
    err->damaged = false;
    if (setjmp(err->jump)) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char *>(data.constData()),
                 static_cast<unsigned long>(data.size()));
    jpeg_read_header(&cinfo, TRUE);

    const bool grey = cinfo.jpeg_color_space == JCS_GRAYSCALE && cinfo.num_components == 1;
    const bool colour =
        (cinfo.jpeg_color_space == JCS_YCbCr || cinfo.jpeg_color_space == JCS_RGB) &&
        cinfo.num_components == 3;
    if (!grey && !colour) {
        *unsupported = true;
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    // The smallest M/8 that is still at least the target (libjpeg-turbo scales by M/8).
    int m = 8;
    while (m > 1 && (qint64(cinfo.image_width) * (m - 1) + 7) / 8 >= target.width() &&
           (qint64(cinfo.image_height) * (m - 1) + 7) / 8 >= target.height())
        --m;
    cinfo.scale_num = unsigned(m);
    cinfo.scale_denom = 8;
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
    const J_COLOR_SPACE rgb32 = JCS_EXT_BGRX; // QImage::Format_RGB32 is 0xffRRGGBB per pixel
#else
    const J_COLOR_SPACE rgb32 = JCS_EXT_XRGB;
#endif
    cinfo.out_color_space = grey ? JCS_GRAYSCALE : rgb32;
    // When the image is scaled down afterwards anyway, simple chroma upsampling (merged with
    // the colour conversion) costs less and shows no difference.
    cinfo.do_fancy_upsampling = m == 8 ? TRUE : FALSE;
    jpeg_calc_output_dimensions(&cinfo);

    // The caller checked the pixel count from the header; the scaled output is smaller.
    *image = QImage(int(cinfo.output_width), int(cinfo.output_height),
                    grey ? QImage::Format_Grayscale8 : QImage::Format_RGB32);
    if (image->isNull()) {
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_start_decompress(&cinfo);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[4];
        const int count = std::min<int>(4, int(cinfo.output_height - cinfo.output_scanline));
        for (int i = 0; i < count; ++i)
            rows[i] = image->scanLine(int(cinfo.output_scanline) + i);
        if (jpeg_read_scanlines(&cinfo, rows, JDIMENSION(count)) == 0)
            break;
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

} // namespace

Decoded decodeScaled(const QByteArray &data, const QSize &target)
{
    Decoded result;
    ErrorManager err;
    bool unsupported = false;
    const bool ok = decodeInto(data, target, &result.image, &unsupported, &err);
    if (unsupported) {
        result.status = Decoded::Status::Unsupported;
        result.image = QImage();
    } else if (!ok || err.damaged || result.image.isNull()) {
        result.status = Decoded::Status::Damaged;
        result.image = QImage();
    } else {
        result.status = Decoded::Status::Ok;
    }
    return result;
}

} // namespace media::jpeg
