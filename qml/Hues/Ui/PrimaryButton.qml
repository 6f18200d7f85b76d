import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// The main action of a screen: filled imperial purple.
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
        color: root.enabled ? Theme.textOnPrimary : Theme.textDisabled
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: !root.enabled ? Theme.outline
             : root.down ? Theme.primaryPressed
             : root.hovered ? Qt.lighter(Theme.primary, 1.12) : Theme.primary
        border.width: root.visualFocus ? 3 : 0
        border.color: Theme.focus
    }
}
