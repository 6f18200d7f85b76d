pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// Confirms a payment with the device PIN (4 to 6 digits, on large keys) or, where the device
// has them, biometrics. The first time, the user chooses a PIN and types it twice. After too
// many wrong tries the PIN is locked for a while, and the dialog says until when.
// confirmed() once the PIN (or the fingerprint/face) was right.
Dialog {
    id: root
    objectName: "pinDialog"

    // What is being confirmed ("Pay 50.000 ₫ to …"), shown under the title.
    property string reason
    // "enter" a known PIN, choose a "new" one, or "repeat" the new one.
    property string phase: "enter"
    property string entered
    property string firstPin
    property string message
    property real now: Date.now()
    readonly property real lockedUntil: {
        const t = Payments.pinLockedUntil
        return t instanceof Date && !isNaN(t.getTime()) ? t.getTime() : 0
    }
    readonly property bool locked: lockedUntil > now

    signal confirmed()

    function reset() {
        phase = Payments.hasPin ? "enter" : "new"
        entered = ""
        firstPin = ""
        message = ""
        now = Date.now()
    }

    function succeed() {
        entered = ""
        close()
        confirmed()
    }

    function press(key: string) {
        if (locked)
            return
        if (key === "back") {
            entered = entered.slice(0, -1)
            return
        }
        if (key === "ok") {
            if (entered.length >= 4)
                submit()
            return
        }
        if (entered.length >= 6)
            return
        message = ""
        entered += key
        // Six digits is the longest PIN: nothing more to wait for.
        if (entered.length === 6)
            submit()
    }

    function submit() {
        const pin = entered
        entered = ""
        if (phase === "new") {
            firstPin = pin
            phase = "repeat"
            message = ""
        } else if (phase === "repeat") {
            if (pin !== firstPin) {
                phase = "new"
                firstPin = ""
                message = qsTr("The two PINs were not the same. Choose a PIN again.")
            } else if (Payments.setPin(pin)) {
                succeed()
            } else {
                phase = "new"
                message = qsTr("This PIN cannot be used. Choose 4 to 6 digits.")
            }
        } else {
            now = Date.now()
            if (Payments.checkPin(pin)) {
                succeed()
            } else {
                now = Date.now()
                message = root.locked ? "" : qsTr("Wrong PIN. Try again.")
            }
        }
    }

    parent: T.Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.spacingM : 420, 440 * Theme.scale)
    modal: true
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacingL
    topPadding: Theme.spacingXl
    onAboutToShow: reset()
    onOpened: keyCatcher.forceActiveFocus()

    T.Overlay.modal: Rectangle { color: Qt.rgba(0.1, 0.06, 0.16, 0.55) }

    background: Rectangle {
        radius: Theme.radiusL
        color: Theme.surface
        border.width: 1
        border.color: Theme.outline
    }

    Timer {
        interval: 1000
        repeat: true
        running: root.visible && root.lockedUntil > 0
        onTriggered: root.now = Date.now()
    }

    Connections {
        target: Payments
        enabled: root.visible
        function onBiometricResult(ok: bool, error: string) {
            if (ok)
                root.succeed()
            else
                root.message = error
        }
    }

    // The content (a child, not contentItem: ids inside a deferred contentItem are not allowed).
    Item {
        id: keyCatcher
        anchors.fill: parent
        implicitWidth: column.implicitWidth
        implicitHeight: column.implicitHeight
        focus: true
        // A keyboard types the PIN too (desktops, kiosks with one).
        Keys.onPressed: event => {
            if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9)
                root.press(String(event.key - Qt.Key_0))
            else if (event.key === Qt.Key_Backspace)
                root.press("back")
            else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                root.press("ok")
            else
                return
            event.accepted = true
        }

        ColumnLayout {
            id: column
            anchors.fill: parent
            spacing: Theme.spacingM

            Text {
                objectName: "pinTitle"
                Layout.fillWidth: true
                text: root.phase === "new" ? qsTr("Choose a payment PIN")
                    : root.phase === "repeat" ? qsTr("Type the new PIN again")
                    : qsTr("Enter your PIN")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
            }
            Text {
                Layout.fillWidth: true
                visible: text !== ""
                text: root.phase === "enter" ? root.reason
                    : qsTr("4 to 6 digits that only you know. You will type it to confirm every payment from this phone.")
                font.pixelSize: Theme.fontBody
                color: Theme.textSecondary
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }

            // One dot per digit typed (up to six).
            Row {
                objectName: "pinDots"
                Layout.alignment: Qt.AlignHCenter
                Layout.topMargin: Theme.spacingS
                spacing: Theme.spacingM
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%n digit(s) typed", "", root.entered.length)
                Repeater {
                    model: 6
                    Rectangle {
                        required property int index
                        width: Theme.spacingL
                        height: width
                        radius: width / 2
                        color: index < root.entered.length ? Theme.primary : "transparent"
                        border.width: 2
                        border.color: index < 4 || index < root.entered.length ? Theme.primary : Theme.outline
                    }
                }
            }

            Text {
                objectName: "pinMessage"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.fontBody * 1.4
                text: root.locked
                      ? qsTr("Too many wrong PINs. Try again in %n second(s).", "",
                             Math.ceil((root.lockedUntil - root.now) / 1000))
                      : root.message
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: Theme.error
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            Keypad {
                objectName: "pinKeypad"
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
                namePrefix: "pinKey_"
                leftKey: "back"
                rightKey: "ok"
                okEnabled: root.entered.length >= 4 && !root.locked
                enabled: !root.locked
                onKeyPressed: key => root.press(key)
            }

            Flow {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingXs
                spacing: Theme.spacingS
                layoutDirection: Qt.RightToLeft

                SecondaryButton {
                    objectName: "pinBiometric"
                    visible: Payments.biometricsAvailable && root.phase === "enter"
                    enabled: !root.locked
                    text: qsTr("Use fingerprint or face")
                    onClicked: Payments.requestBiometric(root.reason)
                }
                SecondaryButton {
                    objectName: "pinCancel"
                    text: qsTr("Cancel")
                    onClicked: root.reject()
                }
            }
        }
    }
}
