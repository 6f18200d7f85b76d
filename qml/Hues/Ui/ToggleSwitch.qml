import QtQuick
import QtQuick.Controls.Basic
import Hues.Ui

// An on/off switch in the theme's colours, at least Theme.touchTarget tall. Its text (if any)
// sits before the track.
Switch {
    id: root

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + implicitIndicatorWidth + spacing
                            + leftPadding + rightPadding)
    padding: Theme.spacingXs
    leftPadding: text !== "" ? 0 : Theme.spacingXs
    spacing: Theme.spacingM
    font.pixelSize: Theme.fontBody
    Accessible.name: root.text

    indicator: Rectangle {
        implicitWidth: Math.round(52 * Theme.scale)
        implicitHeight: Math.round(30 * Theme.scale)
        x: root.text !== "" ? root.width - width - root.rightPadding : (root.width - width) / 2
        y: (root.height - height) / 2
        radius: height / 2
        color: !root.enabled ? Theme.outline : root.checked ? Theme.primary : Theme.surface
        border.width: root.visualFocus ? 3 : root.checked ? 0 : 2
        border.color: root.visualFocus ? Theme.focus : root.enabled ? Theme.outlineStrong : Theme.outline

        Rectangle {
            objectName: "switchKnob"
            readonly property real inset: Math.round(4 * Theme.scale)
            x: root.checked ? parent.width - width - inset : inset
            anchors.verticalCenter: parent.verticalCenter
            width: parent.height - 2 * inset
            height: width
            radius: width / 2
            color: root.checked ? Theme.textOnPrimary : root.enabled ? Theme.outlineStrong : Theme.textDisabled
            Behavior on x { NumberAnimation { duration: Theme.animationFast } }
        }
    }

    contentItem: Text {
        leftPadding: 0
        rightPadding: root.text !== "" ? root.indicator.width + root.spacing : 0
        visible: root.text !== ""
        text: root.text
        font: root.font
        color: root.enabled ? Theme.text : Theme.textDisabled
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
}
