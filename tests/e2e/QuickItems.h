#pragma once
// Finding and clicking QML items in the end-to-end tests: by objectName in the visual tree,
// with real synthesized mouse clicks.

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>

namespace hues::test {

inline bool isShown(QQuickItem *item)
{
    return item->isVisible() && item->width() > 0 && item->height() > 0;
}

// The visible item named `name` in the visual tree below `root`, or null. (QML items are
// visual children, not always QObject children, of what contains them.)
inline QQuickItem *findVisible(QQuickItem *root, const QString &name)
{
    if (!root || !root->isVisible())
        return nullptr;
    const auto children = root->childItems();
    for (QQuickItem *child : children) {
        if (child->objectName() == name && isShown(child))
            return child;
        if (QQuickItem *found = findVisible(child, name))
            return found;
    }
    return nullptr;
}

inline QQuickItem *findVisible(QQuickWindow *window, const QString &name)
{
    return findVisible(window->contentItem(), name);
}

// Scrolls the Flickable around `item`, if any, so that the item is in view.
inline void scrollIntoView(QQuickItem *item)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        QQuickItem *content = p->property("contentItem").value<QQuickItem *>();
        if (!content)
            return;
        const QPointF top = item->mapToItem(content, QPointF(0, 0));
        const qreal maxY = qMax<qreal>(0, p->property("contentHeight").toReal() - p->height());
        const qreal y = qBound<qreal>(0, top.y() - (p->height() - item->height()) / 2, maxY);
        p->setProperty("contentY", y);
        return;
    }
}

// A real click in the middle of the item.
inline bool click(QQuickWindow *window, QQuickItem *item)
{
    if (!item)
        return false;
    scrollIntoView(item);
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    if (!QRectF(QPointF(0, 0), window->size()).contains(centre))
        return false;
    QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

// The text of the visible item named `name`, or an empty string.
inline QString textOf(QQuickWindow *window, const QString &name)
{
    QQuickItem *item = findVisible(window, name);
    return item ? item->property("text").toString() : QString();
}

// Before a screenshot: no page transition running, no image still loading, and a few frames
// drawn since (animations started by the last input have run their course). Waits on the
// window's frames, never on the clock alone.
inline void settle(QQuickWindow *window)
{
    const auto busy = [window] {
        const auto items = window->contentItem()->findChildren<QQuickItem *>();
        for (QQuickItem *item : items) {
            if (item->inherits("QQuickStackView") && item->property("busy").toBool())
                return true;
            if (item->inherits("QQuickImageBase") && item->property("status").toInt() == 2)
                return true; // Image.Loading
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!busy(), 10000);
    QSignalSpy frames(window, &QQuickWindow::frameSwapped);
    for (int i = 0; i < 12 && frames.count() < 12; ++i) { // ~200 ms of frames at 60 Hz
        window->update();
        frames.wait(100);
    }
}

} // namespace hues::test
