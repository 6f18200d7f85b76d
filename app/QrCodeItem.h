#pragma once

#include "qr/QrCode.h"

#include <QColor>
#include <QQuickItem>
#include <QtQml/qqml.h>

namespace hues {

// Draws a QR code of `text` (UTF-8) with a 4-module quiet zone, centred in the item, as one
// texture of whole device pixels per module mapped 1:1 onto the screen (nearest sampling):
// crisp at any item size, position and pixel ratio. Nothing is drawn when the item is too
// small for one pixel per module. QML uses it as QrCode (QrCode.qml adds accessibility).
class QrCodeItem : public QQuickItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(ErrorCorrection errorCorrection READ errorCorrection WRITE setErrorCorrection NOTIFY
                   errorCorrectionChanged)
    Q_PROPERTY(QColor darkColor READ darkColor WRITE setDarkColor NOTIFY darkColorChanged)
    Q_PROPERTY(QColor lightColor READ lightColor WRITE setLightColor NOTIFY lightColorChanged)
    // Whether a code is shown; false for empty text and for text a QR code cannot hold.
    Q_PROPERTY(bool valid READ isValid NOTIFY matrixChanged)
    // Why not valid, for the user; empty when valid or when there is no text.
    Q_PROPERTY(QString errorString READ errorString NOTIFY matrixChanged)
    // Modules per side of the symbol, quiet zone not included; 0 when not valid.
    Q_PROPERTY(int moduleCount READ moduleCount NOTIFY matrixChanged)

public:
    enum ErrorCorrection { Low, Medium, Quartile, High };
    Q_ENUM(ErrorCorrection)

    static constexpr int QuietZone = 4;
    // Implicit size: this many logical pixels per module.
    static constexpr int ImplicitModuleSize = 4;

    explicit QrCodeItem(QQuickItem *parent = nullptr);

    QString text() const { return m_text; }
    void setText(const QString &text);
    ErrorCorrection errorCorrection() const { return m_ecc; }
    void setErrorCorrection(ErrorCorrection ecc);
    QColor darkColor() const { return m_dark; }
    void setDarkColor(const QColor &color);
    QColor lightColor() const { return m_light; }
    void setLightColor(const QColor &color);

    bool isValid() const { return !m_matrix.isNull(); }
    QString errorString() const;
    int moduleCount() const { return m_matrix.size(); }

Q_SIGNALS:
    void textChanged();
    void errorCorrectionChanged();
    void darkColorChanged();
    void lightColorChanged();
    void matrixChanged();

protected:
    void componentComplete() override;
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void itemChange(ItemChange change, const ItemChangeData &value) override;
    QSGNode *updatePaintNode(QSGNode *oldNode, UpdatePaintNodeData *) override;

private:
    void reencode();

    // What the current texture shows; a new one is made when any of it changes.
    struct Drawn
    {
        quint64 generation = 0;
        int moduleSize = 0;
        QRgb dark = 0;
        QRgb light = 0;
        bool operator==(const Drawn &o) const
        {
            return generation == o.generation && moduleSize == o.moduleSize && dark == o.dark &&
                   light == o.light;
        }
    };

    QString m_text;
    ErrorCorrection m_ecc = Medium;
    QColor m_dark = Qt::black;
    QColor m_light = Qt::white;
    qr::QrMatrix m_matrix;
    quint64 m_generation = 1; // bumped with every new matrix
    Drawn m_drawn;            // touched by the render thread only while the GUI thread waits
};

} // namespace hues
