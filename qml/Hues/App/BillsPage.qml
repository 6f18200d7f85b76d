pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// Bills: the customer codes saved on this phone (one tap shows what is due), and any provider
// (electricity, water, phone, tuition, hospital, public fees) with a customer code typed in,
// optionally saved under a name. The due bills open on a page of their own.
Item {
    id: root
    objectName: "page_bills"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay

    // The provider chosen in the grid, and what it calls a customer code.
    property string providerId
    property string providerName
    property string codeLabel
    property string codeExample
    // The saved code Remove was asked for.
    property string removingProvider
    property string removingCode

    signal backRequested()

    function choose(id: string, name: string, label: string, example: string) {
        providerId = id
        providerName = name
        codeLabel = label
        codeExample = example
        codeField.text = ""
        labelField.text = ""
        codeField.forceActiveFocus()
        scrollDown.restart()
    }

    function lookUp(provider: string, name: string, code: string) {
        if (!pay || code.trim() === "")
            return
        pay.open(root, "BillsDuePage.qml", { providerId: provider, providerName: name, customerCode: code.trim() })
    }

    function lookUpTyped() {
        const code = codeField.text.trim()
        if (code === "")
            return
        if (saveBox.checked)
            Payments.saveCode(providerId, code, labelField.text.trim())
        lookUp(providerId, providerName, code)
    }

    // The code card appears under the grid: bring it into view once laid out.
    Timer {
        id: scrollDown
        interval: 50
        onTriggered: flick.contentY = Math.max(0, flick.contentHeight - flick.height)
    }

    component Heading: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Bills")
            subtitle: qsTr("Electricity, water, phone, tuition, fees")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "billsFlick"
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

                // Saved customer codes: one tap to what is due.
                Heading {
                    text: qsTr("Your customer codes")
                }
                Text {
                    objectName: "billsNoSavedCodes"
                    Layout.fillWidth: true
                    visible: Payments.savedCodes.count === 0
                    text: qsTr("Save the customer code on your bill once, and see what is due here with one tap.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textSecondary
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: Payments.savedCodes

                    Rectangle {
                        id: savedRow
                        required property int index
                        required property string providerId
                        required property string providerName
                        required property string customerCode
                        required property string label

                        objectName: "billsSaved_" + index
                        Layout.fillWidth: true
                        implicitHeight: Math.max(Theme.touchTarget + Theme.spacingM, savedTexts.implicitHeight + 2 * Theme.spacingM)
                        radius: Theme.radiusL
                        color: savedArea.pressed ? Theme.surfacePressed : Theme.surface
                        border.width: 1
                        border.color: Theme.outline
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("%1, %2, code %3").arg(label).arg(providerName).arg(customerCode)

                        MouseArea {
                            id: savedArea
                            objectName: "billsSavedOpen_" + savedRow.index
                            anchors.fill: parent
                            onClicked: root.lookUp(savedRow.providerId, savedRow.providerName, savedRow.customerCode)
                        }
                        ColumnLayout {
                            id: savedTexts
                            anchors.left: parent.left
                            anchors.right: removeButton.left
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: Theme.spacingL
                            spacing: 2
                            Text {
                                Layout.fillWidth: true
                                text: savedRow.label !== "" ? savedRow.label : savedRow.providerName
                                font.pixelSize: Theme.fontBodyLarge
                                font.weight: Font.DemiBold
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: savedRow.label !== "" ? savedRow.providerName + " · " + savedRow.customerCode
                                                            : savedRow.customerCode
                                font.pixelSize: Theme.fontBody
                                color: Theme.textSecondary
                                wrapMode: Text.Wrap
                            }
                        }
                        ToolButton {
                            id: removeButton
                            objectName: "billsSavedRemove_" + savedRow.index
                            anchors.right: parent.right
                            anchors.rightMargin: Theme.spacingXs
                            anchors.verticalCenter: parent.verticalCenter
                            implicitWidth: Theme.touchTarget
                            implicitHeight: Theme.touchTarget
                            text: qsTr("Remove")
                            Accessible.name: qsTr("Remove %1").arg(savedRow.customerCode)
                            onClicked: {
                                root.removingProvider = savedRow.providerId
                                root.removingCode = savedRow.customerCode
                                removeDialog.open()
                            }
                            contentItem: Text {
                                text: "✕"
                                font.pixelSize: Theme.fontBodyLarge
                                color: Theme.textSecondary
                                horizontalAlignment: Text.AlignHCenter
                                verticalAlignment: Text.AlignVCenter
                            }
                            background: Rectangle {
                                radius: width / 2
                                color: removeButton.down ? Theme.surfacePressed : "transparent"
                                border.width: removeButton.visualFocus ? 3 : 0
                                border.color: Theme.focus
                            }
                        }
                    }
                }

                // Any provider.
                Heading {
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Pay a bill")
                }
                LoadingIndicator {
                    objectName: "billsProvidersLoading"
                    Layout.alignment: Qt.AlignHCenter
                    visible: Payments.billProviders.count === 0 && Payments.billProvidersLoading
                    running: visible
                    text: qsTr("Loading the providers…")
                }
                EmptyState {
                    objectName: "billsNoProviders"
                    Layout.fillWidth: true
                    visible: Payments.billProviders.count === 0 && !Payments.billProvidersLoading
                    glyph: "🧾"
                    title: qsTr("No providers to show")
                    body: Payments.billProvidersError !== ""
                          ? Payments.billProvidersError
                          : qsTr("The list of providers comes from the city's server. Check the connection and try again.")
                    actionText: qsTr("Retry")
                    onActionClicked: Payments.refreshBillProviders()
                }
                Flow {
                    id: providerGrid
                    // From the column's width (see PayPage's actions).
                    readonly property int columns: column.width >= 880 ? 4 : column.width >= 560 ? 3 : 2
                    readonly property real cellWidth: (column.width - (columns - 1) * spacing) / columns
                    // Every tile as tall as the tallest, so the grid has even rows.
                    readonly property real tileHeight: {
                        let h = Theme.touchTarget * 2.4
                        for (let i = 0; i < providerTiles.count; ++i) {
                            const tile = providerTiles.itemAt(i) as AbstractButton
                            if (tile)
                                h = Math.max(h, tile.implicitHeight)
                        }
                        return h
                    }
                    Layout.fillWidth: true
                    spacing: Theme.spacingM

                    Repeater {
                        id: providerTiles
                        model: Payments.billProviders

                        AbstractButton {
                            id: tile
                            required property string providerId
                            required property string name
                            required property string category
                            required property string codeLabel
                            required property string codeExample
                            readonly property bool selected: root.providerId === providerId

                            objectName: "billsProvider_" + providerId
                            width: providerGrid.cellWidth
                            height: providerGrid.tileHeight
                            implicitHeight: implicitContentHeight + topPadding + bottomPadding
                            padding: Theme.spacingM
                            hoverEnabled: true
                            text: name
                            Accessible.name: name
                            Accessible.description: PayFormat.categoryName(category, Settings.language)
                            Accessible.checkable: true
                            Accessible.checked: selected
                            onClicked: root.choose(providerId, name, codeLabel, codeExample)

                            background: Rectangle {
                                radius: Theme.radiusL
                                color: tile.selected ? Theme.primaryContainer : tile.down ? Theme.surfacePressed : Theme.surface
                                border.width: tile.visualFocus ? 3 : tile.selected ? 2 : 1
                                border.color: tile.visualFocus ? Theme.focus : tile.selected ? Theme.primary
                                            : tile.hovered ? Theme.outlineStrong : Theme.outline
                            }
                            contentItem: Column {
                                spacing: Theme.spacingXs
                                Item {
                                    width: parent.width
                                    height: Theme.fontTitle + 8
                                    Icon {
                                        anchors.left: parent.left
                                        anchors.verticalCenter: parent.verticalCenter
                                        glyph: PayFormat.categoryGlyph(tile.category)
                                        size: Theme.fontTitle + 4
                                    }
                                    Text {
                                        anchors.right: parent.right
                                        anchors.verticalCenter: parent.verticalCenter
                                        visible: tile.selected
                                        text: "✓"
                                        font.pixelSize: Theme.fontTitle
                                        font.weight: Font.Bold
                                        color: Theme.primary
                                    }
                                }
                                Text {
                                    width: parent.width
                                    text: PayFormat.categoryName(tile.category, Settings.language)
                                    font.pixelSize: Theme.fontCaption
                                    font.weight: Font.DemiBold
                                    font.capitalization: Font.AllUppercase
                                    color: Theme.primary
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    width: parent.width
                                    text: tile.name
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                }
                            }
                        }
                    }
                }

                // The customer code of the chosen provider.
                PayCard {
                    id: codeCard
                    objectName: "billsCodeCard"
                    visible: root.providerId !== ""
                    spacing: Theme.spacingS

                    Text {
                        Layout.fillWidth: true
                        text: root.providerName
                        font.pixelSize: Theme.fontBodyLarge
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        text: root.codeLabel !== "" ? root.codeLabel : qsTr("Customer code")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                    }
                    InputField {
                        id: codeField
                        objectName: "billsCodeField"
                        Layout.fillWidth: true
                        placeholderText: root.codeExample !== "" ? qsTr("For example %1").arg(root.codeExample)
                                                                 : qsTr("Customer code")
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase | Qt.ImhPreferUppercase
                        onAccepted: root.lookUpTyped()
                    }
                    CheckBox {
                        id: saveBox
                        objectName: "billsSaveCode"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchTarget
                        text: qsTr("Save this code on this phone")
                        font.pixelSize: Theme.fontBody
                        checked: true
                    }
                    InputField {
                        id: labelField
                        objectName: "billsLabelField"
                        Layout.fillWidth: true
                        visible: saveBox.checked
                        maximumLength: 40
                        placeholderText: qsTr("A name for it, like “Home” or “Mum's house” (optional)")
                    }
                    PrimaryButton {
                        objectName: "billsLookUp"
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingXs
                        enabled: codeField.text.trim() !== ""
                        text: qsTr("Show due bills")
                        onClicked: root.lookUpTyped()
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: removeDialog
        objectName: "billsRemoveDialog"
        heading: qsTr("Remove this customer code?")
        body: qsTr("Only the code saved on this phone is removed. Your bills and payments stay as they are.")
        acceptText: qsTr("Remove")
        acceptObjectName: "billsRemoveConfirm"
        onAccepted: {
            Payments.removeCode(root.removingProvider, root.removingCode)
            root.removingProvider = ""
            root.removingCode = ""
        }
        onRejected: {
            root.removingProvider = ""
            root.removingCode = ""
        }
    }
}
