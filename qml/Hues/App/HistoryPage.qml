pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// The payment history (Payments.history, kept on the phone: the last list shows offline):
// search by shop, purpose or reference, money in or out, a category; grouped by day, newest
// first. Pull down to refresh; older payments load at the end. A row opens its receipt.
Item {
    id: root
    objectName: "page_history"

    readonly property string pageName: "pay"
    property bool showBack: true
    property PayPage pay

    readonly property bool firstLoad: Payments.historyLoading && Payments.history.count === 0
    readonly property bool filtered: Payments.historySearch !== "" || Payments.historyDirection !== ""
                                     || Payments.historyCategory !== ""
    readonly property real pullThreshold: Theme.touchTarget * 1.5
    // The direction filters, a gap, then the merchant categories of the payments contract.
    readonly property list<string> filterKeys: ["", "out", "in", "|", "electricity", "water", "telecom", "tuition",
                                                "hospital", "public_fee", "heritage", "bus", "taxi", "market", "food"]

    signal backRequested()

    function loadMore() {
        if (Payments.historyCanLoadMore && !Payments.historyLoading)
            Payments.loadMoreHistory()
    }

    Component.onCompleted: {
        searchField.text = Payments.historySearch
        Payments.refreshHistory()
    }

    // A filter that is on or off: a chip inside a full-height touch target.
    component FilterChip: AbstractButton {
        id: chip
        property bool selected
        implicitHeight: Theme.touchTarget
        implicitWidth: implicitContentWidth + leftPadding + rightPadding
        leftPadding: Theme.spacingL
        rightPadding: Theme.spacingL
        hoverEnabled: true
        Accessible.name: text
        Accessible.checkable: true
        Accessible.checked: selected
        background: Item {
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width
                height: Math.round(Theme.touchTarget * 0.75)
                radius: height / 2
                color: chip.selected ? Theme.primary : chip.down ? Theme.surfacePressed : Theme.surface
                border.width: chip.visualFocus ? 3 : 1
                border.color: chip.visualFocus ? Theme.focus : chip.selected ? Theme.primary : Theme.outlineStrong
            }
        }
        contentItem: Text {
            text: chip.text
            font.pixelSize: Theme.fontBody
            font.weight: chip.selected ? Font.DemiBold : Font.Normal
            color: chip.selected ? Theme.textOnPrimary : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    Timer {
        id: searchDelay
        interval: 400
        onTriggered: Payments.historySearch = searchField.text.trim()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Payment history")
            subtitle: qsTr("Payments and receipts")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        // Search and filters, above the list.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: filters.implicitHeight + Theme.spacingM
            color: Theme.surface

            ColumnLayout {
                id: filters
                x: Math.max(Theme.spacingL, (parent.width - Theme.contentMaxWidth * 0.75) / 2)
                y: Theme.spacingS
                width: parent.width - 2 * x
                spacing: 0

                InputField {
                    id: searchField
                    objectName: "historySearch"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search shop, purpose or reference")
                    inputMethodHints: Qt.ImhNoPredictiveText
                    rightPadding: clearSearch.visible ? clearSearch.width + Theme.spacingS : Theme.spacingM
                    onTextEdited: searchDelay.restart()
                    onAccepted: {
                        searchDelay.stop()
                        Payments.historySearch = text.trim()
                    }
                    ToolButton {
                        id: clearSearch
                        objectName: "historySearchClear"
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        implicitWidth: Theme.touchTarget
                        implicitHeight: Theme.touchTarget
                        visible: searchField.text !== ""
                        text: qsTr("Clear the search")
                        Accessible.name: text
                        onClicked: {
                            searchField.clear()
                            searchDelay.stop()
                            Payments.historySearch = ""
                        }
                        contentItem: Text {
                            text: "✕"
                            font.pixelSize: Theme.fontBody
                            color: Theme.textSecondary
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                        }
                        background: Item { }
                    }
                }

                ListView {
                    id: chips
                    objectName: "historyFilters"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget
                    orientation: ListView.Horizontal
                    spacing: Theme.spacingS
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    // Direction first, then categories.
                    model: root.filterKeys
                    delegate: FilterChip {
                        required property string modelData
                        readonly property bool isDirection: modelData === "" || modelData === "out" || modelData === "in"
                        objectName: isDirection ? "historyDirection_" + (modelData === "" ? "all" : modelData)
                                                : "historyCategory_" + modelData
                        visible: modelData !== "|"
                        width: visible ? implicitWidth : Theme.spacingS
                        text: modelData === "" ? qsTr("All")
                            : modelData === "out" ? qsTr("Money out")
                            : modelData === "in" ? qsTr("Money in")
                            : PayFormat.categoryName(modelData, Settings.language)
                        selected: isDirection ? Payments.historyDirection === modelData
                                              : Payments.historyCategory === modelData
                        onClicked: {
                            if (isDirection)
                                Payments.historyDirection = modelData
                            else
                                Payments.historyCategory = selected ? "" : modelData
                        }
                    }
                }
            }
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.outline
            }
        }

        StatusBanner {
            objectName: "historyError"
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.contentMaxWidth * 0.75
            Layout.alignment: Qt.AlignHCenter
            Layout.margins: Theme.spacingS
            visible: Payments.historyError !== ""
            kind: StatusBanner.Error
            text: Payments.history.count > 0
                  ? qsTr("%1 Showing the payments saved on this device.").arg(Payments.historyError)
                  : Payments.historyError
            actionText: qsTr("Retry")
            actionObjectName: "historyRetry"
            actionEnabled: !Payments.historyLoading
            onActionClicked: Payments.refreshHistory()
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            LoadingIndicator {
                objectName: "historyLoading"
                anchors.horizontalCenter: parent.horizontalCenter
                y: Theme.spacingXxl
                running: root.firstLoad
                text: qsTr("Loading your payments…")
            }
            // Pull to refresh: shown above the list while it is dragged down, and while refreshing.
            Item {
                id: pull
                objectName: "historyPull"
                readonly property real distance: Math.max(0, -list.verticalOvershoot)
                anchors.horizontalCenter: parent.horizontalCenter
                y: Math.min(distance, root.pullThreshold * 1.3) - height
                   + (Payments.historyLoading && !root.firstLoad ? height + Theme.spacingS : 0)
                width: pullRow.implicitWidth + 2 * Theme.spacingL
                height: Theme.touchTarget
                visible: distance > 0 || (Payments.historyLoading && !root.firstLoad)
                z: 2

                Rectangle {
                    anchors.fill: parent
                    radius: height / 2
                    color: Theme.surface
                    border.width: 1
                    border.color: Theme.outline
                }
                RowLayout {
                    id: pullRow
                    anchors.centerIn: parent
                    spacing: Theme.spacingS
                    LoadingIndicator {
                        size: Theme.fontTitle
                        running: Payments.historyLoading
                    }
                    Text {
                        text: Payments.historyLoading ? qsTr("Refreshing…")
                            : pull.distance >= root.pullThreshold ? qsTr("Release to refresh")
                            : qsTr("Pull to refresh")
                        font.pixelSize: Theme.fontCaption + 1
                        color: Theme.textSecondary
                    }
                }
            }

            ListView {
                id: list
                objectName: "historyList"
                readonly property real columnWidth: Math.min(width, Theme.contentMaxWidth * 0.75)
                anchors.fill: parent
                model: Payments.history
                boundsBehavior: Flickable.DragOverBounds
                ScrollBar.vertical: ScrollBar { }
                onDragEnded: {
                    if (-verticalOvershoot >= root.pullThreshold && !Payments.historyLoading)
                        Payments.refreshHistory()
                }
                onAtYEndChanged: if (atYEnd && count > 0) root.loadMore()

                // Sections give ListView.section / previousSection to the delegates, which draw
                // the day's heading themselves (Qt 6.4 cannot create a bound section delegate or
                // footer in their own context).
                section.property: "dayLabel"
                section.criteria: ViewSection.FullString

                delegate: Column {
                    id: entry
                    required property int index
                    required property string paymentId
                    required property string title
                    required property string direction
                    required property string amountText
                    required property string category
                    required property string purpose
                    required property var createdAt
                    required property string dayLabel
                    readonly property bool firstOfDay: ListView.section !== ListView.previousSection
                    readonly property bool last: index === list.count - 1

                    x: (list.width - list.columnWidth) / 2
                    width: list.columnWidth

                    Text {
                        objectName: "historyDay"
                        visible: entry.firstOfDay
                        width: parent.width
                        topPadding: Theme.spacingL
                        bottomPadding: Theme.spacingXs
                        leftPadding: Theme.spacingL
                        text: entry.dayLabel
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.DemiBold
                        font.capitalization: Font.AllUppercase
                        font.letterSpacing: 0.6
                        color: Theme.primary
                        Accessible.role: Accessible.Heading
                    }
                    HistoryRow {
                        objectName: "historyRow_" + entry.index
                        width: parent.width
                        title: entry.title
                        direction: entry.direction
                        amountText: entry.amountText
                        category: entry.category
                        purpose: entry.purpose
                        createdAt: entry.createdAt
                        onClicked: if (root.pay) root.pay.showReceipt(root, entry.paymentId)
                    }
                    // The end of what is loaded: older payments on request (and on reaching it).
                    Item {
                        visible: entry.last
                        width: parent.width
                        height: Payments.historyCanLoadMore ? Theme.touchTarget + 2 * Theme.spacingL : Theme.spacingXl
                        SecondaryButton {
                            objectName: "historyLoadMore"
                            anchors.centerIn: parent
                            visible: Payments.historyCanLoadMore
                            enabled: !Payments.historyLoading
                            text: Payments.historyLoading ? qsTr("Loading…") : qsTr("Show older payments")
                            onClicked: root.loadMore()
                        }
                    }
                }
            }
            // After the list, so that it is above it and gets its clicks.
            EmptyState {
                objectName: "historyEmpty"
                anchors.left: parent.left
                anchors.right: parent.right
                y: Theme.spacingL
                visible: !Payments.historyLoading && Payments.history.count === 0
                glyph: root.filtered ? "⌕" : "🕘"
                title: root.filtered ? qsTr("No payments match") : qsTr("No payments yet")
                body: root.filtered ? qsTr("Try other words, or clear the filters.")
                                    : qsTr("Payments you make and receive appear here, with their receipts.")
                actionText: root.filtered ? qsTr("Clear the filters") : ""
                onActionClicked: {
                    searchField.clear()
                    Payments.historySearch = ""
                    Payments.historyDirection = ""
                    Payments.historyCategory = ""
                }
            }
        }
    }
}
