import QtQuick
import QtTest
import Hues.Ui

// NavBar and NavRail: clicking a destination selects it and reports it.
Item {
    id: root
    width: 800
    height: 800

    readonly property var items: [
        { name: "home", glyph: "⌂", label: "Home" },
        { name: "alerts", glyph: "⚠", label: "Alerts" },
        { name: "pay", glyph: "₫", label: "Pay" },
        { name: "account", glyph: "person", label: "Account" },
        { name: "settings", glyph: "⚙", label: "Settings" }
    ]

    Component { id: spyComponent; SignalSpy { } }
    Component { id: navBar; NavBar { width: 420; items: root.items; currentIndex: 0 } }
    Component { id: navRail; NavRail { height: 700; items: root.items; currentIndex: 0; title: "Hue-S" } }

    TestCase {
        name: "Navigation"
        when: windowShown

        function test_select_data() {
            const rows = []
            for (const kind of [{ name: "NavBar", component: navBar }, { name: "NavRail", component: navRail }]) {
                for (let i = 0; i < root.items.length; ++i)
                    rows.push({ tag: kind.name + " " + root.items[i].name, component: kind.component, index: i })
            }
            return rows
        }
        function test_select(data) {
            const nav = createTemporaryObject(data.component, root)
            verify(nav)
            const spy = createTemporaryObject(spyComponent, root, { target: nav, signalName: "activated" })
            const button = findChild(nav, "nav_" + root.items[data.index].name)
            verify(button, "nav_" + root.items[data.index].name)
            verify(button.height >= Theme.touchTarget)
            compare(button.text, root.items[data.index].label)
            mouseClick(button)
            compare(nav.currentIndex, data.index)
            compare(button.selected, true)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], data.index)
            compare(spy.signalArguments[0][1], root.items[data.index].name)
        }

        function test_onlyOneSelected() {
            const nav = createTemporaryObject(navBar, root)
            mouseClick(findChild(nav, "nav_pay"))
            let selected = 0
            for (const item of root.items)
                selected += findChild(nav, "nav_" + item.name).selected ? 1 : 0
            compare(selected, 1)
        }
    }
}
