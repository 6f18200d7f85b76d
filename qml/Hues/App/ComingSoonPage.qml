import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App

// The page of a service that is not built yet: says honestly what it will do.
Item {
    id: root
    objectName: "page_" + pageName

    property string pageName: "report"
    readonly property var service: Catalog.services[pageName] ?? { glyph: "★", title: "", subtitle: "", description: "" }

    signal backRequested()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        PageHeader {
            Layout.fillWidth: true
            title: root.service.title
            subtitle: root.service.subtitle
            onBackClicked: root.backRequested()
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: width
            contentHeight: Math.max(height, comingSoon.implicitHeight)
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            ScrollBar.vertical: ScrollBar { }

            ComingSoon {
                id: comingSoon
                objectName: "comingSoon"
                width: flick.width
                height: Math.max(flick.height, implicitHeight)
                glyph: root.service.glyph
                title: root.service.title
                description: root.service.description
                actionText: qsTr("Back to home")
                onActionClicked: root.backRequested()
            }
        }
    }
}
