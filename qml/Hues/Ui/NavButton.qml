import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui

// One destination in a NavBar or NavRail: a glyph over a short label, highlighted when selected.
AbstractButton {
    id: root

    property string glyph
    property bool selected: false

    checkable: false
    hoverEnabled: true
    padding: Theme.spacingXs
    leftPadding: 0
    rightPadding: 0
    implicitWidth: Math.max(Theme.touchTarget * 1.5, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, implicitContentHeight + topPadding + bottomPadding)
    Accessible.role: Accessible.PageTab
    Accessible.name: root.text
    Accessible.selected: root.selected

    background: Rectangle {
        radius: Theme.radiusM
        color: root.down ? Theme.surfacePressed : "transparent"
        border.width: root.visualFocus ? 3 : 0
        border.color: Theme.focus
    }

    contentItem: ColumnLayout {
        spacing: 2

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Math.round(56 * Theme.scale)
            implicitHeight: Math.round(30 * Theme.scale)
            radius: height / 2
            color: root.selected ? Theme.primaryContainer : root.hovered ? Theme.surfacePressed : "transparent"

            Icon {
                anchors.centerIn: parent
                glyph: root.glyph
                size: Theme.fontTitle
                color: root.selected ? Theme.primary : Theme.textSecondary
            }
        }
        Text {
            Layout.fillWidth: true
            text: root.text
            font.pixelSize: Theme.fontCaption
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontCaption - 3
            font.weight: root.selected ? Font.DemiBold : Font.Normal
            color: root.selected ? Theme.primary : Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
        }
    }
}
