import QtQuick
import Hues.Ui

// The place of a report as a plain drawing, since there is no map here: the pin in the middle,
// the fix's accuracy as a circle around it, where the GPS put it when the pin was moved by hand,
// north up, and a scale bar.
Rectangle {
    id: root

    property real latitude: NaN
    property real longitude: NaN
    // Metres; <= 0 when unknown (moved by hand).
    property real accuracy: -1
    // The GPS fix the pin was moved from (NaN: none).
    property real originLatitude: NaN
    property real originLongitude: NaN

    readonly property real metresPerDegree: 111320
    // Where the GPS fix is from the pin, in metres.
    readonly property real originNorth: isNaN(originLatitude) ? 0 : (originLatitude - latitude) * metresPerDegree
    readonly property real originEast: isNaN(originLongitude) ? 0
        : (originLongitude - longitude) * metresPerDegree * Math.cos(latitude * Math.PI / 180)
    readonly property real originDistance: Math.sqrt(originNorth * originNorth + originEast * originEast)
    // Metres shown across the smaller side.
    readonly property real span: Math.max(60, 2.6 * Math.max(accuracy, 0), 2.6 * originDistance)
    readonly property real pixelsPerMetre: Math.min(width, height) / span
    readonly property int scaleMetres: {
        const steps = [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
        const wanted = span / 4
        let best = steps[0]
        for (const s of steps)
            if (s <= wanted)
                best = s
        return best
    }

    implicitHeight: 240
    radius: Theme.radiusL
    color: "#F3F6F1"
    border.width: 1
    border.color: Theme.outline
    clip: true
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("Drawing of the place: the pin in the middle, north up")

    onPixelsPerMetreChanged: canvas.requestPaint()
    onAccuracyChanged: canvas.requestPaint()
    onOriginNorthChanged: canvas.requestPaint()
    onOriginEastChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        onWidthChanged: requestPaint()
        onHeightChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            const cx = width / 2
            const cy = height / 2
            const ppm = root.pixelsPerMetre
            // A grid, one line per scale step.
            const step = root.scaleMetres * ppm
            if (step >= 8) {
                ctx.strokeStyle = "#DCE3D6"
                ctx.lineWidth = 1
                ctx.beginPath()
                for (let x = cx % step; x < width; x += step) {
                    ctx.moveTo(Math.round(x) + 0.5, 0)
                    ctx.lineTo(Math.round(x) + 0.5, height)
                }
                for (let y = cy % step; y < height; y += step) {
                    ctx.moveTo(0, Math.round(y) + 0.5)
                    ctx.lineTo(width, Math.round(y) + 0.5)
                }
                ctx.stroke()
            }
            // The accuracy of the fix.
            if (root.accuracy > 0) {
                ctx.fillStyle = Qt.rgba(0.12, 0.23, 0.54, 0.14)
                ctx.strokeStyle = Qt.rgba(0.12, 0.23, 0.54, 0.6)
                ctx.lineWidth = 2
                ctx.beginPath()
                ctx.arc(cx, cy, Math.max(4, root.accuracy * ppm), 0, 2 * Math.PI)
                ctx.fill()
                ctx.stroke()
            }
            // Where the GPS put it, when the pin was moved away from it.
            if (root.originDistance >= 1) {
                const ox = cx + root.originEast * ppm
                const oy = cy - root.originNorth * ppm
                ctx.strokeStyle = Theme.info
                ctx.lineWidth = 2
                ctx.setLineDash([5, 4])
                ctx.beginPath()
                ctx.moveTo(ox, oy)
                ctx.lineTo(cx, cy)
                ctx.stroke()
                ctx.setLineDash([])
                ctx.fillStyle = "#FFFFFF"
                ctx.beginPath()
                ctx.arc(ox, oy, 7, 0, 2 * Math.PI)
                ctx.fill()
                ctx.stroke()
                ctx.fillStyle = Theme.info
                ctx.beginPath()
                ctx.arc(ox, oy, 3, 0, 2 * Math.PI)
                ctx.fill()
            }
            // The pin: a drop whose point is the place.
            const r = 11
            ctx.fillStyle = Theme.primary
            ctx.strokeStyle = "#FFFFFF"
            ctx.lineWidth = 2
            ctx.beginPath()
            ctx.moveTo(cx, cy)
            ctx.bezierCurveTo(cx - 4, cy - 12, cx - r, cy - 16, cx - r, cy - 24)
            ctx.arc(cx, cy - 24, r, Math.PI, 0, false)
            ctx.bezierCurveTo(cx + r, cy - 16, cx + 4, cy - 12, cx, cy)
            ctx.closePath()
            ctx.fill()
            ctx.stroke()
            ctx.fillStyle = Theme.accent
            ctx.beginPath()
            ctx.arc(cx, cy - 24, 4, 0, 2 * Math.PI)
            ctx.fill()
        }
    }

    // North.
    Column {
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: Theme.spacingS
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: "▲"
            font.pixelSize: Theme.fontCaption
            color: Theme.textSecondary
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: qsTr("N", "north, on the drawing of the place")
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            color: Theme.textSecondary
        }
    }

    // Scale bar.
    Column {
        objectName: "placeScale"
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacingS
        spacing: 2
        Text {
            text: root.scaleMetres >= 1000 ? qsTr("%1 km").arg(root.scaleMetres / 1000) : qsTr("%1 m").arg(root.scaleMetres)
            font.pixelSize: Theme.fontCaption
            color: Theme.text
        }
        Rectangle {
            width: root.scaleMetres * root.pixelsPerMetre
            height: 4
            color: Theme.text
        }
    }
}
