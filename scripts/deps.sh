#!/usr/bin/env bash
# Installs the Debian 12 packages Hue-S needs to build, run and test, if any are missing.
#   scripts/deps.sh          build + run + test packages
# Idempotent: does nothing (and needs no network) when everything is there.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ pkg-config clang-format
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql libqt6opengl6-dev libgl-dev
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml
    qml6-module-qtqml-workerscript qml6-module-qttest
    # reports: position (Qt Positioning), picking photos (Qt Quick Dialogs' FileDialog)
    qt6-positioning-dev qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
    # reports: the camera where the device has one (Qt Multimedia)
    qml6-module-qtmultimedia
    # the QR scanner (Qt Multimedia in C++); its test plays a clip made with ffmpeg through
    # GStreamer (H.264: gstreamer1.0-libav)
    qt6-multimedia-dev ffmpeg gstreamer1.0-plugins-base gstreamer1.0-plugins-good
    gstreamer1.0-libav
    # the photo pipeline decodes JPEG with libjpeg-turbo directly (DCT scaling)
    libjpeg-dev
    # server database, TLS
    libssl-dev libpq-dev postgresql
    # QR codes (zxing-cpp); zbar-tools: an independent QR reader for the tests
    libzxing-dev zbar-tools
    # secure token storage (QtKeychain); its tests run a throwaway GNOME Keyring on D-Bus
    qtkeychain-qt6-dev dbus dbus-daemon gnome-keyring
    # the independent OpenID Provider of the interop tests (npm package oidc-provider)
    nodejs
    # headless UI: screenshots and fonts with Vietnamese diacritics
    xvfb xauth fonts-noto-core fonts-noto-color-emoji
)

# npm: Debian packages it apart from nodejs; NodeSource's nodejs bundles it (and conflicts).
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    echo "deps: missing packages: ${missing[*]}" >&2
    echo "deps: run as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi

echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
