#pragma once

#include <QObject>

class QSocketNotifier;

namespace hues::server {

// Turns SIGTERM and SIGINT into a Qt signal through a self-pipe (socketpair): the handler
// only writes one byte, the event loop does the rest.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    static void handle(int signal);
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace hues::server
