pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// Scan to pay: the camera's scanner (ScannerView, loaded on first use, with "pick an image"),
// and below it a field for a code pasted as text (desktops and kiosks without a camera, a
// code received in a message). A payload goes to the confirm screen.
Item {
    id: root
    objectName: "page_payScan"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay

    signal backRequested()

    function accept(payload: string) {
        // (Not trim(): qmllint 6.4 crashes on trim() of a typed parameter.)
        const code = payload.replace(/^\s+|\s+$/g, "")
        if (code === "" || !pay)
            return
        pay.startPayment(root, code)
    }

    // Back from the confirm page: the same code may be scanned again.
    StackView.onActivated: scanner.reset()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Scan to pay")
            subtitle: qsTr("Point the camera at the shop's VietQR code")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + 2 * Theme.spacingL
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth * 0.6) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                // The camera's scanner, with "Pick an image" (a screenshot of a bank QR).
                Rectangle {
                    objectName: "payScannerArea"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.min(column.width, 480 * Theme.scale)
                    radius: Theme.radiusL
                    color: Theme.surface
                    border.width: 1
                    border.color: Theme.outline
                    clip: true

                    ScannerView {
                        id: scanner
                        objectName: "payScanner"
                        anchors.fill: parent
                        anchors.margins: 1
                        // The camera runs only while this page is the one shown.
                        active: root.StackView.status === StackView.Active
                        hint: qsTr("Point the camera at the shop's VietQR code")
                        onScanned: payload => root.accept(payload)
                    }
                }

                // The fallback: the code as text.
                PayCard {
                    objectName: "payPasteCard"
                    spacing: Theme.spacingS

                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Or paste a code")
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.Heading
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("A VietQR code copied as text starts with 000201.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        wrapMode: Text.WordWrap
                    }
                    InputField {
                        id: pasteField
                        objectName: "payPasteField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Paste the code here")
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                        onAccepted: root.accept(text)
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        SecondaryButton {
                            objectName: "payPasteButton"
                            text: qsTr("Paste")
                            visible: pasteField.canPaste
                            onClicked: {
                                pasteField.selectAll()
                                pasteField.paste()
                            }
                        }
                        PrimaryButton {
                            objectName: "payPasteContinue"
                            text: qsTr("Continue")
                            enabled: pasteField.text.trim() !== ""
                            onClicked: root.accept(pasteField.text)
                        }
                    }
                }
            }
        }
    }
}
