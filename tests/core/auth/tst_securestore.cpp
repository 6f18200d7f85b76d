// platform::SecureStore: the in-memory fallback, the time-out every job has, and QtKeychain
// against a throwaway GNOME Keyring (run through with-keyring.sh, which sets
// HUES_TEST_KEYRING=1) or, with no D-Bus session at all, failing cleanly instead of hanging.
#include "securestore/SecureStore.h"

#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

using platform::MemorySecureStore;
using platform::SecureStore;
using platform::SecureStoreJob;

namespace {

struct Outcome
{
    bool finished = false;
    SecureStoreJob::Error error = SecureStoreJob::NoError;
    QByteArray data;
};

Outcome await(SecureStoreJob *job, int timeoutMs = 20000)
{
    Outcome o;
    QObject::connect(job, &SecureStoreJob::finished, job, [&o, job] {
        o.finished = true;
        o.error = job->error();
        o.data = job->data();
    });
    if (!QTest::qWaitFor([&o] { return o.finished; }, timeoutMs))
        qWarning() << "no answer within" << timeoutMs << "ms";
    return o;
}

// A store whose platform never answers (a keyring waiting for a password).
class SilentStore : public SecureStore
{
public:
    bool isPersistent() const override { return true; }
    SecureStoreJob *read(const QString &) override { return newJob(); }
    SecureStoreJob *write(const QString &, const QByteArray &) override { return newJob(); }
    SecureStoreJob *remove(const QString &) override { return newJob(); }
};

const QByteArray kSecret("tok\0en-\xff\x01", 10); // binary, with a NUL byte

} // namespace

class TstSecureStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void memoryRoundTrip();
    void memoryIsNotPersistent();
    void jobsTimeOut();
    void jobDeletesItself();
    void keychainRoundTrip();
    void keychainWithoutSessionBus();
    void keychainStoreDeletedWhileBusy();
};

void TstSecureStore::memoryRoundTrip()
{
    MemorySecureStore store;
    QCOMPARE(await(store.read("session")).error, SecureStoreJob::NotFound);
    QCOMPARE(await(store.write("session", kSecret)).error, SecureStoreJob::NoError);
    Outcome read = await(store.read("session"));
    QCOMPARE(read.error, SecureStoreJob::NoError);
    QCOMPARE(read.data, kSecret);
    QCOMPARE(await(store.write("session", "second")).error, SecureStoreJob::NoError);
    QCOMPARE(await(store.read("session")).data, QByteArray("second"));
    QCOMPARE(await(store.read("other")).error, SecureStoreJob::NotFound);
    QCOMPARE(await(store.remove("session")).error, SecureStoreJob::NoError);
    QCOMPARE(await(store.read("session")).error, SecureStoreJob::NotFound);
    QCOMPARE(await(store.remove("session")).error, SecureStoreJob::NotFound);
}

void TstSecureStore::memoryIsNotPersistent()
{
    MemorySecureStore one;
    QVERIFY(!one.isPersistent());
    QCOMPARE(await(one.write("session", kSecret)).error, SecureStoreJob::NoError);
    MemorySecureStore two; // "the next run"
    QCOMPARE(await(two.read("session")).error, SecureStoreJob::NotFound);
}

void TstSecureStore::jobsTimeOut()
{
    SilentStore store;
    store.setTimeout(100);
    QElapsedTimer timer;
    timer.start();
    const Outcome o = await(store.read("session"), 5000);
    QVERIFY(o.finished);
    QCOMPARE(o.error, SecureStoreJob::TimedOut);
    QVERIFY(timer.elapsed() >= 90);
}

void TstSecureStore::jobDeletesItself()
{
    MemorySecureStore store;
    QPointer<SecureStoreJob> job = store.write("k", "v");
    QSignalSpy finished(job.data(), &SecureStoreJob::finished);
    QVERIFY(finished.wait(5000));
    QTRY_VERIFY(job.isNull());
}

