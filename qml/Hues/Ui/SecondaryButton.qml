import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// A less prominent action: outlined, on the surface colour.
Button {
    id: root

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.spacingXl
    rightPadding: Theme.spacingXl
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    Accessible.name: root.text

    contentItem: Text {
        text: root.text
        font: root.font
        color: root.enabled ? Theme.primary : Theme.textDisabled
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: root.down ? Theme.primaryContainer : root.hovered ? Theme.surfacePressed : Theme.surface
        border.width: root.visualFocus ? 3 : 1.5
        border.color: root.visualFocus ? Theme.focus : root.enabled ? Theme.primary : Theme.outline
    }
}
