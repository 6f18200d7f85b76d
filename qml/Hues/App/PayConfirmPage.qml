pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// The payment in progress (Payments.flow): the code is checked, then the user sees whom they
// pay (merchant, bank, masked account), how much (typed for a static code), for what, and
// until when a dynamic code is valid; Pay asks for the PIN, then the payment goes and its
// receipt replaces this page. A refusal says why, with Retry (the same attempt, never paid
// twice) where trying again can help.
Item {
    id: root
    objectName: "page_payConfirm"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay

    readonly property PaymentFlow flow: Payments.flow
    readonly property int flowState: flow ? flow.state : PaymentFlow.Idle
    // The code was understood (there is someone to pay): a later failure keeps the details.
    readonly property bool known: flow !== null && flow.merchantName !== ""
    readonly property bool isBills: flow !== null && flow.billIds.length > 0
    readonly property bool canPay: flowState === PaymentFlow.Confirm && flow.amount > 0
    property real now: Date.now()
    readonly property bool expired: flow !== null && flow.dynamic && flow.expiresAt instanceof Date
                                    && !isNaN(flow.expiresAt.getTime()) && flow.expiresAt.getTime() <= now

    signal backRequested()

    function leave() {
        if (flowState === PaymentFlow.Paying)
            return
        if (flowState !== PaymentFlow.Done && flow)
            flow.cancel()
        backRequested()
    }

    function askPin() {
        if (!canPay)
            return
        pin.reason = qsTr("Pay %1 to %2").arg(flow.amountText).arg(flow.merchantName)
        pin.open()
    }

    // The fields start from what the code says, once it has been checked.
    function fillFields() {
        if (fieldsFilled || flowState !== PaymentFlow.Confirm)
            return
        fieldsFilled = true
        if (flow.amountEditable)
            amountField.setValue(flow.amount)
        if (flow.purposeEditable)
            purposeField.text = flow.purpose
    }
    property bool fieldsFilled: false

    onFlowStateChanged: {
        fillFields()
        if (flowState === PaymentFlow.Done && pay)
            pay.showPaid(flow.receiptId)
    }
    Component.onCompleted: fillFields()

    Timer {
        interval: 1000
        repeat: true
        running: root.flow !== null && root.flow.dynamic && root.flowState === PaymentFlow.Confirm
        onTriggered: root.now = Date.now()
    }

    PinDialog {
        id: pin
        onConfirmed: root.flow.pay()
    }

    // A label and its value.
    component Detail: ColumnLayout {
        id: detail
        property string label
        property string value
        default property alias extra: extraColumn.data
        Layout.fillWidth: true
        spacing: 2
        Text {
            Layout.fillWidth: true
            text: detail.label
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.6
            color: Theme.primary
        }
        Text {
            Layout.fillWidth: true
            visible: text !== ""
            text: detail.value
            font.pixelSize: Theme.fontBodyLarge
            color: Theme.text
            wrapMode: Text.Wrap
        }
        ColumnLayout {
            id: extraColumn
            Layout.fillWidth: true
            spacing: Theme.spacingXs
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: root.isBills ? qsTr("Pay bills") : qsTr("Confirm payment")
            subtitle: root.known ? root.flow.merchantName : ""
            showBack: root.showBack && root.flowState !== PaymentFlow.Paying
            onBackClicked: root.leave()
        }

        Flickable {
            id: flick
            objectName: "payConfirmFlick"
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

                LoadingIndicator {
                    objectName: "payChecking"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXxl
                    running: root.flowState === PaymentFlow.Checking
                    text: qsTr("Checking the code…")
                }

                // The code could not be used at all (not a VietQR, unknown account, no network).
                EmptyState {
                    objectName: "payCodeFailed"
                    Layout.fillWidth: true
                    visible: root.flowState === PaymentFlow.Failed && !root.known
                    glyph: "⚠"
                    title: qsTr("This code cannot be paid")
                    body: root.flow ? root.flow.error : ""
                }

                // Whom, how much, for what.
                PayCard {
                    objectName: "payConfirmCard"
                    visible: root.known && root.flowState !== PaymentFlow.Checking
                    spacing: Theme.spacingL

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingM
                        Rectangle {
                            Layout.alignment: Qt.AlignTop
                            implicitWidth: Math.round(Theme.touchTarget * 1.1)
                            implicitHeight: implicitWidth
                            radius: Theme.radiusM
                            color: Theme.primaryContainer
                            Icon {
                                anchors.centerIn: parent
                                glyph: PayFormat.categoryGlyph(root.flow ? root.flow.category : "")
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Text {
                                objectName: "payMerchantName"
                                Layout.fillWidth: true
                                text: root.flow ? root.flow.merchantName : ""
                                font.pixelSize: Theme.fontTitle
                                font.weight: Font.DemiBold
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: root.flow && root.flow.category !== ""
                                      ? PayFormat.categoryName(root.flow.category, Settings.language) : ""
                                font.pixelSize: Theme.fontBody
                                color: Theme.textSecondary
                                wrapMode: Text.Wrap
                            }
                        }
                    }

                    Detail {
                        objectName: "payBank"
                        visible: !root.isBills && root.flow !== null && root.flow.bankShortName !== ""
                        label: qsTr("To the account")
                        PayBankChip {
                            Layout.fillWidth: true
                            bankName: root.flow ? root.flow.bankShortName : ""
                            bankColour: root.flow ? root.flow.bankColour : ""
                            account: root.flow ? root.flow.accountMasked : ""
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: text !== "" && root.flow !== null && text !== root.flow.bankShortName
                            text: root.flow ? root.flow.bankName : ""
                            font.pixelSize: Theme.fontCaption + 1
                            color: Theme.textSecondary
                            wrapMode: Text.Wrap
                        }
                    }

                    Detail {
                        objectName: "payBillCount"
                        visible: root.isBills
                        label: qsTr("Bills")
                        value: root.flow ? qsTr("%n bill(s)", "", root.flow.billIds.length) : ""
                    }

                    // The amount: typed for a static code, fixed otherwise.
                    Detail {
                        label: qsTr("Amount")
                        Text {
                            objectName: "payAmountText"
                            Layout.fillWidth: true
                            visible: root.flow !== null && !root.flow.amountEditable
                            text: root.flow ? root.flow.amountText : ""
                            font.pixelSize: Theme.fontDisplay
                            font.weight: Font.Bold
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                        PayAmountField {
                            id: amountField
                            objectName: "payAmountField"
                            Layout.fillWidth: true
                            visible: root.flow !== null && root.flow.amountEditable
                            enabled: root.flowState === PaymentFlow.Confirm
                            error: root.flow !== null && root.flow.errorCode.startsWith("amount")
                            onEdited: amount => root.flow.setAmount(amount)
                            onAccepted: root.askPin()
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: root.flow !== null && root.flow.amountEditable
                            text: qsTr("This shop's code has no amount: type what you were asked to pay.")
                            font.pixelSize: Theme.fontCaption + 1
                            color: Theme.textSecondary
                            wrapMode: Text.WordWrap
                        }
                    }

                    Detail {
                        objectName: "payPurpose"
                        visible: root.flow !== null && (root.flow.purposeEditable || root.flow.purpose !== "")
                        label: qsTr("Purpose")
                        value: root.flow && !root.flow.purposeEditable ? root.flow.purpose : ""
                        InputField {
                            id: purposeField
                            objectName: "payPurposeField"
                            Layout.fillWidth: true
                            visible: root.flow !== null && root.flow.purposeEditable
                            enabled: root.flowState === PaymentFlow.Confirm
                            maximumLength: 140
                            placeholderText: qsTr("What the payment is for (optional)")
                            onTextEdited: root.flow.setPurpose(text)
                        }
                    }

                    Detail {
                        objectName: "payExpiry"
                        visible: root.flow !== null && root.flow.dynamic && root.flow.expiresAt instanceof Date
                                 && !isNaN(root.flow.expiresAt.getTime())
                        label: qsTr("Valid until")
                        value: !visible ? ""
                               : root.expired ? qsTr("%1 — this code has expired. Ask for a new one.")
                                                .arg(PayFormat.clock(root.flow.expiresAt))
                               : qsTr("%1 (%2 left)").arg(PayFormat.clock(root.flow.expiresAt))
                                                     .arg(PayFormat.countdown(root.flow.expiresAt, root.now))
                    }
                }

                // Paying: wait, the money is on its way.
                PayCard {
                    objectName: "payPaying"
                    visible: root.flowState === PaymentFlow.Paying
                    LoadingIndicator {
                        Layout.alignment: Qt.AlignHCenter
                        running: parent.visible
                        text: qsTr("Paying…")
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Please keep the app open. If the connection drops, the same payment is tried again and is never made twice.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                    }
                }

                StatusBanner {
                    objectName: "payError"
                    Layout.fillWidth: true
                    visible: root.flowState === PaymentFlow.Failed && root.known
                    kind: StatusBanner.Error
                    text: root.flow ? root.flow.error : ""
                }

                // The actions of each state.
                PrimaryButton {
                    objectName: "payButton"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget + Theme.spacingM
                    visible: root.flowState === PaymentFlow.Confirm
                    enabled: root.canPay && !root.expired
                    text: root.flow && root.flow.amount > 0 ? qsTr("Pay %1").arg(root.flow.amountText)
                                                            : qsTr("Pay")
                    font.pixelSize: Theme.fontBodyLarge
                    onClicked: root.askPin()
                }
                Flow {
                    Layout.fillWidth: true
                    visible: root.flowState === PaymentFlow.Failed
                    spacing: Theme.spacingS
                    layoutDirection: Qt.RightToLeft
                    // Refused for this amount (too much, say): the same code again, another amount.
                    PrimaryButton {
                        objectName: "payChangeAmount"
                        visible: root.known && root.flow !== null && root.flow.amountEditable && !root.flow.canRetry
                        text: qsTr("Change the amount")
                        onClicked: {
                            root.fieldsFilled = false
                            root.flow.start(root.flow.payload)
                        }
                    }
                    PrimaryButton {
                        objectName: "payRetry"
                        visible: root.flow !== null && root.flow.canRetry
                        text: qsTr("Retry")
                        onClicked: root.flow.retry()
                    }
                    SecondaryButton {
                        objectName: "payCancel"
                        text: root.known ? qsTr("Cancel") : qsTr("Back")
                        onClicked: root.leave()
                    }
                }
                SecondaryButton {
                    objectName: "payCancelConfirm"
                    Layout.alignment: Qt.AlignHCenter
                    visible: root.flowState === PaymentFlow.Confirm || root.flowState === PaymentFlow.Checking
                    text: qsTr("Cancel")
                    onClicked: root.leave()
                }
            }
        }
    }
}
