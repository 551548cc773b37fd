package vn.xaso.portal.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditEvent;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.PersonalData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.CommuneInfo;
import vn.xaso.portal.PortalException;
import vn.xaso.units.Units;
import vn.xaso.units.Villages;

/** Officials keep the commune's schedule and contacts; a citizen keeps their commune and village. */
@Service
class KeepingCommuneInfo implements CommuneInfo {

	private final ScheduleTable schedule;
	private final ContactTable contacts;
	private final PlaceTable places;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final Units units;
	private final Villages villages;

	KeepingCommuneInfo(ScheduleTable schedule, ContactTable contacts, PlaceTable places, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, Units units, Villages villages) {
		this.schedule = schedule;
		this.contacts = contacts;
		this.places = places;
		this.tx = new TransactionTemplate(transactions);
		this.events = events;
		this.units = units;
		this.villages = villages;
	}

	@Override
	public List<ScheduleEntry> week(String unitCode, LocalDate day) {
		var monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> schedule.between(unitCode, monday, monday.plusDays(6))));
	}

	@Override
	public long addSchedule(OfficialPrincipal me, LocalDate day, String time, String leader, String content, String place) {
		requireScheduleEditor(me);
		var t = WritingPosts.clean(time);
		if (!t.isEmpty() && !t.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
			throw new PortalException("time", "portal.error.time");
		}
		var l = WritingPosts.clean(leader);
		if (l.isEmpty() || l.length() > 120) {
			throw new PortalException("leader", "portal.error.leader");
		}
		var c = WritingPosts.clean(content);
		if (c.isEmpty() || c.length() > 500) {
			throw new PortalException("content", "portal.error.content");
		}
		var p = WritingPosts.clean(place);
		if (p.length() > 200) {
			throw new PortalException("place", "portal.error.place");
		}
		return tx.execute(s -> {
			long id = schedule.insert(me.unitCode(), day, t, l, c, p, me.username());
			events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "portal.schedule.added").on("portal_schedule", id)
				.change(null, day + " " + t + " " + c));
			return id;
		});
	}

	@Override
	public void removeSchedule(OfficialPrincipal me, long id) {
		requireScheduleEditor(me);
		tx.executeWithoutResult(s -> {
			if (!schedule.delete(me.unitCode(), id)) {
				throw new PortalException("id", "portal.error.noScheduleEntry");
			}
			events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "portal.schedule.removed").on("portal_schedule", id));
		});
	}

	@Override
	public List<Contact> publicContacts(String unitCode) {
		return Tenancy.callAs(UnitScope.of(unitCode), () -> tx.execute(s -> contacts.of(unitCode).stream()
			.map(c -> c.phonePublic() ? c : new Contact(c.id(), c.position(), c.name(), c.title(), "", false, c.email())).toList()));
	}

	@Override
	public List<Contact> contactsForEditor(OfficialPrincipal me) {
		return tx.execute(s -> contacts.of(me.unitCode()));
	}

	@Override
	public long addContact(OfficialPrincipal me, int position, String name, String title, String phone, boolean phonePublic, String email) {
		requireContactEditor(me);
		var n = WritingPosts.clean(name);
		if (n.isEmpty() || n.length() > 120) {
			throw new PortalException("name", "portal.error.contactName");
		}
		var t = WritingPosts.clean(title);
		if (t.isEmpty() || t.length() > 160) {
			throw new PortalException("title", "portal.error.contactTitle");
		}
		var p = WritingPosts.clean(phone).replaceAll("[ .-]", "");
		if (!p.isEmpty()) {
			p = p.startsWith("+84") ? "0" + p.substring(3) : p;
			if (!p.matches("0[0-9]{9,10}")) {
				throw new PortalException("phone", "portal.error.contactPhone");
			}
		}
		var e = WritingPosts.clean(email);
		if (!e.isEmpty() && (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			throw new PortalException("email", "portal.error.contactEmail");
		}
		if (position < 0 || position > 999) {
			throw new PortalException("position", "portal.error.position");
		}
		var phoneValue = p;
		return tx.execute(s -> {
			long id = contacts.insert(me.unitCode(), position, n, t, phoneValue, phonePublic && !phoneValue.isEmpty(), e);
			events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "portal.contact.added").on("portal_contact", id)
				.change(null, n + ", " + t + (phoneValue.isEmpty() ? "" : ", " + PersonalData.maskPhone(phoneValue))));
			return id;
		});
	}

	@Override
	public void removeContact(OfficialPrincipal me, long id) {
		requireContactEditor(me);
		tx.executeWithoutResult(s -> {
			if (!contacts.delete(me.unitCode(), id)) {
				throw new PortalException("id", "portal.error.noContact");
			}
			events.publishEvent(AuditEvent.of(me.unitCode(), me.username(), "portal.contact.removed").on("portal_contact", id));
		});
	}

	@Override
	public Optional<Place> placeOf(long citizenId) {
		return tx.execute(s -> places.of(citizenId));
	}

	@Override
	public void choosePlace(long citizenId, String unitCode, @Nullable Long villageId) {
		if (!unitCode.matches("[0-9]{5}") || !units.isCommune(unitCode)) {
			throw new PortalException("unit", "portal.error.placeUnit");
		}
		if (villageId != null && villages.list(unitCode).stream().noneMatch(v -> v.id() == villageId && v.active())) {
			throw new PortalException("village", "portal.error.placeVillage");
		}
		// The audit entry joins the commune's chain, so the write runs in that commune's scope.
		Tenancy.runAs(UnitScope.of(unitCode), () -> tx.executeWithoutResult(s -> {
			places.choose(citizenId, unitCode, villageId);
			events.publishEvent(AuditEvent.of(unitCode, "citizen:" + citizenId, "portal.citizen.place").on("citizen", citizenId)
				.change(null, unitCode + (villageId == null ? "" : " / " + villageId)));
		}));
	}

	private static void requireScheduleEditor(OfficialPrincipal me) {
		if (!me.has(Role.LEADER) && !me.has(Role.SPECIALIST) && !me.has(Role.ADMIN)) {
			throw new PortalException("content", "portal.error.scheduleEditor");
		}
	}

	private static void requireContactEditor(OfficialPrincipal me) {
		if (!me.has(Role.ADMIN) && !me.has(Role.LEADER)) {
			throw new PortalException("name", "portal.error.contactEditor");
		}
	}
}
