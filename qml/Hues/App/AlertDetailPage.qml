pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One alert (Alerts.detail): its severity across the top, the headline and the event, what to
// do (emphasised), the description, the area, who sent it and its times, links and contact;
// a cancelled, replaced or expired alert says so before anything else.
Item {
    id: root
    objectName: "page_alertDetail"

    readonly property string pageName: "alerts"
    property bool showBack: true
    // The id given to Alerts.openDetail().
    property string alertId

    readonly property var detail: Alerts.detail
    readonly property bool loaded: (detail.alertId ?? "") !== ""
    readonly property string severity: detail.severity ?? ""
    readonly property string alertState: detail.state ?? "active"
    readonly property bool active: alertState === "active" || alertState === ""
    readonly property string webUrl: {
        const web = String(detail.web ?? "").trim()
        return /^https?:\/\/\S+$/i.test(web) ? web : ""
    }

    // An alert this run never listed is fetched from the server: wait a moment before saying
    // it is gone.
    property bool waited: false

    signal backRequested()

    StackView.onRemoved: Alerts.closeDetail()

    Timer {
        interval: 4000
        running: !root.loaded && !root.waited
        onTriggered: root.waited = true
    }

    component Section: ColumnLayout {
        id: section
        property string heading
        default property alias content: sectionBody.data
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Text {
            Layout.fillWidth: true
            text: section.heading
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.8
            color: Theme.primary
            Accessible.role: Accessible.Heading
        }
        ColumnLayout {
            id: sectionBody
            Layout.fillWidth: true
            spacing: Theme.spacingXs
        }
    }

    component BodyText: Text {
        Layout.fillWidth: true
        visible: text !== ""
        font.pixelSize: Theme.fontBody
        lineHeight: 1.15
        color: Theme.text
        wrapMode: Text.Wrap
    }

    // A time of the alert: a label and the time, one line each on a phone.
    component TimeRow: RowLayout {
        id: timeRow
        property string label
        property string value
        property string valueObjectName
        Layout.fillWidth: true
        visible: value !== ""
        spacing: Theme.spacingM
        Text {
            Layout.preferredWidth: Math.round(130 * Theme.scale)
            text: timeRow.label
            font.pixelSize: Theme.fontBody
            color: Theme.textSecondary
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: timeRow.valueObjectName
            Layout.fillWidth: true
            text: timeRow.value
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.Wrap
        }
    }

    component Card: Rectangle {
        id: card
        default property alias content: cardColumn.data
        Layout.fillWidth: true
        implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacingL
        radius: Theme.radiusL
        color: Theme.surface
        border.width: 1
        border.color: Theme.outline
        ColumnLayout {
            id: cardColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacingL
            spacing: Theme.spacingM
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: root.loaded ? (root.detail.event || root.detail.headline || qsTr("Alert")) : qsTr("Alert")
            subtitle: root.loaded ? root.detail.senderName ?? "" : ""
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "alertDetailFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + 2 * Theme.spacingL
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                LoadingIndicator {
                    objectName: "alertDetailLoading"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXl
                    running: !root.loaded && !root.waited
                    text: qsTr("Loading the alert…")
                }
                EmptyState {
                    objectName: "alertDetailGone"
                    Layout.fillWidth: true
                    visible: !root.loaded && root.waited
                    glyph: "✓"
                    title: qsTr("This alert is no longer available")
                    body: qsTr("It was withdrawn or has ended, and is no longer on this device.")
                    actionText: qsTr("Back to the alerts")
                    onActionClicked: root.backRequested()
                }

                // Withdrawn, replaced or over: said first, so nobody acts on an old warning.
                StatusBanner {
                    objectName: "alertDetailState"
                    Layout.fillWidth: true
                    visible: root.loaded && !root.active
                    kind: root.alertState === "cancelled" ? StatusBanner.Warning : StatusBanner.Info
                    text: root.alertState === "cancelled"
                          ? qsTr("Cancelled: the sender has withdrawn this alert.")
                          : root.alertState === "replaced"
                          ? qsTr("Replaced: the sender has issued an update of this alert.")
                          : qsTr("Expired: this alert no longer applies.")
                }

                // Severity across the top: the badge, how urgent, how certain, where.
                Rectangle {
                    objectName: "alertDetailBanner"
                    Layout.fillWidth: true
                    visible: root.loaded
                    implicitHeight: bannerColumn.implicitHeight + 2 * Theme.spacingL
                    radius: Theme.radiusL
                    color: Theme.severityContainer(root.severity)
                    border.width: 1
                    border.color: Theme.severityColor(root.severity)

                    Rectangle {
                        width: Math.round(8 * Theme.scale)
                        height: parent.height
                        radius: Theme.radiusL
                        color: Theme.severityColor(root.severity)
                        Rectangle {
                            x: parent.width / 2
                            width: parent.width / 2
                            height: parent.height
                            color: parent.color
                        }
                    }

                    ColumnLayout {
                        id: bannerColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingL
                        anchors.leftMargin: Theme.spacingL + Math.round(8 * Theme.scale)
                        spacing: Theme.spacingS

                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.spacingS
                            SeverityBadge {
                                objectName: "alertDetailSeverity"
                                large: true
                                severity: root.severity
                                text: root.detail.severityText ?? ""
                            }
                            StatusChip {
                                objectName: "alertDetailWhere"
                                visible: (root.detail.where ?? "") !== ""
                                kind: StatusChip.Primary
                                text: "⌖ " + (root.detail.where ?? "")
                            }
                        }
                        Text {
                            objectName: "alertDetailHeadline"
                            Layout.fillWidth: true
                            text: root.detail.headline ?? ""
                            font.pixelSize: Theme.fontHeadline
                            font.weight: Font.Bold
                            font.strikeout: root.alertState === "cancelled"
                            color: Theme.text
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.Heading
                        }
                        Text {
                            objectName: "alertDetailEvent"
                            Layout.fillWidth: true
                            visible: text !== ""
                            text: ReportFormat.join([
                                (root.detail.event ?? "") !== (root.detail.headline ?? "") ? root.detail.event ?? "" : "",
                                AlertFormat.urgencyText(root.detail.urgency ?? "", Settings.language),
                                AlertFormat.certaintyText(root.detail.certainty ?? "", Settings.language)], " · ")
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.severityText(root.severity)
                            wrapMode: Text.Wrap
                        }
                        Text {
                            objectName: "alertDetailUntil"
                            Layout.fillWidth: true
                            visible: text !== "" && root.active
                            text: AlertFormat.until(root.detail.expires, Settings.language)
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                    }
                }

                GridLayout {
                    id: detailGrid
                    readonly property bool twoColumns: column.width >= 900
                    Layout.fillWidth: true
                    visible: root.loaded
                    columns: twoColumns ? 2 : 1
                    columnSpacing: Theme.spacingXl
                    rowSpacing: Theme.spacingL

                    ColumnLayout {
                        Layout.preferredWidth: detailGrid.twoColumns ? (column.width - detailGrid.columnSpacing) * 0.6
                                                                     : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingL

                        // What to do: the most important part, emphasised.
                        Rectangle {
                            objectName: "alertDetailInstructionCard"
                            Layout.fillWidth: true
                            visible: (root.detail.instruction ?? "") !== ""
                            implicitHeight: instructionColumn.implicitHeight + 2 * Theme.spacingL
                            radius: Theme.radiusL
                            color: Theme.accentContainer
                            border.width: 2
                            border.color: Theme.accent

                            ColumnLayout {
                                id: instructionColumn
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.margins: Theme.spacingL
                                spacing: Theme.spacingS
                                Text {
                                    Layout.fillWidth: true
                                    text: qsTr("What to do")
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.Bold
                                    color: Theme.text
                                    Accessible.role: Accessible.Heading
                                }
                                BodyText {
                                    objectName: "alertDetailInstruction"
                                    text: root.detail.instruction ?? ""
                                    font.pixelSize: Theme.fontBodyLarge
                                    font.weight: Font.DemiBold
                                }
                            }
                        }

                        Section {
                            heading: qsTr("What is happening")
                            visible: (root.detail.description ?? "") !== ""
                            BodyText {
                                objectName: "alertDetailDescription"
                                text: root.detail.description ?? ""
                            }
                        }

                        Section {
                            heading: qsTr("Area")
                            visible: (root.detail.area ?? "") !== ""
                            BodyText {
                                objectName: "alertDetailArea"
                                text: root.detail.area ?? ""
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: root.detail.concerns === true
                                text: qsTr("Your position or one of your saved places is in this area.")
                                font.pixelSize: Theme.fontCaption + 1
                                color: Theme.textSecondary
                                wrapMode: Text.Wrap
                            }
                        }
                    }

                    ColumnLayout {
                        Layout.preferredWidth: detailGrid.twoColumns ? (column.width - detailGrid.columnSpacing) * 0.4
                                                                     : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingL

                        Card {
                            Section {
                                heading: qsTr("When")
                                TimeRow {
                                    valueObjectName: "alertDetailSent"
                                    label: qsTr("Sent")
                                    value: AlertFormat.full(root.detail.sent, Settings.language)
                                }
                                TimeRow {
                                    valueObjectName: "alertDetailEffective"
                                    label: qsTr("In effect from")
                                    value: AlertFormat.full(root.detail.effective, Settings.language)
                                }
                                TimeRow {
                                    valueObjectName: "alertDetailOnset"
                                    label: qsTr("Expected to begin")
                                    value: AlertFormat.full(root.detail.onset, Settings.language)
                                }
                                TimeRow {
                                    valueObjectName: "alertDetailExpires"
                                    label: qsTr("Until")
                                    value: AlertFormat.full(root.detail.expires, Settings.language)
                                }
                            }
                        }

                        Card {
                            Section {
                                heading: qsTr("From")
                                BodyText {
                                    objectName: "alertDetailSender"
                                    font.weight: Font.DemiBold
                                    text: root.detail.senderName ?? ""
                                }
                                Text {
                                    Layout.fillWidth: true
                                    visible: text !== "" && text !== (root.detail.senderName ?? "")
                                    text: root.detail.sender ?? ""
                                    font.pixelSize: Theme.fontCaption + 1
                                    color: Theme.textSecondary
                                    wrapMode: Text.WrapAnywhere
                                }
                            }
                            Section {
                                heading: qsTr("Contact")
                                visible: (root.detail.contact ?? "") !== ""
                                TextEdit {
                                    objectName: "alertDetailContact"
                                    Layout.fillWidth: true
                                    text: root.detail.contact ?? ""
                                    readOnly: true
                                    selectByMouse: true
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                    wrapMode: TextEdit.Wrap
                                }
                            }
                            SecondaryButton {
                                objectName: "alertDetailWeb"
                                Layout.fillWidth: true
                                visible: root.webUrl !== ""
                                text: qsTr("More on the sender's website")
                                onClicked: Qt.openUrlExternally(root.webUrl)
                            }
                            Section {
                                heading: qsTr("Categories")
                                visible: categoriesText.text !== ""
                                BodyText {
                                    id: categoriesText
                                    objectName: "alertDetailCategories"
                                    text: AlertFormat.categoryNames(root.detail.categories, Alerts.categoryChoices)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
