pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Templates as T
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// One report (Reports.detail): photos, category and state, description, place, the agency in
// charge and what it said, the history of its states; for one still on this device its outbox
// state with Retry / Discard; once closed, a rating, or reopening it if it was not fixed.
Item {
    id: root
    objectName: "page_reportDetail"

    readonly property string pageName: "report"
    property bool showBack: true
    // The key given to Reports.openDetail().
    property string reportKey

    readonly property var detail: Reports.detail
    readonly property bool loaded: (detail.key ?? "") !== ""
    readonly property string reportState: detail.state ?? ""
    readonly property bool queued: (detail.outboxId ?? "") !== ""
                                   && (reportState === "waiting" || reportState === "sending" || reportState === "failed")
    // Rating being written: -1 none chosen, 1 satisfied, 0 not satisfied.
    property int ratingChoice: -1
    property bool reopening: false

    signal backRequested()

    StackView.onRemoved: Reports.closeDetail()

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
        color: Theme.text
        wrapMode: Text.Wrap
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

    // Satisfied / Not satisfied: one of two.
    component ChoiceButton: AbstractButton {
        id: choice
        property bool selected
        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
        implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + leftPadding + rightPadding)
        padding: Theme.spacingS
        leftPadding: Theme.spacingL
        rightPadding: Theme.spacingL
        Accessible.name: text
        Accessible.checkable: true
        Accessible.checked: selected
        background: Rectangle {
            radius: Theme.radiusM
            color: choice.selected ? Theme.primaryContainer : choice.down ? Theme.surfacePressed : Theme.surface
            border.width: choice.visualFocus ? 3 : choice.selected ? 2 : 1
            border.color: choice.visualFocus ? Theme.focus : choice.selected ? Theme.primary : Theme.outlineStrong
        }
        contentItem: Text {
            text: choice.text
            font.pixelSize: Theme.fontBody
            font.weight: choice.selected ? Font.DemiBold : Font.Normal
            color: choice.selected ? Theme.primary : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: root.loaded ? root.detail.serviceName : qsTr("Report")
            subtitle: !root.loaded ? ""
                      : (root.detail.requestId ?? "") !== "" ? qsTr("No. %1").arg(root.detail.requestId)
                      : qsTr("Not sent yet")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "reportDetailFlick"
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

                StatusBanner {
                    objectName: "reportDetailError"
                    Layout.fillWidth: true
                    visible: Reports.detailError !== ""
                    kind: StatusBanner.Error
                    text: Reports.detailError
                    actionText: qsTr("Retry")
                    actionObjectName: "reportDetailRetryLoad"
                    actionEnabled: !Reports.detailLoading
                    onActionClicked: Reports.openDetail(root.reportKey)
                }
                LoadingIndicator {
                    objectName: "reportDetailLoading"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXl
                    running: Reports.detailLoading && !root.loaded
                    text: qsTr("Loading the report…")
                }

                GridLayout {
                    id: detailGrid
                    readonly property bool twoColumns: column.width >= 900
                    Layout.fillWidth: true
                    visible: root.loaded
                    columns: twoColumns ? 2 : 1
                    columnSpacing: Theme.spacingXl
                    rowSpacing: Theme.spacingL

                    // The report itself.
                    // Explicit widths: wrapped texts in layouts otherwise ask for their
                    // unwrapped width.
                    ColumnLayout {
                        Layout.preferredWidth: detailGrid.twoColumns ? (column.width - detailGrid.columnSpacing) * 0.58
                                                                     : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingL

                        ListView {
                            id: photos
                            objectName: "reportDetailPhotos"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Math.round(180 * Theme.scale)
                            visible: count > 0
                            orientation: ListView.Horizontal
                            spacing: Theme.spacingS
                            clip: true
                            model: root.detail.photos ?? []
                            delegate: AbstractButton {
                                id: photoButton
                                required property string modelData
                                required property int index
                                objectName: "reportDetailPhoto_" + index
                                width: photos.count === 1 ? Math.min(photos.width, photos.height * 1.5) : photos.height * 1.25
                                height: photos.height
                                Accessible.name: qsTr("Photo %1, tap to enlarge").arg(index + 1)
                                onClicked: viewer.show(modelData)
                                background: Rectangle {
                                    radius: Theme.radiusM
                                    color: Theme.surfacePressed
                                    border.width: photoButton.visualFocus ? 3 : 0
                                    border.color: Theme.focus
                                }
                                contentItem: Image {
                                    source: photoButton.modelData
                                    fillMode: Image.PreserveAspectCrop
                                    sourceSize.width: 600
                                    asynchronous: true
                                }
                            }
                        }

                        Card {
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacingM
                                Text {
                                    objectName: "reportDetailCategory"
                                    Layout.fillWidth: true
                                    text: root.detail.serviceName ?? ""
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                    Accessible.role: Accessible.Heading
                                }
                                StatusChip {
                                    objectName: "reportDetailState"
                                    Layout.alignment: Qt.AlignTop
                                    text: root.detail.stateText ?? ""
                                    kind: ReportFormat.stateKind(root.reportState)
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: ReportFormat.join([
                                    ReportFormat.time(root.detail.time, Settings.language) !== ""
                                    ? qsTr("Reported %1").arg(ReportFormat.time(root.detail.time, Settings.language)) : "",
                                    ReportFormat.time(root.detail.updated, Settings.language) !== ""
                                    ? qsTr("updated %1").arg(ReportFormat.time(root.detail.updated, Settings.language)) : ""], " · ")
                                visible: text !== ""
                                font.pixelSize: Theme.fontCaption + 1
                                color: Theme.textSecondary
                                wrapMode: Text.Wrap
                            }
                            BodyText {
                                objectName: "reportDetailDescription"
                                text: root.detail.description ?? ""
                            }
                        }

                        // Still on this device: its outbox state.
                        StatusBanner {
                            objectName: "reportDetailOutbox"
                            Layout.fillWidth: true
                            visible: root.queued
                            kind: root.reportState === "failed" ? StatusBanner.Error : StatusBanner.Info
                            text: (root.detail.reason ?? "") !== "" ? root.detail.reason : (root.detail.stateText ?? "")
                            actionText: root.reportState === "failed" ? qsTr("Retry")
                                      : root.reportState === "waiting" ? qsTr("Send now") : ""
                            actionObjectName: "reportDetailRetryButton"
                            onActionClicked: Reports.retry(root.detail.outboxId)
                        }
                        SecondaryButton {
                            objectName: "reportDetailDiscardButton"
                            Layout.alignment: Qt.AlignRight
                            visible: root.queued && root.reportState === "failed"
                            text: qsTr("Discard this report")
                            onClicked: discardDialog.open()
                        }

                        Section {
                            heading: qsTr("Place")
                            visible: (root.detail.address ?? "") !== "" || coordinatesText.text !== ""
                            BodyText {
                                objectName: "reportDetailAddress"
                                text: root.detail.address ?? ""
                            }
                            Text {
                                id: coordinatesText
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: ReportFormat.coordinates(root.detail.latitude ?? NaN, root.detail.longitude ?? NaN)
                                font.pixelSize: Theme.fontCaption + 1
                                color: Theme.textSecondary
                            }
                        }

                        Section {
                            heading: qsTr("In charge")
                            visible: (root.detail.agency ?? "") !== "" || (root.detail.statusNotes ?? "") !== ""
                            BodyText {
                                objectName: "reportDetailAgency"
                                font.weight: Font.DemiBold
                                text: root.detail.agency ?? ""
                            }
                            BodyText {
                                objectName: "reportDetailNotes"
                                text: root.detail.statusNotes ?? ""
                            }
                        }
                    }

                    // What happened to it, and what the user can do now.
                    ColumnLayout {
                        Layout.preferredWidth: detailGrid.twoColumns ? (column.width - detailGrid.columnSpacing) * 0.42
                                                                     : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingL

                        Section {
                            heading: qsTr("History")
                            visible: (root.detail.history ?? []).length > 0

                            Repeater {
                                model: root.detail.history ?? []
                                // One step of the timeline: a dot on a line, then what happened.
                                Item {
                                    id: step
                                    required property var modelData
                                    required property int index
                                    readonly property bool last: index === (root.detail.history ?? []).length - 1
                                    objectName: "reportHistory_" + index
                                    Layout.fillWidth: true
                                    implicitHeight: stepText.implicitHeight + (last ? 0 : Theme.spacingL)

                                    Rectangle {
                                        x: Theme.spacingS - width / 2
                                        y: dot.height
                                        width: 2
                                        height: parent.height - dot.height + Theme.spacingXs
                                        visible: !step.last
                                        color: Theme.outline
                                    }
                                    Rectangle {
                                        id: dot
                                        x: Theme.spacingS - width / 2
                                        y: Theme.spacingXs
                                        width: Theme.spacingM
                                        height: width
                                        radius: width / 2
                                        color: step.index === 0 ? Theme.primary : Theme.surface
                                        border.width: 2
                                        border.color: Theme.primary
                                    }
                                    ColumnLayout {
                                        id: stepText
                                        x: Theme.spacingXl
                                        width: parent.width - x
                                        spacing: 2
                                        RowLayout {
                                            Layout.fillWidth: true
                                            spacing: Theme.spacingS
                                            StatusChip {
                                                text: step.modelData.stateText ?? ""
                                                kind: ReportFormat.stateKind(step.modelData.state ?? "")
                                            }
                                            Text {
                                                Layout.fillWidth: true
                                                text: ReportFormat.time(step.modelData.time, Settings.language)
                                                font.pixelSize: Theme.fontCaption
                                                color: Theme.textSecondary
                                                elide: Text.ElideRight
                                            }
                                        }
                                        BodyText { text: step.modelData.note ?? "" }
                                        Text {
                                            Layout.fillWidth: true
                                            visible: text !== ""
                                            text: step.modelData.agency ?? ""
                                            font.pixelSize: Theme.fontCaption
                                            color: Theme.textSecondary
                                            wrapMode: Text.Wrap
                                        }
                                    }
                                }
                            }
                        }

                        // The user's rating, once given.
                        Card {
                            objectName: "reportDetailRating"
                            visible: !!root.detail.rating
                            Text {
                                Layout.fillWidth: true
                                text: root.detail.rating && root.detail.rating.satisfied
                                      ? qsTr("You were satisfied with the result.")
                                      : qsTr("You were not satisfied with the result.")
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.DemiBold
                                color: Theme.text
                                wrapMode: Text.Wrap
                            }
                            BodyText { text: root.detail.rating ? root.detail.rating.comment ?? "" : "" }
                        }

                        // Rate a closed report.
                        Card {
                            objectName: "reportRateCard"
                            visible: root.detail.canRate === true
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Was the problem solved well?")
                                font.pixelSize: Theme.fontBodyLarge
                                font.weight: Font.DemiBold
                                color: Theme.text
                                wrapMode: Text.Wrap
                                Accessible.role: Accessible.Heading
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                ChoiceButton {
                                    objectName: "reportRateSatisfied"
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    text: qsTr("Satisfied")
                                    selected: root.ratingChoice === 1
                                    onClicked: root.ratingChoice = 1
                                }
                                ChoiceButton {
                                    objectName: "reportRateNotSatisfied"
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    text: qsTr("Not satisfied")
                                    selected: root.ratingChoice === 0
                                    onClicked: root.ratingChoice = 0
                                }
                            }
                            InputArea {
                                id: rateComment
                                objectName: "reportRateComment"
                                Layout.fillWidth: true
                                minimumLines: 2
                                placeholderText: qsTr("A comment (optional)")
                            }
                            PrimaryButton {
                                objectName: "reportRateSend"
                                Layout.alignment: Qt.AlignRight
                                enabled: root.ratingChoice >= 0
                                text: qsTr("Send rating")
                                onClicked: {
                                    Reports.rate(root.detail.requestId, root.ratingChoice === 1, rateComment.text.trim())
                                    root.ratingChoice = -1
                                    rateComment.clear()
                                }
                            }
                        }

                        // Reopen a report that was closed but not really fixed.
                        Card {
                            objectName: "reportReopenCard"
                            visible: root.detail.canReopen === true
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Not fixed?")
                                font.pixelSize: Theme.fontBodyLarge
                                font.weight: Font.DemiBold
                                color: Theme.text
                                Accessible.role: Accessible.Heading
                            }
                            Text {
                                Layout.fillWidth: true
                                text: ReportFormat.time(root.detail.reopenUntil, Settings.language) !== ""
                                      ? qsTr("If the problem is still there, reopen the report until %1 and say what is left.")
                                        .arg(ReportFormat.time(root.detail.reopenUntil, Settings.language))
                                      : qsTr("If the problem is still there, reopen the report and say what is left.")
                                font.pixelSize: Theme.fontBody
                                color: Theme.textSecondary
                                wrapMode: Text.Wrap
                            }
                            SecondaryButton {
                                objectName: "reportReopenButton"
                                visible: !root.reopening
                                text: qsTr("Reopen")
                                onClicked: root.reopening = true
                            }
                            InputArea {
                                id: reopenComment
                                objectName: "reportReopenComment"
                                Layout.fillWidth: true
                                visible: root.reopening
                                minimumLines: 2
                                placeholderText: qsTr("What is still wrong?")
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                visible: root.reopening
                                spacing: Theme.spacingS
                                Item { Layout.fillWidth: true }
                                SecondaryButton {
                                    objectName: "reportReopenCancel"
                                    text: qsTr("Cancel")
                                    onClicked: {
                                        root.reopening = false
                                        reopenComment.clear()
                                    }
                                }
                                PrimaryButton {
                                    objectName: "reportReopenSend"
                                    enabled: reopenComment.text.trim() !== ""
                                    text: qsTr("Reopen report")
                                    onClicked: {
                                        Reports.reopen(root.detail.requestId, reopenComment.text.trim())
                                        root.reopening = false
                                        reopenComment.clear()
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // A photo, large, over everything; a tap closes it.
    Popup {
        id: viewer
        objectName: "reportPhotoViewerPopup"
        property string source
        function show(url: string) {
            source = url
            open()
        }
        parent: T.Overlay.overlay
        x: 0
        y: 0
        width: parent ? parent.width : 0
        height: parent ? parent.height : 0
        modal: true
        padding: 0
        background: Rectangle { color: Qt.rgba(0, 0, 0, 0.9) }
        contentItem: Item {
            objectName: "reportPhotoViewer"
            Image {
                anchors.fill: parent
                anchors.margins: Theme.spacingL
                source: viewer.source
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }
            MouseArea {
                anchors.fill: parent
                onClicked: viewer.close()
            }
            ToolButton {
                objectName: "reportPhotoViewerClose"
                anchors.top: parent.top
                anchors.right: parent.right
                anchors.margins: Theme.spacingS
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
                text: qsTr("Close")
                Accessible.name: text
                onClicked: viewer.close()
                contentItem: Text {
                    text: "✕"
                    font.pixelSize: Theme.fontTitle
                    color: "#FFFFFF"
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: width / 2
                    color: Qt.rgba(1, 1, 1, 0.15)
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
            if (Reports.discard(root.detail.outboxId))
                root.backRequested()
        }
    }
}
