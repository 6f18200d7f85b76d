pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Hues.Ui

// The side navigation rail of wide windows and kiosks.
// items: [{ name, glyph, label }]; each button gets objectName "nav_" + name.
Rectangle {
    id: root

    property var items: []
    property int currentIndex: -1
    // Shown above the destinations (e.g. the app's mark).
    property string title

    signal activated(int index, string name)

    implicitWidth: Math.round(112 * Theme.scale)
    color: Theme.surface
    Accessible.role: Accessible.PageTabList

    Rectangle {
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.right: parent.right
        width: 1
        color: Theme.outline
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacingL
        anchors.bottomMargin: Theme.spacingL
        anchors.leftMargin: Theme.spacingS
        anchors.rightMargin: Theme.spacingS + 1
        spacing: Theme.spacingM

        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.spacingL
            visible: root.title !== ""
            implicitWidth: Math.round(64 * Theme.scale)
            implicitHeight: implicitWidth
            radius: Theme.radiusL
            color: Theme.primary
            border.width: 2
            border.color: Theme.accent

            Text {
                anchors.centerIn: parent
                text: root.title
                font.pixelSize: Theme.fontBodyLarge
                font.weight: Font.Bold
                color: Theme.textOnPrimary
            }
        }

        Repeater {
            model: root.items

            NavButton {
                required property var modelData
                required property int index

                objectName: "nav_" + modelData.name
                Layout.fillWidth: true
                text: modelData.label
                glyph: modelData.glyph
                selected: index === root.currentIndex
                onClicked: {
                    root.currentIndex = index
                    root.activated(index, modelData.name)
                }
            }
        }

        Item { Layout.fillHeight: true }
    }
}
