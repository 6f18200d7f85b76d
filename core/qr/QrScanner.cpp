#include "QrScanner.h"

#include "QrCode.h"
#include "logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QMutex>
#include <QThreadPool>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>

#include <utility>

namespace qr {

// What the sink's connection (any thread), the worker's tasks and the scanner share. The scanner
// clears `owner` before it goes, under the mutex, and waits for the pool: no task reaches a
// dead scanner, and a frame arriving late finds no owner and is ignored.
struct QrScanner::Gate
{
    QMutex mutex;
    QrScanner *owner = nullptr;
    bool active = true;
    int minimumInterval = DefaultMinimumInterval;
    bool frameInFlight = false;
    QElapsedTimer sinceLastStart; // invalid until the first frame
    Stats stats;
    QThreadPool pool; // one thread: frames and pictures in turn

    void onFrame(const std::shared_ptr<Gate> &self, const QVideoFrame &frame);
};

namespace {

// Where the 8-bit luma of a YUV frame lies in plane 0: its first byte and the step between
// samples. nullopt for formats without such a plane.
struct LumaLayout
{
    int offset = 0;
    int pixelStride = 1;
};

std::optional<LumaLayout> lumaLayout(QVideoFrameFormat::PixelFormat format)
{
    // 16-bit samples are little-endian words; their high byte carries the top 8 bits (Y16,
    // and P010/P016, whose samples are aligned to the most significant bit).
    constexpr int highByte = Q_BYTE_ORDER == Q_LITTLE_ENDIAN ? 1 : 0;
    switch (format) {
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        return LumaLayout{0, 1};
    case QVideoFrameFormat::Format_YUYV:
        return LumaLayout{0, 2};
    case QVideoFrameFormat::Format_UYVY:
        return LumaLayout{1, 2};
    case QVideoFrameFormat::Format_Y16:
    case QVideoFrameFormat::Format_P010:
    case QVideoFrameFormat::Format_P016:
        return LumaLayout{highByte, 2};
    default:
        return std::nullopt;
    }
}

std::optional<QString> textOf(const std::optional<Decoded> &decoded)
{
    if (!decoded || decoded->text.isEmpty())
        return std::nullopt;
    return decoded->text;
}

std::optional<QString> decodeGrey(const QImage &image, Effort effort)
{
    if (image.isNull())
        return std::nullopt;
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    return textOf(
        decode(LumaView{grey.constBits(), grey.width(), grey.height(), int(grey.bytesPerLine()), 1},
               effort));
}

} // namespace

std::optional<QString> QrScanner::decodeFrame(const QVideoFrame &input, Effort effort)
{
    if (!input.isValid() || input.width() <= 0 || input.height() <= 0)
        return std::nullopt;
    const QVideoFrameFormat::PixelFormat format = input.pixelFormat();
    const std::optional<LumaLayout> layout = lumaLayout(format);
    const QImage::Format imageFormat = QVideoFrameFormat::imageFormatFromPixelFormat(format);
    if (!layout && imageFormat == QImage::Format_Invalid) {
        // Jpeg, 10-bit planar and the like: Qt Multimedia converts them.
        return decodeGrey(input.toImage(), effort);
    }

    QVideoFrame frame = input; // shares the buffer; mapping needs a non-const frame
    if (!frame.map(QVideoFrame::ReadOnly))
        return std::nullopt;
    const uchar *bits = frame.bits(0);
    const int width = frame.width();
    const int height = frame.height();
    const int bytesPerLine = frame.bytesPerLine(0);
    const qint64 mapped = frame.mappedBytes(0);
    std::optional<QString> text;
    if (layout) {
        const LumaView view{bits ? bits + layout->offset : nullptr, width, height, bytesPerLine,
                            layout->pixelStride};
        // The plane must hold every sample the view reaches.
        const qint64 reach = qint64(bytesPerLine) * (height - 1) + layout->offset +
                             qint64(width - 1) * layout->pixelStride + 1;
        if (bits && reach <= mapped)
            text = textOf(decode(view, effort));
    } else if (bits && qint64(bytesPerLine) * height <= mapped) {
        // RGB frames: a grey copy (the one conversion), read from the mapped pixels.
        text = decodeGrey(QImage(bits, width, height, bytesPerLine, imageFormat), effort);
    }
    frame.unmap();
    return text;
}

QrScanner::ImageResult QrScanner::decodeImageFile(const QString &path)
{
    ImageResult result;
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        result.error = tr("The file cannot be opened.");
        return result;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.canRead() ? reader.size() : QSize();
    if (!reader.canRead() || !size.isValid() || size.isEmpty()) {
        result.error = tr("This file is not a picture.");
        return result;
    }
    if (qint64(size.width()) * size.height() > MaxPickedPixels) {
        result.error = tr("The picture is too large.");
        return result;
    }

    // A large picture is read scaled down first (a phone photo of a printed code, or a
    // screenshot at a high resolution): faster, and modules stay several pixels wide.
    const int longSide = std::max(size.width(), size.height());
    const bool scaled = longSide > PickedScaleSide;
    if (scaled)
        reader.setScaledSize(size.scaled(PickedScaleSide, PickedScaleSide, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        qCInfo(lcApp) << "qr: picture unreadable:" << reader.errorString();
        result.error = tr("This file is not a picture.");
        return result;
    }
    result.text = textOf(qr::decodeImage(image));
    if (!result.text && scaled) {
        // Small modules may have been lost: the whole picture, within what the reader takes.
        QImageReader full(path);
        full.setAutoTransform(true);
        if (qint64(size.width()) * size.height() > MaxDecodePixels ||
            std::max(size.width(), size.height()) > MaxDecodeSide)
            full.setScaledSize(size.scaled(4096, 4096, Qt::KeepAspectRatio));
        result.text = textOf(qr::decodeImage(full.read()));
    }
    if (!result.text)
        result.error = tr("No QR code was found in the picture.");
    return result;
}

void QrScanner::Gate::onFrame(const std::shared_ptr<Gate> &self, const QVideoFrame &frame)
{
    QMutexLocker lock(&mutex);
    if (!owner || !active || !frame.isValid())
        return;
    ++stats.framesReceived;
    if (frameInFlight || (sinceLastStart.isValid() && sinceLastStart.elapsed() < minimumInterval)) {
        ++stats.framesDropped;
        return;
    }
    frameInFlight = true;
    sinceLastStart.start();
    const Effort effort = stats.framesDecoded % FullFrameEvery ? Effort::Glance : Effort::Fast;
    ++stats.framesDecoded;
    lock.unlock();

    pool.start([self, frame, effort] {
        QElapsedTimer timer;
        timer.start();
        const std::optional<QString> text = decodeFrame(frame, effort);
        const double ms = double(timer.nsecsElapsed()) / 1e6;

        QMutexLocker lock(&self->mutex);
        self->frameInFlight = false;
        ++self->stats.framesDone;
        self->stats.lastDecodeMs = ms;
        self->stats.totalDecodeMs += ms;
        if (text && self->owner) {
            QrScanner *owner = self->owner;
            QMetaObject::invokeMethod(
                owner, [owner, text = *text] { owner->frameDecoded(text); }, Qt::QueuedConnection);
        }
    });
}

QrScanner::QrScanner(QObject *parent) : QObject(parent), m_gate(std::make_shared<Gate>())
{
    m_gate->owner = this;
    m_gate->pool.setMaxThreadCount(1);
    m_gate->pool.setObjectName(QStringLiteral("QrScanner"));
}

QrScanner::~QrScanner()
{
    QObject::disconnect(m_frameConnection);
    {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->owner = nullptr;
    }
    // A running decode finishes (a few ms); queued ones find no owner. Their results, posted
    // before, go with this object's pending events.
    m_gate->pool.clear();
    m_gate->pool.waitForDone();
}

QVideoSink *QrScanner::videoSink() const
{
    return m_sink;
}

void QrScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    QObject::disconnect(m_frameConnection);
    m_sink = sink;
    if (sink) {
        // Direct: frames may come from a media thread; the UI thread never sees them.
        std::weak_ptr<Gate> weak = m_gate;
        m_frameConnection = connect(
            sink, &QVideoSink::videoFrameChanged, sink,
            [weak](const QVideoFrame &frame) {
                if (const std::shared_ptr<Gate> gate = weak.lock())
                    gate->onFrame(gate, frame);
            },
            Qt::DirectConnection);
    }
    emit videoSinkChanged();
}

bool QrScanner::isActive() const
{
    QMutexLocker lock(&m_gate->mutex);
    return m_gate->active;
}

void QrScanner::setActive(bool active)
{
    {
        QMutexLocker lock(&m_gate->mutex);
        if (m_gate->active == active)
            return;
        m_gate->active = active;
    }
    emit activeChanged();
}

int QrScanner::minimumInterval() const
{
    QMutexLocker lock(&m_gate->mutex);
    return m_gate->minimumInterval;
}

void QrScanner::setMinimumInterval(int ms)
{
    ms = std::max(0, ms);
    {
        QMutexLocker lock(&m_gate->mutex);
        if (m_gate->minimumInterval == ms)
            return;
        m_gate->minimumInterval = ms;
    }
    emit minimumIntervalChanged();
}

QrScanner::Stats QrScanner::stats() const
{
    QMutexLocker lock(&m_gate->mutex);
    return m_gate->stats;
}

void QrScanner::decodeImage(const QUrl &file)
{
    ++m_pendingImages;
    if (m_pendingImages == 1)
        emit busyChanged();
    if (!file.isLocalFile()) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                ImageResult result;
                result.error = tr("Only a picture saved on this device can be read.");
                imageDone(result);
            },
            Qt::QueuedConnection);
        return;
    }
    const QString path = file.toLocalFile();
    std::shared_ptr<Gate> gate = m_gate;
    gate->pool.start([gate, path] {
        const ImageResult result = decodeImageFile(path);
        QMutexLocker lock(&gate->mutex);
        if (QrScanner *owner = gate->owner) {
            QMetaObject::invokeMethod(
                owner, [owner, result] { owner->imageDone(result); }, Qt::QueuedConnection);
        }
    });
}

void QrScanner::reset()
{
    m_seen.clear();
}

void QrScanner::frameDecoded(const QString &text)
{
    if (m_seen.contains(text))
        return;
    m_seen.insert(text);
    emit decoded(text);
}

void QrScanner::imageDone(const ImageResult &result)
{
    --m_pendingImages;
    if (m_pendingImages == 0)
        emit busyChanged();
    if (result.text) {
        m_seen.insert(*result.text);
        emit decoded(*result.text);
    } else {
        emit imageFailed(result.error);
    }
}

} // namespace qr
