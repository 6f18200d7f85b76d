import QtQuick
import Hues.Services

// A QR code: QrCodeItem (C++) drawing it, announced to screen readers as a picture whose
// description is the encoded text. Give it a name where the page knows what the code is for.
QrCodeItem {
    Accessible.role: Accessible.Graphic
    Accessible.description: text
}
