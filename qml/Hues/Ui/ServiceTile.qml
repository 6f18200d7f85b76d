pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui

// One public service on the home grid: glyph, title and subtitle; the whole tile is clickable.
AbstractButton {
    id: root

    property string glyph
    property string title
    property string subtitle
    // Lays the glyph beside the texts instead of above them (for a wide, featured tile).
    property bool horizontal: false
    property color tint: Theme.primary
    property color tintContainer: Theme.primaryContainer

    text: root.title
    Accessible.name: root.title
    Accessible.description: root.subtitle
    padding: Theme.spacingL
    implicitWidth: Math.max(Theme.touchTarget * 3, implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    hoverEnabled: true

    background: Rectangle {
        radius: Theme.radiusL
        color: root.down ? Theme.surfacePressed : Theme.surface
        border.width: root.visualFocus ? 3 : 1
        border.color: root.visualFocus ? Theme.focus : root.hovered ? Theme.outlineStrong : Theme.outline

        // A thin gold line, after the gilded edges of the Citadel's gates.
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.leftMargin: Theme.radiusL
            anchors.rightMargin: Theme.radiusL
            height: 3
            radius: 1.5
            color: Theme.accent
            opacity: root.hovered || root.down ? 1 : 0.55
        }
    }

    contentItem: GridLayout {
        columns: root.horizontal ? 2 : 1
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingM

        Rectangle {
            Layout.rowSpan: root.horizontal ? 2 : 1
            Layout.alignment: root.horizontal ? Qt.AlignVCenter : Qt.AlignLeft | Qt.AlignTop
            implicitWidth: Math.round(Theme.touchTarget * 1.1)
            implicitHeight: implicitWidth
            radius: Theme.radiusM
            color: root.tintContainer

            Icon {
                anchors.centerIn: parent
                glyph: root.glyph
                color: root.tint
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: Theme.spacingXs

            Text {
                objectName: "tileTitle"
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "tileSubtitle"
                Layout.fillWidth: true
                visible: text !== ""
                text: root.subtitle
                font.pixelSize: Theme.fontCaption + 1
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
                maximumLineCount: 3
                elide: Text.ElideRight
            }
        }
    }
}
