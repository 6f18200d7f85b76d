pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// "Report a problem": a new report, and the user's reports with their state (waiting, sending,
// failed with a reason, then the city's progress). Pull the list down to refresh it. The new
// report and a report's detail open on the same StackView, above this page.
Item {
    id: root
    objectName: "page_report"

    readonly property string pageName: "report"
    property bool showBack: true
    readonly property bool hasDraft: Reports.draft.category !== "" || Reports.draft.photos.length > 0
                                     || Reports.draft.description !== ""
    readonly property bool firstLoad: Reports.myReportsLoading && Reports.myReports.count === 0
    readonly property real pullThreshold: Theme.touchTarget * 1.5
    // The report Discard was asked for (waiting for the confirmation).
    property string discarding

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

    function newReport() {
        const page = push("NewReportPage.qml", {})
        if (page)
            page.finished.connect(() => root.StackView.view.pop(root))
    }

    function openReport(key: string) {
        Reports.openDetail(key)
        push("ReportDetailPage.qml", { reportKey: key })
    }

    Component.onCompleted: Reports.refreshMine()

    Connections {
        target: Reports
        function onNotice(text: string) { toast.show(text) }
    }

    Toast {
        id: toast
        objectName: "reportsToast"
        parent: T.Overlay.overlay
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Report a problem")
            subtitle: qsTr("Potholes, street lights, litter, flooding")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true

            // Pull to refresh: shown above the list while it is dragged down, and while refreshing.
            Item {
                id: pull
                objectName: "reportsPull"
                readonly property real distance: Math.max(0, -list.verticalOvershoot)
                anchors.horizontalCenter: parent.horizontalCenter
                y: Math.min(distance, root.pullThreshold * 1.3) - height
                   + (Reports.myReportsLoading && !root.firstLoad ? height + Theme.spacingS : 0)
                width: pullRow.implicitWidth + 2 * Theme.spacingL
                height: Theme.touchTarget
                visible: distance > 0 || (Reports.myReportsLoading && !root.firstLoad)
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
                        running: Reports.myReportsLoading
                    }
                    Text {
                        text: Reports.myReportsLoading ? qsTr("Refreshing…")
                            : pull.distance >= root.pullThreshold ? qsTr("Release to refresh")
                            : qsTr("Pull to refresh")
                        font.pixelSize: Theme.fontCaption + 1
                        color: Theme.textSecondary
                    }
                }
            }

            // A Flickable, not a ListView: Qt 6.4's ListView creates its header outside the
            // header's creation context, which a bound component refuses; the list is short.
            Flickable {
                id: list
                objectName: "reportsList"
                readonly property real columnWidth: Math.min(width - 2 * Theme.spacingL, Theme.contentMaxWidth * 0.7)

                anchors.fill: parent
                contentWidth: width
                contentHeight: column.implicitHeight + Theme.spacingL + Theme.spacingXl
                boundsBehavior: Flickable.DragOverBounds
                ScrollBar.vertical: ScrollBar { }
                onDragEnded: {
                    if (-verticalOvershoot >= root.pullThreshold && !Reports.myReportsLoading)
                        Reports.refreshMine()
                }

                ColumnLayout {
                    id: column
                    x: (list.width - list.columnWidth) / 2
                    y: Theme.spacingL
                    width: list.columnWidth
                    spacing: Theme.spacingL

                    // The way in: a new report (or back to the one left unfinished).
                    Rectangle {
                        Layout.fillWidth: true
                        visible: !emptyState.visible
                        implicitHeight: intro.implicitHeight + 2 * Theme.spacingL
                        radius: Theme.radiusL
                        color: Theme.surface
                        border.width: 1
                        border.color: Theme.outline

                        // Texts and button side by side when there is room. Positioners, not
                        // layouts: wrapped texts then report their real height.
                        Item {
                            id: intro
                            readonly property bool sideBySide: list.columnWidth >= 660
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.margins: Theme.spacingL
                            implicitHeight: sideBySide ? Math.max(introTexts.height, newButton.height)
                                                       : introTexts.height + Theme.spacingM + newButton.height

                            Column {
                                id: introTexts
                                y: intro.sideBySide ? (intro.height - height) / 2 : 0
                                width: intro.sideBySide ? intro.width - newButton.width - Theme.spacingL : intro.width
                                spacing: Theme.spacingXs
                                Text {
                                    width: parent.width
                                    text: qsTr("Seen a problem in the city?")
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                    Accessible.role: Accessible.Heading
                                }
                                Text {
                                    width: parent.width
                                    text: qsTr("Send a photo and the place to the city's operations centre, then follow it until it is fixed.")
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.textSecondary
                                    wrapMode: Text.WordWrap
                                }
                            }
                            PrimaryButton {
                                id: newButton
                                objectName: "reportsNewButton"
                                x: intro.sideBySide ? intro.width - width : 0
                                y: intro.sideBySide ? (intro.height - height) / 2 : introTexts.height + Theme.spacingM
                                width: intro.sideBySide ? implicitWidth : intro.width
                                height: Theme.touchTarget + Theme.spacingM
                                text: root.hasDraft ? qsTr("Continue your report") : qsTr("New report")
                                font.pixelSize: Theme.fontBodyLarge
                                onClicked: root.newReport()
                            }
                        }
                    }

                    StatusBanner {
                        objectName: "reportsUnsentNote"
                        Layout.fillWidth: true
                        visible: Reports.unsentCount > 0
                        kind: StatusBanner.Info
                        text: qsTr("%n report(s) waiting to be sent. They go by themselves when there is a connection.", "", Reports.unsentCount)
                    }

                    StatusBanner {
                        objectName: "reportsError"
                        Layout.fillWidth: true
                        visible: Reports.myReportsError !== ""
                        kind: StatusBanner.Error
                        text: Reports.myReports.count > 0
                              ? qsTr("%1 Showing the reports saved on this device.").arg(Reports.myReportsError)
                              : Reports.myReportsError
                        actionText: qsTr("Retry")
                        actionObjectName: "reportsRefreshRetry"
                        actionEnabled: !Reports.myReportsLoading
                        onActionClicked: Reports.refreshMine()
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacingS
                        visible: Reports.myReports.count > 0
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("My reports")
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            color: Theme.text
                            Accessible.role: Accessible.Heading
                        }
                        // For mouse, keyboard and screen readers: the same as pulling down.
                        ToolButton {
                            id: refreshButton
                            objectName: "reportsRefreshButton"
                            implicitWidth: Theme.touchTarget
                            implicitHeight: Theme.touchTarget
                            enabled: !Reports.myReportsLoading
                            text: qsTr("Refresh")
                            Accessible.name: text
                            onClicked: Reports.refreshMine()
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

                    LoadingIndicator {
                        objectName: "reportsLoading"
                        Layout.alignment: Qt.AlignHCenter
                        Layout.topMargin: Theme.spacingXl
                        running: root.firstLoad
                        text: qsTr("Loading your reports…")
                    }

                    EmptyState {
                        id: emptyState
                        objectName: "reportsEmpty"
                        Layout.fillWidth: true
                        visible: !root.firstLoad && Reports.myReports.count === 0
                        glyph: "⚑"
                        title: qsTr("You have not reported anything yet")
                        body: qsTr("See a pothole, a broken street light, litter or a flooded street? Report it with a photo and the place, and follow it until it is fixed.")
                        actionText: root.hasDraft ? qsTr("Continue your report") : qsTr("New report")
                        onActionClicked: root.newReport()
                    }

                    Repeater {
                        model: Reports.myReports

                        ReportRow {
                            required property int index
                            required property var model
                            objectName: "reportRow_" + index
                            Layout.fillWidth: true
                            serviceName: model.serviceName
                            description: model.description
                            address: model.address
                            reportState: model.state
                            stateText: model.stateText
                            reason: model.reason
                            time: model.time
                            photo: model.photo
                            photoCount: model.photoCount
                            outboxId: model.outboxId
                            onClicked: root.openReport(model.key)
                            onRetryClicked: Reports.retry(model.outboxId)
                            onDiscardClicked: {
                                root.discarding = model.outboxId
                                discardDialog.open()
                            }
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: discardDialog
        objectName: "reportDiscardDialog"
        heading: qsTr("Discard this report?")
        body: qsTr("It was not sent and will be deleted from this device with its photos.")
        acceptText: qsTr("Discard")
        acceptObjectName: "reportDiscardConfirm"
        onAccepted: {
            Reports.discard(root.discarding)
            root.discarding = ""
        }
        onRejected: root.discarding = ""
    }
}
