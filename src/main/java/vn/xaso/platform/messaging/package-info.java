/** The outgoing text-message port and its demo outbox. */
@org.springframework.modulith.NamedInterface("messaging")
package vn.xaso.platform.messaging;
