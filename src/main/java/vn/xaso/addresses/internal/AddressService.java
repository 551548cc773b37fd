package vn.xaso.addresses.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.addresses.AddressCodeAssigned;
import vn.xaso.addresses.AddressException;
import vn.xaso.addresses.AddressRecord;
import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.Holder;
import vn.xaso.addresses.HolderKind;
import vn.xaso.addresses.PublicPlace;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * The use cases of {@link Addresses}: record a holder's address, place or move its pin, set the
 * commune's reference point, list, look a plus code up, print a door plate. Each change loads the
 * {@link DigitalAddress} aggregate (locked), lets it check and change, and stores it in one transaction.
 */
@Service
public class AddressService implements Addresses {

	private final AddressStore store;
	private final Postcodes postcodes;
	private final Units units;
	private final Villages villages;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	AddressService(AddressStore store, Postcodes postcodes, Units units, Villages villages, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.postcodes = postcodes;
		this.units = units;
		this.villages = villages;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	@Override
	public AddressRecord record(Holder holder, Details d, String actor) {
		var commune = commune(holder.communeCode());
		var village = village(commune.code(), holder.villageCode());
		return tx.execute(s -> {
			var reference = store.reference(commune.code()).orElse(null);
			var existing = store.forHolder(commune.code(), holder.kind(), holder.id(), true);
			var address = existing.map(DigitalAddress::of)
				.orElseGet(() -> DigitalAddress.create(commune.code(), holder.kind(), holder.id(), village.code(), village.fullName(),
						postcodes.of(commune.code()).orElse(null)));
			address.village(village.code(), village.fullName());
			address.describe(d.label(), d.addressText(), d.nationalCode());
			pin(address, d.lat(), d.lon(), d.plusCode(), reference, commune.code(), actor);
			return save(address, existing.isEmpty(), actor);
		});
	}

	@Override
	public AddressRecord place(String communeCode, long id, @Nullable Double lat, @Nullable Double lon, @Nullable String plusCode,
			String actor) {
		if (lat == null && lon == null && (plusCode == null || plusCode.isBlank())) {
			throw new AddressException("lat", "addresses.error.pinMissing");
		}
		return tx.execute(s -> {
			var record = store.findForUpdate(communeCode, id).orElseThrow(() -> new AddressException("id", "addresses.error.notFound"));
			var address = DigitalAddress.of(record);
			pin(address, lat, lon, plusCode, store.reference(communeCode).orElse(null), communeCode, actor);
			return save(address, false, actor);
		});
	}

	/** Applies a pin, if one is given; the first pin of a commune without a reference point sets it. */
	private double @Nullable [] pin(DigitalAddress address, @Nullable Double lat, @Nullable Double lon, @Nullable String plusCode,
			double @Nullable [] reference, String communeCode, String actor) {
		boolean typedCode = plusCode != null && !plusCode.isBlank();
		if (lat == null && lon == null && !typedCode) {
			return reference;
		}
		if (!typedCode && (lat == null || lon == null)) {
			throw new AddressException(lat == null ? "lat" : "lon", "addresses.error.coordinatesBoth");
		}
		if (!typedCode && (!Double.isFinite(lat) || !Double.isFinite(lon) || !PlusCodes.inVietnam(lat, lon))) {
			throw new AddressException("lat", "addresses.error.outsideVietnam");
		}
		if (reference == null && !typedCode) {
			reference = new double[] { lat, lon };
			store.setReference(communeCode, lat, lon, actor, true);
		}
		if (typedCode) {
			address.pinAtCode(plusCode, reference);
		}
		else {
			address.pin(lat, lon, reference);
		}
		return reference;
	}

	private AddressRecord save(DigitalAddress address, boolean isNew, String actor) {
		var draft = address.snapshot(0, Instant.now());
		if (draft.nationalCode() != null && store.nationalCodeTaken(draft.communeCode(), draft.nationalCode(), draft.id())) {
			throw new AddressException("nationalCode", "addresses.error.nationalCodeTaken");
		}
		AddressRecord saved;
		if (isNew) {
			var id = store.insert(draft, actor);
			if (id.isEmpty()) { // a concurrent twin created the holder's record first: update that one
				var twin = store.forHolder(draft.communeCode(), draft.holderKind(), draft.holderId(), true).orElseThrow();
				saved = address.snapshot(twin.id(), Instant.now());
				store.update(saved, actor);
			}
			else {
				saved = address.snapshot(id.get(), Instant.now());
			}
		}
		else {
			saved = draft;
			store.update(saved, actor);
		}
		if (address.codeChanged()) {
			events.publishEvent(new AddressCodeAssigned(saved.id(), saved.communeCode(), saved.holderKind(), saved.holderId(),
					saved.plusCode(), saved.nationalCode()));
		}
		return saved;
	}

	@Override
	public Optional<AddressRecord> find(String communeCode, long id) {
		return tx.execute(s -> store.find(communeCode, id));
	}

	@Override
	public Optional<AddressRecord> forHolder(String communeCode, HolderKind kind, String holderId) {
		return tx.execute(s -> store.forHolder(communeCode, kind, holderId, false));
	}

	@Override
	public Listing search(String communeCode, Search search) {
		var q = search.q().strip();
		var village = search.villageCode().strip();
		return tx.execute(s -> new Listing(store.page(communeCode, village, q, Math.max(0, search.offset()),
				Math.clamp(search.limit(), 1, 100)), store.count(communeCode, village, q)));
	}

	@Override
	public Optional<Reference> reference(String communeCode) {
		return tx.execute(s -> store.reference(communeCode))
			.map(r -> new Reference(r[0], r[1], PlusCodes.encode(r[0], r[1])));
	}

	@Override
	public Reference setReference(String communeCode, double lat, double lon, String actor) {
		if (!Double.isFinite(lat) || !Double.isFinite(lon) || !PlusCodes.inVietnam(lat, lon)) {
			throw new AddressException("refLat", "addresses.error.outsideVietnam");
		}
		commune(communeCode);
		tx.executeWithoutResult(s -> {
			store.setReference(communeCode, lat, lon, actor, false);
			var reference = new double[] { lat, lon };
			for (var record : store.pinned(communeCode)) {
				var address = DigitalAddress.of(record);
				address.reference(reference);
				store.update(address.snapshot(0, Instant.now()), actor);
			}
		});
		return new Reference(lat, lon, PlusCodes.encode(lat, lon));
	}

	@Override
	public List<PublicPlace> lookUp(String code) {
		var normalised = PlusCodes.normalise(code);
		if (normalised.length() > 20 || !com.google.openlocationcode.OpenLocationCode.isFullCode(normalised)
				|| com.google.openlocationcode.OpenLocationCode.isPadded(normalised)) {
			throw new AddressException("code", "addresses.error.lookupCode");
		}
		var full = PlusCodes.full(normalised, null);
		var rows = Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> store.places(full)));
		var places = new ArrayList<PublicPlace>();
		for (var row : rows) {
			var commune = units.find(row.communeCode());
			var province = units.ancestors(row.communeCode()).stream().findFirst().map(Unit::name).orElse("");
			places.add(new PublicPlace(row.plusCode(), row.communeCode(), commune.map(Unit::name).orElse(row.communeCode()), province,
					row.villageName(), row.postcode() == null ? "" : row.postcode()));
		}
		return places;
	}

	@Override
	public Optional<String> plusCode(double lat, double lon) {
		return Double.isFinite(lat) && Double.isFinite(lon) && PlusCodes.inVietnam(lat, lon) ? Optional.of(PlusCodes.encode(lat, lon))
				: Optional.empty();
	}

	@Override
	public byte[] doorPlate(String communeCode, long id, String publicBaseUrl) {
		var record = find(communeCode, id).orElseThrow(() -> new AddressException("id", "addresses.error.notFound"));
		if (record.plusCode() == null) {
			throw new AddressException("id", "addresses.error.plateNoPin");
		}
		var commune = commune(communeCode);
		var province = units.ancestors(communeCode).stream().findFirst().map(Unit::name).orElse("");
		return DoorPlates.render(record, commune.name(), province, publicBaseUrl);
	}

	private Unit commune(String code) {
		return units.find(code).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new AddressException("communeCode", "addresses.error.commune"));
	}

	private Village village(String communeCode, String villageCode) {
		var code = villageCode == null ? "" : villageCode.strip();
		if (code.isEmpty()) {
			throw new AddressException("villageCode", "addresses.error.village");
		}
		return villages.list(communeCode).stream().filter(v -> v.code().equals(code) && v.active()).findFirst()
			.orElseThrow(() -> new AddressException("villageCode", "addresses.error.village"));
	}
}
