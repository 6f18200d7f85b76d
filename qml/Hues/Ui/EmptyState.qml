import QtQuick
import QtQuick.Layouts
import Hues.Ui

// What a screen shows when it has nothing to list: a glyph, a title, a body and an optional action.
Item {
    id: root

    property string glyph: "\u2139"
    property string title
    property string body
    property string actionText

    signal actionClicked()

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight + 2 * Theme.spacingXl

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXl, 560 * Theme.scale)
        spacing: Theme.spacingM

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Theme.touchTarget * 1.75
            implicitHeight: implicitWidth
            radius: width / 2
            color: Theme.primaryContainer

            Icon {
                anchors.centerIn: parent
                glyph: root.glyph
                size: Theme.fontDisplay
            }
        }
        Text {
            objectName: "emptyTitle"
            Layout.fillWidth: true
            text: root.title
            visible: text !== ""
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
        }
        Text {
            objectName: "emptyBody"
            Layout.fillWidth: true
            text: root.body
            visible: text !== ""
            font.pixelSize: Theme.fontBody
            lineHeight: 1.15
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        PrimaryButton {
            objectName: "emptyAction"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingS
            visible: root.actionText !== ""
            text: root.actionText
            onClicked: root.actionClicked()
        }
    }
}
