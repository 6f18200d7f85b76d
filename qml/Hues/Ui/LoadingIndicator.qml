import QtQuick
import QtQuick.Layouts
import Hues.Ui

// A quiet spinning arc with an optional label, for work that takes a moment.
Item {
    id: root

    property bool running: true
    property string text
    property int size: Theme.touchTarget

    visible: running
    implicitWidth: Math.max(size, label.implicitWidth)
    implicitHeight: column.implicitHeight
    Accessible.role: Accessible.Animation
    Accessible.name: root.text !== "" ? root.text : qsTr("Loading")

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        spacing: Theme.spacingS

        Canvas {
            id: arc
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: root.size
            implicitHeight: root.size
            onPaint: {
                const ctx = getContext("2d")
                const line = Math.max(3, root.size / 12)
                const r = (Math.min(width, height) - line) / 2
                ctx.reset()
                ctx.lineWidth = line
                ctx.lineCap = "round"
                ctx.strokeStyle = Theme.primaryContainer
                ctx.beginPath()
                ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
                ctx.stroke()
                ctx.strokeStyle = Theme.primary
                ctx.beginPath()
                ctx.arc(width / 2, height / 2, r, -Math.PI / 2, Math.PI / 2.5)
                ctx.stroke()
            }

            RotationAnimator on rotation {
                from: 0
                to: 360
                duration: 900
                loops: Animation.Infinite
                running: root.running && root.visible
            }
        }
        Text {
            id: label
            Layout.alignment: Qt.AlignHCenter
            visible: text !== ""
            text: root.text
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
        }
    }
}
