import QtQuick
import QtQuick.Controls.Basic // qmllint disable unused-imports

// The baseline: a plain window with one rectangle and one line of text. Importing the
// Basic controls style loads the same Controls plugins the app loads, as a typical app does.
Window {
    width: 420
    height: 860
    visible: true
    title: "bench_startup_baseline"

    Rectangle {
        anchors.fill: parent
        anchors.margins: 16
        radius: 8
        color: "#f3efe6"

        Text {
            anchors.centerIn: parent
            text: "Hello, Huế"
            font.pixelSize: 24
        }
    }
}
