package vn.xaso.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.xaso.identity.OfficialPrincipal;

/**
 * The rest of a commune's public site: the leaders' weekly work schedule (lịch công tác) and the
 * public contacts; and the commune and village a citizen chose in the app.
 */
public interface CommuneInfo {

	record ScheduleEntry(long id, LocalDate day, String time, String leader, String content, String place) {
	}

	/** A public contact; {@code phone} is empty unless the commune marked it public. */
	record Contact(long id, int position, String name, String title, String phone, boolean phonePublic, String email) {
	}

	record Place(String unitCode, @Nullable Long villageId) {
	}

	/** The entries of the week (Monday to Sunday) that holds {@code day}. */
	List<ScheduleEntry> week(String unitCode, LocalDate day);

	long addSchedule(OfficialPrincipal me, LocalDate day, String time, String leader, String content, String place);

	void removeSchedule(OfficialPrincipal me, long id);

	/** Contacts for the public page: a phone not marked public is never returned. */
	List<Contact> publicContacts(String unitCode);

	List<Contact> contactsForEditor(OfficialPrincipal me);

	long addContact(OfficialPrincipal me, int position, String name, String title, String phone, boolean phonePublic, String email);

	void removeContact(OfficialPrincipal me, long id);

	Optional<Place> placeOf(long citizenId);

	/** The citizen chooses their commune and (optionally) village; both are checked to exist and belong together. */
	void choosePlace(long citizenId, String unitCode, @Nullable Long villageId);
}
