package vn.xaso.community.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.Actor;
import vn.xaso.community.CommunityException;
import vn.xaso.units.Villages;

/**
 * Touch points (cultural houses, post offices… with internet or a TV, their hours, optional coordinates)
 * and training sessions held there, with attendance by household. Commune staff and team members.
 */
@Service
public class PlanningTrainings {

	public record TouchPoint(long id, String name, @Nullable Long villageId, String hours, @Nullable BigDecimal latitude,
			@Nullable BigDecimal longitude) {
	}

	public record Training(long id, String topic, String trainer, LocalDate heldOn, @Nullable String touchPointName,
			long attendance, @Nullable Long touchPointId) {
	}

	private final TrainingTable table;
	private final HouseholdTable households;
	private final Villages villages;
	private final CommunityMetrics metrics;

	PlanningTrainings(TrainingTable table, HouseholdTable households, Villages villages, CommunityMetrics metrics) {
		this.table = table;
		this.households = households;
		this.villages = villages;
		this.metrics = metrics;
	}

	@Transactional
	public long addTouchPoint(Actor actor, String name, @Nullable Long villageId, String hours, @Nullable BigDecimal latitude,
			@Nullable BigDecimal longitude) {
		FormingTeams.requireAdmin(actor);
		var clean = HouseholdEntry.clean(name);
		if (clean == null || clean.length() > 100) {
			throw new CommunityException("name", "community.error.touchPointName");
		}
		var h = HouseholdEntry.clean(hours);
		if (h == null || h.length() > 200) {
			throw new CommunityException("hours", "community.error.hours");
		}
		if ((latitude == null) != (longitude == null) || (latitude != null && (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
				|| longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0))) {
			throw new CommunityException("latitude", "community.error.coordinates");
		}
		if (villageId != null) {
			RegisteringHousehold.requireVillage(villages, actor.unitCode(), villageId);
		}
		if (table.touchPointTaken(actor.unitCode(), clean)) {
			throw new CommunityException("name", "community.error.touchPointTaken", clean);
		}
		return table.insertTouchPoint(actor.unitCode(), clean, villageId, h, latitude, longitude);
	}

	@Transactional(readOnly = true)
	public List<TouchPoint> touchPoints(Actor actor) {
		return table.touchPoints(actor.unitCode()).stream()
			.map(r -> new TouchPoint(r.id(), r.name(), r.villageId(), r.hours(), r.latitude(), r.longitude())).toList();
	}

	@Transactional
	public long addTraining(Actor actor, String topic, String trainer, @Nullable LocalDate on, @Nullable Long touchPointId) {
		requireTeam(actor);
		var t = HouseholdEntry.clean(topic);
		if (t == null || t.length() > 200) {
			throw new CommunityException("topic", "community.error.topic");
		}
		var who = HouseholdEntry.clean(trainer);
		if (who == null || who.length() > 100) {
			throw new CommunityException("trainer", "community.error.trainer");
		}
		var today = LocalDate.now(HouseholdEntry.VIETNAM);
		if (on == null || on.isBefore(today.minusYears(1)) || on.isAfter(today.plusYears(1))) {
			throw new CommunityException("heldOn", "community.error.heldOn");
		}
		if (touchPointId != null && table.touchPoints(actor.unitCode()).stream().noneMatch(p -> p.id() == touchPointId)) {
			throw new CommunityException("touchPointId", "community.error.touchPoint");
		}
		long id = table.insertTraining(actor.unitCode(), t, who, on, touchPointId, actor.username());
		metrics.trainingAdded(actor.unitCode(), on);
		return id;
	}

	@Transactional(readOnly = true)
	public List<Training> trainings(Actor actor) {
		return table.trainings(actor.unitCode()).stream().map(PlanningTrainings::training).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Training> training(Actor actor, long id) {
		return table.training(actor.unitCode(), id).map(PlanningTrainings::training);
	}

	@Transactional(readOnly = true)
	public List<Long> attendees(Actor actor, long trainingId) {
		return table.attendees(actor.unitCode(), trainingId);
	}

	/** Marks households of the commune as present; returns how many were found. */
	@Transactional
	public int recordAttendance(Actor actor, long trainingId, Collection<Long> householdIds) {
		requireTeam(actor);
		var training = table.training(actor.unitCode(), trainingId)
			.orElseThrow(() -> new CommunityException(null, "community.error.noTraining"));
		if (householdIds.isEmpty()) {
			throw new CommunityException("householdIds", "community.error.noHouseholdsChosen");
		}
		int n = 0;
		int fresh = 0;
		for (var id : householdIds) {
			if (households.find(actor.unitCode(), id).isPresent()) {
				if (table.attend(actor.unitCode(), trainingId, id)) {
					fresh++;
				}
				n++;
			}
		}
		metrics.attended(actor.unitCode(), training.heldOn(), fresh);
		return n;
	}

	private static void requireTeam(Actor actor) {
		if (!actor.staff() && actor.memberId() == null) {
			throw new CommunityException(null, "community.error.notMember");
		}
	}

	private static Training training(TrainingTable.TrainingRow r) {
		return new Training(r.id(), r.topic(), r.trainer(), r.heldOn(), r.touchPointName(), r.attendance(), r.touchPointId());
	}
}
