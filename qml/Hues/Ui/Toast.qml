import QtQuick
import Hues.Ui

// A short message near the bottom of the window that goes away by itself ("Sent", "Thanks for
// your rating"). Give it the window's overlay as parent; show(text) shows it (a new text
// replaces the one shown).
Rectangle {
    id: root

    property int duration: 3500
    property string text

    function show(message: string) {
        text = message
        shown = true
        timer.restart()
    }

    property bool shown: false

    anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined
    y: parent ? parent.height - height - Theme.touchTarget * 2 : 0
    width: Math.min(label.implicitWidth + 2 * Theme.spacingL,
                    (parent ? parent.width : 400) - 2 * Theme.spacingL)
    implicitHeight: Math.max(Theme.touchTarget, label.implicitHeight + 2 * Theme.spacingM)
    radius: Theme.radiusM
    color: "#2A2233"
    z: 10000
    opacity: shown ? 1 : 0
    visible: opacity > 0
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.text

    Behavior on opacity { NumberAnimation { duration: Theme.animationNormal } }

    Timer {
        id: timer
        interval: root.duration
        onTriggered: root.shown = false
    }

    Text {
        id: label
        objectName: "toastText"
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacingL
        text: root.text
        font.pixelSize: Theme.fontBody
        color: "#FFFFFF"
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
    }

    MouseArea {
        anchors.fill: parent
        onClicked: root.shown = false
    }
}
