package vn.xaso.farm.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.xaso.farm.Device;
import vn.xaso.farm.DeviceRegistered;
import vn.xaso.farm.DeviceRevoked;
import vn.xaso.farm.FarmException;
import vn.xaso.identity.OfficialPrincipal;

/**
 * The farmer registers a device of their farm and gets its credentials — user name and secret, the secret shown
 * this once — and the topics it may use; revokes it (the broker refuses it and closes its connection). The broker
 * checks a device's sign-in here.
 */
@Service
public class ProvisioningDevices {

	private final DeviceTable devices;
	private final FarmAccess access;
	private final DeviceLink link;
	private final FarmWork work;

	ProvisioningDevices(DeviceTable devices, FarmAccess access, DeviceLink link, FarmWork work) {
		this.devices = devices;
		this.access = access;
		this.link = link;
		this.work = work;
	}

	/** What the farmer copies into the device, once. */
	public record NewDevice(Device device, String login, String secret) {
	}

	public record Input(@Nullable String kind, @Nullable String name) {
	}

	public NewDevice register(OfficialPrincipal me, long farmId, Input input) {
		var kind = FarmText.choice(input.kind(), Device.Kind.class, "kind", "farm.error.kind");
		var name = FarmText.required(input.name(), "name", 2, 100, "farm.error.deviceName");
		var secret = DeviceSecrets.generate();
		var device = work.inTx(() -> {
			var farm = access.own(me, farmId);
			long id = devices.insert(farm.unitCode(), farm.id(), kind, name, DeviceSecrets.hash(secret), me.username());
			work.audit(farm.unitCode(), me.username(), "farm.device.registered", "device", id, kind + " " + name);
			work.publish(new DeviceRegistered(farm.unitCode(), farm.id(), id, kind));
			afterCommit(link::deviceAdded);
			return devices.find(id).orElseThrow();
		});
		return new NewDevice(device, device.login(), secret);
	}

	public void revoke(OfficialPrincipal me, long farmId, long deviceId) {
		work.inTx(() -> {
			var farm = access.own(me, farmId);
			var device = devices.find(deviceId).filter(d -> d.farmId() == farm.id())
				.orElseThrow(() -> new FarmException(null, "farm.error.noDevice"));
			if (!devices.revoke(device.id(), work.now())) {
				throw new FarmException(null, "farm.error.alreadyRevoked");
			}
			work.audit(farm.unitCode(), me.username(), "farm.device.revoked", "device", device.id(), device.name());
			work.publish(new DeviceRevoked(farm.unitCode(), farm.id(), device.id()));
			afterCommit(() -> link.disconnect(device.login()));
			return null;
		});
	}

	/** The broker's sign-in check: the device with this user name and secret, not revoked. */
	Optional<Device> signIn(@Nullable String login, @Nullable String secret) {
		if (login == null || secret == null || !login.matches("d[0-9]{1,18}") || secret.length() > 100) {
			return Optional.empty();
		}
		long id = Long.parseLong(login.substring(1));
		return work.systemWide(() -> devices.credentials(id))
			.filter(c -> !c.device().revoked() && DeviceSecrets.matches(secret, c.secretHash()))
			.map(DeviceTable.Credentials::device);
	}

	/** Whether the device is still allowed (not revoked), read again for each message. */
	Optional<Device> current(long deviceId) {
		return work.systemWide(() -> devices.find(deviceId)).filter(d -> !d.revoked());
	}

	boolean anyActive() {
		return work.systemWide(devices::anyActive);
	}

	static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}
}
