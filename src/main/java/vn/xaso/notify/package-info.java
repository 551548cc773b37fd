/**
 * Notifications: one port ({@link vn.xaso.notify.Notifications}) that queues a message in the
 * caller's transaction and delivers it afterwards on the person's chosen channels — e-mail (SMTP),
 * web push (VAPID, aes128gcm), Zalo ZNS and SMS — with consent, retries and a delivery log.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "units", "platform",
		"platform :: messaging", "platform :: tenancy", "platform :: web" })
package vn.xaso.notify;