void TstSecureStore::keychainRoundTrip()
{
#ifndef HUES_HAVE_QTKEYCHAIN
    QSKIP("built without QtKeychain (qtkeychain-qt6-dev)");
#else
    if (qEnvironmentVariable("HUES_TEST_KEYRING") != QLatin1String("1"))
        QSKIP("needs a throwaway keyring: run through tests/core/auth/with-keyring.sh");
    const QString service =
        QStringLiteral("hues-test-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<SecureStore> store(SecureStore::create(service));
    QVERIFY(store->isPersistent());
    QCOMPARE(await(store->read("session")).error, SecureStoreJob::NotFound);
    Outcome w = await(store->write("session", kSecret));
    QCOMPARE(w.error, SecureStoreJob::NoError);
    Outcome r = await(store->read("session"));
    QCOMPARE(r.error, SecureStoreJob::NoError);
    QCOMPARE(r.data, kSecret);
    // Another instance (the next run of the app) finds it.
    std::unique_ptr<SecureStore> again(SecureStore::create(service));
    QCOMPARE(await(again->read("session")).data, kSecret);
    QCOMPARE(await(again->write("session", "rotated")).error, SecureStoreJob::NoError);
    QCOMPARE(await(store->read("session")).data, QByteArray("rotated"));
    // Another service name is another box.
    std::unique_ptr<SecureStore> other(SecureStore::create(service + "-other"));
    QCOMPARE(await(other->read("session")).error, SecureStoreJob::NotFound);
    QCOMPARE(await(store->remove("session")).error, SecureStoreJob::NoError);
    QCOMPARE(await(again->read("session")).error, SecureStoreJob::NotFound);
#endif
}

void TstSecureStore::keychainWithoutSessionBus()
{
#ifndef HUES_HAVE_QTKEYCHAIN
    QSKIP("built without QtKeychain (qtkeychain-qt6-dev)");
#else
    if (qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("a D-Bus session exists: not touching a keyring that may be the user's");
    std::unique_ptr<SecureStore> store(SecureStore::create("hues-test"));
    store->setTimeout(3000);
    const Outcome o = await(store->write("session", kSecret), 10000);
    QVERIFY(o.finished); // an answer, not a hang
    QVERIFY2(o.error != SecureStoreJob::NoError, "no keychain here, yet the write succeeded");
    QVERIFY(o.error == SecureStoreJob::Unavailable || o.error == SecureStoreJob::Failed ||
            o.error == SecureStoreJob::TimedOut);
#endif
}

// The app may delete its store (on quit, or a test's Application going away) while a keychain
// call is still on D-Bus: the answer arriving later must not touch freed memory, and the
// write still lands.
void TstSecureStore::keychainStoreDeletedWhileBusy()
{
#ifndef HUES_HAVE_QTKEYCHAIN
    QSKIP("built without QtKeychain (qtkeychain-qt6-dev)");
#else
    if (qEnvironmentVariable("HUES_TEST_KEYRING") != QLatin1String("1"))
        QSKIP("needs a throwaway keyring: run through tests/core/auth/with-keyring.sh");
    const QString service =
        QStringLiteral("hues-test-") + QUuid::createUuid().toString(QUuid::Id128);
    std::unique_ptr<SecureStore> store(SecureStore::create(service));
    QPointer<SecureStoreJob> job = store->write("session", kSecret);
    store.reset(); // the write is in flight
    QVERIFY(job.isNull());
    std::unique_ptr<SecureStore> next(SecureStore::create(service));
    // Secret Service answers in order: the later read sees the earlier write.
    const Outcome r = await(next->read("session"));
    QCOMPARE(r.error, SecureStoreJob::NoError);
    QCOMPARE(r.data, kSecret);
    QCOMPARE(await(next->remove("session")).error, SecureStoreJob::NoError);
#endif
}

QTEST_GUILESS_MAIN(TstSecureStore)
#include "tst_securestore.moc"
