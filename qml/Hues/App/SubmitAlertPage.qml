pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// A citizen's emergency report for the verification centre: what is happening (a CAP category),
// what they see, where (their position or a saved place), an optional photo. Send queues it in
// the outbox (it goes when there is a connection) and the page closes (finished()); below the
// form, the user's earlier reports and what became of them.
Item {
    id: root
    objectName: "page_submitAlert"

    readonly property string pageName: "alerts"
    property bool showBack: true
    readonly property int maxLength: Alerts.maxSubmissionLength
    readonly property bool signedIn: Account.state === Account.SignedIn

    property string category
    // A file URL, or "".
    property string photo
    // "here" (the device's position) or a saved place's id.
    property string placeChoice: Location.valid ? "here" : ""
    property real placeLatitude: NaN
    property real placeLongitude: NaN
    readonly property bool placeGiven: placeChoice === "here" ? Location.valid
                                                              : placeChoice !== "" && !isNaN(placeLatitude)
    readonly property string trimmedText: textField.text.trim()
    readonly property bool canSend: signedIn && category !== "" && trimmedText !== ""
                                    && !textField.tooLong && placeGiven
    // Send was pressed: waiting for the alert to be queued.
    property bool sending: false
    // ... while its photo is prepared.
    property bool preparingPhoto: false

    signal backRequested()
    // The report was queued: back to the alerts.
    signal finished()

    function send() {
        const lat = placeChoice === "here" ? Location.latitude : placeLatitude
        const lon = placeChoice === "here" ? Location.longitude : placeLongitude
        // Set first: without a photo, Alerts.submitted comes inside submitAlert().
        sending = true
        const accepted = Alerts.submitAlert(category, trimmedText, photo, lat, lon)
        preparingPhoto = accepted && sending && Alerts.submitting
        if (!preparingPhoto)
            sending = false
    }

    // The photo could not be used (Alerts said why): the form stays as it was.
    function checkPhotoFailed() {
        if (preparingPhoto && !Alerts.submitting) {
            preparingPhoto = false
            sending = false
        }
    }

    Component.onCompleted: {
        Location.start()
        if (signedIn)
            Alerts.refreshSubmissions()
    }

    Connections {
        target: Alerts
        // Queued: back to the alerts (which says so in a toast).
        function onSubmitted() {
            if (!root.sending)
                return
            root.sending = false
            root.preparingPhoto = false
            root.finished()
        }
        // Later: the list may change just before submitted() comes.
        function onSubmissionsChanged() {
            if (root.preparingPhoto && !Alerts.submitting)
                photoCheck.restart()
        }
    }

    Timer {
        id: photoCheck
        interval: 0
        onTriggered: root.checkPhotoFailed()
    }

    // The position comes after the page opened: use it, unless a saved place was chosen.
    Connections {
        target: Location
        function onPositionChanged() {
            if (root.placeChoice === "" && Location.valid)
                root.placeChoice = "here"
        }
    }

    component Heading: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.WordWrap
        Accessible.role: Accessible.Heading
    }

    component Hint: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        color: Theme.textSecondary
        wrapMode: Text.WordWrap
    }

    // One of several choices (a category, a place): outlined, filled when chosen.
    component ChoiceButton: AbstractButton {
        id: choice
        property bool selected
        property string detail
        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
        implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + leftPadding + rightPadding)
        padding: Theme.spacingS
        leftPadding: Theme.spacingM
        rightPadding: Theme.spacingM
        hoverEnabled: true
        Accessible.name: detail !== "" ? text + ", " + detail : text
        Accessible.checkable: true
        Accessible.checked: selected
        background: Rectangle {
            radius: Theme.radiusM
            color: choice.selected ? Theme.primaryContainer : choice.down ? Theme.surfacePressed : Theme.surface
            border.width: choice.visualFocus ? 3 : choice.selected ? 2 : 1
            border.color: choice.visualFocus ? Theme.focus : choice.selected ? Theme.primary
                        : choice.hovered ? Theme.outlineStrong : Theme.outline
        }
        contentItem: RowLayout {
            spacing: Theme.spacingS
            Text {
                visible: choice.selected
                text: "✓"
                font.pixelSize: Theme.fontBody
                font.weight: Font.Bold
                color: Theme.primary
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    Layout.fillWidth: true
                    text: choice.text
                    font.pixelSize: Theme.fontBody
                    font.weight: choice.selected ? Font.DemiBold : Font.Normal
                    color: choice.selected ? Theme.primary : Theme.text
                    wrapMode: Text.WordWrap
                }
                Text {
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: choice.detail
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textSecondary
                    wrapMode: Text.WordWrap
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("Report an emergency")
            subtitle: qsTr("Checked by the verification centre, then broadcast")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "submitAlertFlick"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: column.implicitHeight + 2 * Theme.spacingL
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ColumnLayout {
                id: column
                x: Math.max(Theme.spacingL, (flick.width - Theme.contentMaxWidth * 0.75) / 2)
                y: Theme.spacingL
                width: flick.width - 2 * x
                spacing: Theme.spacingL

                StatusBanner {
                    objectName: "submitAlertEmergencyNumbers"
                    Layout.fillWidth: true
                    kind: StatusBanner.Warning
                    text: qsTr("In danger right now? Call 114 (fire and rescue), 115 (ambulance) or 113 (police) first.")
                }

                // Signed out (or the session ended): why an account is needed, and the way in.
                EmptyState {
                    objectName: "submitAlertSignedOut"
                    Layout.fillWidth: true
                    visible: !root.signedIn
                    glyph: "person"
                    title: qsTr("Sign in to report an emergency")
                    body: qsTr("The verification centre needs to know who sent a report, may call you back, and tells you what became of it.")
                    actionText: qsTr("Sign in")
                    onActionClicked: {
                        const view = root.StackView.view
                        if (!view)
                            return
                        const page = view.push(Qt.resolvedUrl("AccountPage.qml"), { showBack: true })
                        page.backRequested.connect(() => view.pop(root))
                    }
                }

                ColumnLayout {
                    objectName: "submitAlertForm"
                    Layout.fillWidth: true
                    visible: root.signedIn
                    spacing: Theme.spacingL

                    Heading { text: qsTr("What is happening?") }
                    Flow {
                        id: categoryFlow
                        readonly property int columns: width >= 640 ? 3 : 2
                        readonly property real cellWidth: (width - (columns - 1) * spacing) / columns
                        Layout.fillWidth: true
                        spacing: Theme.spacingS
                        Repeater {
                            model: Alerts.categoryChoices
                            ChoiceButton {
                                required property var modelData
                                objectName: "submitAlertCategory_" + modelData.code
                                width: categoryFlow.cellWidth
                                text: modelData.name
                                selected: root.category === modelData.code
                                onClicked: root.category = modelData.code
                            }
                        }
                    }

                    Heading { text: qsTr("What do you see?") }
                    InputArea {
                        id: textField
                        objectName: "submitAlertText"
                        Layout.fillWidth: true
                        minimumLines: 4
                        maxLength: root.maxLength
                        placeholderText: qsTr("What is happening, how bad it is, whether people are in danger.")
                        Accessible.name: qsTr("What do you see?")
                    }
                    Text {
                        objectName: "submitAlertTooLong"
                        Layout.fillWidth: true
                        visible: textField.tooLong
                        text: qsTr("Please shorten it to %1 characters.").arg(root.maxLength)
                        font.pixelSize: Theme.fontCaption + 1
                        color: Theme.error
                        wrapMode: Text.WordWrap
                    }

                    Heading { text: qsTr("Where?") }
                    StatusBanner {
                        objectName: "submitAlertNoPlace"
                        Layout.fillWidth: true
                        visible: !Location.valid && Alerts.places.count === 0
                                 && (!Location.available || Location.errorMessage !== "")
                        kind: StatusBanner.Warning
                        text: (Location.errorMessage !== "" ? Location.errorMessage + " " : "")
                              + qsTr("This device cannot tell where you are, and you have no saved places. Save a place in My places (stand there and tap Save here, or type its coordinates), then report.")
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingS

                        ChoiceButton {
                            objectName: "submitAlertPlaceHere"
                            Layout.fillWidth: true
                            visible: Location.available
                            enabled: Location.valid
                            text: qsTr("Where I am")
                            detail: Location.valid
                                    ? ReportFormat.join([ReportFormat.coordinates(Location.latitude, Location.longitude),
                                                         Location.accuracy > 0 ? qsTr("± %1 m").arg(Math.round(Location.accuracy)) : ""], " ")
                                    : Location.errorMessage !== "" ? Location.errorMessage : qsTr("Finding your position…")
                            selected: root.placeChoice === "here"
                            onClicked: root.placeChoice = "here"
                        }
                        Repeater {
                            model: Alerts.places
                            ChoiceButton {
                                required property int index
                                required property string placeId
                                required property string name
                                required property string kind
                                required property real latitude
                                required property real longitude
                                objectName: "submitAlertPlace_" + index
                                Layout.fillWidth: true
                                text: AlertFormat.kindGlyph(kind) + "  " + name
                                detail: AlertFormat.kindText(kind, Settings.language)
                                selected: root.placeChoice === placeId
                                onClicked: {
                                    root.placeChoice = placeId
                                    root.placeLatitude = latitude
                                    root.placeLongitude = longitude
                                }
                            }
                        }
                    }

                    Heading { text: qsTr("Photo (optional)") }
                    Hint {
                        text: qsTr("A photo helps the centre judge quickly. The place and other hidden data are removed from it before it is sent.")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacingM
                        Rectangle {
                            visible: root.photo !== ""
                            implicitWidth: Math.round(Theme.touchTarget * 2)
                            implicitHeight: implicitWidth
                            radius: Theme.radiusM
                            color: Theme.surfacePressed
                            clip: true
                            Image {
                                objectName: "submitAlertPhotoPreview"
                                anchors.fill: parent
                                source: root.photo
                                fillMode: Image.PreserveAspectCrop
                                sourceSize.width: 200
                                sourceSize.height: 200
                                asynchronous: true
                            }
                        }
                        SecondaryButton {
                            objectName: "submitAlertPhoto"
                            text: root.photo === "" ? qsTr("Choose a photo") : qsTr("Another photo")
                            onClicked: photoDialog.open()
                        }
                        SecondaryButton {
                            objectName: "submitAlertPhotoRemove"
                            visible: root.photo !== ""
                            text: qsTr("Remove")
                            onClicked: root.photo = ""
                        }
                        Item { Layout.fillWidth: true }
                    }

                    Hint {
                        font.pixelSize: Theme.fontCaption + 1
                        text: qsTr("No network? Send anyway: the report waits on this device and goes as soon as there is a connection.")
                    }
                    Text {
                        objectName: "submitAlertMissing"
                        Layout.fillWidth: true
                        visible: !root.canSend
                        text: root.category === "" ? qsTr("Choose what is happening.")
                            : root.trimmedText === "" ? qsTr("Say what you see.")
                            : !root.placeGiven ? qsTr("Choose the place.") : ""
                        font.pixelSize: Theme.fontCaption + 1
                        color: Theme.textSecondary
                        wrapMode: Text.WordWrap
                    }
                    PrimaryButton {
                        objectName: "submitAlertSend"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touchTarget + Theme.spacingS
                        enabled: root.canSend && !root.sending
                        text: root.preparingPhoto ? qsTr("Preparing the photo…") : qsTr("Send to the verification centre")
                        font.pixelSize: Theme.fontBodyLarge
                        onClicked: root.send()
                    }
                }

                // The user's earlier reports and what became of them.
                Heading {
                    Layout.topMargin: Theme.spacingL
                    visible: root.signedIn
                    text: qsTr("My submitted alerts")
                }
                Hint {
                    objectName: "submitAlertNoSubmissions"
                    visible: root.signedIn && Alerts.submissions.length === 0
                    text: qsTr("You have not reported an emergency yet.")
                }
                Repeater {
                    model: root.signedIn ? Alerts.submissions : []
                    Rectangle {
                        id: submission
                        required property var modelData
                        required property int index
                        readonly property string submissionState: modelData.state ?? ""
                        objectName: "submission_" + index
                        Layout.fillWidth: true
                        implicitHeight: submissionColumn.implicitHeight + 2 * Theme.spacingM
                        radius: Theme.radiusL
                        color: Theme.surface
                        border.width: 1
                        border.color: submissionState === "failed" || submissionState === "rejected"
                                      ? Qt.rgba(Theme.error.r, Theme.error.g, Theme.error.b, 0.5) : Theme.outline

                        ColumnLayout {
                            id: submissionColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: Theme.spacingM
                            spacing: Theme.spacingXs

                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                Text {
                                    Layout.fillWidth: true
                                    text: AlertFormat.categoryNames([submission.modelData.category], Alerts.categoryChoices)
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    elide: Text.ElideRight
                                }
                                StatusChip {
                                    objectName: "submissionState"
                                    Layout.alignment: Qt.AlignTop
                                    Layout.maximumWidth: submissionColumn.width * 0.55
                                    text: submission.modelData.stateText ?? ""
                                    kind: AlertFormat.submissionKind(submission.submissionState)
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: submission.modelData.text ?? ""
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                                maximumLineCount: 3
                                elide: Text.ElideRight
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: ReportFormat.time(submission.modelData.time, Settings.language)
                                font.pixelSize: Theme.fontCaption
                                color: Theme.textSecondary
                            }
                            Text {
                                objectName: "submissionReason"
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: submission.modelData.reason ?? ""
                                font.pixelSize: Theme.fontCaption + 1
                                font.weight: Font.DemiBold
                                color: submission.submissionState === "failed" || submission.submissionState === "rejected"
                                       ? Theme.error : Theme.info
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }
        }
    }

    FileDialog {
        id: photoDialog
        title: qsTr("Choose a photo")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.webp *.gif)")]
        onAccepted: root.photo = String(selectedFile)
    }
}
