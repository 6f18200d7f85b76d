pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App

// The app window: a StackView of pages with a bottom NavBar on phones and a NavRail on wide screens.
ApplicationWindow {
    id: window
    objectName: "mainWindow"

    readonly property var pageNames: ["home", "report", "alerts", "appointments", "tickets", "pay", "sign", "account", "settings"]
    // Name of the page on top of the stack.
    // (Every page declares pageName; StackView types currentItem as a plain Item.)
    property string currentPage: stack.currentItem ? stack.currentItem.pageName : "" // qmllint disable
    readonly property bool wide: width >= 900

    // Shows the page `name` above home, without animation. Returns false, changing nothing,
    // for an unknown name. Called from C++ too (hues --screenshot --page NAME), so untyped.
    function openPage(name) {
        return showPage(String(name), false)
    }

    // Pops back to the home page, without animation.
    function goHome() {
        showHome(false)
    }

    function showPage(name: string, animated: bool): bool {
        if (pageNames.indexOf(name) < 0)
            return false
        if (name === currentPage)
            return true
        if (name === "home") {
            showHome(animated)
            return true
        }
        const operation = animated ? StackView.Transition : StackView.Immediate
        if (stack.depth > 1)
            stack.pop(null, StackView.Immediate)
        // Pages are compiled on first use, not at start-up: the home screen comes first.
        const page = name === "settings"
                ? stack.push(Qt.resolvedUrl("SettingsPage.qml"), { showBack: true }, operation)
                : stack.push(Qt.resolvedUrl("ComingSoonPage.qml"), { pageName: name }, operation)
        page.backRequested.connect(() => window.showHome(true))
        return true
    }

    function showHome(animated: bool) {
        if (stack.depth > 1)
            stack.pop(null, animated ? StackView.Transition : StackView.Immediate)
    }

    width: 420
    height: 860
    visible: true
    title: qsTr("Hue-S")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody

    onCurrentPageChanged: {
        const index = Catalog.navigation.indexOf(currentPage)
        navBar.currentIndex = index
        navRail.currentIndex = index
    }

    Binding {
        target: Theme
        property: "kiosk"
        value: window.width >= 1400 && window.height >= 800
    }

    readonly property var navItems: Catalog.navigation.map(name => ({
        name: name,
        glyph: Catalog.services[name].glyph,
        label: Catalog.services[name].title
    }))

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            id: navRail
            objectName: "navRail"
            Layout.fillHeight: true
            visible: window.wide
            title: "Hue-S"
            items: window.navItems
            currentIndex: 0
            onActivated: (index, name) => window.showPage(name, true)
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            StackView {
                id: stack
                objectName: "stack"
                Layout.fillWidth: true
                Layout.fillHeight: true
                initialItem: homePage

                pushEnter: Transition {
                    ParallelAnimation {
                        NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationNormal; easing.type: Easing.OutCubic }
                        NumberAnimation { property: "y"; from: 24; to: 0; duration: Theme.animationNormal; easing.type: Easing.OutCubic }
                    }
                }
                pushExit: Transition {
                    NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.animationFast }
                }
                popEnter: Transition {
                    NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationNormal }
                }
                popExit: Transition {
                    ParallelAnimation {
                        NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.animationFast }
                        NumberAnimation { property: "y"; from: 0; to: 24; duration: Theme.animationFast }
                    }
                }
            }

            NavBar {
                id: navBar
                objectName: "navBar"
                Layout.fillWidth: true
                visible: !window.wide
                items: window.navItems
                currentIndex: 0
                onActivated: (index, name) => window.showPage(name, true)
            }
        }
    }

    Component {
        id: homePage
        HomePage {
            wide: window.wide
            onOpenRequested: name => window.showPage(name, true)
        }
    }
}
