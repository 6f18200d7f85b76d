pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Hues.Ui
import Hues.Services

// The QR scanner, one component for payments, ticket gates and kiosk sign-in: the camera's
// viewfinder with a square aiming frame where the device has a camera, an empty state where it
// has none, and always "Pick an image" (a screenshot of a bank's QR code). Frames are read by
// QrScanner off the UI thread; each code found is given once through scanned(payload) until
// reset(). Fills the size its parent gives it.
Item {
    id: root

    // One payload read from the camera or a picked picture.
    signal scanned(string payload)

    // The camera runs while the view is shown and active.
    property bool active: visible
    // The line under the aiming frame.
    property string hint: qsTr("Point the camera at a QR code")
    // The last reason a picture or the camera failed; cleared by the next code or reset().
    property string error
    readonly property bool hasCamera: mediaDevices.videoInputs.length > 0
    readonly property bool busy: scanner.busy

    // Reports codes already given again (e.g. after the payer went back to scan once more).
    function reset() {
        scanner.reset()
        root.error = ""
    }

    MediaDevices { id: mediaDevices }

    QrScanner {
        id: scanner
        objectName: "qrScanner"
        videoSink: viewfinder.videoSink
        active: root.active && root.hasCamera
        onDecoded: text => {
            root.error = ""
            root.scanned(text)
        }
        onImageFailed: reason => root.error = reason
    }

    // The camera, only where there is one (creating it without a device is wasted work).
    Loader {
        active: root.hasCamera
        sourceComponent: Component {
            CaptureSession {
                camera: Camera {
                    active: root.active
                    onErrorOccurred: (error, errorString) => root.error = qsTr("The camera cannot be used: %1").arg(errorString)
                }
                videoOutput: viewfinder
            }
        }
    }

    Rectangle {
        anchors.fill: parent
        color: root.hasCamera ? "black" : Theme.surface
    }

    VideoOutput {
        id: viewfinder
        objectName: "scannerViewfinder"
        anchors.fill: parent
        visible: root.hasCamera
        fillMode: VideoOutput.PreserveAspectCrop
    }

    // The aiming frame: a square in the middle, the rest dimmed, corners marked.
    Item {
        id: aim
        objectName: "scannerAim"
        visible: root.hasCamera
        anchors.fill: parent

        readonly property real side: Math.min(width, height) * 0.62
        readonly property real frameX: (width - side) / 2
        readonly property real frameY: (height - side) / 2 - hintText.height / 2
        readonly property real corner: Math.max(Theme.spacingXl, side / 7)
        readonly property int stroke: Math.round(4 * Theme.scale)

        Rectangle { x: 0; y: 0; width: parent.width; height: aim.frameY; color: "#80000000" }
        Rectangle { x: 0; y: aim.frameY + aim.side; width: parent.width; height: parent.height - y; color: "#80000000" }
        Rectangle { x: 0; y: aim.frameY; width: aim.frameX; height: aim.side; color: "#80000000" }
        Rectangle { x: aim.frameX + aim.side; y: aim.frameY; width: parent.width - x; height: aim.side; color: "#80000000" }

        Repeater {
            model: 4
            Item {
                id: cornerMark
                required property int index
                readonly property bool atRight: index === 1 || index === 3
                readonly property bool atBottom: index >= 2
                x: atRight ? aim.frameX + aim.side - aim.corner : aim.frameX
                y: atBottom ? aim.frameY + aim.side - aim.corner : aim.frameY
                width: aim.corner
                height: aim.corner
                Rectangle {
                    width: parent.width
                    height: aim.stroke
                    y: cornerMark.atBottom ? parent.height - height : 0
                    color: Theme.accent
                }
                Rectangle {
                    width: aim.stroke
                    height: parent.height
                    x: cornerMark.atRight ? parent.width - width : 0
                    color: Theme.accent
                }
            }
        }

        Text {
            id: hintText
            x: Theme.spacingL
            y: aim.frameY + aim.side + Theme.spacingM
            width: parent.width - 2 * Theme.spacingL
            text: root.hint
            color: "white"
            font.pixelSize: Theme.fontBody
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
        }
    }

    EmptyState {
        objectName: "scannerNoCamera"
        visible: !root.hasCamera
        anchors { left: parent.left; right: parent.right; top: parent.top; bottom: bottomBar.top }
        glyph: "⌗"
        title: qsTr("No camera")
        body: qsTr("This device has no camera. Pick a picture of the QR code instead, such as a screenshot from a banking app.")
    }

    ColumnLayout {
        id: bottomBar
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.spacingL }
        spacing: Theme.spacingS

        StatusBanner {
            objectName: "scannerError"
            Layout.fillWidth: true
            visible: root.error !== ""
            kind: StatusBanner.Error
            text: root.error
        }
        LoadingIndicator {
            Layout.alignment: Qt.AlignHCenter
            visible: scanner.busy
            running: scanner.busy
            text: qsTr("Reading the picture…")
        }
        PrimaryButton {
            objectName: "scannerPickImage"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredHeight: Theme.touchTarget * 1.25
            Layout.minimumWidth: Math.min(bottomBar.width, 280 * Theme.scale)
            enabled: !scanner.busy
            text: qsTr("Pick an image")
            onClicked: imageDialog.open()
        }
    }

    FileDialog {
        id: imageDialog
        title: qsTr("Pick a picture of a QR code")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)")]
        onAccepted: {
            root.error = ""
            scanner.decodeImage(selectedFile)
        }
    }
}
