#pragma once
// Finding and clicking QML items in the end-to-end tests: by objectName in the visual tree,
// with real synthesized mouse clicks.

#include <QDir>
#include <QInputMethodEvent>
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

// Types text into the focused field as an input method commits it (how Vietnamese is typed).
inline bool typeText(QQuickWindow *window, const QString &text)
{
    QObject *focus = window->focusObject();
    if (!focus)
        return false;
    QInputMethodEvent event;
    event.setCommitString(text);
    QCoreApplication::sendEvent(focus, &event);
    return true;
}

// Lets the window polish and render once, so that layouts have settled where the next click
// goes (a banner that appeared moves the rows below it).
inline bool nextFrame(QQuickWindow *window)
{
    QSignalSpy frame(window, &QQuickWindow::frameSwapped);
    window->update();
    return frame.wait(5000);
}

// Waits until the StackView "stack" is still (it ignores input while a page slides in or out)
// and the window has rendered since.
inline bool ready(QQuickWindow *window)
{
    QQuickItem *stack = findVisible(window, QStringLiteral("stack"));
    if (!stack)
        return false;
    QSignalSpy busy(stack, SIGNAL(busyChanged()));
    if (stack->property("busy").toBool() && !busy.wait(5000))
        return false;
    return nextFrame(window);
}

// The smallest height a control may have to be touched with a finger.
constexpr qreal kMinTouchHeight = 48;

// Clicks the item named `name` once it is shown and enabled and the StackView is still (the
// item is found again just before the click: pages make their items again). Fails the running
// test (QVERIFY) when it cannot, or when the item is lower than `minHeight`; callers that go on
// after a failed click check QTest::currentTestFailed().
inline void clickNamed(QQuickWindow *window, const QString &name, qreal minHeight = kMinTouchHeight)
{
    QQuickItem *item = nullptr;
    QTRY_VERIFY2_WITH_TIMEOUT((item = findVisible(window, name)), qPrintable(name), 15000);
    QTRY_VERIFY2(item->isEnabled(), qPrintable(name + QStringLiteral(" stays disabled")));
    QVERIFY2(ready(window), qPrintable(name + QStringLiteral(": the StackView never stood still")));
    QTRY_VERIFY2((item = findVisible(window, name)), qPrintable(name));
    QVERIFY2(item->height() >= minHeight,
             qPrintable(name + QStringLiteral(" is too small to touch")));
    QVERIFY2(click(window, item), qPrintable(name));
}

// Whether typeInto checks that the field then shows exactly what was typed (fields that format
// their input, amounts grouped as they are typed, show something else).
enum class Echo { Unchecked, Checked };

// Clicks the field named `name`, waits for it to have the focus and types `text` into it.
inline void typeInto(QQuickWindow *window, const QString &name, const QString &text,
                     Echo echo = Echo::Unchecked)
{
    clickNamed(window, name);
    QTRY_VERIFY(window->focusObject() && window->focusObject()->objectName() == name);
    QVERIFY(typeText(window, text));
    if (echo == Echo::Checked)
        QTRY_COMPARE(textOf(window, name), text);
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

// Whether grab first moves the mouse to the window's right edge, so that no hover is left on
// what was clicked last. Keep it still where a mouse move is input that matters (it restarts
// a kiosk's idle countdown).
enum class Mouse { MoveAway, KeepStill };

// With HUES_TEST_GRAB_DIR set, saves a screenshot of the window there as `name` once the window
// has settled. Without it, or with an empty name, does nothing.
inline void grab(QQuickWindow *window, const QString &name, Mouse mouse = Mouse::MoveAway)
{
    const QString dir = qEnvironmentVariable("HUES_TEST_GRAB_DIR");
    if (dir.isEmpty() || name.isEmpty())
        return;
    if (mouse == Mouse::MoveAway)
        QTest::mouseMove(window, QPoint(window->width() - 2, window->height() / 2));
    settle(window);
    window->grabWindow().save(QDir(dir).filePath(name));
}

} // namespace hues::test
