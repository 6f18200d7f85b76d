import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import QtMultimedia
import Hues.Ui

// Takes a photo with the device's camera (phones, tablets, kiosks with one): a full-screen
// viewfinder, a shutter and Cancel. photoTaken(url) with the saved file; the photo pipeline
// then rotates, scales and strips it like a picked file. Loaded only when opened, so Qt
// Multimedia is not loaded at start-up.
Popup {
    id: root

    signal photoTaken(url file)

    property string error

    parent: T.Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    padding: 0
    closePolicy: Popup.CloseOnEscape

    background: Rectangle { color: "black" }

    CaptureSession {
        id: session
        camera: Camera {
            id: camera
            active: root.visible
            onErrorOccurred: (error, errorString) => root.error = qsTr("The camera cannot be used: %1").arg(errorString)
        }
        imageCapture: ImageCapture {
            id: capture
            onImageSaved: (requestId, path) => {
                root.photoTaken(path.startsWith("/") ? "file://" + path : path)
                root.close()
            }
            onErrorOccurred: (requestId, error, message) => root.error = qsTr("The photo could not be taken: %1").arg(message)
        }
        videoOutput: viewfinder
    }

    // Children, not contentItem: they carry ids (a deferred contentItem cannot).
    Item {
        anchors.fill: parent

        VideoOutput {
            id: viewfinder
            anchors.fill: parent
            fillMode: VideoOutput.PreserveAspectCrop
        }

        StatusBanner {
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.spacingM }
            visible: root.error !== ""
            kind: StatusBanner.Error
            text: root.error
        }

        RowLayout {
            anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.spacingL }
            spacing: Theme.spacingL

            SecondaryButton {
                objectName: "cameraCancel"
                text: qsTr("Cancel")
                onClicked: root.close()
            }
            Item { Layout.fillWidth: true }
            // The shutter: a large round button.
            RoundButton {
                objectName: "cameraShutter"
                Layout.preferredWidth: Theme.touchTarget * 1.6
                Layout.preferredHeight: Theme.touchTarget * 1.6
                enabled: capture.readyForCapture
                Accessible.name: qsTr("Take the photo")
                onClicked: {
                    root.error = ""
                    capture.captureToFile("")
                }
                background: Rectangle {
                    radius: width / 2
                    color: parent.enabled ? "white" : Theme.outline
                    border.width: 4
                    border.color: Theme.primary
                }
            }
            Item { Layout.fillWidth: true }
            Item { Layout.preferredWidth: Theme.touchTarget }
        }
    }
}
