// iOS: notifications through UNUserNotificationCenter (permission asked on first use; the key is
// the request identifier, so a later notify() with the same key replaces it). Compile-guarded;
// not built by this project's desktop build.
#include "Notifier.h"

#if defined(Q_OS_IOS)

#import <UserNotifications/UserNotifications.h>

namespace platform {

namespace {

class IosNotifier : public Notifier
{
public:
    explicit IosNotifier(QObject *parent) : Notifier(parent)
    {
        UNUserNotificationCenter *center = [UNUserNotificationCenter currentNotificationCenter];
        [center requestAuthorizationWithOptions:(UNAuthorizationOptionAlert |
                                                 UNAuthorizationOptionSound)
                              completionHandler:^(BOOL granted, NSError *) {
                                m_granted = granted;
                              }];
    }

    bool isAvailable() const override { return m_granted; }

    bool notify(const QString &key, const QString &title, const QString &body,
                Level level) override
    {
        if (!m_granted)
            return false;
        UNMutableNotificationContent *content = [[UNMutableNotificationContent alloc] init];
        content.title = title.toNSString();
        content.body = body.toNSString();
        content.sound = level == Level::Critical ? [UNNotificationSound defaultCriticalSound]
                                                 : [UNNotificationSound defaultSound];
        UNNotificationRequest *request =
            [UNNotificationRequest requestWithIdentifier:key.toNSString()
                                                 content:content
                                                 trigger:nil];
        [[UNUserNotificationCenter currentNotificationCenter] addNotificationRequest:request
                                                               withCompletionHandler:nil];
        return true;
    }

    void withdraw(const QString &key) override
    {
        NSArray *ids = @[ key.toNSString() ];
        UNUserNotificationCenter *center = [UNUserNotificationCenter currentNotificationCenter];
        [center removeDeliveredNotificationsWithIdentifiers:ids];
        [center removePendingNotificationRequestsWithIdentifiers:ids];
    }

private:
    bool m_granted = false;
};

} // namespace

Notifier *Notifier::create(QObject *parent)
{
    return new IosNotifier(parent);
}

} // namespace platform

#endif // Q_OS_IOS
