import QtQuick
import Hues.Ui

// A symbol drawn from a Unicode glyph (DejaVu/Noto render them; no icon font needed).
Text {
    id: root
    property string glyph
    property int size: Theme.fontIcon

    text: root.glyph
    font.pixelSize: root.size
    color: Theme.primary
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
    Accessible.ignored: true
}
