#include "QrCodeItem.h"

#include <QQuickWindow>
#include <QSGSimpleTextureNode>
#include <QSGTexture>
#include <QtQml/qqmlinfo.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace hues {

namespace {

// Largest side of the texture, in pixels (qr::toImage draws no larger).
constexpr int MaxTextureSide = 8192;

// A texture node that owns the texture it shows.
class QrNode : public QSGSimpleTextureNode
{
public:
    QrNode() { setFiltering(QSGTexture::Nearest); }
    void replaceTexture(QSGTexture *texture)
    {
        setTexture(texture);
        m_texture.reset(texture);
    }

private:
    std::unique_ptr<QSGTexture> m_texture;
};

} // namespace

QrCodeItem::QrCodeItem(QQuickItem *parent) : QQuickItem(parent)
{
    setFlag(ItemHasContents, true);
}

void QrCodeItem::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    Q_EMIT textChanged();
    reencode();
}

void QrCodeItem::setErrorCorrection(ErrorCorrection ecc)
{
    if (ecc == m_ecc)
        return;
    if (ecc < Low || ecc > High) {
        qmlWarning(this) << "QrCode: unknown errorCorrection " << int(ecc);
        return;
    }
    m_ecc = ecc;
    Q_EMIT errorCorrectionChanged();
    reencode();
}

void QrCodeItem::setDarkColor(const QColor &color)
{
    if (color == m_dark)
        return;
    m_dark = color;
    Q_EMIT darkColorChanged();
    update();
}

void QrCodeItem::setLightColor(const QColor &color)
{
    if (color == m_light)
        return;
    m_light = color;
    Q_EMIT lightColorChanged();
    update();
}

QString QrCodeItem::errorString() const
{
    // No text yet is not a failure: there is simply nothing to show.
    if (m_matrix.error() == qr::EncodeError::EmptyInput)
        return {};
    return m_matrix.errorString();
}

void QrCodeItem::componentComplete()
{
    QQuickItem::componentComplete();
    reencode();
}

void QrCodeItem::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry != oldGeometry)
        update();
}

void QrCodeItem::itemChange(ItemChange change, const ItemChangeData &value)
{
    if (change == ItemDevicePixelRatioHasChanged || change == ItemSceneChange)
        update();
    QQuickItem::itemChange(change, value);
}

void QrCodeItem::reencode()
{
    // Bindings set several properties while the component is created: encode once, at the end.
    if (!isComponentComplete())
        return;
    const qr::QrMatrix matrix =
        qr::encode(m_text.toUtf8(), static_cast<qr::ErrorCorrection>(int(m_ecc)));
    if (matrix == m_matrix)
        return;
    m_matrix = matrix;
    ++m_generation;
    const int side = isValid() ? (m_matrix.size() + 2 * QuietZone) * ImplicitModuleSize : 0;
    setImplicitSize(side, side);
    Q_EMIT matrixChanged();
    update();
}

QSGNode *QrCodeItem::updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *)
{
    auto *node = static_cast<QrNode *>(oldNode);
    const qreal dpr = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    const int total = m_matrix.size() + 2 * QuietZone;
    int moduleSize = 0;
    if (isValid()) {
        const qreal sidePx = std::min(width(), height()) * dpr;
        moduleSize = std::min(int(std::floor(sidePx + 1e-6)) / total, MaxTextureSide / total);
    }
    if (moduleSize < 1) {
        // Empty, failed, or too small for one pixel per module: a cut-off code would only
        // mislead a scanner.
        delete node;
        m_drawn = {};
        return nullptr;
    }

    if (!node) {
        node = new QrNode;
        m_drawn = {};
    }
    const Drawn wanted{m_generation, moduleSize, m_dark.rgba(), m_light.rgba()};
    if (!(wanted == m_drawn)) {
        const QImage image = qr::toImage(m_matrix, moduleSize, QuietZone, m_dark, m_light);
        node->replaceTexture(window()->createTextureFromImage(image));
        m_drawn = wanted;
    }
    // Exactly one texture pixel per device pixel, the corner on a whole device pixel of the
    // scene (as far as this item knows where it is: an ancestor moving later can leave it
    // half a pixel off, which blends at most the outer edge of the quiet zone).
    const qreal side = moduleSize * total / dpr;
    const QPointF centred((width() - side) / 2, (height() - side) / 2);
    const QPointF inScene = mapToScene(centred) * dpr;
    const QPointF snapped =
        mapFromScene(QPointF(std::round(inScene.x()), std::round(inScene.y())) / dpr);
    node->setRect(QRectF(snapped, QSizeF(side, side)));
    return node;
}

} // namespace hues
