package vn.xaso.cameras;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A camera of the commune, without its addresses (those only "Xem camera" shows). {@code farmId}: the farm for a FARM
 * camera; {@code consentName}/{@code consentOn}: who agreed, and when, for a HOUSEHOLD camera.
 */
public record Camera(long id, String unitCode, String name, @Nullable Long villageId, String place, @Nullable BigDecimal latitude,
		@Nullable BigDecimal longitude, OwnerKind ownerKind, @Nullable Long farmId, @Nullable String consentName,
		@Nullable LocalDate consentOn, @Nullable LocalDate consentWithdrawnOn, State state) {

	/** Who owns the camera. */
	public enum OwnerKind {
		COMMUNE, FARM, HOUSEHOLD
	}

	/** A disabled camera (its household withdrew consent) is listed but never viewed. */
	public enum State {
		ACTIVE, DISABLED
	}

	public boolean mapped() {
		return latitude != null && longitude != null;
	}
}
