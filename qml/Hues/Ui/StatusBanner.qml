import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui

// A message across the top of a screen (info, warning or error) with an optional action and dismiss.
Rectangle {
    id: root

    enum Kind { Info, Warning, Error }

    property int kind: StatusBanner.Info
    property string text
    property string actionText
    property bool actionEnabled: true
    property string actionObjectName: "bannerAction"
    property bool dismissible: false

    signal actionClicked()
    signal dismissed()

    readonly property color foreground: kind === StatusBanner.Error ? Theme.error
                                      : kind === StatusBanner.Warning ? Theme.warning : Theme.info
    implicitHeight: Math.max(Theme.touchTarget, layout.implicitHeight) + 2 * Theme.spacingS
    implicitWidth: layout.implicitWidth + 2 * Theme.spacingM
    radius: Theme.radiusM
    color: kind === StatusBanner.Error ? Theme.errorContainer
         : kind === StatusBanner.Warning ? Theme.warningContainer : Theme.infoContainer
    border.width: 1
    border.color: Qt.rgba(foreground.r, foreground.g, foreground.b, 0.35)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.text

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingM
        anchors.rightMargin: Theme.spacingS
        anchors.topMargin: Theme.spacingS
        anchors.bottomMargin: Theme.spacingS
        spacing: Theme.spacingM

        Icon {
            Layout.alignment: Qt.AlignVCenter
            glyph: root.kind === StatusBanner.Info ? "\u2139" : "\u26A0"
            size: Theme.fontTitle
            color: root.foreground
        }
        Text {
            objectName: "bannerText"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            text: root.text
            font.pixelSize: Theme.fontBody
            color: root.foreground
            wrapMode: Text.WordWrap
        }
        Button {
            id: action
            objectName: root.actionObjectName
            Layout.alignment: Qt.AlignVCenter
            visible: root.actionText !== ""
            enabled: root.actionEnabled
            text: root.actionText
            implicitHeight: Theme.touchTarget
            leftPadding: Theme.spacingL
            rightPadding: Theme.spacingL
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            onClicked: root.actionClicked()

            contentItem: Text {
                text: action.text
                font: action.font
                color: action.enabled ? Theme.textOnPrimary : Theme.textSecondary
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: Theme.radiusS
                color: !action.enabled ? Theme.outline
                     : action.down ? Qt.darker(root.foreground, 1.25) : root.foreground
                border.width: action.visualFocus ? 3 : 0
                border.color: Theme.focus
            }
        }
        ToolButton {
            id: dismiss
            objectName: "dismissButton"
            Layout.alignment: Qt.AlignVCenter
            visible: root.dismissible
            implicitWidth: Theme.touchTarget
            implicitHeight: Theme.touchTarget
            text: qsTr("Dismiss")
            Accessible.name: qsTr("Dismiss")
            onClicked: root.dismissed()

            contentItem: Text {
                text: "\u2715"
                font.pixelSize: Theme.fontBodyLarge
                color: root.foreground
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                radius: width / 2
                color: dismiss.down ? Qt.rgba(0, 0, 0, 0.08) : "transparent"
                border.width: dismiss.visualFocus ? 3 : 0
                border.color: Theme.focus
            }
        }
    }
}
