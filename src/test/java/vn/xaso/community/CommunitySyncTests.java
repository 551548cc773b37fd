package vn.xaso.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.community.internal.ReviewingFieldEntries;
import vn.xaso.community.internal.SyncingFieldEntries;
import vn.xaso.community.internal.SyncingFieldEntries.Outcome;
import vn.xaso.demo.DemoData;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * The field app's sync, below the browser: two identical sends at the same moment make one visit; a bad entry is
 * refused with its reason while the rest of the send is saved; another member's client id is refused; a phone's
 * own earlier survey is no conflict but another device's is; a review is decided once, by the member or the
 * commune, never by another member or another commune; a visit written offline names the dossier the member submitted
 * with help and is linked to it once synced (a code the member did not submit is refused with the form's reason).
 */
@XasoIntegrationTest
class CommunitySyncTests {

	@Autowired Villages villages;
	@Autowired FormingTeams teams;
	@Autowired RegisteringHousehold registering;
	@Autowired SyncingFieldEntries syncing;
	@Autowired ReviewingFieldEntries reviewing;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate tx;
	@Autowired vn.xaso.dossiers.Dossiers dossiers;
	@Autowired vn.xaso.community.internal.RecordingVisit visits;

	final Actor admin = new Actor(DemoData.YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);
	final LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), work);
	}

	long count(String table, long household) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from " + table + " where household_id = ?").param(household)
			.query(Long.class).single()));
	}

	record Setup(Actor a, Actor b, long household) {
	}

	Setup setup() {
		var tag = String.valueOf(Math.floorMod(System.nanoTime(), 100_000));
		var village = yenMo(() -> villages.create(DemoData.YEN_MO, "Đồng Bộ " + tag, "Thôn"));
		long team = yenMo(() -> teams.createTeam(admin, "Tổ đồng bộ " + tag, village.id()));
		var a = yenMo(() -> teams.addMember(admin, team, "yenmo.dba" + tag, "Lý Văn A", null, false));
		var b = yenMo(() -> teams.addMember(admin, team, "yenmo.dbb" + tag, "Lý Văn B", null, false));
		long household = yenMo(() -> registering.register(admin, new HouseholdEntry.Input(village.id(), "Lý Thị Đồng", "1958", null,
				null, null, "Bản Đồng Bộ", "Họ tên, khảo sát", today.toString(), false, false, false)));
		yenMo(() -> teams.assign(admin, a.memberId(), List.of(household)));
		return new Setup(new Actor(DemoData.YEN_MO, a.username(), Set.of(Role.COMMUNITY_TEAM), a.memberId()),
				new Actor(DemoData.YEN_MO, b.username(), Set.of(Role.COMMUNITY_TEAM), b.memberId()), household);
	}

	SyncingFieldEntries.Entry visit(UUID id, long household, String outcome, Set<VisitAction> actions) {
		return new SyncingFieldEntries.Entry(id, household, 0, Instant.now(), new SyncingFieldEntries.VisitEntry(
				Instant.now().minusSeconds(600), actions, outcome, null), null);
	}

	SyncingFieldEntries.Entry survey(long household, long base, int phones) {
		return new SyncingFieldEntries.Entry(UUID.randomUUID(), household, base, Instant.now(), null, new RecordingSurvey.Answers(
				today, phones, Survey.Internet.MOBILE, false, false, false, false, Survey.Barrier.SKILL));
	}

	@Test
	void twoIdenticalSendsAtOnceMakeOneVisitAndABadEntryIsRefusedAlone() throws Exception {
		var s = setup();
		var device = UUID.randomUUID();
		var entry = visit(UUID.randomUUID(), s.household(), "Hướng dẫn VietQR.", EnumSet.of(VisitAction.TAUGHT_VIETQR));
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		var answers = new ArrayList<Future<List<SyncingFieldEntries.Result>>>();
		for (int i = 0; i < 2; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return yenMo(() -> syncing.sync(s.a(), device, List.of(entry)));
			}));
		}
		start.countDown();
		var outcomes = new ArrayList<Outcome>();
		for (var f : answers) {
			outcomes.add(f.get().getFirst().outcome());
		}
		pool.shutdown();
		assertThat(outcomes).containsExactlyInAnyOrder(Outcome.SAVED, Outcome.ALREADY_SAVED);
		assertThat(count("community_visit", s.household())).isEqualTo(1);

		var bad = visit(UUID.randomUUID(), s.household(), "Không ghi việc gì.", Set.of());
		var good = visit(UUID.randomUUID(), s.household(), "Mở tài khoản ngân hàng.", EnumSet.of(VisitAction.OPENED_BANK_ACCOUNT));
		var results = yenMo(() -> syncing.sync(s.a(), device, List.of(bad, good)));
		assertThat(results.get(0).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(results.get(0).refusal().key()).isEqualTo("community.error.actions");
		assertThat(results.get(1).outcome()).isEqualTo(Outcome.SAVED);
		assertThat(count("community_visit", s.household())).isEqualTo(2);
		assertThat(count("community_field_entry", s.household())).as("the refused entry left nothing").isEqualTo(2);
	}

	@Test
	void anotherMembersIdOrHouseholdIsRefusedAndConflictsComeOnlyFromOtherDevices() {
		var s = setup();
		var phone = UUID.randomUUID();
		var first = visit(UUID.randomUUID(), s.household(), "Cài ứng dụng.", EnumSet.of(VisitAction.INSTALLED_APP));
		yenMo(() -> syncing.sync(s.a(), phone, List.of(first)));
		// Member B is not assigned the household: the whole send is refused, nothing saved.
		assertThatThrownBy(() -> yenMo(() -> syncing.sync(s.b(), UUID.randomUUID(), List.of(survey(s.household(), 0, 1)))))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.sync.error.notAssigned");
		assertThat(count("community_survey", s.household())).isZero();

		// Two surveys from the same phone on the same copy: the phone's own first one is no news to it.
		var own = yenMo(() -> syncing.sync(s.a(), phone, List.of(survey(s.household(), 0, 1), survey(s.household(), 0, 2))));
		assertThat(own).extracting(SyncingFieldEntries.Result::outcome).containsExactly(Outcome.SAVED, Outcome.SAVED);
		// Another phone of the member, still on the copy without surveys: kept for review, not saved.
		var other = yenMo(() -> syncing.sync(s.a(), UUID.randomUUID(), List.of(survey(s.household(), 0, 5))));
		assertThat(other.getFirst().outcome()).isEqualTo(Outcome.KEPT_FOR_REVIEW);
		assertThat(count("community_survey", s.household())).isEqualTo(2);

		var waiting = yenMo(() -> reviewing.waiting(s.a())).stream().filter(w -> w.householdId() == s.household()).toList();
		assertThat(waiting).hasSize(1);
		long id = waiting.getFirst().id();
		assertThat(waiting.getFirst().offline().smartphones()).isEqualTo(5);
		assertThat(waiting.getFirst().newer().smartphones()).isEqualTo(2);
		assertThat(yenMo(() -> reviewing.waiting(s.b()))).noneMatch(w -> w.id() == id);
		assertThatThrownBy(() -> yenMo(() -> { reviewing.decide(s.b(), id, true); return null; }))
			.extracting("key").isEqualTo("community.review.error.none");
		var ngaAn = new Actor(DemoData.NGA_AN, "ngaan.admin", Set.of(Role.ADMIN), null);
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.NGA_AN), () -> { reviewing.decide(ngaAn, id, true); return null; }))
			.extracting("key").isEqualTo("community.review.error.none");
		yenMo(() -> { reviewing.decide(admin, id, false); return null; });
		assertThatThrownBy(() -> yenMo(() -> { reviewing.decide(s.a(), id, true); return null; }))
			.extracting("key").isEqualTo("community.review.error.decided");
		assertThat(count("community_survey", s.household())).as("set aside, not added").isEqualTo(2);
		assertThat(count("community_field_entry", s.household())).as("kept on record").isEqualTo(4);

		// B reusing A's client id: refused, nothing of A's entry told.
		var forged = yenMo(() -> {
			teams.assign(admin, s.b().memberId(), List.of(s.household()));
			return syncing.sync(s.b(), UUID.randomUUID(), List.of(visit(first.clientId(), s.household(), "Giả.", EnumSet.of(VisitAction.OTHER))));
		});
		assertThat(forged.getFirst().outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(forged.getFirst().refusal().key()).isEqualTo("community.sync.error.clientId");
		assertThat(count("community_visit", s.household())).isEqualTo(1);
	}

	@Test
	void anOfflineVisitNamesTheDossierSubmittedWithHelpAndIsLinkedOnceSynced() {
		var s = setup();
		var phone = "0988000003";
		var caller = vn.xaso.dossiers.Caller.official(DemoData.YEN_MO, s.a().username(), "Lý Văn A", Set.of(Role.COMMUNITY_TEAM));
		var assisted = dossiers.submit(caller, new vn.xaso.dossiers.NewDossier(DemoData.YEN_MO, vn.xaso.dossiers.DossierFixtures.BIRTH,
				vn.xaso.dossiers.Channel.ASSISTED, vn.xaso.dossiers.DossierFixtures.citizenId(jdbc, phone),
				vn.xaso.dossiers.DossierFixtures.applicant(phone), vn.xaso.dossiers.DossierFixtures.birthForm("Lý Gia Bộ"),
				vn.xaso.dossiers.DossierFixtures.consent()), vn.xaso.dossiers.DossierFixtures.papers());
		var device = UUID.randomUUID();
		var actions = EnumSet.of(VisitAction.ASSISTED_DOSSIER);
		// a code the member did not submit with help: refused with the visit form's reason, nothing saved
		var unknown = new SyncingFieldEntries.Entry(UUID.randomUUID(), s.household(), 0, Instant.now(), new SyncingFieldEntries.VisitEntry(
				Instant.now().minusSeconds(600), actions, "Nộp giúp khai sinh.", null, "H37.14701-000000-9999"), null);
		var refused = yenMo(() -> syncing.sync(s.a(), device, List.of(unknown)));
		assertThat(refused.getFirst().outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(refused.getFirst().refusal().key()).isEqualTo("community.error.dossier");
		assertThat(count("community_visit", s.household())).isZero();

		var entry = new SyncingFieldEntries.Entry(UUID.randomUUID(), s.household(), 0, Instant.now(), new SyncingFieldEntries.VisitEntry(
				Instant.now().minusSeconds(600), actions, "Nộp giúp khai sinh khi mất sóng.", null, " " + assisted.code() + " "), null);
		assertThat(yenMo(() -> syncing.sync(s.a(), device, List.of(entry)))).extracting(SyncingFieldEntries.Result::outcome)
			.containsExactly(Outcome.SAVED);
		assertThat(yenMo(() -> syncing.sync(s.a(), device, List.of(entry)))).extracting(SyncingFieldEntries.Result::outcome)
			.as("a resend links nothing twice").containsExactly(Outcome.ALREADY_SAVED);
		assertThat(yenMo(() -> visits.ofHousehold(admin, s.household()))).singleElement().satisfies(v -> {
			assertThat(v.dossier()).isNotNull();
			assertThat(v.dossier().id()).isEqualTo(assisted.dossierId());
			assertThat(v.dossier().code()).isEqualTo(assisted.code());
			assertThat(v.dossier().consentedBy()).isEqualTo("Trần Thị Hoa");
		});
	}
}
