pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

// The places whose alerts concern the user besides where they are (home, work, a relative's
// house) and the categories they muted. There is no map in the app: a place is saved where the
// user stands ("Save here"), or from coordinates typed in the advanced part.
Item {
    id: root
    objectName: "page_alertPlaces"

    readonly property string pageName: "alerts"
    property bool showBack: true
    property string kind: "home"
    property bool advanced: false
    property string saveError
    // The place Remove was asked for (waiting for the confirmation).
    property string removing
    property string removingName

    readonly property string trimmedName: nameField.text.trim()
    readonly property real typedLatitude: root.parseCoordinate(latitudeField.text.trim(), 90)
    readonly property real typedLongitude: root.parseCoordinate(longitudeField.text.trim(), 180)

    signal backRequested()

    // A decimal coordinate ("16.4637" or "16,4637", trimmed) within ±limit, or NaN. (Trimming in
    // here makes Qt 6.4's qmllint read uninitialised memory and crash now and then.)
    function parseCoordinate(text: string, limit: real): real {
        const t = text.replace(",", ".")
        if (!/^[-+]?\d{1,3}(\.\d+)?$/.test(t))
            return NaN
        const v = Number(t)
        return Math.abs(v) <= limit ? v : NaN
    }

    function save(latitude: real, longitude: real) {
        if (Alerts.addPlace(trimmedName, kind, latitude, longitude)) {
            saveError = ""
            nameField.clear()
            latitudeField.clear()
            longitudeField.clear()
            advanced = false
        } else {
            saveError = qsTr("This place could not be saved. Check its name and position.")
        }
    }

    Component.onCompleted: Location.start()

    component Section: ColumnLayout {
        id: section
        property string heading
        default property alias content: sectionCard.data
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Text {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacingXs
            text: section.heading
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 0.8
            color: Theme.primary
            Accessible.role: Accessible.Heading
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: sectionCard.implicitHeight + 2 * Theme.spacingL
            radius: Theme.radiusL
            color: Theme.surface
            border.width: 1
            border.color: Theme.outline
            ColumnLayout {
                id: sectionCard
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacingL
                spacing: Theme.spacingM
            }
        }
    }

    component Hint: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        color: Theme.textSecondary
        wrapMode: Text.WordWrap
    }

    component FieldLabel: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        font.weight: Font.DemiBold
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    // Home / Work / Family / Other: one of four.
    component KindButton: AbstractButton {
        id: kindButton
        property string code
        property bool selected
        implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
        implicitWidth: Math.max(Theme.touchTarget * 1.6, implicitContentWidth + leftPadding + rightPadding)
        padding: Theme.spacingS
        leftPadding: Theme.spacingM
        rightPadding: Theme.spacingM
        text: AlertFormat.kindText(code, Settings.language)
        Accessible.name: text
        Accessible.checkable: true
        Accessible.checked: selected
        background: Rectangle {
            radius: Theme.radiusM
            color: kindButton.selected ? Theme.primaryContainer : kindButton.down ? Theme.surfacePressed : Theme.surface
            border.width: kindButton.visualFocus ? 3 : kindButton.selected ? 2 : 1
            border.color: kindButton.visualFocus ? Theme.focus : kindButton.selected ? Theme.primary : Theme.outlineStrong
        }
        contentItem: Text {
            text: AlertFormat.kindGlyph(kindButton.code) + "  " + kindButton.text
            font.pixelSize: Theme.fontBody
            font.weight: kindButton.selected ? Font.DemiBold : Font.Normal
            color: kindButton.selected ? Theme.primary : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: qsTr("My places & muted categories")
            subtitle: qsTr("Which alerts reach you")
            showBack: root.showBack
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            objectName: "alertPlacesFlick"
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
                    objectName: "alertsNoNotifications"
                    Layout.fillWidth: true
                    visible: !Alerts.notificationsAvailable
                    kind: StatusBanner.Info
                    text: qsTr("This device cannot show system notifications; alerts appear in the app.")
                }

                GridLayout {
                    id: grid
                    readonly property bool twoColumns: column.width >= 900
                    Layout.fillWidth: true
                    columns: twoColumns ? 2 : 1
                    columnSpacing: Theme.spacingXl
                    rowSpacing: Theme.spacingL

                    ColumnLayout {
                        Layout.preferredWidth: grid.twoColumns ? (column.width - grid.columnSpacing) / 2 : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingL

                        Section {
                            heading: qsTr("My places")

                            Hint {
                                text: qsTr("Alerts for these places reach you wherever you are: your home, your work, a relative's house.")
                            }
                            Hint {
                                objectName: "placesNone"
                                visible: Alerts.places.count === 0
                                font.weight: Font.DemiBold
                                text: qsTr("No saved places yet.")
                            }
                            Repeater {
                                model: Alerts.places
                                RowLayout {
                                    id: placeRow
                                    required property int index
                                    required property string placeId
                                    required property string name
                                    required property string kind
                                    required property real latitude
                                    required property real longitude
                                    objectName: "place_" + index
                                    Layout.fillWidth: true
                                    spacing: Theme.spacingM

                                    Rectangle {
                                        implicitWidth: Theme.touchTarget
                                        implicitHeight: implicitWidth
                                        radius: width / 2
                                        color: Theme.primaryContainer
                                        Icon {
                                            anchors.centerIn: parent
                                            glyph: AlertFormat.kindGlyph(placeRow.kind)
                                            size: Theme.fontTitle
                                        }
                                    }
                                    ColumnLayout {
                                        Layout.fillWidth: true
                                        spacing: 0
                                        Text {
                                            objectName: "placeRowName"
                                            Layout.fillWidth: true
                                            text: placeRow.name
                                            font.pixelSize: Theme.fontBodyLarge
                                            font.weight: Font.DemiBold
                                            color: Theme.text
                                            elide: Text.ElideRight
                                        }
                                        Text {
                                            Layout.fillWidth: true
                                            text: ReportFormat.join([AlertFormat.kindText(placeRow.kind, Settings.language),
                                                                     ReportFormat.coordinates(placeRow.latitude, placeRow.longitude)], " · ")
                                            font.pixelSize: Theme.fontCaption
                                            color: Theme.textSecondary
                                            wrapMode: Text.Wrap
                                        }
                                    }
                                    SecondaryButton {
                                        objectName: "placeRemove_" + placeRow.index
                                        leftPadding: Theme.spacingM
                                        rightPadding: Theme.spacingM
                                        text: qsTr("Remove")
                                        Accessible.name: qsTr("Remove %1").arg(placeRow.name)
                                        onClicked: {
                                            root.removing = placeRow.placeId
                                            root.removingName = placeRow.name
                                            removeDialog.open()
                                        }
                                    }
                                }
                            }
                        }

                        Section {
                            heading: qsTr("Add a place")

                            Hint {
                                text: qsTr("There is no map here: stand at the place and tap Save here. Or type its coordinates below.")
                            }
                            FieldLabel { text: qsTr("Name (optional)") }
                            InputField {
                                id: nameField
                                objectName: "placeName"
                                Layout.fillWidth: true
                                maximumLength: 100
                                placeholderText: qsTr("e.g. Home, Grandma's house")
                                Accessible.name: qsTr("Name of the place")
                            }
                            FieldLabel { text: qsTr("Kind") }
                            Flow {
                                Layout.fillWidth: true
                                spacing: Theme.spacingS
                                Repeater {
                                    model: ["home", "work", "family", "other"]
                                    KindButton {
                                        required property string modelData
                                        objectName: "placeKind_" + modelData
                                        code: modelData
                                        selected: root.kind === modelData
                                        onClicked: root.kind = modelData
                                    }
                                }
                            }

                            // The device's position: what Save here saves.
                            Rectangle {
                                Layout.fillWidth: true
                                implicitHeight: hereColumn.implicitHeight + 2 * Theme.spacingM
                                radius: Theme.radiusM
                                color: Theme.background
                                ColumnLayout {
                                    id: hereColumn
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.top: parent.top
                                    anchors.margins: Theme.spacingM
                                    spacing: 2
                                    Text {
                                        Layout.fillWidth: true
                                        text: qsTr("You are here")
                                        font.pixelSize: Theme.fontCaption
                                        color: Theme.textSecondary
                                    }
                                    Text {
                                        objectName: "placeHere"
                                        Layout.fillWidth: true
                                        text: Location.valid
                                              ? ReportFormat.join([ReportFormat.coordinates(Location.latitude, Location.longitude),
                                                                   Location.accuracy > 0 ? qsTr("± %1 m").arg(Math.round(Location.accuracy)) : ""], " ")
                                              : !Location.available ? qsTr("This device cannot tell where it is: type the coordinates below.")
                                              : Location.errorMessage !== "" ? Location.errorMessage
                                              : qsTr("Finding your position…")
                                        font.pixelSize: Theme.fontBody
                                        font.weight: Location.valid ? Font.DemiBold : Font.Normal
                                        color: Theme.text
                                        wrapMode: Text.Wrap
                                    }
                                }
                            }
                            PrimaryButton {
                                objectName: "placeSaveHere"
                                Layout.fillWidth: true
                                enabled: Location.valid
                                text: qsTr("Save here")
                                onClicked: root.save(Location.latitude, Location.longitude)
                            }
                            Text {
                                objectName: "placeSaveError"
                                Layout.fillWidth: true
                                visible: root.saveError !== ""
                                text: root.saveError
                                font.pixelSize: Theme.fontCaption + 1
                                font.weight: Font.DemiBold
                                color: Theme.error
                                wrapMode: Text.WordWrap
                            }

                            // Advanced: coordinates typed in (from a map elsewhere).
                            AbstractButton {
                                id: advancedToggle
                                objectName: "placeAdvancedToggle"
                                Layout.fillWidth: true
                                implicitHeight: Theme.touchTarget
                                text: qsTr("Type coordinates instead")
                                Accessible.name: text
                                Accessible.checkable: true
                                Accessible.checked: root.advanced
                                onClicked: root.advanced = !root.advanced
                                background: Rectangle {
                                    radius: Theme.radiusS
                                    color: advancedToggle.down ? Theme.surfacePressed : "transparent"
                                    border.width: advancedToggle.visualFocus ? 3 : 0
                                    border.color: Theme.focus
                                }
                                contentItem: RowLayout {
                                    spacing: Theme.spacingS
                                    Text {
                                        text: root.advanced ? "▾" : "▸"
                                        font.pixelSize: Theme.fontBody
                                        color: Theme.primary
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: advancedToggle.text
                                        font.pixelSize: Theme.fontBody
                                        font.weight: Font.DemiBold
                                        color: Theme.primary
                                        wrapMode: Text.WordWrap
                                    }
                                }
                            }
                            GridLayout {
                                Layout.fillWidth: true
                                visible: root.advanced
                                columns: column.width >= 480 ? 2 : 1
                                columnSpacing: Theme.spacingM
                                rowSpacing: Theme.spacingXs
                                FieldLabel { text: qsTr("Latitude") }
                                FieldLabel { text: qsTr("Longitude"); visible: column.width >= 480 }
                                InputField {
                                    id: latitudeField
                                    objectName: "placeLatitude"
                                    Layout.fillWidth: true
                                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                                    placeholderText: "16.4637"
                                    Accessible.name: qsTr("Latitude")
                                    error: text.trim() !== "" && isNaN(root.typedLatitude)
                                }
                                FieldLabel { text: qsTr("Longitude"); visible: column.width < 480 }
                                InputField {
                                    id: longitudeField
                                    objectName: "placeLongitude"
                                    Layout.fillWidth: true
                                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                                    placeholderText: "107.5909"
                                    Accessible.name: qsTr("Longitude")
                                    error: text.trim() !== "" && isNaN(root.typedLongitude)
                                }
                            }
                            Hint {
                                visible: root.advanced
                                font.pixelSize: Theme.fontCaption + 1
                                text: qsTr("Decimal degrees, as a map app shows them when you hold a finger on a place.")
                            }
                            SecondaryButton {
                                objectName: "placeSaveCoordinates"
                                Layout.fillWidth: true
                                visible: root.advanced
                                enabled: !isNaN(root.typedLatitude) && !isNaN(root.typedLongitude)
                                text: qsTr("Save these coordinates")
                                onClicked: root.save(root.typedLatitude, root.typedLongitude)
                            }
                        }
                    }

                    ColumnLayout {
                        Layout.preferredWidth: grid.twoColumns ? (column.width - grid.columnSpacing) / 2 : column.width
                        Layout.alignment: Qt.AlignTop
                        spacing: Theme.spacingL

                        Section {
                            heading: qsTr("Categories")

                            Hint {
                                text: qsTr("Turn a category off to stop its alerts. Extreme alerts always come through.")
                            }
                            Repeater {
                                model: Alerts.categoryChoices
                                ToggleSwitch {
                                    required property var modelData
                                    objectName: "muteSwitch_" + modelData.code
                                    Layout.fillWidth: true
                                    text: modelData.name
                                    // The service holds the state: a click asks it, the binding shows it.
                                    checkable: false
                                    checked: Alerts.mutedCategories.indexOf(modelData.code) < 0
                                    Accessible.description: checked ? qsTr("Alerts of this category reach you")
                                                                    : qsTr("Muted")
                                    onClicked: Alerts.setMuted(modelData.code, checked)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: removeDialog
        objectName: "placeRemoveDialog"
        heading: qsTr("Remove “%1”?").arg(root.removingName)
        body: qsTr("Alerts for this place will no longer reach you. To add it again you will have to be there, or type its coordinates.")
        acceptText: qsTr("Remove")
        acceptObjectName: "placeRemoveConfirm"
        onAccepted: {
            Alerts.removePlace(root.removing)
            root.removing = ""
        }
        onRejected: root.removing = ""
    }
}
