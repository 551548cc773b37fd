package vn.xaso.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.audit.AuditLog;
import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.HouseholdEntry;
import vn.xaso.community.internal.PlanningTrainings;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.community.internal.RecordingVisit;
import vn.xaso.community.internal.RegisteringHousehold;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.platform.web.TodoSource;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/** Households, surveys, teams, visits and trainings through the module's use cases, on the shared test database. */
@XasoIntegrationTest
class CommunityTests {

	static final String YEN_MO = "14701";
	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Autowired RegisteringHousehold registering;
	@Autowired ReadingHouseholds reading;
	@Autowired RecordingSurvey surveys;
	@Autowired RecordingVisit visits;
	@Autowired FormingTeams teams;
	@Autowired PlanningTrainings trainings;
	@Autowired Villages villages;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate tx;
	@Autowired List<TodoSource> todoSources;

	final Actor admin = new Actor(YEN_MO, "yenmo.admin", Set.of(Role.ADMIN), null);
	long village;
	String tag;

	@BeforeEach
	void village() {
		tag = String.valueOf(System.nanoTime() % 1_000_000);
		village = Tenancy.callAs(UnitScope.of(YEN_MO), () -> villages.create(YEN_MO, "Cộng Đồng " + tag, "Thôn").id());
	}

	HouseholdEntry.Input input(String head, String year, String phone) {
		return new HouseholdEntry.Input(village, head, year, "036123456789",
				null, phone, "Xóm 1", "Họ tên, năm sinh, điện thoại, địa chỉ", LocalDate.now(VIETNAM).toString(), true, false, false);
	}

