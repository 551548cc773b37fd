package vn.xaso.farm.internal;

/**
 * The way to the devices: the MQTT broker. {@link EmbeddedBroker} is the broker inside the instance (the default);
 * {@link ExternalBroker} is the instance's client of a province's broker ({@code xaso.farm.broker.mode=external},
 * docs/modules/farm.md).
 */
interface DeviceLink {

	/** A device exists now: the broker must be running (the embedded one starts with the first device). */
	void deviceAdded();

	/** Publishes to a device's command topic (QoS 1). False when the broker is not running. */
	boolean send(String topic, byte[] payload);

	/** Closes a device's connection (after its revocation). */
	void disconnect(String login);
}
