import QtQuick
import QtTest
import Hues.Ui

// SeverityBadge, ToggleSwitch and the severity colours of Theme: what they show, that the
// colours stay readable (WCAG AA, 4.5:1) and that the switch is touchable and toggles.
Item {
    id: root
    width: 800
    height: 600

    Component { id: spyComponent; SignalSpy { } }
    Component { id: badge; SeverityBadge { } }
    Component { id: toggle; ToggleSwitch { } }

    // WCAG 2 relative luminance and contrast ratio.
    function luminance(c: color): real {
        const f = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
    }
    function contrast(a: color, b: color): real {
        const la = luminance(a)
        const lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }

    TestCase {
        name: "Severity"
        when: windowShown

        function test_colours_data() {
            return [
                { tag: "Extreme", severity: "Extreme", fill: Theme.severityExtreme },
                { tag: "Severe", severity: "Severe", fill: Theme.severitySevere },
                { tag: "Moderate", severity: "Moderate", fill: Theme.severityModerate },
                { tag: "Minor", severity: "Minor", fill: Theme.severityMinor },
                { tag: "Unknown", severity: "Unknown", fill: Theme.severityUnknown },
                { tag: "empty", severity: "", fill: Theme.severityUnknown }
            ]
        }
        function test_colours(data) {
            compare(Theme.severityColor(data.severity), data.fill)
            const on = Theme.severityOnColor(data.severity)
            const container = Theme.severityContainer(data.severity)
            const text = Theme.severityText(data.severity)
            verify(root.contrast(on, data.fill) >= 4.5, "text on the badge: " + root.contrast(on, data.fill))
            verify(root.contrast(text, container) >= 4.5, "severity text on the card: " + root.contrast(text, container))
            verify(root.contrast(text, Theme.surface) >= 4.5, "severity text on white: " + root.contrast(text, Theme.surface))
            verify(root.contrast(Theme.text, container) >= 4.5, "body text on the card")
            verify(root.contrast(Theme.textSecondary, container) >= 4.5, "secondary text on the card")
        }

        function test_severitiesDiffer() {
            const names = ["Extreme", "Severe", "Moderate", "Minor"]
            for (let i = 0; i < names.length; ++i)
                for (let j = i + 1; j < names.length; ++j)
                    verify(!Qt.colorEqual(Theme.severityColor(names[i]), Theme.severityColor(names[j])),
                           names[i] + " / " + names[j])
        }

        function test_badge_data() {
            return [
                { tag: "extreme", severity: "Extreme", text: "Cực kỳ nghiêm trọng", glyph: "\u26A0" },
                { tag: "moderate", severity: "Moderate", text: "Trung bình", glyph: "\u26A0" },
                { tag: "minor", severity: "Minor", text: "Nhẹ", glyph: "\u2139" }
            ]
        }
        function test_badge(data) {
            const item = createTemporaryObject(badge, root, { severity: data.severity, text: data.text })
            const label = findChild(item, "severityText")
            compare(label.text, data.text)
            compare(label.color, Theme.severityOnColor(data.severity))
            compare(findChild(item, "severityGlyph").text, data.glyph)
            compare(item.color, Theme.severityColor(data.severity))
            verify(item.width > label.implicitWidth)
            compare(item.Accessible.name, data.text)
        }

        function test_badgeLarge() {
            const small = createTemporaryObject(badge, root, { severity: "Severe", text: "Nghiêm trọng" })
            const large = createTemporaryObject(badge, root, { severity: "Severe", text: "Nghiêm trọng", large: true })
            verify(large.height > small.height)
            verify(findChild(large, "severityText").font.pixelSize > findChild(small, "severityText").font.pixelSize)
        }

        function test_badgeElidesWhenNarrow() {
            const item = createTemporaryObject(badge, root, { severity: "Extreme", text: "Một mức độ có tên rất dài ở đây", width: 90 })
            verify(findChild(item, "severityText").width < 90)
        }

        function test_switch_data() {
            return [ { tag: "with text", text: "Hiện mọi cảnh báo trong tỉnh" }, { tag: "bare", text: "" } ]
        }
        function test_switch(data) {
            const item = createTemporaryObject(toggle, root, data.text ? { text: data.text, width: 400 } : {})
            const spy = createTemporaryObject(spyComponent, root, { target: item, signalName: "toggled" })
            verify(item.height >= Theme.touchTarget)
            verify(item.width >= Theme.touchTarget)
            verify(!item.checked)
            const knob = findChild(item, "switchKnob")
            const offX = knob.x
            mouseClick(item)
            verify(item.checked)
            compare(spy.count, 1)
            compare(item.indicator.color, Theme.primary)
            tryVerify(() => knob.x > offX)
            mouseClick(item)
            verify(!item.checked)
            compare(spy.count, 2)
        }

        function test_switchDisabled() {
            const item = createTemporaryObject(toggle, root, { text: "Cháy", enabled: false })
            mouseClick(item)
            verify(!item.checked)
            compare(item.indicator.color, Theme.outline)
        }

        function test_switchKeyboard() {
            const item = createTemporaryObject(toggle, root, { text: "Thời tiết" })
            item.forceActiveFocus()
            keyClick(Qt.Key_Space)
            verify(item.checked)
        }
    }
}
