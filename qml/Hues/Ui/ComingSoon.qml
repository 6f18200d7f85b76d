import QtQuick
import QtQuick.Layouts
import Hues.Ui

// An honest placeholder for a service that is not built yet: what it will do, and that it is coming.
Item {
    id: root

    property string glyph: "\u2605"
    property string title
    property string description
    property string actionText

    signal actionClicked()

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight + 2 * Theme.spacingXl

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacingXl, 600 * Theme.scale)
        spacing: Theme.spacingL

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Theme.touchTarget * 2
            implicitHeight: implicitWidth
            radius: width / 2
            color: Theme.primaryContainer
            border.width: 2
            border.color: Theme.accent

            Icon {
                anchors.centerIn: parent
                glyph: root.glyph
                size: Theme.fontDisplay + 6
            }
        }
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: badge.implicitWidth + 2 * Theme.spacingM
            implicitHeight: badge.implicitHeight + Theme.spacingS
            radius: height / 2
            color: Theme.accentContainer
            border.width: 1
            border.color: Theme.accent

            Text {
                id: badge
                objectName: "comingSoonBadge"
                anchors.centerIn: parent
                text: qsTr("Coming soon")
                font.pixelSize: Theme.fontCaption
                font.weight: Font.DemiBold
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 0.8
                color: Theme.textOnAccent
            }
        }
        Text {
            objectName: "comingSoonTitle"
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: Theme.fontHeadline
            font.weight: Font.DemiBold
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
        }
        Text {
            objectName: "comingSoonDescription"
            Layout.fillWidth: true
            text: root.description
            visible: text !== ""
            font.pixelSize: Theme.fontBodyLarge
            lineHeight: 1.2
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "comingSoonNote"
            Layout.fillWidth: true
            text: qsTr("This service is still being built and is not available yet. It will appear here in a future update.")
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
        SecondaryButton {
            objectName: "comingSoonAction"
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: Theme.spacingS
            visible: root.actionText !== ""
            text: root.actionText
            onClicked: root.actionClicked()
        }
    }
}
