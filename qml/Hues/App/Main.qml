pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Hues.Ui
import Hues.App
import Hues.Services

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
                : name === "account"
                ? stack.push(Qt.resolvedUrl("AccountPage.qml"), { showBack: true }, operation)
                : name === "report"
                ? stack.push(Qt.resolvedUrl("ReportsPage.qml"), { showBack: true }, operation)
                : name === "alerts"
                ? stack.push(Qt.resolvedUrl("AlertsPage.qml"), { showBack: true }, operation)
                : name === "pay"
                ? stack.push(Qt.resolvedUrl("PayPage.qml"), { showBack: true }, operation)
                : stack.push(Qt.resolvedUrl("ComingSoonPage.qml"), { pageName: name }, operation)
        page.backRequested.connect(() => window.showHome(true))
        return true
    }

    // A system notification was clicked: the alert's detail, the user's citizen alerts, or
    // the report, on top of their list.
    function openFromNotification(what: string, id: string) {
        window.raise()
        window.requestActivate()
        if (what === "report") {
            showPage("report", false)
            const reports = stack.currentItem as ReportsPage
            if (reports && id !== "")
                reports.openReport(id)
            return
        }
        showPage("alerts", false)
        const alerts = stack.get(1) as AlertsPage
        if (!alerts)
            return
        stack.pop(alerts, StackView.Immediate)
        if (what === "alert" && id !== "")
            alerts.openAlert(id)
        else if (what === "submission")
            alerts.submitAlert()
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

            // The session ended under the user (refresh refused): sign in again right here;
            // the page and whatever it holds stay as they are.
            StatusBanner {
                objectName: "sessionExpiredBanner"
                Layout.fillWidth: true
                Layout.margins: Theme.spacingS
                visible: Account.sessionExpired
                kind: StatusBanner.Warning
                text: Account.state === Account.SigningIn
                      ? qsTr("Continue signing in in your browser…")
                      : qsTr("Your session has ended. Sign in again to continue; nothing on this screen is lost.")
                actionText: qsTr("Sign in")
                actionObjectName: "sessionExpiredSignIn"
                actionEnabled: Account.state === Account.SignedOut
                dismissible: true
                onActionClicked: Account.signIn()
                onDismissed: Account.dismissSessionExpired()
            }

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

    Connections {
        target: Alerts
        function onNotificationActivated(what: string, id: string) { window.openFromNotification(what, id) }
    }

    // Kiosk: the signed-in citizen went quiet. Any input (the event filter of KioskIdle sees
    // it) answers; otherwise the countdown signs them out and the kiosk returns home.
    Connections {
        target: KioskIdle
        function onTimedOut() { window.showHome(false) }
    }

    Rectangle {
        id: idleOverlay
        objectName: "kioskIdleOverlay"
        anchors.fill: parent
        z: 1000
        visible: KioskIdle.warning
        color: Qt.rgba(0.1, 0.06, 0.16, 0.6)
        Accessible.role: Accessible.AlertMessage
        Accessible.name: idleTitle.text

        MouseArea {
            anchors.fill: parent
            onClicked: KioskIdle.stillHere()
        }

        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.spacingL, 560 * Theme.scale)
            implicitHeight: idleColumn.implicitHeight + 2 * Theme.spacingXl
            radius: Theme.radiusL
            color: Theme.surface

            ColumnLayout {
                id: idleColumn
                anchors.fill: parent
                anchors.margins: Theme.spacingXl
                spacing: Theme.spacingL

                Text {
                    id: idleTitle
                    Layout.fillWidth: true
                    text: qsTr("Still there?")
                    font.pixelSize: Theme.fontHeadline
                    font.weight: Font.DemiBold
                    color: Theme.text
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "kioskIdleSeconds"
                    Layout.fillWidth: true
                    text: KioskIdle.secondsLeft
                    font.pixelSize: Theme.fontDisplay * 2
                    font.weight: Font.Bold
                    color: Theme.primary
                    horizontalAlignment: Text.AlignHCenter
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("For your privacy you will be signed out in %n second(s) and your data removed from this kiosk.", "", KioskIdle.secondsLeft)
                    font.pixelSize: Theme.fontBodyLarge
                    color: Theme.textSecondary
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
                PrimaryButton {
                    objectName: "kioskIdleStayButton"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredHeight: Theme.touchTarget + Theme.spacingS
                    text: qsTr("I'm here")
                    font.pixelSize: Theme.fontBodyLarge
                    onClicked: KioskIdle.stillHere()
                }
            }
        }
    }
}
