pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// "Pay": the wallet's balance and the ways to pay (scan a VietQR, bills), receive (merchant
// mode) and look back (history). The payment screens open on the same StackView, above this
// page; every one of them gets this page as `pay` and navigates through it.
Item {
    id: root
    objectName: "page_pay"

    readonly property string pageName: "pay"
    property bool showBack: true
    readonly property bool signedIn: Account.state === Account.SignedIn
    readonly property var wallet: Payments.wallet
    readonly property bool hasWallet: (wallet.balanceText ?? "") !== ""
    readonly property var merchant: Payments.merchant

    signal backRequested()

    // Pushes `url` above the page `from`; its Back returns to `from`.
    function open(from: Item, url: string, properties: var): var {
        const view = root.StackView.view
        if (!view)
            return null
        const props = Object.assign({ pay: root }, properties)
        const page = view.push(Qt.resolvedUrl(url), props)
        page.backRequested.connect(() => view.pop(from))
        return page
    }

    function scan() { open(root, "PayScanPage.qml", {}) }
    function openBills() { open(root, "BillsPage.qml", {}) }
    function openMerchant() { open(root, "MerchantPage.qml", {}) }
    function openHistory() { open(root, "HistoryPage.qml", {}) }
    function signIn() {
        const view = root.StackView.view
        if (!view)
            return
        const page = view.push(Qt.resolvedUrl("AccountPage.qml"), { showBack: true })
        page.backRequested.connect(() => view.pop(root))
    }

    // A scanned or pasted VietQR: checked, then confirmed above `from`.
    function startPayment(from: Item, payload: string) {
        Payments.flow.start(payload)
        open(from, "PayConfirmPage.qml", {})
    }

    // Due bills chosen on the bills page: confirmed above `from`.
    function startBills(from: Item, billIds: list<string>) {
        Payments.flow.startBills(billIds)
        open(from, "PayConfirmPage.qml", {})
    }

    // A payment just made: its receipt above this page (Back comes here, not to the payment).
    function showPaid(paymentId: string) {
        const view = root.StackView.view
        if (!view)
            return
        view.pop(root, StackView.Immediate)
        open(root, "ReceiptPage.qml", { paymentId: paymentId, fresh: true })
        Payments.refreshWallet()
    }

    function showReceipt(from: Item, paymentId: string) {
        open(from, "ReceiptPage.qml", { paymentId: paymentId })
    }

    // Back to this page from anywhere above it.
    function backHere() {
        const view = root.StackView.view
        if (view)
            view.pop(root)
        Payments.refreshWallet()
    }

    function refresh() {
        if (!signedIn)
            return
        Payments.refreshWallet()
        Payments.refreshMerchant()
    }

    Component.onCompleted: refresh()
    onSignedInChanged: refresh()
    StackView.onActivated: refresh()

    // A trader's payments, while this page is the one shown (the merchant page says it itself).
    Connections {
        target: Payments
        enabled: root.StackView.status === StackView.Active
        function onPaymentReceived(paymentId: string, amount: real, text: string) { toast.show(text) }
    }

    Toast {
        id: toast
        objectName: "payToast"
        parent: T.Overlay.overlay
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            // The tile's own words, so that the page is titled as the tile that opened it.
            title: Catalog.services["pay"].title
            subtitle: Catalog.services["pay"].subtitle
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "payFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + Theme.spacingL + Theme.spacingXl
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth * 0.75) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                // Signed out: payments need the account.
                EmptyState {
                    objectName: "paySignIn"
                    Layout.fillWidth: true
                    visible: !root.signedIn
                    glyph: "₫"
                    title: qsTr("Sign in to pay")
                    body: qsTr("Your wallet, bills and receipts belong to your account. Sign in once and pay shops, market stalls, bus and taxi fares and public fees by scanning their VietQR code.")
                    actionText: Account.state === Account.SigningIn ? qsTr("Continue in your browser…")
                                                                    : qsTr("Sign in")
                    onActionClicked: root.signIn()
                }

                // The wallet: balance and the linked bank account.
                Rectangle {
                    id: walletCard
                    objectName: "payWalletCard"
                    Layout.fillWidth: true
                    visible: root.signedIn
                    implicitHeight: walletColumn.implicitHeight + 2 * Theme.spacingL
                    radius: Theme.radiusL
                    clip: true
                    gradient: Gradient {
                        orientation: Gradient.Horizontal
                        GradientStop { position: 0.0; color: Theme.primary }
                        GradientStop { position: 1.0; color: "#2B2F7A" }
                    }
                    Accessible.role: Accessible.Grouping
                    Accessible.name: qsTr("Wallet balance %1").arg(root.wallet.balanceText ?? "")

                    Rectangle {
                        readonly property real d: walletCard.height * 1.6
                        width: d
                        height: d
                        radius: d / 2
                        x: walletCard.width - d * 0.45
                        y: -d * 0.35
                        color: "transparent"
                        border.width: 2
                        border.color: Theme.accent
                        opacity: 0.3
                    }

                    ColumnLayout {
                        id: walletColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingL
                        spacing: Theme.spacingXs

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Wallet balance")
                                font.pixelSize: Theme.fontBody
                                color: "#E6DDF3"
                                wrapMode: Text.WordWrap
                            }
                            ToolButton {
                                id: refreshButton
                                objectName: "payWalletRefresh"
                                implicitWidth: Theme.touchTarget
                                implicitHeight: Theme.touchTarget
                                enabled: !Payments.walletLoading
                                text: qsTr("Refresh")
                                Accessible.name: text
                                onClicked: root.refresh()
                                contentItem: Text {
                                    text: "↻"
                                    font.pixelSize: Theme.fontTitle
                                    color: refreshButton.enabled ? Theme.textOnPrimary : "#B9AECB"
                                    horizontalAlignment: Text.AlignHCenter
                                    verticalAlignment: Text.AlignVCenter
                                }
                                background: Rectangle {
                                    radius: width / 2
                                    color: refreshButton.down ? Theme.primaryPressed : "transparent"
                                    border.width: refreshButton.visualFocus ? 3 : 0
                                    border.color: Theme.focus
                                }
                            }
                        }
                        Text {
                            objectName: "payBalance"
                            Layout.fillWidth: true
                            text: root.hasWallet ? root.wallet.balanceText
                                 : Payments.walletLoading ? qsTr("Loading…") : "—"
                            font.pixelSize: root.hasWallet ? Theme.fontDisplay : Theme.fontTitle
                            font.weight: Font.Bold
                            color: Theme.textOnPrimary
                            wrapMode: Text.Wrap
                        }
                        Text {
                            Layout.fillWidth: true
                            Layout.topMargin: Theme.spacingS
                            visible: text !== ""
                            text: root.wallet.holderName ?? ""
                            font.pixelSize: Theme.fontBody
                            color: "#F1EAFB"
                            wrapMode: Text.Wrap
                        }
                        PayBankChip {
                            Layout.fillWidth: true
                            visible: bankName !== ""
                            bankName: root.wallet.bankShortName ?? ""
                            bankColour: root.wallet.bankColour ?? ""
                            account: root.wallet.accountMasked ?? ""
                            inverted: true
                        }
                    }
                }

                StatusBanner {
                    objectName: "payWalletError"
                    Layout.fillWidth: true
                    visible: root.signedIn && Payments.walletError !== ""
                    kind: StatusBanner.Error
                    text: root.hasWallet ? qsTr("%1 The balance shown may be out of date.").arg(Payments.walletError)
                                         : Payments.walletError
                    actionText: qsTr("Retry")
                    actionObjectName: "payWalletRetry"
                    actionEnabled: !Payments.walletLoading
                    onActionClicked: root.refresh()
                }

                // What the user can do: big tiles, two or four a row.
                Flow {
                    id: actions
                    // From the column's width, not the Flow's own: an invisible Flow is out of the
                    // layout, and sizing its tiles from its implicit width never settles.
                    readonly property int columns: column.width >= 720 ? 4 : 2
                    readonly property real cellWidth: (column.width - (columns - 1) * spacing) / columns
                    readonly property real tileHeight: {
                        let h = Theme.touchTarget * 2.6
                        for (let i = 0; i < actionTiles.count; ++i) {
                            const tile = actionTiles.itemAt(i) as ServiceTile
                            if (tile && tile.visible)
                                h = Math.max(h, tile.implicitHeight)
                        }
                        return h
                    }
                    Layout.fillWidth: true
                    visible: root.signedIn
                    spacing: Theme.spacingM

                    Repeater {
                        id: actionTiles
                        model: [
                            { name: "scan", glyph: "⌗", title: qsTr("Scan to pay"),
                              subtitle: qsTr("Shops, market stalls, bus and taxi") },
                            { name: "bills", glyph: "🧾", title: qsTr("Bills"),
                              subtitle: qsTr("Electricity, water, phone, tuition, fees") },
                            { name: "receive", glyph: "₫", title: qsTr("Receive"),
                              subtitle: qsTr("Show a QR code to your customer") },
                            { name: "history", glyph: "🕘", title: qsTr("History"),
                              subtitle: qsTr("Payments and receipts") }
                        ]

                        ServiceTile {
                            required property var modelData
                            objectName: "payAction_" + modelData.name
                            visible: modelData.name !== "receive" || Payments.isMerchant
                            width: actions.cellWidth
                            height: actions.tileHeight
                            glyph: modelData.glyph
                            title: modelData.title
                            subtitle: modelData.subtitle
                            onClicked: {
                                switch (modelData.name) {
                                case "scan": root.scan(); break
                                case "bills": root.openBills(); break
                                case "receive": root.openMerchant(); break
                                default: root.openHistory()
                                }
                            }
                        }
                    }
                }

                // The merchant account of a trader, at a glance.
                PayCard {
                    objectName: "payMerchantCard"
                    visible: root.signedIn && Payments.isMerchant
                    spacing: Theme.spacingXs
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Your shop")
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                        font.capitalization: Font.AllUppercase
                        font.letterSpacing: 0.6
                        color: Theme.primary
                    }
                    Text {
                        Layout.fillWidth: true
                        text: root.merchant.name ?? ""
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: (root.merchant.balanceText ?? "") !== ""
                        text: qsTr("Received so far: %1").arg(root.merchant.balanceText ?? "")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                    }
                }

                Text {
                    Layout.fillWidth: true
                    visible: root.signedIn
                    text: qsTr("Payments go straight from your wallet to the shop's bank account. You confirm each one with your PIN, and the receipt stays on this phone.")
                    font.pixelSize: Theme.fontCaption + 1
                    color: Theme.textSecondary
                    wrapMode: Text.WordWrap
                }
            }
        }
    }
}
