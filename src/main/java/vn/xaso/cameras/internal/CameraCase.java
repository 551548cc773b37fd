package vn.xaso.cameras.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.xaso.cameras.Camera;
import vn.xaso.cameras.CameraException;

/**
 * The camera aggregate: guards its changes — a household camera exists only with consent; withdrawing consent (a
 * household camera, once) disables it; a disabled camera is neither edited nor viewed.
 */
final class CameraCase {

	private final Camera camera;

	CameraCase(Camera camera) {
		this.camera = camera;
	}

	/** A new camera, checked: a FARM camera names its farm, a HOUSEHOLD camera its consent. */
	static Camera create(String unitCode, String name, @Nullable Long villageId, String place, @Nullable BigDecimal lat,
			@Nullable BigDecimal lon, Camera.OwnerKind kind, @Nullable Long farmId, @Nullable String consentName, @Nullable LocalDate consentOn) {
		if ((lat == null) != (lon == null)) {
			throw new CameraException("longitude", "cameras.error.coordinatePair");
		}
		if (kind == Camera.OwnerKind.FARM && farmId == null) {
			throw new CameraException("farmId", "cameras.error.farm");
		}
		if (kind == Camera.OwnerKind.HOUSEHOLD && (consentName == null || consentOn == null)) {
			throw new CameraException("consentName", "cameras.error.consent");
		}
		boolean household = kind == Camera.OwnerKind.HOUSEHOLD;
		return new Camera(0, unitCode, name, villageId, place, lat, lon, kind, kind == Camera.OwnerKind.FARM ? farmId : null,
				household ? consentName : null, household ? consentOn : null, null, Camera.State.ACTIVE);
	}

	Camera edited(String name, @Nullable Long villageId, String place, @Nullable BigDecimal lat, @Nullable BigDecimal lon) {
		active();
		if ((lat == null) != (lon == null)) {
			throw new CameraException("longitude", "cameras.error.coordinatePair");
		}
		return new Camera(camera.id(), camera.unitCode(), name, villageId, place, lat, lon, camera.ownerKind(), camera.farmId(),
				camera.consentName(), camera.consentOn(), null, Camera.State.ACTIVE);
	}

	Camera consentWithdrawn(LocalDate on) {
		if (camera.ownerKind() != Camera.OwnerKind.HOUSEHOLD) {
			throw new CameraException(null, "cameras.error.notHousehold");
		}
		if (camera.state() == Camera.State.DISABLED) {
			throw new CameraException(null, "cameras.error.disabled");
		}
		return new Camera(camera.id(), camera.unitCode(), camera.name(), camera.villageId(), camera.place(), camera.latitude(),
				camera.longitude(), camera.ownerKind(), camera.farmId(), camera.consentName(), camera.consentOn(), on, Camera.State.DISABLED);
	}

	/** Refuses anything on a disabled camera. */
	void active() {
		if (camera.state() == Camera.State.DISABLED) {
			throw new CameraException(null, "cameras.error.disabled");
		}
	}
}
