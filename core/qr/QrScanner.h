#pragma once

#include "qr/QrCode.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>
#include <QVideoSink>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QVideoFrame;
QT_END_NAMESPACE

namespace qr {

// Reads QR codes from a camera (the frames of a QVideoSink, e.g. a VideoOutput's) and from
// pictures the user picks. Decoding runs on a worker thread of its own, never on the caller's:
// at most one camera frame is decoded at a time, frames arriving meanwhile are dropped, and a
// new frame is taken at most every minimumInterval ms. The luma plane of YUV frames is read in
// place; other formats are converted to grey first. QR codes only.
//
// One component for payments, ticket gates and kiosk sign-in (QML type QrScanner).
class QrScanner : public QObject
{
    Q_OBJECT
    // The frames to read; null stops reading from the camera.
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    // False: camera frames are ignored (decodeImage still works). True by default.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    // True while a picked picture is being read (camera frames do not toggle it).
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    // Least time between the starts of two frame decodes, in ms (default 125: at most 8 per s).
    Q_PROPERTY(int minimumInterval READ minimumInterval WRITE setMinimumInterval NOTIFY
                   minimumIntervalChanged)

public:
    static constexpr int DefaultMinimumInterval = 125;
    // Picked pictures with a longer side are first read scaled down to it (and at full size
    // only when nothing is found); larger than MaxPickedPixels they are refused.
    static constexpr int PickedScaleSide = 2560;
    static constexpr qint64 MaxPickedPixels = 64LL * 1000 * 1000;

    // What the camera path did, for measurements and tests.
    struct Stats
    {
        qint64 framesReceived = 0; // while active
        qint64 framesDecoded = 0;  // handed to the decoder
        qint64 framesDone = 0;     // of those, finished (the result, if any, posted)
        qint64 framesDropped = 0;  // busy, or within minimumInterval of the last start
        double lastDecodeMs = 0;   // the last frame's decode (map + read) time
        double totalDecodeMs = 0;
    };

    explicit QrScanner(QObject *parent = nullptr);
    ~QrScanner() override;

    QVideoSink *videoSink() const;
    void setVideoSink(QVideoSink *sink);
    bool isActive() const;
    void setActive(bool active);
    bool isBusy() const { return m_pendingImages > 0; }
    int minimumInterval() const;
    void setMinimumInterval(int ms);
    Stats stats() const;

    // Reads a picture file (a local file URL): emits decoded(text) (even for a code seen before:
    // the user asked) or imageFailed(reason), later, on this object's thread.
    Q_INVOKABLE void decodeImage(const QUrl &file);
    // Forgets the codes seen, so that each is reported again.
    Q_INVOKABLE void reset();

    // Of the frames decoded, every FullFrameEvery-th is read at full resolution (Effort::Fast),
    // the others at half resolution (Effort::Glance, 1080p and up): small codes are still
    // found, within half a second.
    static constexpr int FullFrameEvery = 4;

    // The pipeline of one camera frame, synchronous, on any thread: the frame mapped read-only,
    // its luma plane read in place (YUV formats) or a grey conversion (others).
    static std::optional<QString> decodeFrame(const QVideoFrame &frame,
                                              Effort effort = Effort::Fast);
    // The pipeline of a picked picture, synchronous: the text, or a translated reason.
    struct ImageResult
    {
        std::optional<QString> text;
        QString error;
    };
    static ImageResult decodeImageFile(const QString &path);

signals:
    void videoSinkChanged();
    void activeChanged();
    void busyChanged();
    void minimumIntervalChanged();
    // Once per distinct code read from the camera until reset(); for every picked picture.
    void decoded(const QString &text);
    void imageFailed(const QString &reason);

private:
    struct Gate;
    void frameDecoded(const QString &text);
    void imageDone(const ImageResult &result);

    std::shared_ptr<Gate> m_gate; // shared with the sink's connection and the worker's tasks
    QPointer<QVideoSink> m_sink;
    QMetaObject::Connection m_frameConnection;
    QSet<QString> m_seen;
    int m_pendingImages = 0;
};

} // namespace qr
