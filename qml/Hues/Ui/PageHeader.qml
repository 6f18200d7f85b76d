import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui

// The bar at the top of a page: a back button and the page title, over imperial purple.
Rectangle {
    id: root

    property string title
    property string subtitle
    property bool showBack: true

    signal backClicked()

    implicitHeight: Math.max(Theme.touchTarget + 2 * Theme.spacingS,
                             titles.implicitHeight + 2 * Theme.spacingM) + goldLine.height
    color: Theme.primary

    RowLayout {
        anchors.fill: parent
        anchors.bottomMargin: goldLine.height
        anchors.leftMargin: root.showBack ? Theme.spacingXs : Theme.spacingL
        anchors.rightMargin: Theme.spacingL
        spacing: Theme.spacingS

        ToolButton {
            id: backButton
            objectName: "backButton"
            visible: root.showBack
            implicitWidth: Theme.touchTarget
            implicitHeight: Theme.touchTarget
            text: qsTr("Back")
            display: AbstractButton.IconOnly
            Accessible.name: qsTr("Back")
            onClicked: root.backClicked()

            contentItem: Text {
                text: "\u2190"
                font.pixelSize: Theme.fontHeadline
                color: Theme.textOnPrimary
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: width / 2
                color: backButton.down ? Theme.primaryPressed
                     : backButton.hovered ? Qt.lighter(Theme.primary, 1.2) : "transparent"
                border.width: backButton.visualFocus ? 3 : 0
                border.color: Theme.focus
            }
        }

        ColumnLayout {
            id: titles
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: 0

            Text {
                objectName: "pageTitle"
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.textOnPrimary
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Text {
                Layout.fillWidth: true
                visible: text !== ""
                text: root.subtitle
                font.pixelSize: Theme.fontCaption
                color: "#E6DDF3"
                elide: Text.ElideRight
            }
        }
    }

    Rectangle {
        id: goldLine
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: 3
        color: Theme.accent
    }
}
