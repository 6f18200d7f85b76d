pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// "Alerts": the official warnings that concern the user (their position or a saved place),
// most severe first, kept live by the push stream; all of the province's on request. From here:
// an alert's detail, the saved places and muted categories, and a citizen's emergency report.
// The sub-pages open on the same StackView, above this page.
Item {
    id: root
    objectName: "page_alerts"

    readonly property string pageName: "alerts"
    property bool showBack: true
    readonly property bool firstLoad: Alerts.loading && Alerts.alerts.count === 0
    readonly property bool signedIn: Account.state === Account.SignedIn
    // No position came within a few seconds (or none can come).
    property bool positionLate: false
    readonly property bool noPosition: !Alerts.hasPosition
                                       && (!Location.available || Location.errorMessage !== "" || positionLate)
    readonly property var lastSubmission: Alerts.submissions.length > 0 ? Alerts.submissions[0] : null

    signal backRequested()

    // Pushes a page of this feature above this one; its backRequested / finished bring the user
    // back here.
    function push(url: string, properties: var): var {
        const view = root.StackView.view
        if (!view)
            return null
        const page = view.push(Qt.resolvedUrl(url), properties)
        page.backRequested.connect(() => view.pop(root))
        return page
    }

    function openAlert(alertId: string) {
        Alerts.openDetail(alertId)
        push("AlertDetailPage.qml", { alertId: alertId })
    }

    function openPlaces() {
        push("AlertPlacesPage.qml", {})
    }

    function submitAlert() {
        const page = push("SubmitAlertPage.qml", {})
        if (page)
            page.finished.connect(() => root.StackView.view.pop(root))
    }

    function signIn() {
        push("AccountPage.qml", { showBack: true })
    }

    function feedPosition() {
        if (Location.valid)
            Alerts.setCurrentPosition(Location.latitude, Location.longitude)
    }

    Component.onCompleted: {
        Location.start()
        feedPosition()
        if (root.signedIn)
            Alerts.refreshSubmissions()
    }
    Component.onDestruction: Location.stop()

    Timer {
        interval: 8000
        running: !Alerts.hasPosition
        onTriggered: root.positionLate = true
    }

    Connections {
        target: Location
        function onPositionChanged() { root.feedPosition() }
    }
    Connections {
        target: Alerts
        function onNotice(text: string) { toast.show(text) }
        function onSubmitted() { toast.show(qsTr("Your alert is on its way to the verification centre.")) }
    }

    Toast {
        id: toast
        objectName: "alertsToast"
        parent: T.Overlay.overlay
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
            spacing: Theme.spacingS
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Alerts")
            subtitle: qsTr("Floods, storms, power and water cuts")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "alertsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + Theme.spacingL + Theme.spacingXl
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                // The stream, discreetly: live, connecting, or offline since when.
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacingS
                    Rectangle {
                        objectName: "alertsStreamDot"
                        // Pulses while connecting.
                        property real pulse
                        implicitWidth: Theme.spacingM
                        implicitHeight: implicitWidth
                        radius: width / 2
                        color: AlertFormat.streamColor(Alerts.streamState)
                        opacity: Alerts.streamState === "connecting" ? pulse : 1
                        Accessible.ignored: true
                        SequentialAnimation on pulse {
                            running: Alerts.streamState === "connecting"
                            loops: Animation.Infinite
                            NumberAnimation { to: 0.3; duration: 600 }
                            NumberAnimation { to: 1; duration: 600 }
                        }
                    }
                    Text {
                        objectName: "alertsStreamState"
                        Layout.fillWidth: true
                        text: AlertFormat.streamText(Alerts.streamState, Alerts.updatedAt, Settings.language)
                        font.pixelSize: Theme.fontCaption + 1
                        color: Theme.textSecondary
                        wrapMode: Text.WordWrap
                    }
                    ToolButton {
                        id: refreshButton
                        objectName: "alertsRefreshButton"
                        implicitWidth: Theme.touchTarget
                        implicitHeight: Theme.touchTarget
                        enabled: !Alerts.loading
                        text: qsTr("Refresh")
                        Accessible.name: text
                        onClicked: Alerts.refresh()
                        contentItem: Text {
                            text: "↻"
                            font.pixelSize: Theme.fontTitle
                            color: refreshButton.enabled ? Theme.primary : Theme.textDisabled
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                        }
                        background: Rectangle {
                            radius: width / 2
                            color: refreshButton.down ? Theme.surfacePressed : "transparent"
                            border.width: refreshButton.visualFocus ? 3 : 0
                            border.color: Theme.focus
                        }
                    }
                }

                StatusBanner {
                    objectName: "alertsError"
                    Layout.fillWidth: true
                    Layout.topMargin: -Theme.spacingS
                    visible: Alerts.error !== ""
                    kind: StatusBanner.Error
                    text: Alerts.alerts.count > 0
                          ? qsTr("%1 Showing the alerts saved on this device.").arg(Alerts.error)
                          : Alerts.error
                    actionText: qsTr("Retry")
                    actionObjectName: "alertsRetry"
                    actionEnabled: !Alerts.loading
                    onActionClicked: Alerts.refresh()
                }

                StatusBanner {
                    objectName: "alertsNoPosition"
                    Layout.fillWidth: true
                    visible: root.noPosition && !Alerts.showAll
                    kind: StatusBanner.Info
                    text: Alerts.places.count > 0
                          ? qsTr("We do not know where you are: alerts are matched to your saved places only.")
                          : qsTr("We do not know where you are and you have no saved places: only alerts for the whole province are shown.")
                    actionText: Alerts.places.count > 0 ? "" : qsTr("Add a place")
                    actionObjectName: "alertsNoPositionAddPlace"
                    onActionClicked: root.openPlaces()
                }

                GridLayout {
                    id: grid
                    readonly property bool twoColumns: column.width >= 900
                    Layout.fillWidth: true
                    columns: twoColumns ? 2 : 1
                    columnSpacing: Theme.spacingXl
                    rowSpacing: Theme.spacingL

                    // The alerts.
                    ColumnLayout {
                        Layout.preferredWidth: grid.twoColumns ? (column.width - grid.columnSpacing) * 0.62 : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingM

                        Card {
                            ToggleSwitch {
                                id: showAllSwitch
                                objectName: "alertsShowAll"
                                Layout.fillWidth: true
                                text: qsTr("Show all alerts in the province")
                                font.weight: Font.DemiBold
                                // The service holds the state: a click asks it, the binding shows it.
                                checkable: false
                                checked: Alerts.showAll
                                onClicked: Alerts.showAll = !Alerts.showAll
                            }
                            Text {
                                Layout.fillWidth: true
                                text: Alerts.showAll
                                      ? qsTr("Alerts that concern your position or a saved place say so.")
                                      : qsTr("You see the alerts for your position, your saved places and the whole province.")
                                font.pixelSize: Theme.fontCaption + 1
                                color: Theme.textSecondary
                                wrapMode: Text.WordWrap
                            }
                        }

                        Text {
                            objectName: "alertsListTitle"
                            Layout.fillWidth: true
                            Layout.topMargin: Theme.spacingS
                            visible: Alerts.alerts.count > 0
                            text: Alerts.showAll ? qsTr("%n alert(s) in the province", "", Alerts.alerts.count)
                                                 : qsTr("%n alert(s) for you", "", Alerts.alerts.count)
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            color: Theme.text
                            Accessible.role: Accessible.Heading
                        }

                        LoadingIndicator {
                            objectName: "alertsLoading"
                            Layout.alignment: Qt.AlignHCenter
                            Layout.topMargin: Theme.spacingXl
                            running: root.firstLoad
                            text: qsTr("Loading the alerts…")
                        }

                        EmptyState {
                            objectName: "alertsEmpty"
                            Layout.fillWidth: true
                            // Not when the list could never be fetched: then nobody knows.
                            visible: !root.firstLoad && Alerts.alerts.count === 0
                                     && (Alerts.error === "" || AlertFormat.validDate(Alerts.updatedAt))
                            glyph: "✓"
                            title: Alerts.showAll ? qsTr("No alerts in the province right now")
                                                  : qsTr("No alerts for where you are")
                            body: Alerts.showAll
                                  ? qsTr("When the city or a partner issues a warning, it appears here at once.")
                                  : qsTr("Nothing concerns your position or your saved places right now. Add places such as home or work, or show all alerts in the province.")
                            actionText: Alerts.showAll ? "" : qsTr("Show all alerts")
                            onActionClicked: Alerts.showAll = true
                        }

                        Repeater {
                            model: Alerts.alerts

                            AlertRow {
                                required property int index
                                required property var model
                                objectName: "alertRow_" + index
                                Layout.fillWidth: true
                                severity: model.severity
                                severityText: model.severityText
                                headline: model.headline
                                event: model.event
                                area: model.area
                                where: model.where
                                sent: model.sent
                                expires: model.expires
                                unread: model.unread
                                onClicked: root.openAlert(model.alertId)
                            }
                        }
                    }

                    // Settings and the citizen's report.
                    ColumnLayout {
                        Layout.preferredWidth: grid.twoColumns ? (column.width - grid.columnSpacing) * 0.38 : column.width
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: grid.twoColumns ? 0 : Theme.spacingL
                        spacing: Theme.spacingM

                        AbstractButton {
                            id: placesButton
                            objectName: "alertsPlacesButton"
                            Layout.fillWidth: true
                            implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
                            padding: Theme.spacingL
                            hoverEnabled: true
                            readonly property string summary: ReportFormat.join([
                                Alerts.places.count === 0 ? qsTr("No saved places")
                                                          : qsTr("%n saved place(s)", "", Alerts.places.count),
                                Alerts.mutedCategories.length > 0
                                ? qsTr("%n category(ies) muted", "", Alerts.mutedCategories.length) : ""], " · ")
                            text: qsTr("My places & muted categories")
                            Accessible.name: text + ". " + summary
                            onClicked: root.openPlaces()

                            background: Rectangle {
                                radius: Theme.radiusL
                                color: placesButton.down ? Theme.surfacePressed : Theme.surface
                                border.width: placesButton.visualFocus ? 3 : 1
                                border.color: placesButton.visualFocus ? Theme.focus
                                            : placesButton.hovered ? Theme.outlineStrong : Theme.outline
                            }
                            contentItem: RowLayout {
                                spacing: Theme.spacingM
                                Rectangle {
                                    implicitWidth: Theme.touchTarget
                                    implicitHeight: implicitWidth
                                    radius: width / 2
                                    color: Theme.primaryContainer
                                    Icon {
                                        anchors.centerIn: parent
                                        glyph: "⌂"
                                        size: Theme.fontTitle + 2
                                    }
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 2
                                    Text {
                                        Layout.fillWidth: true
                                        text: placesButton.text
                                        font.pixelSize: Theme.fontBodyLarge
                                        font.weight: Font.DemiBold
                                        color: Theme.text
                                        wrapMode: Text.WordWrap
                                    }
                                    Text {
                                        objectName: "alertsPlacesSummary"
                                        Layout.fillWidth: true
                                        text: placesButton.summary
                                        font.pixelSize: Theme.fontCaption + 1
                                        color: Theme.textSecondary
                                        wrapMode: Text.WordWrap
                                    }
                                }
                                Text {
                                    text: "›"
                                    font.pixelSize: Theme.fontHeadline
                                    color: Theme.primary
                                }
                            }
                        }

                        Card {
                            objectName: "alertsReportCard"
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Seen something dangerous?")
                                font.pixelSize: Theme.fontTitle
                                font.weight: Font.DemiBold
                                color: Theme.text
                                wrapMode: Text.WordWrap
                                Accessible.role: Accessible.Heading
                            }
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("A flood, a fire, a fallen tree, a broken dike: tell the city's verification centre. Once checked, everyone nearby is warned.")
                                font.pixelSize: Theme.fontBody
                                color: Theme.textSecondary
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("In danger right now? Call 114 (fire and rescue), 115 (ambulance) or 113 (police) first.")
                                font.pixelSize: Theme.fontCaption + 1
                                font.weight: Font.DemiBold
                                color: Theme.error
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                objectName: "alertsSignInNote"
                                Layout.fillWidth: true
                                Layout.topMargin: Theme.spacingXs
                                visible: !root.signedIn
                                text: qsTr("Sign in first: the verification centre needs to know who sent a report, and tells you what became of it.")
                                font.pixelSize: Theme.fontBody
                                color: Theme.info
                                wrapMode: Text.WordWrap
                            }
                            PrimaryButton {
                                objectName: "alertsSignInButton"
                                Layout.fillWidth: true
                                Layout.topMargin: Theme.spacingXs
                                visible: !root.signedIn
                                text: qsTr("Sign in to report")
                                onClicked: root.signIn()
                            }
                            PrimaryButton {
                                objectName: "alertsSubmitButton"
                                Layout.fillWidth: true
                                Layout.topMargin: Theme.spacingXs
                                visible: root.signedIn
                                text: qsTr("Report an emergency")
                                onClicked: root.submitAlert()
                            }

                            // The latest citizen alert and what became of it.
                            RowLayout {
                                objectName: "alertsLastSubmission"
                                Layout.fillWidth: true
                                Layout.topMargin: Theme.spacingXs
                                visible: root.signedIn && root.lastSubmission !== null
                                spacing: Theme.spacingS
                                Text {
                                    Layout.fillWidth: true
                                    text: root.lastSubmission
                                          ? qsTr("Your last report: %1").arg(
                                                AlertFormat.categoryNames([root.lastSubmission.category], Alerts.categoryChoices))
                                          : ""
                                    font.pixelSize: Theme.fontCaption + 1
                                    color: Theme.textSecondary
                                    wrapMode: Text.WordWrap
                                }
                                StatusChip {
                                    Layout.maximumWidth: column.width * 0.45
                                    text: root.lastSubmission ? root.lastSubmission.stateText ?? "" : ""
                                    kind: AlertFormat.submissionKind(root.lastSubmission ? root.lastSubmission.state ?? "" : "")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
