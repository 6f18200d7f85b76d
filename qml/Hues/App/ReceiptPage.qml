pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One payment's receipt, from the copy kept on this device (readable offline): the amount,
// whom, the reference, when, for what and the bills it paid. "Save as image" writes the card
// as a PNG to share.
Item {
    id: root
    objectName: "page_receipt"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay
    property string paymentId
    // Shown right after paying: the page says it worked and Done goes back to Pay.
    property bool fresh: false

    property var receipt: ({})
    readonly property bool loaded: (receipt.reference ?? "") !== ""
    readonly property bool incoming: (receipt.direction ?? "") === "in"
    readonly property var merchant: receipt.merchant ?? ({})
    readonly property var bills: receipt.bills ?? []

    signal backRequested()

    function reload() {
        receipt = Payments.receipt(paymentId)
    }

    function saveImage() {
        const path = Payments.receiptImagePath(receipt.reference)
        if (path === "") {
            toast.show(qsTr("The receipt could not be saved."))
            return
        }
        receiptCard.grabToImage(result => {
            if (result.saveToFile(path))
                toast.show(qsTr("Receipt saved as %1").arg(path))
            else
                toast.show(qsTr("The receipt could not be saved to %1.").arg(path))
        })
    }

    Component.onCompleted: reload()

    Toast {
        id: toast
        objectName: "receiptToast"
        parent: T.Overlay.overlay
    }

    // One line of the receipt: label left, value right (or below when narrow).
    component Line: Item {
        id: line
        property string label
        property string value
        property bool strong: false
        readonly property bool stacked: labelText.implicitWidth + valueText.implicitWidth + Theme.spacingL > width
        Layout.fillWidth: true
        visible: value !== ""
        implicitHeight: stacked ? labelText.height + 2 + valueText.height
                                : Math.max(labelText.height, valueText.height)
        Text {
            id: labelText
            width: line.stacked ? line.width : implicitWidth
            text: line.label
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        Text {
            id: valueText
            x: line.stacked ? 0 : line.width - width
            y: line.stacked ? labelText.height + 2 : 0
            width: line.stacked ? line.width : Math.min(implicitWidth, line.width * 0.65)
            text: line.value
            font.pixelSize: Theme.fontBody
            font.weight: line.strong ? Font.DemiBold : Font.Normal
            color: Theme.text
            horizontalAlignment: line.stacked ? Text.AlignLeft : Text.AlignRight
            wrapMode: Text.Wrap
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Receipt")
            subtitle: root.loaded ? root.receipt.reference : ""
            showBack: root.showBack
            onBackClicked: root.fresh && root.pay ? root.pay.backHere() : root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "receiptFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + 2 * Theme.spacingL
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth * 0.55) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                EmptyState {
                    objectName: "receiptMissing"
                    Layout.fillWidth: true
                    visible: !root.loaded
                    glyph: "🧾"
                    title: qsTr("This receipt is not on this device yet")
                    body: qsTr("Receipts are kept on the phone once the history has been loaded with a connection.")
                    actionText: qsTr("Retry")
                    onActionClicked: {
                        Payments.refreshHistory()
                        root.reload()
                    }
                }

                // The receipt itself: also what "Save as image" draws.
                Rectangle {
                    id: receiptCard
                    objectName: "receiptCard"
                    Layout.fillWidth: true
                    visible: root.loaded
                    implicitHeight: receiptColumn.implicitHeight + 2 * Theme.spacingXl
                    radius: Theme.radiusL
                    color: Theme.surface
                    border.width: 1
                    border.color: Theme.outline

                    Rectangle {
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.leftMargin: Theme.radiusL
                        anchors.rightMargin: Theme.radiusL
                        height: 4
                        color: Theme.accent
                    }

                    ColumnLayout {
                        id: receiptColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingXl
                        spacing: Theme.spacingM

                        Rectangle {
                            Layout.alignment: Qt.AlignHCenter
                            implicitWidth: Theme.touchTarget * 1.4
                            implicitHeight: implicitWidth
                            radius: width / 2
                            color: Theme.successContainer
                            Text {
                                anchors.centerIn: parent
                                text: "✓"
                                font.pixelSize: Theme.fontDisplay
                                font.weight: Font.Bold
                                color: Theme.success
                            }
                        }
                        Text {
                            objectName: "receiptTitle"
                            Layout.fillWidth: true
                            text: root.incoming ? qsTr("Payment received") : qsTr("Payment successful")
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            color: Theme.success
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WordWrap
                            Accessible.role: Accessible.Heading
                        }
                        Text {
                            objectName: "receiptAmount"
                            Layout.fillWidth: true
                            text: root.receipt.amountText ?? ""
                            font.pixelSize: Theme.fontDisplay + 6
                            font.weight: Font.Bold
                            color: Theme.text
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                        }
                        Text {
                            objectName: "receiptMerchant"
                            Layout.fillWidth: true
                            text: root.incoming ? qsTr("From %1").arg(root.receipt.payer ? root.receipt.payer.name : "")
                                                : (root.merchant.name ?? "")
                            font.pixelSize: Theme.fontBodyLarge
                            font.weight: Font.DemiBold
                            color: Theme.text
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                        }

                        Rectangle {
                            Layout.fillWidth: true
                            Layout.topMargin: Theme.spacingS
                            implicitHeight: 1
                            color: Theme.outline
                        }

                        Line {
                            label: qsTr("Bank account")
                            value: root.incoming ? "" : [root.receipt.bankName ?? "", root.merchant.account_masked ?? ""]
                                                         .filter(s => s !== "").join(" ")
                        }
                        Line {
                            objectName: "receiptReference"
                            label: qsTr("Reference")
                            value: root.receipt.reference ?? ""
                            strong: true
                        }
                        Line {
                            objectName: "receiptTime"
                            label: qsTr("Time")
                            value: root.receipt.createdText ?? ""
                        }
                        Line {
                            objectName: "receiptPurpose"
                            label: qsTr("Purpose")
                            value: root.receipt.purpose ?? ""
                        }
                        Line {
                            label: qsTr("Category")
                            value: (root.merchant.category ?? "") !== ""
                                   ? PayFormat.categoryName(root.merchant.category, Settings.language) : ""
                        }

                        // The bills this payment settled.
                        Repeater {
                            model: root.bills
                            Line {
                                required property var modelData
                                required property int index
                                objectName: "receiptBill_" + index
                                label: qsTr("Bill %1").arg(modelData.period ?? "")
                                value: Payments.formatVnd(modelData.amount ?? 0)
                            }
                        }

                        Text {
                            Layout.fillWidth: true
                            Layout.topMargin: Theme.spacingS
                            text: qsTr("Hue-S · this receipt is kept on your phone")
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textSecondary
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WordWrap
                        }
                    }
                }

                Flow {
                    Layout.fillWidth: true
                    visible: root.loaded
                    spacing: Theme.spacingS
                    layoutDirection: Qt.RightToLeft
                    PrimaryButton {
                        objectName: "receiptDone"
                        visible: root.fresh
                        text: qsTr("Done")
                        onClicked: root.pay ? root.pay.backHere() : root.backRequested()
                    }
                    SecondaryButton {
                        objectName: "receiptSaveImage"
                        text: qsTr("Save as image")
                        onClicked: root.saveImage()
                    }
                }
            }
        }
    }
}
