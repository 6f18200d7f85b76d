import QtQuick
import QtTest
import Hues.Ui

// Buttons and tiles: a click emits clicked, and each is at least Theme.touchTarget tall.
Item {
    id: root
    width: 600
    height: 400

    Component { id: primary; PrimaryButton { text: "OK" } }
    Component { id: secondary; SecondaryButton { text: "Cancel" } }
    Component { id: tile; ServiceTile { width: 240; glyph: "₫"; title: "Pay"; subtitle: "Bills and fees" } }
    Component { id: wideTile; ServiceTile { width: 480; horizontal: true; glyph: "⚑"; title: "Report a problem"; subtitle: "Potholes" } }

    TestCase {
        name: "Buttons"
        when: windowShown

        function init_data() {
            return [
                { tag: "PrimaryButton", component: primary },
                { tag: "SecondaryButton", component: secondary },
                { tag: "ServiceTile", component: tile },
                { tag: "ServiceTile horizontal", component: wideTile }
            ]
        }

        function test_click_data() { return init_data() }
        function test_click(data) {
            const control = createTemporaryObject(data.component, root)
            verify(control)
            const spy = createTemporaryObject(spyComponent, root, { target: control, signalName: "clicked" })
            mouseClick(control)
            compare(spy.count, 1)
        }

        function test_touchTarget_data() { return init_data() }
        function test_touchTarget(data) {
            const control = createTemporaryObject(data.component, root)
            verify(control)
            verify(control.height >= Theme.touchTarget, "height " + control.height)
            verify(control.width >= Theme.touchTarget, "width " + control.width)
        }

        function test_disabledIgnoresClick_data() { return init_data() }
        function test_disabledIgnoresClick(data) {
            const control = createTemporaryObject(data.component, root, { enabled: false })
            const spy = createTemporaryObject(spyComponent, root, { target: control, signalName: "clicked" })
            mouseClick(control)
            compare(spy.count, 0)
        }

        function test_tileTexts() {
            const control = createTemporaryObject(tile, root)
            compare(findChild(control, "tileTitle").text, "Pay")
            compare(findChild(control, "tileSubtitle").text, "Bills and fees")
            compare(control.Accessible.name, "Pay")
        }

        function test_kioskTouchTarget() {
            Theme.kiosk = true
            const control = createTemporaryObject(primary, root)
            verify(Theme.touchTarget > 48)
            verify(control.height >= Theme.touchTarget)
            Theme.kiosk = false
            compare(Theme.touchTarget, 48)
        }
    }

    Component { id: spyComponent; SignalSpy { } }
}
