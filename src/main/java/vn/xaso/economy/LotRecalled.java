package vn.xaso.economy;

import java.time.Instant;

/** A batch was recalled (withdrawn) by its producer or by the commune; its page and Digital Link now say so (410). */
public record LotRecalled(String unitCode, long lotId, long productId, String lotNumber, String reason, String by, Instant at) {
}
