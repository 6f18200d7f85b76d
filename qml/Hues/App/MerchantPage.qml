pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// Merchant mode (a market trader, a taxi driver): type an amount on large keys, show a large
// VietQR for exactly that amount to the customer, and see "Đã nhận 50.000 ₫" the moment it
// is paid (the server's push event). The shop's static code, for which customers type the
// amount themselves, is one tap away.
Item {
    id: root
    objectName: "page_merchant"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay

    // The amount being typed, as digits.
    property string digits
    property bool showStatic: false
    property real now: Date.now()
    readonly property var qr: Payments.merchantQr
    readonly property var merchant: Payments.merchant
    readonly property string qrState: qr.state ?? "none"
    readonly property real amount: digits === "" ? 0 : Number(digits)

    signal backRequested()

    function press(key: string) {
        if (key === "back")
            digits = digits.slice(0, -1)
        else
            digits = PayFormat.digitsOf(digits + key)
    }

    function create() {
        if (amount > 0)
            Payments.createMerchantQr(amount, purposeField.text.trim())
    }

    function newPayment() {
        Payments.clearMerchantQr()
        digits = ""
        purposeField.text = ""
    }

    Component.onCompleted: {
        Payments.refreshMerchant()
        // A code paid or expired while the page was closed is not shown again.
        if (qrState === "paid" || qrState === "expired" || qrState === "error")
            Payments.clearMerchantQr()
    }

    Timer {
        interval: 1000
        repeat: true
        running: root.qrState === "open"
        onTriggered: root.now = Date.now()
    }

    Connections {
        target: Payments
        // Payments to the static code (or another device's code) while this page is open.
        function onPaymentReceived(paymentId: string, amount: real, text: string) {
            if (root.qrState !== "paid")
                toast.show(text)
        }
    }

    Toast {
        id: toast
        objectName: "merchantToast"
        parent: T.Overlay.overlay
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Receive a payment")
            subtitle: root.merchant.name ?? ""
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "merchantFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + 2 * Theme.spacingL
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - 560 * Theme.scale) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                StatusBanner {
                    objectName: "merchantNone"
                    Layout.fillWidth: true
                    visible: !Payments.isMerchant
                    kind: StatusBanner.Info
                    text: qsTr("This account has no shop. Receiving payments is for traders registered with the city.")
                    actionText: qsTr("Retry")
                    onActionClicked: Payments.refreshMerchant()
                }

                // 1. The amount.
                ColumnLayout {
                    objectName: "merchantEntry"
                    Layout.fillWidth: true
                    visible: !root.showStatic && (root.qrState === "none" || root.qrState === "error")
                    spacing: Theme.spacingM

                    StatusBanner {
                        objectName: "merchantError"
                        Layout.fillWidth: true
                        visible: root.qrState === "error"
                        kind: StatusBanner.Error
                        text: root.qr.error ?? ""
                        actionText: qsTr("Retry")
                        actionObjectName: "merchantRetry"
                        actionEnabled: root.amount > 0
                        onActionClicked: root.create()
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Amount to receive")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        objectName: "merchantAmount"
                        Layout.fillWidth: true
                        text: (root.digits === "" ? "0" : PayFormat.groupDigits(root.digits)) + " ₫"
                        font.pixelSize: Theme.fontDisplay + 8
                        font.weight: Font.Bold
                        color: root.digits === "" ? Theme.textDisabled : Theme.text
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.fontTitle
                        Accessible.name: qsTr("Amount %1").arg(text)
                    }
                    Keypad {
                        objectName: "merchantKeypad"
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        namePrefix: "merchantKey_"
                        leftKey: "000"
                        rightKey: "back"
                        onKeyPressed: key => root.press(key)
                    }
                    InputField {
                        id: purposeField
                        objectName: "merchantPurpose"
                        Layout.fillWidth: true
                        maximumLength: 60
                        placeholderText: qsTr("What for (optional), e.g. “2 bát bún bò”")
                    }
                    PrimaryButton {
                        objectName: "merchantCreate"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touchTarget + Theme.spacingM
                        enabled: root.amount > 0 && Payments.isMerchant
                        text: qsTr("Show QR code")
                        font.pixelSize: Theme.fontBodyLarge
                        onClicked: root.create()
                    }
                    SecondaryButton {
                        objectName: "merchantShowStatic"
                        Layout.fillWidth: true
                        visible: (root.merchant.staticQr ?? "") !== ""
                        text: qsTr("Show my shop's code without an amount")
                        onClicked: root.showStatic = true
                    }
                }

                LoadingIndicator {
                    objectName: "merchantCreating"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXxl
                    running: !root.showStatic && root.qrState === "creating"
                    text: qsTr("Creating the code…")
                }

                // 2. The code for the customer, until it is paid or expires.
                PayCard {
                    objectName: "merchantQrCard"
                    visible: !root.showStatic && (root.qrState === "open" || root.qrState === "expired")
                    spacing: Theme.spacingM

                    Text {
                        Layout.fillWidth: true
                        text: root.qrState === "expired" ? qsTr("This code has expired")
                                                         : qsTr("Ask the customer to scan this code")
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                        color: root.qrState === "expired" ? Theme.error : Theme.text
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                    }
                    QrCode {
                        objectName: "merchantQr"
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(column.width - 2 * Theme.spacingL, 420 * Theme.scale)
                        Layout.preferredHeight: Layout.preferredWidth
                        text: root.qr.payload ?? ""
                        opacity: root.qrState === "expired" ? 0.25 : 1
                        Accessible.name: qsTr("Payment code for %1").arg(root.qr.amountText ?? "")
                    }
                    Text {
                        objectName: "merchantQrAmount"
                        Layout.fillWidth: true
                        text: root.qr.amountText ?? ""
                        font.pixelSize: Theme.fontDisplay
                        font.weight: Font.Bold
                        color: Theme.text
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: root.qr.purpose ?? ""
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                    }
                    PayBankChip {
                        // Centred at its own width (a layout holding a filling child fills).
                        Layout.fillWidth: false
                        Layout.alignment: Qt.AlignHCenter
                        bankName: root.merchant.bankShortName ?? ""
                        account: root.merchant.accountMasked ?? ""
                    }
                    RowLayout {
                        Layout.alignment: Qt.AlignHCenter
                        visible: root.qrState === "open"
                        spacing: Theme.spacingS
                        LoadingIndicator {
                            size: Theme.fontTitle
                            running: parent.visible
                        }
                        Text {
                            objectName: "merchantCountdown"
                            text: qsTr("Waiting for the payment · expires in %1")
                                  .arg(PayFormat.countdown(root.qr.expiresAt, root.now))
                            font.pixelSize: Theme.fontBody
                            color: Theme.textSecondary
                        }
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        layoutDirection: Qt.RightToLeft
                        PrimaryButton {
                            objectName: "merchantRenew"
                            visible: root.qrState === "expired"
                            text: qsTr("New code, same amount")
                            onClicked: Payments.createMerchantQr(root.qr.amount ?? 0, root.qr.purpose ?? "")
                        }
                        SecondaryButton {
                            objectName: "merchantCancel"
                            text: root.qrState === "expired" ? qsTr("Change the amount") : qsTr("Cancel")
                            onClicked: root.newPayment()
                        }
                    }
                }

                // 3. Paid: big enough to read from across the stall.
                Rectangle {
                    objectName: "merchantPaid"
                    Layout.fillWidth: true
                    visible: !root.showStatic && root.qrState === "paid"
                    implicitHeight: paidColumn.implicitHeight + 2 * Theme.spacingXl
                    radius: Theme.radiusL
                    color: Theme.successContainer
                    border.width: 2
                    border.color: Theme.success
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: paidText.text

                    ColumnLayout {
                        id: paidColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingXl
                        spacing: Theme.spacingL

                        Rectangle {
                            Layout.alignment: Qt.AlignHCenter
                            implicitWidth: Theme.touchTarget * 2.2
                            implicitHeight: implicitWidth
                            radius: width / 2
                            color: Theme.success
                            Text {
                                anchors.centerIn: parent
                                text: "✓"
                                font.pixelSize: Theme.fontDisplay * 1.6
                                font.weight: Font.Bold
                                color: "#FFFFFF"
                            }
                        }
                        Text {
                            id: paidText
                            objectName: "merchantPaidText"
                            Layout.fillWidth: true
                            text: PayFormat.keepTogether(root.qr.paidText ?? "")
                            font.pixelSize: Theme.fontDisplay + 6
                            font.weight: Font.Bold
                            color: Theme.success
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: root.qr.purpose ?? ""
                            font.pixelSize: Theme.fontBodyLarge
                            color: Theme.text
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                        }
                        PrimaryButton {
                            objectName: "merchantNext"
                            Layout.alignment: Qt.AlignHCenter
                            Layout.preferredHeight: Theme.touchTarget + Theme.spacingM
                            text: qsTr("New payment")
                            font.pixelSize: Theme.fontBodyLarge
                            onClicked: root.newPayment()
                        }
                    }
                }

                // The shop's static code: the customer types the amount.
                PayCard {
                    objectName: "merchantStaticCard"
                    visible: root.showStatic
                    spacing: Theme.spacingM
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Your shop's code")
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                        color: Theme.text
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                    }
                    QrCode {
                        objectName: "merchantStaticQr"
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(column.width - 2 * Theme.spacingL, 420 * Theme.scale)
                        Layout.preferredHeight: Layout.preferredWidth
                        text: root.merchant.staticQr ?? ""
                        Accessible.name: qsTr("The shop's payment code, without an amount")
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Customers scan it and type the amount themselves. You can print it and put it on your stall; every payment shows up here.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                    }
                    PayBankChip {
                        // Centred at its own width (a layout holding a filling child fills).
                        Layout.fillWidth: false
                        Layout.alignment: Qt.AlignHCenter
                        bankName: root.merchant.bankShortName ?? ""
                        account: root.merchant.accountMasked ?? ""
                    }
                    SecondaryButton {
                        objectName: "merchantHideStatic"
                        Layout.alignment: Qt.AlignHCenter
                        text: qsTr("Back to the amount")
                        onClicked: root.showStatic = false
                    }
                }
            }
        }
    }
}
