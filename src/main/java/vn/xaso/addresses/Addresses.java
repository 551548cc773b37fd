package vn.xaso.addresses;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The address records of a commune. Every call runs in the caller's tenancy scope (an official's
 * commune; PostgreSQL row-level security holds it too); {@link #lookUp} alone reads across communes
 * and returns only public facts. Bad input throws {@link AddressException} and changes nothing.
 */
public interface Addresses {

	/**
	 * The holder's fields to keep. A pin is given either as coordinates ({@code lat}, {@code lon}) or as a
	 * plus code ({@code plusCode}: full, or short relative to the commune's reference point); none keeps the
	 * record without a pin.
	 */
	record Details(String label, String addressText, @Nullable String nationalCode, @Nullable Double lat,
			@Nullable Double lon, @Nullable String plusCode) {
	}

	/** Search in one commune: {@code villageCode} blank for all villages, {@code q} in label, address or codes. */
	record Search(String villageCode, String q, int offset, int limit) {
	}

	record Listing(List<AddressRecord> items, long total) {
	}

	/** The commune's reference point for short plus codes, and the full code there. */
	record Reference(double lat, double lon, String plusCode) {
	}

	/**
	 * Creates the holder's record, or updates it when the holder already has one (so a repeated call
	 * with the same holder never makes a second record). Publishes {@link AddressCodeAssigned} when a code
	 * is set or changes.
	 */
	AddressRecord record(Holder holder, Details details, String actor);

	/** Places or moves the pin of a record of the commune: coordinates, or a typed plus code. */
	AddressRecord place(String communeCode, long id, @Nullable Double lat, @Nullable Double lon, @Nullable String plusCode,
			String actor);

	Optional<AddressRecord> find(String communeCode, long id);

	Optional<AddressRecord> forHolder(String communeCode, HolderKind kind, String holderId);

	Listing search(String communeCode, Search search);

	Optional<Reference> reference(String communeCode);

	/** Sets the commune's reference point; every short code of the commune is recomputed. */
	Reference setReference(String communeCode, double lat, double lon, String actor);

	/**
	 * Public facts about a plus code (full; or short with a commune code): commune, village and postcode
	 * of the records registered there — never a holder's name, label or address text.
	 *
	 * @throws AddressException the code is not a plus code
	 */
	List<PublicPlace> lookUp(String code);

	/**
	 * The full 10-digit plus code of a point ("7PG74XFQ+93"), for places other modules keep themselves (a touch point);
	 * no record is made. Empty outside Vietnam's box.
	 */
	Optional<String> plusCode(double lat, double lon);

	/** The A6 door plate as a PDF; its QR opens {@code publicBaseUrl + "/place/" + code}. */
	byte[] doorPlate(String communeCode, long id, String publicBaseUrl);
}
