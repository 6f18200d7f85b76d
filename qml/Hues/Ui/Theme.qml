pragma Singleton
import QtQuick

// Colours, type scale, spacing and sizes of Hue-S: a calm palette after Huế's
// imperial purple, royal blue and gold. Screens never hard-code these values.
QtObject {
    // Set by the window: true on large landscape screens (1920x1080 kiosks).
    property bool kiosk: false
    readonly property real scale: kiosk ? 1.25 : 1.0

    // Colours (text colours reach at least WCAG AA on their backgrounds).
    readonly property color primary: "#4B2A7B"        // tím Huế, imperial purple
    readonly property color primaryPressed: "#371E5C"
    readonly property color primaryContainer: "#EEE8F6"
    readonly property color textOnPrimary: "#FFFFFF"
    readonly property color secondary: "#1F3A8A"      // royal blue
    readonly property color secondaryContainer: "#E7ECFA"
    readonly property color accent: "#C9A227"         // gold: lines and badges, never body text on light
    readonly property color accentContainer: "#FBF3DA"
    readonly property color textOnAccent: "#5C4500"
    readonly property color background: "#F6F4F9"
    readonly property color surface: "#FFFFFF"
    readonly property color surfacePressed: "#F0ECF6"
    readonly property color outline: "#DDD6E8"
    readonly property color outlineStrong: "#8E84A0"
    readonly property color text: "#1E1A26"
    readonly property color textSecondary: "#564E63"
    readonly property color textDisabled: "#8F879B"
    readonly property color focus: "#C9A227"

    readonly property color info: "#1F3A8A"
    readonly property color infoContainer: "#E7ECFA"
    readonly property color warning: "#7A4F00"
    readonly property color warningContainer: "#FFF1CC"
    readonly property color error: "#A4231B"
    readonly property color errorContainer: "#FCE8E6"
    readonly property color success: "#1B6B3A"
    readonly property color successContainer: "#E3F4E8"

    // Severity of alerts (CAP): deep red, orange-red, amber, blue-grey. `severity*` fills a badge
    // or a card's stripe (with `severityOn*` text on it); `severity*Container` tints a card;
    // `severity*Text` is readable on white and on the container (all at least 4.5:1).
    readonly property color severityExtreme: "#8E1010"
    readonly property color severityExtremeContainer: "#FBE4E4"
    readonly property color severitySevere: "#C2410C"
    readonly property color severitySevereContainer: "#FDEDE4"
    readonly property color severitySevereText: "#9A3412"
    readonly property color severityModerate: "#F5B700"
    readonly property color severityOnModerate: "#3D2E00"
    readonly property color severityModerateContainer: "#FFF4D1"
    readonly property color severityModerateText: "#7A4F00"
    readonly property color severityMinor: "#42607F"
    readonly property color severityMinorContainer: "#EAF0F6"
    readonly property color severityUnknown: "#5F5870"
    readonly property color severityOnStrong: "#FFFFFF"

    // The colours of a CAP severity (Extreme | Severe | Moderate | Minor | anything else).
    function severityColor(severity: string): color {
        switch (severity) {
        case "Extreme": return severityExtreme
        case "Severe": return severitySevere
        case "Moderate": return severityModerate
        case "Minor": return severityMinor
        default: return severityUnknown
        }
    }
    function severityOnColor(severity: string): color {
        return severity === "Moderate" ? severityOnModerate : severityOnStrong
    }
    function severityContainer(severity: string): color {
        switch (severity) {
        case "Extreme": return severityExtremeContainer
        case "Severe": return severitySevereContainer
        case "Moderate": return severityModerateContainer
        case "Minor": return severityMinorContainer
        default: return surfacePressed
        }
    }
    function severityText(severity: string): color {
        switch (severity) {
        case "Extreme": return severityExtreme
        case "Severe": return severitySevereText
        case "Moderate": return severityModerateText
        case "Minor": return severityMinor
        default: return textSecondary
        }
    }

    // Type scale (pixel sizes).
    readonly property string fontFamily: "Noto Sans"
    readonly property int fontCaption: Math.round(13 * scale)
    readonly property int fontBody: Math.round(16 * scale)
    readonly property int fontBodyLarge: Math.round(18 * scale)
    readonly property int fontTitle: Math.round(20 * scale)
    readonly property int fontHeadline: Math.round(26 * scale)
    readonly property int fontDisplay: Math.round(34 * scale)
    readonly property int fontIcon: Math.round(26 * scale)

    // Spacing.
    readonly property int spacingXs: Math.round(4 * scale)
    readonly property int spacingS: Math.round(8 * scale)
    readonly property int spacingM: Math.round(12 * scale)
    readonly property int spacingL: Math.round(16 * scale)
    readonly property int spacingXl: Math.round(24 * scale)
    readonly property int spacingXxl: Math.round(32 * scale)

    // Corner radii.
    readonly property int radiusS: 8
    readonly property int radiusM: 12
    readonly property int radiusL: 18

    // Minimum size of anything touchable; larger on kiosks.
    readonly property int touchTarget: kiosk ? 64 : 48
    // Widest readable column of content.
    readonly property int contentMaxWidth: kiosk ? 1400 : 960

    readonly property int animationFast: 120
    readonly property int animationNormal: 200
}
