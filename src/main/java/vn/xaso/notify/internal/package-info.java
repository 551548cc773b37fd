/** The notify module's outbox, channel adapters (SMTP, web push, Zalo ZNS, SMS), preferences and jobs. */
@org.jspecify.annotations.NullMarked
package vn.xaso.notify.internal;
