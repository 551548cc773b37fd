package vn.xaso.community.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.community.SurveyRecorded;
import vn.xaso.community.VisitRecorded;
import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * Community's daily counters for the insights indicators (issue 16). Published as {@link MetricEvent}s in the
 * transaction that changed community's tables — the insights module keeps its own counters from them; this
 * module never writes insights tables — and recounted from those tables the same way ({@link #recount}).
 * <ul>
 * <li>Stocks (summed from the beginning): households (+1 on the day registered), and households whose
 * latest survey (by survey date, then entry order) has a smartphone, e-payment, VNeID level 2 or uses the
 * app: a survey that becomes the latest adds the change against the one before it (+1, −1 or 0) on the day
 * it was entered; households whose digital address got its first code (+1).</li>
 * <li>Flows: visits and assisted dossiers on the visit's day; member-months (a member's first visit of a
 * month counts 1 on the month's first day); trainings and household attendances on the training's day.</li>
 * </ul>
 * Surveys of one household are serialised by a row lock taken before the insert ({@link RecordingSurvey}), and
 * a member's visits by a lock on the member row here, so the change each event carries is exactly what the
 * recount finds.
 */
@Component
public class CommunityMetrics implements MetricSource {

	public static final String HOUSEHOLDS = "community.households";
	public static final String SMARTPHONE = "community.households_smartphone";
	public static final String E_PAYMENT = "community.households_e_payment";
	public static final String VNEID = "community.households_vneid";
	public static final String APP = "community.households_app";
	public static final String CODED = "community.households_coded";
	public static final String VISITS = "community.visits";
	public static final String MEMBER_MONTHS = "community.member_months";
	public static final String ASSISTED = "community.assisted_dossiers";
	public static final String TRAININGS = "community.trainings";
	public static final String ATTENDANCE = "community.training_attendance";

	private static final String DAY = " at time zone 'Asia/Ho_Chi_Minh')::date";

	/** A survey's change of the four adoption stocks, on the day it was entered (one query for one survey or a period). */
	private static final String SURVEY_DELTAS = """
			select s.unit_code, (s.recorded_at at time zone 'Asia/Ho_Chi_Minh')::date as day,
			  sum(case when p.surveyed_on is null or s.surveyed_on >= p.surveyed_on
			      then (s.smartphones > 0)::int - coalesce((p.smartphones > 0)::int, 0) else 0 end),
			  sum(case when p.surveyed_on is null or s.surveyed_on >= p.surveyed_on
			      then s.e_payment::int - coalesce(p.e_payment::int, 0) else 0 end),
			  sum(case when p.surveyed_on is null or s.surveyed_on >= p.surveyed_on
			      then s.vneid_level2::int - coalesce(p.vneid_level2::int, 0) else 0 end),
			  sum(case when p.surveyed_on is null or s.surveyed_on >= p.surveyed_on
			      then s.uses_app::int - coalesce(p.uses_app::int, 0) else 0 end)
			from community_survey s
			left join lateral (
			  select q.surveyed_on, q.smartphones, q.e_payment, q.vneid_level2, q.uses_app from community_survey q
			  where q.household_id = s.household_id and q.id < s.id order by q.surveyed_on desc, q.id desc limit 1) p on true
			""";

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;

	CommunityMetrics(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public Set<String> metrics() {
		return Set.of(HOUSEHOLDS, SMARTPHONE, E_PAYMENT, VNEID, APP, CODED, VISITS, MEMBER_MONTHS, ASSISTED, TRAININGS, ATTENDANCE);
	}

	/** Households just registered or imported: +1 each on the day they were kept (one event per day). */
	void householdsAdded(String unitCode, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("select (created_at" + DAY + ", count(*) from community_household where unit_code = ? and id = any(?) group by 1")
			.params(unitCode, ids.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2))).list()
			.forEach(e -> publish(unitCode, e.getKey(), Map.of(HOUSEHOLDS, e.getValue())));
	}

	/** A household's address got its first code: +1 on the day it was marked. */
	void householdCoded(String unitCode, long householdId) {
		jdbc.sql("select (address_coded_at" + DAY + " from community_household where unit_code = ? and id = ? and address_coded_at is not null")
			.params(unitCode, householdId).query(LocalDate.class).optional()
			.ifPresent(day -> publish(unitCode, day, Map.of(CODED, 1L)));
	}

	@EventListener
	void on(SurveyRecorded survey) {
		jdbc.sql(SURVEY_DELTAS + " where s.id = ? group by 1, 2").param(survey.surveyId())
			.query((rs, n) -> {
				var deltas = new LinkedHashMap<String, Long>();
				deltas.put(SMARTPHONE, rs.getLong(3));
				deltas.put(E_PAYMENT, rs.getLong(4));
				deltas.put(VNEID, rs.getLong(5));
				deltas.put(APP, rs.getLong(6));
				publish(rs.getString(1), rs.getObject(2, LocalDate.class), deltas);
				return 0;
			}).list();
	}

	@EventListener
	void on(VisitRecorded visit) {
		// one member's visits one after another: "the first of the month" is then decided once
		jdbc.sql("select id from community_member where id = ? for update").param(visit.memberId()).query(Long.class).list();
		jdbc.sql("""
				select unit_code, (visited_at at time zone 'Asia/Ho_Chi_Minh')::date, 'ASSISTED_DOSSIER' = any(actions),
				  not exists (select 1 from community_visit o where o.member_id = v.member_id and o.id <> v.id
				    and date_trunc('month', o.visited_at at time zone 'Asia/Ho_Chi_Minh') = date_trunc('month', v.visited_at at time zone 'Asia/Ho_Chi_Minh'))
				from community_visit v where id = ?""")
			.param(visit.visitId())
			.query((rs, n) -> {
				var unit = rs.getString(1);
				var day = rs.getObject(2, LocalDate.class);
				var deltas = new LinkedHashMap<String, Long>();
				deltas.put(VISITS, 1L);
				deltas.put(ASSISTED, rs.getBoolean(3) ? 1L : 0L);
				publish(unit, day, deltas);
				if (rs.getBoolean(4)) {
					publish(unit, day.withDayOfMonth(1), Map.of(MEMBER_MONTHS, 1L));
				}
				return 0;
			}).list();
	}

	/** A training was planned: +1 on the day it is held. */
	void trainingAdded(String unitCode, LocalDate heldOn) {
		publish(unitCode, heldOn, Map.of(TRAININGS, 1L));
	}

	/** Households newly marked present at a training: +n on the day it is held. */
	void attended(String unitCode, LocalDate heldOn, int households) {
		if (households > 0) {
			publish(unitCode, heldOn, Map.of(ATTENDANCE, (long) households));
		}
	}

	private void publish(String unitCode, LocalDate day, Map<String, Long> deltas) {
		var changed = new LinkedHashMap<String, Long>();
		deltas.forEach((metric, value) -> {
			if (value != 0) {
				changed.put(metric, value);
			}
		});
		if (!changed.isEmpty()) {
			events.publishEvent(new MetricEvent(UUID.randomUUID(), unitCode, day, changed, Instant.now()));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		var counts = new ArrayList<MetricCount>();
		jdbc.sql("""
				select unit_code, (created_at at time zone 'Asia/Ho_Chi_Minh')::date, 'community.households', count(*) from community_household
				  where (created_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (address_coded_at at time zone 'Asia/Ho_Chi_Minh')::date, 'community.households_coded', count(*) from community_household
				  where (address_coded_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (visited_at at time zone 'Asia/Ho_Chi_Minh')::date, 'community.visits', count(*) from community_visit
				  where (visited_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (visited_at at time zone 'Asia/Ho_Chi_Minh')::date, 'community.assisted_dossiers', count(*) from community_visit
				  where 'ASSISTED_DOSSIER' = any(actions) and (visited_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, month, 'community.member_months', count(*) from (
				  select distinct unit_code, member_id, date_trunc('month', visited_at at time zone 'Asia/Ho_Chi_Minh')::date as month
				  from community_visit) m where month between :from and :to group by 1, 2
				union all
				select unit_code, held_on, 'community.trainings', count(*) from community_training where held_on between :from and :to group by 1, 2
				union all
				select a.unit_code, t.held_on, 'community.training_attendance', count(*) from community_attendance a
				  join community_training t on t.id = a.training_id where t.held_on between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> counts.add(new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4))))
			.list();
		jdbc.sql(SURVEY_DELTAS + " where (s.recorded_at at time zone 'Asia/Ho_Chi_Minh')::date between ? and ? group by 1, 2")
			.params(from, to)
			.query((rs, n) -> {
				var unit = rs.getString(1);
				var day = rs.getObject(2, LocalDate.class);
				counts.add(new MetricCount(unit, day, SMARTPHONE, rs.getLong(3)));
				counts.add(new MetricCount(unit, day, E_PAYMENT, rs.getLong(4)));
				counts.add(new MetricCount(unit, day, VNEID, rs.getLong(5)));
				counts.add(new MetricCount(unit, day, APP, rs.getLong(6)));
				return 0;
			}).list();
		return counts;
	}
}
