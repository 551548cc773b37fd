package vn.xaso.community.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.community.HouseholdRegistered;
import vn.xaso.units.Villages;

/**
 * The household import: a dry run names every bad row (message key and arguments, shown in Vietnamese)
 * and saves nothing; the real import checks again and saves the good rows only. Rows repeating a
 * household already kept, or one earlier in the same file, are bad rows.
 */
@Service
public class ImportingHouseholds {

	/** A bad row: its line in the spreadsheet, the column at fault and the message key with arguments. */
	public record BadRow(int line, String field, String key, Object[] args) {
	}

	public record Result(int rows, int good, List<BadRow> bad, int saved) {
	}

	private final HouseholdTable households;
	private final Villages villages;
	private final ApplicationEventPublisher events;
	private final CommunityMetrics metrics;

	ImportingHouseholds(HouseholdTable households, Villages villages, ApplicationEventPublisher events,
			CommunityMetrics metrics) {
		this.households = households;
		this.villages = villages;
		this.events = events;
		this.metrics = metrics;
	}

	@Transactional(readOnly = true)
	public Result dryRun(Actor actor, @Nullable String filename, byte[] content) {
		FormingTeams.requireAdmin(actor);
		var rows = HouseholdsFile.read(filename, content);
		var bad = new ArrayList<BadRow>();
		var good = check(actor, rows, bad);
		return new Result(rows.size(), good.size(), bad, 0);
	}

	@Transactional
	public Result save(Actor actor, @Nullable String filename, byte[] content) {
		FormingTeams.requireAdmin(actor);
		var rows = HouseholdsFile.read(filename, content);
		var bad = new ArrayList<BadRow>();
		var good = check(actor, rows, bad);
		var ids = new ArrayList<Long>();
		for (var entry : good) {
			long id = households.insert(actor.unitCode(), entry, actor.username());
			ids.add(id);
			events.publishEvent(new HouseholdRegistered(actor.unitCode(), id, entry.villageId(), actor.username()));
		}
		metrics.householdsAdded(actor.unitCode(), ids);
		events.publishEvent(AuditEvent.of(actor.unitCode(), actor.username(), "community.households.imported")
			.change(null, good.size() + " saved, " + bad.size() + " bad rows"));
		return new Result(rows.size(), good.size(), bad, good.size());
	}

	private List<HouseholdEntry> check(Actor actor, List<HouseholdsFile.Row> rows, List<BadRow> bad) {
		var villageIds = new HashMap<String, Long>();
		for (var v : villages.list(actor.unitCode())) {
			if (v.active()) {
				villageIds.put(HouseholdsFile.fold(v.fullName()), v.id());
				villageIds.putIfAbsent(HouseholdsFile.fold(v.name()), v.id());
			}
		}
		// Kept households and the file's head names, folded as the database folds them: three queries in all.
		var heads = households.headKeys(actor.unitCode());
		var phones = households.phones(actor.unitCode());
		var folded = households.fold(rows.stream().map(r -> r.headName().strip()).toList());
		var inFileHeads = new HashSet<String>();
		var inFilePhones = new HashSet<String>();
		var good = new ArrayList<HouseholdEntry>();
		for (int i = 0; i < rows.size(); i++) {
			var row = rows.get(i);
			var villageId = villageIds.get(HouseholdsFile.fold(row.village()));
			if (villageId == null) {
				bad.add(new BadRow(row.line(), "village", "community.import.village", new Object[] { row.village() }));
				continue;
			}
			try {
				var entry = HouseholdEntry.of(new HouseholdEntry.Input(villageId, row.headName(), row.birthYear(), row.cccd(),
						row.members(), row.phone(), row.address(), row.consentWhat(), row.consentOn(), row.elderlyAlone(),
						row.disability(), row.poor()));
				var key = villageId + "|" + folded.get(i) + "|" + entry.headBirthYear();
				if (heads.contains(key)) {
					throw new CommunityException("headName", "community.error.duplicateHead");
				}
				if (entry.phone() != null && phones.contains(entry.phone())) {
					throw new CommunityException("phone", "community.error.duplicatePhone");
				}
				if (!inFileHeads.add(key)) {
					throw new CommunityException("headName", "community.error.duplicateHeadInFile");
				}
				if (entry.phone() != null && !inFilePhones.add(entry.phone())) {
					throw new CommunityException("phone", "community.error.duplicatePhoneInFile");
				}
				good.add(entry);
			}
			catch (CommunityException e) {
				bad.add(new BadRow(row.line(), e.field() == null ? "" : e.field(), e.key(), e.args()));
			}
		}
		return good;
	}
}
