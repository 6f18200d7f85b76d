pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Hues.Ui
import Hues.App
import Hues.Services

// A new report, step by step: category, photos, place, details, review and send. Everything
// lives in Reports.draft, so leaving the page keeps the report for later; Send puts it in the
// outbox and the page closes (finished()).
Item {
    id: root
    objectName: "page_newReport"

    readonly property string pageName: "report"
    property bool showBack: true
    property int step: 0
    // The furthest step reached, for the step indicator.
    property int furthest: 0
    // The draft held something when the page opened.
    property bool resumed: false
    // The last GPS fix seen (the pin may have been moved away from it).
    property real gpsLatitude: NaN
    property real gpsLongitude: NaN
    // Set when more photos were picked than fit.
    property string photoNote

    readonly property list<string> stepNames: [qsTr("Category"), qsTr("Photos"), qsTr("Place"),
                                               qsTr("Details"), qsTr("Review")]
    readonly property bool placeGiven: Reports.draft.hasLocation || Reports.draft.address.trim() !== ""

    signal backRequested()
    // The report was queued or the user follows another one: back to the list.
    signal finished()

    function stepComplete(index: int): bool {
        if (index === 0)
            return Reports.draft.category !== ""
        if (index === 2)
            return placeGiven
        return true
    }

    function goTo(index: int) {
        if (index < 0 || index >= stepNames.length)
            return
        step = index
        furthest = Math.max(furthest, index)
    }

    function applyFix() {
        if (!Location.valid)
            return
        gpsLatitude = Location.latitude
        gpsLongitude = Location.longitude
        // A pin the user put by hand stays where they put it.
        if (Reports.draft.locationSource !== "manual")
            Reports.draft.setPosition(Location.latitude, Location.longitude, Location.accuracy)
    }

    onStepChanged: {
        if (step === 2) {
            Location.start()
            applyFix()
        } else {
            Location.stop()
        }
        if (step === 4)
            Reports.draft.checkNearby()
    }

    Component.onCompleted: {
        const d = Reports.draft
        resumed = d.category !== "" || d.photos.length > 0 || d.description !== "" || d.address !== ""
        if (Reports.categories.count === 0 || Reports.categoriesError !== "")
            Reports.refreshCategories()
    }
    Component.onDestruction: Location.stop()

    Connections {
        target: Location
        enabled: root.step === 2
        function onPositionChanged() { root.applyFix() }
    }
    Connections {
        target: Reports.draft
        function onSubmitted() { root.finished() }
    }

    // One step: a scrolling column, centred on wide screens.
    component StepPage: Flickable {
        id: stepPage
        default property alias content: stepColumn.data
        contentWidth: width
        contentHeight: stepColumn.implicitHeight + 2 * Theme.spacingL
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: stepColumn
            x: Math.max(Theme.spacingL, (stepPage.width - Theme.contentMaxWidth * 0.75) / 2)
            y: Theme.spacingL
            width: stepPage.width - 2 * x
            spacing: Theme.spacingL
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

    // A label and its value in the review.
    component SummaryRow: ColumnLayout {
        id: summaryRow
        property string label
        property string value
        default property alias extra: extraColumn.data
        Layout.fillWidth: true
        spacing: 2
        Text {
            Layout.fillWidth: true
            text: summaryRow.label
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.6
            color: Theme.primary
        }
        Text {
            Layout.fillWidth: true
            visible: text !== ""
            text: summaryRow.value
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.Wrap
        }
        ColumnLayout {
            id: extraColumn
            Layout.fillWidth: true
            spacing: Theme.spacingXs
        }
    }

    // A button of the pin's cross: moves the pin 10 m one way.
    component NudgeButton: AbstractButton {
        id: nudge
        property string arrow
        implicitWidth: Theme.touchTarget
        implicitHeight: Theme.touchTarget
        Accessible.name: text
        background: Rectangle {
            radius: Theme.radiusM
            color: nudge.down ? Theme.primaryContainer : nudge.hovered ? Theme.surfacePressed : Theme.surface
            border.width: nudge.visualFocus ? 3 : 1.5
            border.color: nudge.visualFocus ? Theme.focus : nudge.enabled ? Theme.primary : Theme.outline
        }
        contentItem: Text {
            text: nudge.arrow
            font.pixelSize: Theme.fontTitle
            font.weight: Font.Bold
            color: nudge.enabled ? Theme.primary : Theme.textDisabled
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("New report")
            subtitle: Reports.draft.categoryName
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: steps.implicitHeight + 2 * Theme.spacingS
            color: Theme.surface

            StepIndicator {
                id: steps
                objectName: "reportSteps"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.spacingS, Theme.contentMaxWidth * 0.75)
                steps: root.stepNames
                currentIndex: root.step
                reachable: {
                    // Forward only over complete steps.
                    let r = root.step
                    while (r < root.furthest && root.stepComplete(r))
                        ++r
                    return r
                }
                onStepClicked: index => root.goTo(index)
            }
            Rectangle {
                anchors.bottom: parent.bottom
                width: parent.width
                height: 1
                color: Theme.outline
            }
        }

        StatusBanner {
            objectName: "reportResumeBanner"
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.contentMaxWidth * 0.75
            Layout.alignment: Qt.AlignHCenter
            Layout.margins: Theme.spacingS
            visible: root.resumed && root.step === 0
            kind: StatusBanner.Info
            text: qsTr("Your unfinished report was kept. Continue it, or discard it and start again.")
            actionText: qsTr("Discard draft")
            actionObjectName: "reportResumeDiscard"
            onActionClicked: discardDialog.open()
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.step

            // 1. Category.
            StepPage {
                objectName: "reportStepCategory"

                Heading { text: qsTr("What is the problem?") }

                StatusBanner {
                    objectName: "reportCategoriesError"
                    Layout.fillWidth: true
                    visible: Reports.categoriesError !== ""
                    kind: StatusBanner.Error
                    text: Reports.categoriesError
                    actionText: qsTr("Retry")
                    actionObjectName: "reportCategoriesRetry"
                    actionEnabled: !Reports.categoriesLoading
                    onActionClicked: Reports.refreshCategories()
                }
                LoadingIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.topMargin: Theme.spacingXl
                    running: Reports.categoriesLoading && Reports.categories.count === 0
                    text: qsTr("Loading the categories…")
                }

                Flow {
                    id: categoryGrid
                    readonly property int columns: width >= 880 ? 4 : width >= 560 ? 3 : 2
                    readonly property real cellWidth: (width - (columns - 1) * spacing) / columns
                    // Every tile as tall as the tallest, so the grid has even rows.
                    readonly property real tileHeight: {
                        let h = Theme.touchTarget * 2.6
                        for (let i = 0; i < categoryTiles.count; ++i) {
                            const tile = categoryTiles.itemAt(i) as AbstractButton
                            if (tile)
                                h = Math.max(h, tile.implicitHeight)
                        }
                        return h
                    }
                    Layout.fillWidth: true
                    spacing: Theme.spacingM

                    Repeater {
                        id: categoryTiles
                        model: Reports.categories

                        AbstractButton {
                            id: tile
                            required property string code
                            required property string name
                            required property string description
                            required property string glyph
                            readonly property bool selected: Reports.draft.category === code

                            objectName: "reportCategory_" + code
                            width: categoryGrid.cellWidth
                            height: categoryGrid.tileHeight
                            implicitHeight: implicitContentHeight + topPadding + bottomPadding
                            padding: Theme.spacingM
                            hoverEnabled: true
                            text: name
                            Accessible.name: name
                            Accessible.description: description
                            Accessible.checkable: true
                            Accessible.checked: selected
                            onClicked: Reports.draft.setCategory(code)

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
                                        glyph: tile.glyph
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
                                    text: tile.name
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    width: parent.width
                                    text: tile.description
                                    visible: text !== ""
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textSecondary
                                    wrapMode: Text.WordWrap
                                    maximumLineCount: 2
                                    elide: Text.ElideRight
                                }
                            }
                        }
                    }
                }
            }

            // 2. Photos.
            StepPage {
                objectName: "reportStepPhotos"

                Heading { text: qsTr("Photos of the problem") }
                Hint {
                    text: qsTr("Up to %1 photos. They are optional, but help the team find and judge the problem. The place and other hidden data are removed from each photo before it is sent.")
                          .arg(Reports.draft.maxPhotos)
                }

                StatusBanner {
                    objectName: "reportPhotoError"
                    Layout.fillWidth: true
                    visible: Reports.draft.photoError !== ""
                    kind: StatusBanner.Error
                    text: Reports.draft.photoError
                }
                StatusBanner {
                    objectName: "reportPhotoNote"
                    Layout.fillWidth: true
                    visible: root.photoNote !== ""
                    kind: StatusBanner.Warning
                    text: root.photoNote
                    dismissible: true
                    onDismissed: root.photoNote = ""
                }

                Flow {
                    id: photoGrid
                    readonly property int columns: width >= 560 ? 3 : 2
                    readonly property real cellWidth: Math.min(260 * Theme.scale, (width - (columns - 1) * spacing) / columns)
                    Layout.fillWidth: true
                    spacing: Theme.spacingM

                    Repeater {
                        model: Reports.draft.photos

                        Rectangle {
                            id: photoCell
                            required property string modelData
                            required property int index
                            objectName: "reportPhoto_" + index
                            width: photoGrid.cellWidth
                            height: width
                            radius: Theme.radiusM
                            color: Theme.surfacePressed
                            border.width: 1
                            border.color: Theme.outline
                            clip: true

                            Image {
                                anchors.fill: parent
                                anchors.margins: 1
                                source: photoCell.modelData
                                fillMode: Image.PreserveAspectCrop
                                sourceSize.width: 400
                                sourceSize.height: 400
                                asynchronous: true
                            }
                            ToolButton {
                                id: removePhoto
                                objectName: "reportPhotoRemove_" + photoCell.index
                                anchors.top: parent.top
                                anchors.right: parent.right
                                anchors.margins: Theme.spacingXs
                                implicitWidth: Theme.touchTarget
                                implicitHeight: Theme.touchTarget
                                text: qsTr("Remove photo %1").arg(photoCell.index + 1)
                                Accessible.name: text
                                onClicked: Reports.draft.removePhoto(photoCell.index)
                                contentItem: Text {
                                    text: "✕"
                                    font.pixelSize: Theme.fontBodyLarge
                                    font.weight: Font.Bold
                                    color: "#FFFFFF"
                                    horizontalAlignment: Text.AlignHCenter
                                    verticalAlignment: Text.AlignVCenter
                                }
                                background: Rectangle {
                                    radius: width / 2
                                    color: removePhoto.down ? Qt.rgba(0, 0, 0, 0.8) : Qt.rgba(0, 0, 0, 0.55)
                                    border.width: removePhoto.visualFocus ? 3 : 0
                                    border.color: Theme.focus
                                }
                            }
                        }
                    }

                    // Photos being prepared (orientation, size, hidden data removed).
                    Rectangle {
                        objectName: "reportPhotoBusy"
                        visible: Reports.draft.photoBusy
                        width: photoGrid.cellWidth
                        height: width
                        radius: Theme.radiusM
                        color: Theme.surface
                        border.width: 1
                        border.color: Theme.outline
                        LoadingIndicator {
                            anchors.centerIn: parent
                            running: parent.visible
                            text: qsTr("Preparing…")
                        }
                    }
                }

                Text {
                    objectName: "reportPhotoCount"
                    Layout.fillWidth: true
                    text: qsTr("%1 of %2 photos").arg(Reports.draft.photos.length).arg(Reports.draft.maxPhotos)
                    font.pixelSize: Theme.fontCaption + 1
                    color: Theme.textSecondary
                }

                // The camera where the device has one; files everywhere.
                PrimaryButton {
                    objectName: "reportTakePhoto"
                    Layout.alignment: Qt.AlignLeft
                    visible: mediaDevices.videoInputs.length > 0
                    enabled: Reports.draft.photos.length < Reports.draft.maxPhotos
                    text: qsTr("Take a photo")
                    onClicked: cameraLoader.active = true
                }
                SecondaryButton {
                    objectName: "reportChoosePhotos"
                    Layout.alignment: Qt.AlignLeft
                    enabled: Reports.draft.photos.length < Reports.draft.maxPhotos
                    text: Reports.draft.photos.length === 0 ? qsTr("Choose photos") : qsTr("Add more photos")
                    onClicked: photoDialog.open()
                }
            }

            // 3. Place.
            StepPage {
                objectName: "reportStepPlace"

                Heading { text: qsTr("Where is it?") }

                StatusBanner {
                    objectName: "reportLocationMessage"
                    Layout.fillWidth: true
                    visible: !Location.available || Location.errorMessage !== ""
                    kind: StatusBanner.Warning
                    text: !Location.available
                          ? qsTr("This device cannot tell where it is. Type the address of the place, or a landmark near it.")
                          : qsTr("%1 Type the address of the place, or a landmark near it.").arg(Location.errorMessage)
                }
                LoadingIndicator {
                    objectName: "reportLocating"
                    Layout.alignment: Qt.AlignHCenter
                    running: Location.available && Location.errorMessage === "" && !Reports.draft.hasLocation
                    text: qsTr("Finding your position…")
                }

                GridLayout {
                    id: placeGrid
                    // By the page's width (a layout choosing its columns by its own width loops).
                    readonly property bool twoColumns: root.width >= 700
                    readonly property real cellWidth: twoColumns ? (parent.width - columnSpacing) / 2 : parent.width
                    Layout.fillWidth: true
                    visible: Reports.draft.hasLocation
                    columns: twoColumns ? 2 : 1
                    columnSpacing: Theme.spacingL
                    rowSpacing: Theme.spacingM

                    PlaceSchematic {
                        objectName: "reportPlaceSchematic"
                        Layout.preferredWidth: placeGrid.cellWidth
                        Layout.preferredHeight: Math.round(220 * Theme.scale)
                        latitude: Reports.draft.latitude
                        longitude: Reports.draft.longitude
                        accuracy: Reports.draft.accuracy
                        originLatitude: Reports.draft.locationSource === "manual" ? root.gpsLatitude : NaN
                        originLongitude: Reports.draft.locationSource === "manual" ? root.gpsLongitude : NaN
                    }

                    ColumnLayout {
                        Layout.preferredWidth: placeGrid.cellWidth
                        spacing: Theme.spacingS

                        Text {
                            objectName: "reportCoordinates"
                            Layout.fillWidth: true
                            text: ReportFormat.coordinates(Reports.draft.latitude, Reports.draft.longitude)
                            font.pixelSize: Theme.fontBodyLarge
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            objectName: "reportAccuracy"
                            Layout.fillWidth: true
                            text: Reports.draft.locationSource === "manual" ? qsTr("Moved by hand")
                                : Reports.draft.accuracy > 0 ? qsTr("GPS, ± %1 m").arg(Math.round(Reports.draft.accuracy))
                                : qsTr("GPS")
                            font.pixelSize: Theme.fontBody
                            color: Theme.textSecondary
                        }
                        Hint {
                            text: qsTr("Not quite there? Move the pin 10 m at a time.")
                        }
                        // The pin's cross: north up.
                        GridLayout {
                            Layout.alignment: Qt.AlignHCenter
                            columns: 3
                            rowSpacing: Theme.spacingXs
                            columnSpacing: Theme.spacingXs
                            Item { implicitWidth: 1; implicitHeight: 1 }
                            NudgeButton {
                                objectName: "reportNudgeNorth"
                                arrow: "↑"
                                text: qsTr("Move the pin 10 m north")
                                onClicked: Reports.draft.moveBy(10, 0)
                            }
                            Item { implicitWidth: 1; implicitHeight: 1 }
                            NudgeButton {
                                objectName: "reportNudgeWest"
                                arrow: "←"
                                text: qsTr("Move the pin 10 m west")
                                onClicked: Reports.draft.moveBy(0, -10)
                            }
                            Text {
                                Layout.alignment: Qt.AlignCenter
                                text: qsTr("10 m")
                                font.pixelSize: Theme.fontCaption
                                color: Theme.textSecondary
                            }
                            NudgeButton {
                                objectName: "reportNudgeEast"
                                arrow: "→"
                                text: qsTr("Move the pin 10 m east")
                                onClicked: Reports.draft.moveBy(0, 10)
                            }
                            Item { implicitWidth: 1; implicitHeight: 1 }
                            NudgeButton {
                                objectName: "reportNudgeSouth"
                                arrow: "↓"
                                text: qsTr("Move the pin 10 m south")
                                onClicked: Reports.draft.moveBy(-10, 0)
                            }
                            Item { implicitWidth: 1; implicitHeight: 1 }
                        }
                        SecondaryButton {
                            objectName: "reportUseGpsButton"
                            Layout.alignment: Qt.AlignHCenter
                            visible: Reports.draft.locationSource === "manual" && Location.valid
                            text: qsTr("Back to my position")
                            onClicked: Reports.draft.setPosition(Location.latitude, Location.longitude, Location.accuracy)
                        }
                    }
                }
                Hint {
                    visible: Reports.draft.hasLocation
                    font.pixelSize: Theme.fontCaption
                    text: qsTr("A drawing, not a map: the pin in the middle, the circle is how exact the position is, north is up.")
                }

                Text {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    text: Reports.draft.hasLocation ? qsTr("Address or landmark (optional)") : qsTr("Address or landmark *")
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
                InputField {
                    id: addressField
                    objectName: "reportAddressField"
                    Layout.fillWidth: true
                    text: Reports.draft.address
                    placeholderText: qsTr("e.g. 12 Lê Lợi, near Trường Tiền bridge")
                    Accessible.name: qsTr("Address or landmark")
                    error: !root.placeGiven && !Reports.draft.hasLocation && Location.errorMessage !== ""
                    onTextEdited: Reports.draft.address = text
                }
                Text {
                    Layout.fillWidth: true
                    visible: !root.placeGiven
                    text: qsTr("Give the place: your position or an address.")
                    font.pixelSize: Theme.fontCaption + 1
                    color: Theme.error
                    wrapMode: Text.WordWrap
                }
            }

            // 4. Details.
            StepPage {
                objectName: "reportStepDetails"

                Heading { text: qsTr("Tell us more") }
                LoadingIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    running: Reports.draft.questionsLoading
                    text: qsTr("Loading the questions…")
                }
                Repeater {
                    // By count, so that answering (which changes `questions`) keeps the fields.
                    model: Reports.draft.questions.length
                    QuestionField {
                        required property int index
                        Layout.fillWidth: true
                        question: Reports.draft.questions[index] ?? ({})
                        onAnswered: (code, value) => Reports.draft.setAnswer(code, value)
                    }
                }

                Text {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Description")
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                InputArea {
                    id: descriptionField
                    objectName: "reportDescriptionField"
                    Layout.fillWidth: true
                    minimumLines: 4
                    maxLength: Reports.draft.maxDescriptionLength
                    text: Reports.draft.description
                    placeholderText: qsTr("What is wrong, since when, anything that helps the team find and fix it.")
                    Accessible.name: qsTr("Description")
                    onTextChanged: if (text !== Reports.draft.description) Reports.draft.description = text
                }
            }

            // 5. Review and send.
            StepPage {
                objectName: "reportStepReview"

                Heading { text: qsTr("Check and send") }

                StatusBanner {
                    objectName: "reportProblems"
                    Layout.fillWidth: true
                    visible: Reports.draft.problems.length > 0
                    kind: StatusBanner.Error
                    text: qsTr("Before sending:") + "\n• " + ReportFormat.join(Reports.draft.problems, "\n• ")
                }

                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: summary.implicitHeight + 2 * Theme.spacingL
                    radius: Theme.radiusL
                    color: Theme.surface
                    border.width: 1
                    border.color: Theme.outline

                    ColumnLayout {
                        id: summary
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spacingL
                        spacing: Theme.spacingM

                        SummaryRow {
                            objectName: "reportReviewCategory"
                            label: qsTr("Category")
                            value: Reports.draft.categoryName !== "" ? Reports.draft.categoryName : qsTr("Not chosen")
                        }
                        SummaryRow {
                            label: qsTr("Photos")
                            value: Reports.draft.photos.length === 0 ? qsTr("No photos") : ""
                            Row {
                                spacing: Theme.spacingS
                                Repeater {
                                    model: Reports.draft.photos
                                    Image {
                                        required property string modelData
                                        width: Theme.touchTarget * 1.5
                                        height: width
                                        source: modelData
                                        fillMode: Image.PreserveAspectCrop
                                        sourceSize.width: 160
                                        sourceSize.height: 160
                                        asynchronous: true
                                    }
                                }
                            }
                        }
                        SummaryRow {
                            objectName: "reportReviewPlace"
                            label: qsTr("Place")
                            value: ReportFormat.join([Reports.draft.hasLocation
                                    ? ReportFormat.coordinates(Reports.draft.latitude, Reports.draft.longitude)
                                      + (Reports.draft.locationSource === "manual" ? " (" + qsTr("moved by hand") + ")"
                                         : Reports.draft.accuracy > 0 ? " (± " + qsTr("%1 m").arg(Math.round(Reports.draft.accuracy)) + ")" : "")
                                    : "", Reports.draft.address], "\n")
                        }
                        Repeater {
                            model: Reports.draft.questions
                            SummaryRow {
                                required property var modelData
                                visible: value !== ""
                                label: modelData.description || modelData.code
                                value: {
                                    const q = modelData
                                    if (!q.value)
                                        return ""
                                    if (q.datatype !== "singlevaluelist" && q.datatype !== "multivaluelist")
                                        return q.value
                                    const keys = q.value.split(",")
                                    return (q.options ?? []).filter(o => keys.indexOf(o.key) >= 0).map(o => o.name).join(", ")
                                }
                            }
                        }
                        SummaryRow {
                            objectName: "reportReviewDescription"
                            label: qsTr("Description")
                            value: Reports.draft.description !== "" ? Reports.draft.description : qsTr("No description")
                        }
                    }
                }

                // Reports of the same kind close by: follow one instead of sending a duplicate.
                Heading {
                    Layout.topMargin: Theme.spacingS
                    text: qsTr("Already reported nearby")
                }
                LoadingIndicator {
                    Layout.alignment: Qt.AlignHCenter
                    running: Reports.draft.nearbyLoading
                    size: Theme.touchTarget * 0.75
                    text: qsTr("Looking for reports nearby…")
                }
                Hint {
                    objectName: "reportNearbyNone"
                    visible: !Reports.draft.nearbyLoading && Reports.draft.nearby.count === 0
                    text: qsTr("No report of this kind within 100 m in the last 7 days.")
                }
                Hint {
                    visible: Reports.draft.nearby.count > 0
                    text: qsTr("Is it one of these? Follow it instead of sending a new report: you will see its progress in My reports.")
                }
                Repeater {
                    model: Reports.draft.nearby
                    Rectangle {
                        id: nearbyCard
                        required property int index
                        required property var model
                        objectName: "reportNearby_" + index
                        Layout.fillWidth: true
                        implicitHeight: nearbyColumn.implicitHeight + 2 * Theme.spacingM
                        radius: Theme.radiusL
                        color: Theme.surface
                        border.width: 1
                        border.color: Theme.outline

                        ColumnLayout {
                            id: nearbyColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: Theme.spacingM
                            spacing: Theme.spacingXs

                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    Layout.fillWidth: true
                                    text: nearbyCard.model.serviceName
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    elide: Text.ElideRight
                                }
                                StatusChip {
                                    text: nearbyCard.model.stateText
                                    kind: ReportFormat.stateKind(nearbyCard.model.state)
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: text !== ""
                                text: nearbyCard.model.description
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                wrapMode: Text.Wrap
                                maximumLineCount: 2
                                elide: Text.ElideRight
                            }
                            Text {
                                Layout.fillWidth: true
                                text: ReportFormat.join([ReportFormat.distance(nearbyCard.model.distance, Settings.language),
                                                         ReportFormat.time(nearbyCard.model.time, Settings.language),
                                                         nearbyCard.model.address], " · ")
                                font.pixelSize: Theme.fontCaption
                                color: Theme.textSecondary
                                wrapMode: Text.Wrap
                            }
                            SecondaryButton {
                                objectName: "reportFollow_" + nearbyCard.index
                                Layout.alignment: Qt.AlignRight
                                Layout.topMargin: Theme.spacingXs
                                text: qsTr("Follow this one instead")
                                onClicked: {
                                    Reports.follow(nearbyCard.model.requestId)
                                    // Not sending this one after all.
                                    Reports.draft.reset()
                                    root.finished()
                                }
                            }
                        }
                    }
                }

                Hint {
                    Layout.topMargin: Theme.spacingS
                    font.pixelSize: Theme.fontCaption + 1
                    text: qsTr("No network? Send anyway: the report waits on this device and goes as soon as there is a connection.")
                }
                SecondaryButton {
                    objectName: "reportDiscardDraftButton"
                    Layout.alignment: Qt.AlignLeft
                    text: qsTr("Discard draft")
                    onClicked: discardDialog.open()
                }
            }
        }

        // Back / Next, and Send on the last step.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: bar.implicitHeight + 2 * Theme.spacingS + 1
            color: Theme.surface

            Rectangle {
                width: parent.width
                height: 1
                color: Theme.outline
            }
            RowLayout {
                id: bar
                anchors.centerIn: parent
                anchors.verticalCenterOffset: 1
                width: Math.min(parent.width - 2 * Theme.spacingL, Theme.contentMaxWidth * 0.75)
                spacing: Theme.spacingM

                SecondaryButton {
                    objectName: "reportBackButton"
                    visible: root.step > 0
                    text: qsTr("Back")
                    onClicked: root.goTo(root.step - 1)
                }
                Item { Layout.fillWidth: true }
                PrimaryButton {
                    objectName: "reportNextButton"
                    visible: root.step < root.stepNames.length - 1
                    enabled: root.stepComplete(root.step)
                    text: qsTr("Next")
                    onClicked: root.goTo(root.step + 1)
                }
                PrimaryButton {
                    objectName: "reportSendButton"
                    visible: root.step === root.stepNames.length - 1
                    enabled: Reports.draft.canSubmit
                    text: Reports.draft.photoBusy ? qsTr("Preparing photos…") : qsTr("Send report")
                    onClicked: Reports.draft.submit()
                }
            }
        }
    }

    MediaDevices { id: mediaDevices }

    Loader {
        id: cameraLoader
        active: false
        sourceComponent: Component {
            CameraCapture {
                onPhotoTaken: file => Reports.draft.addPhoto(file)
                onClosed: cameraLoader.active = false
                Component.onCompleted: open()
            }
        }
    }

    FileDialog {
        id: photoDialog
        title: qsTr("Choose photos of the problem")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Images (*.jpg *.jpeg *.png *.webp *.gif)")]
        onAccepted: {
            const room = Reports.draft.maxPhotos - Reports.draft.photos.length
            const files = selectedFiles
            for (let i = 0; i < Math.min(room, files.length); ++i)
                Reports.draft.addPhoto(files[i])
            root.photoNote = files.length > room
                    ? qsTr("Only %1 of the %2 photos were added: a report takes at most %3.")
                      .arg(Math.max(0, room)).arg(files.length).arg(Reports.draft.maxPhotos)
                    : ""
        }
    }

    ConfirmDialog {
        id: discardDialog
        objectName: "reportDiscardDialog"
        heading: qsTr("Discard this report?")
        body: qsTr("The category, photos, place and description you entered are deleted from this device.")
        acceptText: qsTr("Discard")
        acceptObjectName: "reportDiscardDraftConfirm"
        onAccepted: {
            Reports.draft.reset()
            root.resumed = false
            root.step = 0
            root.furthest = 0
        }
    }
}
