package vn.xaso.farm;

import java.time.Instant;

/**
 * A farm of the commune. {@code ownerUsername}: the farmer's own account (role PRODUCER), the only one who sees and
 * commands it; {@code contactName}/{@code phone}: who gets the alarm messages.
 */
public record Farm(long id, String unitCode, String name, String ownerUsername, String contactName, String phone,
		Instant createdAt) {
}
