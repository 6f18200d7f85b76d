#pragma once

#include <QObject>
#include <QString>

namespace platform {

// Confirms that the device's owner is present before a payment: the platform's biometric
// prompt (fingerprint, face) where there is one. The app's own PIN (core, payments::PinLock)
// is the fallback everywhere and the only way on desktops.
class UserPresence : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Whether a biometric prompt can be shown now (hardware present and enrolled).
    virtual bool biometricsAvailable() const = 0;
    // Shows the prompt with `reason` (translated, e.g. "Pay 50.000 ₫ to ..."); emits
    // biometricResult once, later, from the event loop.
    virtual void requestBiometric(const QString &reason) = 0;

    // The platform's implementation (Android BiometricPrompt, iOS LocalAuthentication), or
    // one without biometrics (desktop).
    static UserPresence *create(QObject *parent = nullptr);

Q_SIGNALS:
    // ok: the owner confirmed; else error says why (translated), empty when they cancelled.
    void biometricResult(bool ok, const QString &error);
};

// No biometrics (desktops, kiosks, tests): every request fails with a translated reason.
class NoBiometricsPresence : public UserPresence
{
    Q_OBJECT
public:
    using UserPresence::UserPresence;
    bool biometricsAvailable() const override { return false; }
    void requestBiometric(const QString &reason) override;
};

} // namespace platform
