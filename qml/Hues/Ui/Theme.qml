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
