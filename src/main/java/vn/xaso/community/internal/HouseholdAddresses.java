package vn.xaso.community.internal;

import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.addresses.AddressCodeAssigned;
import vn.xaso.addresses.AddressRecord;
import vn.xaso.addresses.Addresses;
import vn.xaso.addresses.Holder;
import vn.xaso.addresses.HolderKind;
import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.HouseholdRegistered;
import vn.xaso.units.Villages;

/**
 * Each household's digital address record, kept by the addresses module (issue 16): made when the household is
 * registered or imported (label "Hộ …", the household's address text or else its village), or from the household
 * page for households kept before; the household notes the record's id and, from {@link AddressCodeAssigned}, when
 * its address first got a code — counted by {@link CommunityMetrics}.
 */
@Service
public class HouseholdAddresses {

	private final Addresses addresses;
	private final HouseholdTable households;
	private final ReadingHouseholds reading;
	private final Villages villages;
	private final CommunityMetrics metrics;

	HouseholdAddresses(Addresses addresses, HouseholdTable households, ReadingHouseholds reading, Villages villages,
			CommunityMetrics metrics) {
		this.addresses = addresses;
		this.households = households;
		this.reading = reading;
		this.villages = villages;
		this.metrics = metrics;
	}

	@EventListener
	void on(HouseholdRegistered registered) {
		make(registered.unitCode(), registered.householdId(), registered.by());
	}

	/** The household's address record, when the actor may see the household. */
	@Transactional(readOnly = true)
	public Optional<AddressRecord> of(Actor actor, long householdId) {
		return reading.visible(actor, householdId)
			.flatMap(h -> addresses.forHolder(actor.unitCode(), HolderKind.HOUSEHOLD, String.valueOf(householdId)));
	}

	/** Makes the record of a household kept before records were made (or returns the one it has). */
	@Transactional
	public AddressRecord make(Actor actor, long householdId) {
		if (!actor.staff() && actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember");
		}
		reading.visible(actor, householdId).orElseThrow(() -> new CommunityException(null, "community.error.noHousehold"));
		return make(actor.unitCode(), householdId, actor.username());
	}

	private AddressRecord make(String unitCode, long householdId, String by) {
		var row = households.find(unitCode, householdId).orElseThrow(() -> new CommunityException(null, "community.error.noHousehold"));
		var village = villages.list(unitCode).stream().filter(v -> v.id() == row.villageId()).findFirst()
			.orElseThrow(() -> new CommunityException("villageId", "community.error.village"));
		var text = row.address() == null || row.address().isBlank() ? village.fullName() : row.address().strip();
		var record = addresses.record(new Holder(HolderKind.HOUSEHOLD, String.valueOf(householdId), unitCode, village.code()),
				new Addresses.Details(vn.xaso.platform.Refusal.bundleText("i18n/community", "community.text.householdLabel", row.headName()), text, null, null, null, null), by);
		households.linkAddress(unitCode, householdId, record.id());
		return record;
	}

	@EventListener
	void on(AddressCodeAssigned assigned) {
		if (assigned.holderKind() != HolderKind.HOUSEHOLD || (assigned.plusCode() == null && assigned.nationalCode() == null)
				|| !assigned.holderId().matches("[0-9]{1,18}")) {
			return;
		}
		long id = Long.parseLong(assigned.holderId());
		if (households.markCoded(assigned.communeCode(), id, assigned.recordId())) {
			metrics.householdCoded(assigned.communeCode(), id);
		}
	}
}
