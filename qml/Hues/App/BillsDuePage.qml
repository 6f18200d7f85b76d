pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// The bills due for one customer code (Payments.bills): what each is for, how much, when it is
// due (overdue ones marked), ticked to pay together; the total and "Pay selected" at the
// bottom lead to the same confirm, PIN and receipt as a scanned code.
Item {
    id: root
    objectName: "page_billsDue"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay
    property string providerId
    property string providerName
    property string customerCode

    readonly property bool firstLoad: Payments.billsLoading && Payments.bills.count === 0
    // Rows created so far (itemAt() is not a dependency a binding can follow).
    property int rowsMade: 0
    readonly property int selectedCount: {
        // Re-counted when the selection or the rows change.
        void Payments.selectedBillsTotal
        void rowsMade
        let n = 0
        for (let i = 0; i < billRows.count; ++i) {
            const row = billRows.itemAt(i) as BillsDueRow
            if (row && row.selected)
                ++n
        }
        return n
    }

    signal backRequested()

    function lookUp() {
        Payments.lookupBills(providerId, customerCode)
    }

    function paySelected() {
        const ids = []
        for (let i = 0; i < billRows.count; ++i) {
            const row = billRows.itemAt(i) as BillsDueRow
            if (row && row.selected)
                ids.push(row.billId)
        }
        if (ids.length > 0 && pay)
            pay.startBills(root, ids)
    }

    Component.onCompleted: lookUp()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Due bills")
            subtitle: root.providerName
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "billsDueFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + Theme.spacingL + Theme.spacingXl
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth * 0.65) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingM

                // Whose bills.
                PayCard {
                    objectName: "billsCustomer"
                    visible: Payments.billsCustomerName !== "" || root.customerCode !== ""
                    spacing: 2
                    Text {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: Payments.billsCustomerName
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Customer code %1").arg(root.customerCode)
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                    }
                }

                StatusBanner {
                    objectName: "billsError"
                    Layout.fillWidth: true
                    visible: Payments.billsError !== ""
                    kind: StatusBanner.Error
                    text: Payments.billsError
                    actionText: qsTr("Retry")
                    actionObjectName: "billsRetry"
                    actionEnabled: !Payments.billsLoading
                    onActionClicked: root.lookUp()
                }
                LoadingIndicator {
                    objectName: "billsLoading"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXl
                    running: Payments.billsLoading
                    text: qsTr("Looking up the bills…")
                }
                EmptyState {
                    objectName: "billsNothingDue"
                    Layout.fillWidth: true
                    visible: !Payments.billsLoading && Payments.billsError === "" && Payments.bills.count === 0
                    glyph: "✓"
                    title: qsTr("Nothing to pay")
                    body: qsTr("There are no unpaid bills for this customer code.")
                }

                Text {
                    Layout.fillWidth: true
                    visible: Payments.bills.count > 0
                    text: qsTr("The ticked bills are paid together. Untick those you want to pay later.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    id: billRows
                    model: Payments.bills
                    onItemAdded: ++root.rowsMade
                    onItemRemoved: --root.rowsMade
                    BillsDueRow {
                        Layout.fillWidth: true
                    }
                }
            }
        }

        // The total and the way to pay it.
        Rectangle {
            objectName: "billsTotalBar"
            Layout.fillWidth: true
            visible: Payments.bills.count > 0
            implicitHeight: totalLayout.implicitHeight + 2 * Theme.spacingM
            color: Theme.surface

            Rectangle {
                width: parent.width
                height: 1
                color: Theme.outline
            }
            RowLayout {
                id: totalLayout
                anchors.verticalCenter: parent.verticalCenter
                x: Math.max(Theme.spacingL, (parent.width - Theme.contentMaxWidth * 0.65) / 2)
                width: parent.width - 2 * x
                spacing: Theme.spacingM
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("%n bill(s) selected", "", root.selectedCount)
                        font.pixelSize: Theme.fontCaption + 1
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                    }
                    Text {
                        objectName: "billsTotal"
                        Layout.fillWidth: true
                        text: Payments.selectedBillsTotalText
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.Bold
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                }
                PrimaryButton {
                    objectName: "billsPaySelected"
                    Layout.preferredHeight: Theme.touchTarget + Theme.spacingS
                    enabled: root.selectedCount > 0
                    text: qsTr("Pay selected")
                    font.pixelSize: Theme.fontBodyLarge
                    onClicked: root.paySelected()
                }
            }
        }
    }
}
