import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui

// A modal question before something that cannot be undone: a title, a body, Cancel and the
// action. accepted() when the user confirms. The buttons are named by acceptObjectName and
// rejectObjectName (for tests).
Dialog {
    id: root

    property string heading
    property string body
    property string acceptText: qsTr("OK")
    property string rejectText: qsTr("Cancel")
    property string acceptObjectName: "dialogAccept"
    property string rejectObjectName: "dialogReject"

    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingL : 480, 480 * Theme.scale)
    modal: true
    padding: Theme.spacingXl

    T.Overlay.modal: Rectangle { color: Qt.rgba(0.1, 0.06, 0.16, 0.45) }

    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surface
        border.width: 1
        border.color: Theme.outline
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacingM
        Text {
            objectName: "dialogHeading"
            Layout.fillWidth: true
            text: root.heading
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.Heading
        }
        Text {
            objectName: "dialogBody"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.body
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        Flow {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacingM
            spacing: Theme.spacingS
            layoutDirection: Qt.RightToLeft

            PrimaryButton {
                objectName: root.acceptObjectName
                text: root.acceptText
                onClicked: root.accept()
            }
            SecondaryButton {
                objectName: root.rejectObjectName
                text: root.rejectText
                onClicked: root.reject()
            }
        }
    }
}
