package vn.xaso.farm.internal;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.xaso.farm.Farm;
import vn.xaso.farm.FarmException;
import vn.xaso.farm.FarmRegistered;
import vn.xaso.farm.FarmSummary;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.PersonalData;

/**
 * Commune staff register the commune's farms, each for the farmer's own account (an account of the commune with the
 * role PRODUCER, opened at /admin/accounts or given with a producer of the shop), with who gets the alarm messages;
 * they see the farms' counts. The farmer sees their own farms.
 */
@Service
public class KeepingFarms {

	private final FarmTable farms;
	private final Accounts accounts;
	private final FarmWork work;

	KeepingFarms(FarmTable farms, Accounts accounts, FarmWork work) {
		this.farms = farms;
		this.accounts = accounts;
		this.work = work;
	}

	public record Input(@Nullable String name, @Nullable String ownerUsername, @Nullable String contactName, @Nullable String phone) {
	}

	public long register(OfficialPrincipal me, Input input) {
		FarmAccess.staff(me);
		var name = FarmText.required(input.name(), "name", 2, 150, "farm.error.name");
		var owner = FarmText.required(input.ownerUsername(), "ownerUsername", 1, 100, "farm.error.owner");
		var contact = FarmText.required(input.contactName(), "contactName", 2, 100, "farm.error.contactName");
		var phone = PersonalData.normalisePhone(input.phone());
		if (phone == null || !phone.matches("0[0-9]{9}")) {
			throw new FarmException("phone", "farm.error.phone");
		}
		return work.inTx(() -> {
			boolean producer = accounts.list(me.unitCode(), owner, 0, 20).items().stream()
				.anyMatch(a -> a.username().equals(owner) && a.active() && a.roles().equals(Set.of(Role.PRODUCER)));
			if (!producer) {
				throw new FarmException("ownerUsername", "farm.error.owner");
			}
			if (farms.nameTaken(me.unitCode(), name)) {
				throw new FarmException("name", "farm.error.nameTaken");
			}
			long id;
			try {
				id = farms.insert(me.unitCode(), name, owner, contact, phone, me.username());
			}
			catch (DuplicateKeyException e) {
				throw new FarmException("name", "farm.error.nameTaken");
			}
			work.audit(me.unitCode(), me.username(), "farm.registered", "farm", id, name + " · " + owner);
			work.publish(new FarmRegistered(me.unitCode(), id, owner));
			return id;
		});
	}

	/** The commune's farms with their counts (staff). */
	public List<FarmSummary> summaries(OfficialPrincipal me) {
		FarmAccess.staff(me);
		return work.inTx(() -> farms.summaries(me.unitCode()));
	}

	/** The farmer's own farms. */
	public List<Farm> mine(OfficialPrincipal me) {
		if (!me.has(Role.PRODUCER)) {
			throw new FarmException(null, "farm.error.ownerOnly");
		}
		return work.inTx(() -> farms.ofOwner(me.unitCode(), me.username()));
	}
}