	<T> T yenMo(java.util.function.Supplier<T> work) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), work);
	}

	String phone(int n) {
		return "09" + String.format("%08d", (Long.parseLong(tag) * 10 + n) % 100_000_000);
	}

	@Test
	void aHouseholdIsKeptOnlyWithConsentAndDuplicatesAreRefusedInVietnamese() {
		long id = yenMo(() -> registering.register(admin, input("Nguyễn Văn Bảy", "1960", phone(1))));
		assertThat(id).isPositive();
		var noConsent = new HouseholdEntry.Input(village, "Trần Thị Tám", "1970", null, null, null, "Xóm 2", " ",
				LocalDate.now(VIETNAM).toString(), false, false, false);
		assertThatThrownBy(() -> yenMo(() -> registering.register(admin, noConsent)))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.consent");
		// same head + year + village, written without diacritics and in other case
		assertThatThrownBy(() -> yenMo(() -> registering.register(admin, input("nguyen van bay", "1960", null))))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.duplicateHead");
		// same phone, another head
		assertThatThrownBy(() -> yenMo(() -> registering.register(admin, input("Lê Văn Chín", "1980", phone(1)))))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.duplicatePhone");
		assertThat(yenMo(() -> reading.list(admin, village, "", 0, 20)).total()).isEqualTo(1);
	}

	@Test
	void listsMaskNumbersAndReadingTheFullRecordIsAudited() {
		long id = yenMo(() -> registering.register(admin, input("Phạm Văn Mười", "1955", phone(2))));
		var line = yenMo(() -> reading.list(admin, village, "pham van", 0, 20)).items().getFirst();
		assertThat(line.maskedPhone()).doesNotContain(phone(2)).endsWith(phone(2).substring(7));
		assertThat(line.maskedCccd()).startsWith("********");
		long before = auditCount(id);
		var full = yenMo(() -> reading.read(admin, id)).orElseThrow();
		assertThat(full.phone()).isEqualTo(phone(2));
		assertThat(full.consent().recordedBy()).isEqualTo("yenmo.admin");
		assertThat(auditCount(id)).isEqualTo(before + 1);
	}

	long auditCount(long id) {
		return yenMo(() -> tx.execute(s -> jdbc.sql("select count(*) from audit_entry where unit_code = ? and action = 'community.household.read' and object_id = ?")
			.params(YEN_MO, String.valueOf(id)).query(Long.class).single()));
	}

	@Test
	void surveysAreAppendedNeverOverwritten() {
		long id = yenMo(() -> registering.register(admin, input("Đỗ Văn Một", "1965", null)));
		var today = LocalDate.now(VIETNAM);
		yenMo(() -> surveys.record(admin, id, new RecordingSurvey.Answers(today.minusDays(30), 0, Survey.Internet.NONE, false,
				false, false, false, Survey.Barrier.COST)));
		yenMo(() -> surveys.record(admin, id, new RecordingSurvey.Answers(today, 2, Survey.Internet.FIBRE, true, true, true,
				true, Survey.Barrier.NONE)));
		var history = yenMo(() -> surveys.history(admin, id));
		assertThat(history).extracting(Survey::smartphones).containsExactly(2, 0);
		assertThat(history.get(1).mainBarrier()).isEqualTo(Survey.Barrier.COST);
		// the application login cannot change a kept survey
		assertThatThrownBy(() -> yenMo(() -> tx.execute(s -> jdbc.sql("update community_survey set smartphones = 5 where household_id = ?")
			.param(id).update()))).rootCause().hasMessageContaining("permission denied");
	}

	@Test
	void aMemberSeesOnlyAssignedHouseholdsAnotherMemberAndAnotherCommuneNothing() {
		long teamId = yenMo(() -> teams.createTeam(admin, "Tổ thôn Cộng Đồng " + tag, village));
		var first = yenMo(() -> teams.addMember(admin, teamId, "tcn.a" + tag, "Vũ Thị An", null, true));
		var second = yenMo(() -> teams.addMember(admin, teamId, "tcn.b" + tag, "Vũ Văn Bình", null, false));
		assertThat(first.link()).startsWith("/setup/welcome/");
		long mine = yenMo(() -> registering.register(admin, input("Hoàng Văn Hai", "1950", null)));
		long theirs = yenMo(() -> registering.register(admin, input("Hoàng Văn Ba", "1951", null)));
		yenMo(() -> teams.assign(admin, first.memberId(), List.of(mine)));
		yenMo(() -> teams.assign(admin, second.memberId(), List.of(theirs)));
		var a = new Actor(YEN_MO, first.username(), Set.of(Role.COMMUNITY_TEAM), first.memberId());
		var b = new Actor(YEN_MO, second.username(), Set.of(Role.COMMUNITY_TEAM), second.memberId());
		assertThat(yenMo(() -> reading.list(a, null, "", 0, 100)).items()).extracting(Household.Line::id).containsExactly(mine);
		assertThat(yenMo(() -> reading.read(a, theirs))).isEmpty();
		assertThat(yenMo(() -> reading.read(b, theirs))).isPresent();
		assertThatThrownBy(() -> yenMo(() -> visits.record(b, mine, Instant.now(), EnumSet.of(VisitAction.INSTALLED_VNEID), "x", null)))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.noHousehold");
		// another commune's administrator, even with Yên Mô's id in hand
		var ngaAn = new Actor("16144", "ngaan.admin", Set.of(Role.ADMIN), null);
		assertThat(Tenancy.callAs(UnitScope.of("16144"), () -> reading.read(ngaAn, mine))).isEmpty();
		// a member registering a household looks after it
		long own = yenMo(() -> registering.register(a, input("Hoàng Văn Tư", "1952", null)));
		assertThat(yenMo(() -> reading.read(a, own))).isPresent();
	}

	@Test
	void aFollowUpStaysOnTheMembersToDoListUntilTheNextVisit() {
		long teamId = yenMo(() -> teams.createTeam(admin, "Tổ hẹn " + tag, village));
		var member = yenMo(() -> teams.addMember(admin, teamId, "tcn.c" + tag, "Vũ Thị Cúc", null, false));
		long id = yenMo(() -> registering.register(admin, input("Lý Văn Năm", "1949", null)));
		yenMo(() -> teams.assign(admin, member.memberId(), List.of(id)));
		var actor = new Actor(YEN_MO, member.username(), Set.of(Role.COMMUNITY_TEAM), member.memberId());
		var today = LocalDate.now(VIETNAM);
		yenMo(() -> visits.record(actor, id, Instant.now().minusSeconds(3600), EnumSet.of(VisitAction.INSTALLED_VNEID,
				VisitAction.TAUGHT_VIETQR), "Đã cài VNeID, hẹn quay lại kích hoạt mức 2", today.plusDays(1)));
		assertThat(yenMo(() -> visits.followUps(actor))).extracting(Visit::householdId).containsExactly(id);
		var viewer = principal(member.username());
		assertThat(todos(viewer)).isEqualTo(1);
		assertThatThrownBy(() -> yenMo(() -> visits.record(actor, id, Instant.now(), EnumSet.noneOf(VisitAction.class), "x", null)))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.actions");
		yenMo(() -> visits.record(actor, id, Instant.now(), EnumSet.of(VisitAction.OTHER), "Đã kích hoạt mức 2", null));
		assertThat(yenMo(() -> visits.followUps(actor))).isEmpty();
		assertThat(todos(viewer)).isZero();
		assertThat(yenMo(() -> visits.ofHousehold(actor, id))).hasSize(2);
	}

	long todos(vn.xaso.identity.OfficialPrincipal viewer) {
		return yenMo(() -> todoSources.stream().flatMap(s -> s.todos(viewer).stream())
			.filter(t -> t.labelKey().startsWith("community.")).mapToLong(TodoSource.Todo::count).sum());
	}

	vn.xaso.identity.OfficialPrincipal principal(String username) {
		return new vn.xaso.identity.OfficialPrincipal(0, username, username, YEN_MO, "Xã Yên Mô", Set.of(Role.COMMUNITY_TEAM),
				UnitScope.of(YEN_MO));
	}

	@Test
	void trainingsAtTouchPointsCountAttendanceByHousehold() {
		long point = yenMo(() -> trainings.addTouchPoint(admin, "Bưu điện " + tag, village, "Sáng thứ Hai đến thứ Sáu",
				new java.math.BigDecimal("20.123456"), new java.math.BigDecimal("105.987654")));
		assertThatThrownBy(() -> yenMo(() -> trainings.addTouchPoint(admin, "Điểm " + tag, null, "Tối", new java.math.BigDecimal("20"), null)))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.coordinates");
		long h1 = yenMo(() -> registering.register(admin, input("Cao Văn Sáu", "1961", null)));
		long h2 = yenMo(() -> registering.register(admin, input("Cao Văn Bảy", "1962", null)));
		long training = yenMo(() -> trainings.addTraining(admin, "Thanh toán bằng VietQR", "Lê Văn Tú", LocalDate.now(VIETNAM), point));
		assertThat(yenMo(() -> trainings.recordAttendance(admin, training, List.of(h1, h2, h1)))).isEqualTo(3);
		assertThat(yenMo(() -> trainings.training(admin, training)).orElseThrow().attendance()).isEqualTo(2);
	}

	@Autowired vn.xaso.dossiers.Dossiers dossiers;

	@Test
	void aVisitNamesTheDossierTheMemberSubmittedWithHelpAndShowsItsConsent() {
		var member = yenMo(() -> teams.teams(admin)).stream().flatMap(t -> t.members().stream())
			.filter(m -> m.username().equals("yenmo.congnghe")).findFirst().orElseThrow();
		var actor = new Actor(YEN_MO, "yenmo.congnghe", Set.of(Role.COMMUNITY_TEAM), member.id());
		long id = yenMo(() -> registering.register(actor, input("Lục Văn Hồ " + tag, "1955", null)));
		var owner = vn.xaso.dossiers.DossierFixtures.citizenId(jdbc, "0988000003");
		var assisted = dossiers.submit(vn.xaso.dossiers.DossierFixtures.COMMUNITY, new vn.xaso.dossiers.NewDossier(YEN_MO,
				vn.xaso.dossiers.DossierFixtures.BIRTH, vn.xaso.dossiers.Channel.ASSISTED, owner,
				vn.xaso.dossiers.DossierFixtures.applicant("0988000003"), vn.xaso.dossiers.DossierFixtures.birthForm("Lục Gia " + tag),
				vn.xaso.dossiers.DossierFixtures.consent()), vn.xaso.dossiers.DossierFixtures.papers());
		var atCounter = vn.xaso.dossiers.DossierFixtures.counter(dossiers, jdbc, "0988000003", "Lục Quầy " + tag);
		var actions = EnumSet.of(VisitAction.ASSISTED_DOSSIER);
		// refused, nothing saved: a code without the action, a dossier received at the counter, an unknown code
		assertThatThrownBy(() -> yenMo(() -> visits.record(actor, id, Instant.now(), EnumSet.of(VisitAction.OTHER), "Nộp giúp", null,
				assisted.code()))).isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.dossierAction");
		assertThatThrownBy(() -> yenMo(() -> visits.record(actor, id, Instant.now(), actions, "Nộp giúp", null, atCounter.code())))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.dossier");
		assertThatThrownBy(() -> yenMo(() -> visits.record(actor, id, Instant.now(), actions, "Nộp giúp", null, "H37.14701-000000-9999")))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.dossier");
		// another member did not submit it
		long team = yenMo(() -> teams.createTeam(admin, "Tổ hồ sơ " + tag, village));
		var other = yenMo(() -> teams.addMember(admin, team, "yenmo.hs" + tag, "Lục Văn Khác", null, false));
		yenMo(() -> teams.assign(admin, other.memberId(), List.of(id)));
		var otherActor = new Actor(YEN_MO, other.username(), Set.of(Role.COMMUNITY_TEAM), other.memberId());
		assertThatThrownBy(() -> yenMo(() -> visits.record(otherActor, id, Instant.now(), actions, "Nộp giúp", null, assisted.code())))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.dossier");
		assertThat(yenMo(() -> visits.ofHousehold(admin, id))).isEmpty();
		// the member who submitted it: linked, with the consent the dossier keeps
		yenMo(() -> teams.assign(admin, member.id(), List.of(id)));
		yenMo(() -> visits.record(actor, id, Instant.now(), actions, "Đã nộp giúp hồ sơ khai sinh", null, " " + assisted.code() + " "));
		assertThat(yenMo(() -> visits.ofHousehold(admin, id))).singleElement().satisfies(v -> {
			assertThat(v.dossier()).isNotNull();
			assertThat(v.dossier().id()).isEqualTo(assisted.dossierId());
			assertThat(v.dossier().code()).isEqualTo(assisted.code());
			assertThat(v.dossier().consentedBy()).isEqualTo("Trần Thị Hoa");
			assertThat(v.dossier().consentMethod()).isEqualTo(vn.xaso.dossiers.Consent.Method.IN_PERSON.label());
		});
	}

	@Autowired vn.xaso.community.internal.TrainingMaterials materials;

	static byte[] zip(String... names) throws java.io.IOException {
		var bytes = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
			for (var n : names) {
				zip.putNextEntry(new java.util.zip.ZipEntry(n));
				zip.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void trainingMaterialsAreCheckedByContentNotByName() throws Exception {
		long training = yenMo(() -> trainings.addTraining(admin, "Tài liệu " + tag, "Lê Văn Tú", LocalDate.now(VIETNAM), null));
		var pdf = "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		var docx = zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
		long a = yenMo(() -> materials.add(admin, training, "Hướng dẫn VNeID.pdf", pdf));
		long b = yenMo(() -> materials.add(admin, training, "C:\\Tài liệu\\Bài giảng.docx", docx));
		for (var bad : List.of("Chỉ là chữ, đổi tên thành PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				zip("bai-giang.txt"), zip("word/document.xml"), new byte[0])) {
			assertThatThrownBy(() -> yenMo(() -> materials.add(admin, training, "gia.pdf", bad)))
				.isInstanceOf(CommunityException.class).extracting("key").isIn("community.error.materialType", "community.error.materialMissing");
		}
		var ngaAn = new Actor("16144", "ngaan.admin", Set.of(Role.ADMIN), null);
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of("16144"), () -> materials.add(ngaAn, training, "x.pdf", pdf)))
			.isInstanceOf(CommunityException.class).extracting("key").isEqualTo("community.error.noTraining");
		var list = yenMo(() -> materials.list(admin, training));
		assertThat(list).extracting(vn.xaso.community.internal.TrainingMaterials.Material::name)
			.containsExactly("Hướng dẫn VNeID.pdf", "Bài giảng.docx");
		assertThat(list.get(1).contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(yenMo(() -> materials.get(admin, training, a)).orElseThrow().content()).isEqualTo(pdf);
		assertThat(yenMo(() -> materials.get(admin, training + 1_000_000, b))).isEmpty();
	}
}
