import QtQuick
import QtTest
import Hues.Ui

// EmptyState, ComingSoon, StatusBanner and PageHeader: texts, actions and signals.
Item {
    id: root
    width: 600
    height: 800

    Component { id: spyComponent; SignalSpy { } }
    Component { id: emptyState; EmptyState { width: 500; height: 400 } }
    Component { id: comingSoon; ComingSoon { width: 500; height: 600 } }
    Component { id: banner; StatusBanner { width: 500 } }
    Component { id: header; PageHeader { width: 500 } }

    TestCase {
        name: "States"
        when: windowShown

        function test_emptyState_data() {
            return [
                { tag: "with action", title: "No reports", body: "Nothing yet", action: "Report" },
                { tag: "without action", title: "No tickets", body: "Buy one", action: "" },
                { tag: "Vietnamese", title: "Chưa có phản ánh", body: "Hãy gửi phản ánh đầu tiên", action: "Phản ánh" }
            ]
        }
        function test_emptyState(data) {
            const item = createTemporaryObject(emptyState, root,
                                               { title: data.title, body: data.body, actionText: data.action })
            compare(findChild(item, "emptyTitle").text, data.title)
            compare(findChild(item, "emptyBody").text, data.body)
            const action = findChild(item, "emptyAction")
            compare(action.visible, data.action !== "")
            if (action.visible) {
                const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "actionClicked" })
                mouseClick(action)
                compare(spy.count, 1)
            }
        }

        function test_comingSoon_data() {
            return [
                { tag: "pay", title: "Pay", description: "Pay water bills." },
                { tag: "sign", title: "Ký số", description: "Ký hồ sơ bằng chữ ký số trên SIM." }
            ]
        }
        function test_comingSoon(data) {
            const item = createTemporaryObject(comingSoon, root,
                                               { title: data.title, description: data.description, actionText: "Home" })
            compare(findChild(item, "comingSoonTitle").text, data.title)
            compare(findChild(item, "comingSoonDescription").text, data.description)
            verify(findChild(item, "comingSoonBadge").text.length > 0)
            verify(findChild(item, "comingSoonNote").text.length > 0)
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "actionClicked" })
            mouseClick(findChild(item, "comingSoonAction"))
            compare(spy.count, 1)
        }

        function test_banner_data() {
            return [
                { tag: "info", kind: StatusBanner.Info, action: "", dismissible: false },
                { tag: "warning dismissible", kind: StatusBanner.Warning, action: "", dismissible: true },
                { tag: "error with retry", kind: StatusBanner.Error, action: "Retry", dismissible: false }
            ]
        }
        function test_banner(data) {
            const item = createTemporaryObject(banner, root, { kind: data.kind, text: "Server offline",
                                                               actionText: data.action, dismissible: data.dismissible,
                                                               actionObjectName: "retryButton" })
            compare(findChild(item, "bannerText").text, "Server offline")
            verify(item.height >= Theme.touchTarget)
            const action = findChild(item, "retryButton")
            verify(action)
            compare(action.visible, data.action !== "")
            const actionSpy = createTemporaryObject(spyComponent, root, { target: item, signalName: "actionClicked" })
            if (action.visible) {
                verify(action.height >= Theme.touchTarget)
                mouseClick(action)
                compare(actionSpy.count, 1)
            }
            const dismiss = findChild(item, "dismissButton")
            compare(dismiss.visible, data.dismissible)
            if (dismiss.visible) {
                const dismissSpy = createTemporaryObject(spyComponent, root, { target: item, signalName: "dismissed" })
                mouseClick(dismiss)
                compare(dismissSpy.count, 1)
            }
        }

        function test_bannerActionDisabled() {
            const item = createTemporaryObject(banner, root, { text: "x", actionText: "Retry", actionEnabled: false })
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "actionClicked" })
            mouseClick(findChild(item, "bannerAction"))
            compare(spy.count, 0)
        }

        function test_header_data() {
            return [ { tag: "with back", showBack: true }, { tag: "without back", showBack: false } ]
        }
        function test_header(data) {
            const item = createTemporaryObject(header, root, { title: "Cài đặt", showBack: data.showBack })
            compare(findChild(item, "pageTitle").text, "Cài đặt")
            const back = findChild(item, "backButton")
            compare(back.visible, data.showBack)
            if (data.showBack) {
                verify(back.width >= Theme.touchTarget && back.height >= Theme.touchTarget)
                const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "backClicked" })
                mouseClick(back)
                compare(spy.count, 1)
            }
        }
    }
}
