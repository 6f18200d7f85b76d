pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.Services

// The citizen's account: sign in (browser, or the phone on a kiosk), who is signed in, sign out.
Item {
    id: root
    objectName: "page_account"

    readonly property string pageName: "account"
    property bool showBack: true

    signal backRequested()

    component InfoRow: ColumnLayout {
        id: infoRow
        property string label
        property string value
        property string valueObjectName
        Layout.fillWidth: true
        Layout.leftMargin: Theme.spacingL
        Layout.rightMargin: Theme.spacingL
        spacing: 2
        visible: value !== ""

        Text {
            Layout.fillWidth: true
            text: infoRow.label
            font.pixelSize: Theme.fontCaption
            color: Theme.textSecondary
        }
        Text {
            objectName: infoRow.valueObjectName
            Layout.fillWidth: true
            text: infoRow.value
            font.pixelSize: Theme.fontBodyLarge
            font.weight: Font.DemiBold
            font.letterSpacing: 0.5
            color: Theme.text
            elide: Text.ElideRight
            Accessible.name: infoRow.label + ": " + infoRow.value
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Account")
            subtitle: qsTr("One account for every service")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: Math.max(height, column.implicitHeight + 2 * Theme.spacingL)
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                // Wider for the QR code beside the user code on a kiosk.
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth
                                             * (Account.deviceSignInActive ? 0.8 : 0.6)) / 2)
                // The device sign-in sits in the middle of a kiosk's screen.
                y: Account.deviceSignInActive ? Math.max(Theme.spacingL, (flick.height - implicitHeight) / 2)
                                              : Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                StatusBanner {
                    objectName: "accountError"
                    Layout.fillWidth: true
                    visible: Account.errorMessage !== "" && Account.state === Account.SignedOut
                    kind: StatusBanner.Error
                    text: Account.errorMessage
                    actionText: qsTr("Retry")
                    actionObjectName: "accountRetry"
                    dismissible: true
                    onActionClicked: Account.kiosk ? Account.startDeviceSignIn() : Account.signIn()
                    onDismissed: Account.dismissError()
                }

                // Signed out: what an account is for, and the way in.
                EmptyState {
                    objectName: "accountSignedOut"
                    Layout.fillWidth: true
                    visible: Account.state === Account.SignedOut
                    glyph: "person"
                    title: qsTr("Sign in to Hue-S")
                    body: Account.kiosk
                          ? qsTr("One account for every public service of the city. Sign in with your phone: scan a code, approve on the phone, and this kiosk signs you in. You are signed out when you leave.")
                          : qsTr("One account for every public service of the city: report a problem, book an appointment, pay a bill and follow what you sent. You sign in on the city's sign-in page in your browser; the app never sees your password.")
                }
                PrimaryButton {
                    objectName: "accountSignInButton"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.min(column.width, 360 * Theme.scale)
                    Layout.preferredHeight: Theme.touchTarget + Theme.spacingS
                    // A kiosk has no browser for the citizen: it signs in with their phone.
                    visible: Account.state === Account.SignedOut && !Account.kiosk
                    text: qsTr("Sign in")
                    font.pixelSize: Theme.fontBodyLarge
                    onClicked: Account.signIn()
                }
                PrimaryButton {
                    objectName: "deviceSignInButton"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.min(column.width, 420 * Theme.scale)
                    Layout.preferredHeight: Theme.touchTarget + Theme.spacingS
                    visible: Account.state === Account.SignedOut && Account.kiosk
                    text: qsTr("Sign in with your phone")
                    font.pixelSize: Theme.fontBodyLarge
                    onClicked: Account.startDeviceSignIn()
                }

                // Device sign-in: the QR code and the user code, until the phone approves.
                GridLayout {
                    id: deviceView
                    objectName: "deviceSignIn"
                    Layout.fillWidth: true
                    visible: Account.deviceSignInActive
                    columns: column.width >= 900 ? 2 : 1
                    columnSpacing: Theme.spacingXxl
                    rowSpacing: Theme.spacingL

                    Rectangle {
                        Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
                        implicitWidth: Math.min(column.width, 460 * Theme.scale)
                        implicitHeight: implicitWidth
                        radius: Theme.radiusL
                        color: "white"
                        border.width: 1
                        border.color: Theme.outline

                        QrCode {
                            objectName: "deviceQr"
                            anchors.fill: parent
                            anchors.margins: Theme.spacingL
                            visible: Account.verificationUriComplete !== ""
                            text: Account.verificationUriComplete
                            Accessible.name: qsTr("QR code to sign in with your phone")
                        }
                        LoadingIndicator {
                            anchors.centerIn: parent
                            running: Account.deviceSignInActive && Account.userCode === ""
                            text: qsTr("Getting a code…")
                        }
                    }

                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignVCenter
                        spacing: Theme.spacingL

                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Sign in with your phone")
                            font.pixelSize: Theme.fontHeadline
                            font.weight: Font.DemiBold
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Accessible.role: Accessible.Heading
                        }
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("Scan the code with your phone's camera, sign in on the page it opens and approve. This screen continues by itself.")
                            font.pixelSize: Theme.fontBodyLarge
                            color: Theme.textSecondary
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: Account.verificationUri !== ""
                            text: qsTr("Or open this address on any device and enter the code:")
                            font.pixelSize: Theme.fontBodyLarge
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            objectName: "deviceVerificationUri"
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: Account.verificationUri
                            font.pixelSize: Theme.fontBodyLarge
                            font.weight: Font.DemiBold
                            color: Theme.secondary
                            wrapMode: Text.WrapAnywhere
                        }
                        Text {
                            objectName: "deviceUserCode"
                            Layout.fillWidth: true
                            text: Account.userCode
                            visible: text !== ""
                            font.pixelSize: Theme.fontDisplay * 2
                            font.weight: Font.Bold
                            font.family: "Noto Sans Mono"
                            font.letterSpacing: 4
                            color: Theme.primary
                            Accessible.name: qsTr("Code: %1").arg(Account.userCode.split("").join(" "))
                        }
                        Text {
                            objectName: "deviceExpiresIn"
                            Layout.fillWidth: true
                            visible: Account.userCode !== ""
                            text: qsTr("The code is valid for %1 more.")
                                  .arg(Math.floor(Account.expiresIn / 60) + ":" + String(Account.expiresIn % 60).padStart(2, "0"))
                            font.pixelSize: Theme.fontBody
                            color: Account.expiresIn < 60 ? Theme.warning : Theme.textSecondary
                        }
                        SecondaryButton {
                            objectName: "deviceCancel"
                            text: qsTr("Cancel")
                            onClicked: Account.cancelDeviceSignIn()
                        }
                    }
                }

                // Signing in: the browser has the user now, or a kept session is being checked.
                ColumnLayout {
                    objectName: "accountSigningIn"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingXxl
                    visible: Account.state === Account.SigningIn && !Account.deviceSignInActive
                    spacing: Theme.spacingL

                    LoadingIndicator {
                        Layout.alignment: Qt.AlignHCenter
                        running: parent.visible
                        size: Theme.touchTarget * 1.5
                        text: Account.waitingForBrowser ? qsTr("Continue in your browser…")
                                                        : qsTr("Checking your account…")
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: Account.waitingForBrowser
                        text: qsTr("Sign in on the page that opened in your browser, then come back here.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                    }
                    SecondaryButton {
                        objectName: "accountCancelButton"
                        Layout.alignment: Qt.AlignHCenter
                        visible: Account.waitingForBrowser
                        text: qsTr("Cancel")
                        onClicked: Account.cancelSignIn()
                    }
                }

                // Signed in: who, and the way out.
                Rectangle {
                    objectName: "accountCard"
                    Layout.fillWidth: true
                    visible: Account.state === Account.SignedIn
                    implicitHeight: card.implicitHeight + 2 * Theme.spacingL
                    radius: Theme.radiusL
                    color: Theme.surface
                    border.width: 1
                    border.color: Theme.outline

                    ColumnLayout {
                        id: card
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.topMargin: Theme.spacingL
                        spacing: Theme.spacingM

                        RowLayout {
                            Layout.fillWidth: true
                            Layout.leftMargin: Theme.spacingL
                            Layout.rightMargin: Theme.spacingL
                            spacing: Theme.spacingM

                            Rectangle {
                                implicitWidth: Theme.touchTarget * 1.25
                                implicitHeight: implicitWidth
                                radius: width / 2
                                color: Theme.primaryContainer
                                Icon {
                                    anchors.centerIn: parent
                                    glyph: "person"
                                    size: Theme.fontHeadline
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Text {
                                    Layout.fillWidth: true
                                    text: qsTr("Signed in as")
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textSecondary
                                }
                                Text {
                                    objectName: "accountName"
                                    Layout.fillWidth: true
                                    text: Account.displayName
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                    Accessible.role: Accessible.Heading
                                }
                            }
                        }
                        Rectangle {
                            Layout.fillWidth: true
                            implicitHeight: 1
                            color: Theme.outline
                        }
                        InfoRow {
                            label: qsTr("Citizen ID")
                            value: Account.maskedCitizenId
                            valueObjectName: "accountCitizenId"
                        }
                        InfoRow {
                            label: qsTr("Phone")
                            value: Account.maskedPhone
                            valueObjectName: "accountPhone"
                        }
                        Item { implicitHeight: Theme.spacingXs }
                    }
                }

                StatusBanner {
                    objectName: "accountNotPersistent"
                    Layout.fillWidth: true
                    visible: Account.state === Account.SignedIn && !Account.persistent && !Account.kiosk
                    kind: StatusBanner.Warning
                    text: qsTr("You will need to sign in again next time: this device has no secure storage.")
                }

                SecondaryButton {
                    objectName: "accountSignOutButton"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.min(column.width, 360 * Theme.scale)
                    visible: Account.state === Account.SignedIn
                    text: qsTr("Sign out")
                    onClicked: confirmSignOut.open()
                }
            }
        }
    }

    Dialog {
        id: confirmSignOut
        objectName: "confirmSignOut"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent ? parent.width - 2 * Theme.spacingL : 480, 480 * Theme.scale)
        modal: true
        padding: Theme.spacingXl
        onAccepted: Account.signOut()

        T.Overlay.modal: Rectangle { color: Qt.rgba(0.1, 0.06, 0.16, 0.45) }

        background: Rectangle {
            radius: Theme.radiusL
            color: Theme.surface
            border.width: 1
            border.color: Theme.outline
        }

        contentItem: ColumnLayout {
            spacing: Theme.spacingM
            Text {
                Layout.fillWidth: true
                text: qsTr("Sign out?")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Your personal data is removed from this device. Reports and payments waiting to be sent are kept.")
                font.pixelSize: Theme.fontBody
                color: Theme.textSecondary
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacingM
                spacing: Theme.spacingS
                Item { Layout.fillWidth: true }
                SecondaryButton {
                    objectName: "cancelSignOutButton"
                    text: qsTr("Cancel")
                    onClicked: confirmSignOut.reject()
                }
                PrimaryButton {
                    objectName: "confirmSignOutButton"
                    text: qsTr("Sign out")
                    onClicked: confirmSignOut.accept()
                }
            }
        }
    }
}
