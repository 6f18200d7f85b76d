import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// A one-line text entry on the surface colour, outlined; `error` draws the outline red.
TextField {
    id: root

    property bool error: false

    implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textDisabled
    leftPadding: Theme.spacingM
    rightPadding: Theme.spacingM
    selectByMouse: true
    Accessible.name: root.placeholderText

    background: Rectangle {
        radius: Theme.radiusS
        color: root.enabled ? Theme.surface : Theme.background
        border.width: root.activeFocus || root.error ? 2 : 1
        border.color: root.error ? Theme.error : root.activeFocus ? Theme.primary : Theme.outlineStrong
    }
}
