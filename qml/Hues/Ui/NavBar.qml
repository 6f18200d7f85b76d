pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Hues.Ui

// The bottom navigation bar of phone-sized windows.
// items: [{ name, glyph, label }]; each button gets objectName "nav_" + name.
Rectangle {
    id: root

    property var items: []
    property int currentIndex: -1

    signal activated(int index, string name)

    implicitHeight: Theme.touchTarget + Theme.spacingM + 2 * Theme.spacingXs + 1
    color: Theme.surface
    Accessible.role: Accessible.PageTabList

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 1
        color: Theme.outline
    }

    RowLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacingXs + 1
        anchors.bottomMargin: Theme.spacingXs
        anchors.leftMargin: Theme.spacingXs
        anchors.rightMargin: Theme.spacingXs
        spacing: 0

        Repeater {
            model: root.items

            NavButton {
                required property var modelData
                required property int index

                objectName: "nav_" + modelData.name
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                text: modelData.label
                glyph: modelData.glyph
                selected: index === root.currentIndex
                onClicked: {
                    root.currentIndex = index
                    root.activated(index, modelData.name)
                }
            }
        }
    }
}
