package vn.xaso.party.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/**
 * Reminders through notify (a published {@link Notice}, queued in this transaction), each once (a row in
 * {@code party_reminder} and the notice's dedupe key): every active member the day before their cell's meeting — the
 * text names only the date, time and place, never the title or agenda (confidential); a meeting moved to another time
 * is reminded once more —; and each secretary of a cell that, by day {@code xaso.party.monthly-reminder-day} (5) of a
 * month, has no monthly meeting scheduled in that month. The job runs hourly on one replica over every commune, in the
 * module's own all-cells scope (it shows nothing to anyone).
 */
@Service
public class PartyReminders {

	private static final Logger log = LoggerFactory.getLogger(PartyReminders.class);
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final CellMeetingTable meetings;
	private final MemberTable members;
	private final PartyAccounts accounts;
	private final PartyWork work;
	private final int monthlyDay;

	PartyReminders(CellMeetingTable meetings, MemberTable members, PartyAccounts accounts, PartyWork work,
			@Value("${xaso.party.monthly-reminder-day:5}") int monthlyDay) {
		this.meetings = meetings;
		this.members = members;
		this.accounts = accounts;
		this.work = work;
		this.monthlyDay = Math.max(1, Math.min(28, monthlyDay));
	}

	@Scheduled(initialDelayString = "${xaso.party.reminder-initial-delay:PT4M}", fixedDelayString = "${xaso.party.reminder-interval:PT1H}")
	@SchedulerLock(name = "party.reminders", lockAtLeastFor = "PT1S", lockAtMostFor = "PT30M")
	void remindNow() {
		try {
			int n = remindOn(work.today());
			if (n > 0) {
				log.info("Party reminders queued: {}", n);
			}
		}
		catch (RuntimeException e) {
			log.error("Party reminders failed; next try in an hour", e);
		}
	}

	/** Queues the reminders due on {@code today} (Vietnam's date); returns how many notices were published. */
	public int remindOn(LocalDate today) {
		return work.allCells(() -> eves(today) + monthly(today));
	}

	private int eves(LocalDate today) {
		int sent = 0;
		var from = today.plusDays(1).atStartOfDay(PartyWork.VIETNAM).toInstant();
		var to = today.plusDays(2).atStartOfDay(PartyWork.VIETNAM).toInstant();
		for (var due : meetings.startingBetween(from, to)) {
			var m = due.meeting();
			var at = m.startsAt().atZone(PartyWork.VIETNAM);
			var params = Map.of("date", DAY.format(at), "time", TIME.format(at), "place", m.place());
			for (var member : members.reachable(m.cellId(), false)) {
				var key = "party-meeting-" + m.id() + "-" + m.startsAt().getEpochSecond() + "-member-" + member.id();
				if (send(member, "party.notice.meeting", params, key, m.cellId())) {
					sent++;
				}
			}
		}
		return sent;
	}

	private int monthly(LocalDate today) {
		if (today.getDayOfMonth() < monthlyDay) {
			return 0;
		}
		int sent = 0;
		var month = today.withDayOfMonth(1);
		var from = month.atStartOfDay(PartyWork.VIETNAM).toInstant();
		var to = month.plusMonths(1).atStartOfDay(PartyWork.VIETNAM).toInstant();
		var params = Map.of("month", month.format(DateTimeFormatter.ofPattern("MM/yyyy")));
		for (var cell : meetings.cellsWithoutMonthly(from, to)) {
			long cellId = cell.meeting().cellId();
			if (!meetings.reminded(cell.unitCode(), cellId, "party-monthly-" + cellId + "-" + month)) {
				continue;
			}
			for (var secretary : members.reachable(cellId, true)) {
				if (send(secretary, "party.notice.monthly", params, "party-monthly-" + cellId + "-" + month + "-member-" + secretary.id(), -1)) {
					sent++;
				}
			}
		}
		return sent;
	}

	/** One notice, once ({@code cellId} ≥ 0: recorded per key here too); false when the member cannot be reached. */
	private boolean send(MemberTable.Reachable member, String template, Map<String, String> params, String key, long cellId) {
		Recipient to;
		String link;
		if (member.citizenId() != null) {
			to = Recipient.citizen(member.citizenId());
			link = "/citizen/dang";
		}
		else {
			var phone = accounts.phoneOf(member.unitCode(), String.valueOf(member.username())).orElse(member.phone());
			if (phone == null) {
				return false;
			}
			to = Recipient.person(phone, null, member.fullName());
			link = "/party";
		}
		if (cellId >= 0 && !meetings.reminded(member.unitCode(), cellId, key)) {
			return false;
		}
		work.publish(new Notice(member.unitCode(), to, template, params, key, link));
		return true;
	}
}
