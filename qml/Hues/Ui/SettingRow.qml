import QtQuick
import QtQuick.Layouts
import Hues.Ui

// One line of a settings list: a title, an optional description, and a control on the trailing side
// (or below, when `stacked` or the row is narrow).
Item {
    id: root

    property string title
    property string description
    property bool stacked: width < 520
    default property alias content: trailing.data

    implicitWidth: grid.implicitWidth + 2 * Theme.spacingL
    implicitHeight: Math.max(Theme.touchTarget, grid.implicitHeight) + 2 * Theme.spacingM

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingL
        anchors.rightMargin: Theme.spacingL
        anchors.topMargin: Theme.spacingM
        anchors.bottomMargin: Theme.spacingM
        columns: root.stacked ? 1 : 2
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingM

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            spacing: 2

            Text {
                objectName: "settingTitle"
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "settingDescription"
                Layout.fillWidth: true
                visible: text !== ""
                text: root.description
                font.pixelSize: Theme.fontCaption + 1
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
            }
        }
        RowLayout {
            id: trailing
            Layout.alignment: root.stacked ? Qt.AlignLeft : Qt.AlignRight | Qt.AlignVCenter
            Layout.fillWidth: root.stacked
            spacing: Theme.spacingS
        }
    }
}
