import QtQuick
import Hues.Ui

// A symbol: a Unicode glyph (DejaVu/Noto render them; no icon font is needed), or one of the
// few shapes no font has, drawn here by name: "person".
Item {
    id: root

    property string glyph
    property int size: Theme.fontIcon
    property color color: Theme.primary

    readonly property bool drawn: glyph === "person"

    implicitWidth: drawn ? size : label.implicitWidth
    implicitHeight: drawn ? size : label.implicitHeight
    Accessible.ignored: true

    Text {
        id: label
        anchors.centerIn: parent
        visible: !root.drawn
        text: root.glyph
        font.pixelSize: root.size
        color: root.color
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }

    // A head and shoulders.
    Item {
        visible: root.glyph === "person"
        anchors.centerIn: parent
        width: root.size * 0.9
        height: root.size * 0.9

        Rectangle {
            anchors.horizontalCenter: parent.horizontalCenter
            y: 0
            width: parent.width * 0.44
            height: width
            radius: width / 2
            color: root.color
        }
        Item {
            anchors.bottom: parent.bottom
            anchors.horizontalCenter: parent.horizontalCenter
            width: parent.width * 0.86
            height: parent.height * 0.42
            clip: true

            Rectangle {
                width: parent.width
                height: parent.height * 2
                radius: parent.width / 2
                color: root.color
            }
        }
    }
}
