package vn.xaso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.audit.AuditEntry;
import vn.xaso.audit.AuditLog;
import vn.xaso.catalog.internal.CatalogSeed;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** The catalogue service against the real database: seed, shadowing, versioning, search. */
@XasoIntegrationTest
class ProceduresServiceTests {

	static final String YEN_MO = "14701";
	static final String NGA_AN = "16144";

	@Autowired
	Procedures procedures;

	@Autowired
	CatalogSeed seed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Test
	void nationalProceduresAreSeededOnceAndVisibleFromEveryCommune() {
		var birth = procedures.current(YEN_MO, "1.001193").orElseThrow();
		assertThat(birth.name()).isEqualTo("Thủ tục đăng ký khai sinh");
		assertThat(birth.ownerUnit()).isNull();
		assertThat(birth.workflow()).isEqualTo("standard");
		assertThat(birth.processingTime()).isEqualTo(ProcessingTime.workingDays(1));
		assertThat(birth.resultTemplate()).isEqualTo("birth-extract");
		assertThat(birth.form().field("childBirthDate")).get().extracting(FormField::notFuture).isEqualTo(true);
		assertThat(procedures.current(null, "1.001193")).contains(birth);
		assertThat(procedures.current(NGA_AN, "1.001193")).contains(birth);

		int before = Tenancy.callAs(UnitScope.systemWide(),
				() -> jdbc.sql("select count(*) from catalog_procedure_version").query(Integer.class).single());
		seed.ensureLoaded();
		int drafts = CatalogSeed.read().size();
		assertThat(procedures.search(null, null, null, 0, 100).total()).isEqualTo(drafts);
		assertThat(drafts).isGreaterThanOrEqualTo(5);
		int after = Tenancy.callAs(UnitScope.systemWide(),
				() -> jdbc.sql("select count(*) from catalog_procedure_version").query(Integer.class).single());
		assertThat(after).isEqualTo(before);
	}

	@Test
	void searchIgnoresDiacriticsAndCase() {
		assertThat(codes(procedures.search(null, "khai sinh", null, 0, 50))).contains("1.001193");
		assertThat(codes(procedures.search(null, "dang ky khai sinh", null, 0, 50))).contains("1.001193")
			.doesNotContain("2.000815");
		assertThat(codes(procedures.search(null, "ĐĂNG KÝ KHAI SINH", null, 0, 50))).contains("1.001193");
		assertThat(codes(procedures.search(YEN_MO, "chung thuc", null, 0, 50))).contains("2.000815", "2.000884");
		assertThat(codes(procedures.search(YEN_MO, null, "chung thuc", 0, 50))).allSatisfy(c -> assertThat(c).startsWith("2."));
		assertThat(procedures.search(YEN_MO, "khai sinh", "Chứng thực", 0, 50).items()).isEmpty();
		assertThat(codes(procedures.search(null, "1.001193", null, 0, 50))).containsExactly("1.001193");
		assertThat(procedures.search(null, "zzz%_", null, 0, 50).items()).isEmpty();
		assertThat(procedures.search(null, "khai%sinh", null, 0, 50).items()).isEmpty();
		// Wildcards are searched literally (SqlLike): no procedure name contains "%%", so nothing matches.
		assertThat(procedures.search(null, "%%", null, 0, 50).total()).isZero();
	}

	@Test
	void searchPages() {
		var first = procedures.search(null, null, null, 0, 2);
		var second = procedures.search(null, null, null, 1, 2);
		assertThat(first.items()).hasSize(2);
		assertThat(first.total()).isGreaterThan(2);
		assertThat(codes(second)).doesNotContainAnyElementsOf(codes(first));
	}

	@Test
	void unknownUnitIsRefusedInVietnamese() {
		assertThatThrownBy(() -> procedures.search("99999", null, null, 0, 10)).isInstanceOf(CatalogException.class)
			.hasMessageContaining("Không có xã, phường nào mang mã \"99999\"");
		assertThatThrownBy(() -> procedures.current("37", "1.001193")).isInstanceOf(CatalogException.class);
	}

	@Test
	void anEditPublishesANewVersionAndTheOldOneNeverChanges() {
		var code = "XA-14701-950";
		var first = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> procedures.publish(YEN_MO, CatalogAccessFixture.localDraft(code, "Xác nhận hộ gia đình làm nông nghiệp"), "yenmo.admin"));
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.ownerUnit()).isEqualTo(YEN_MO);
		var edited = new ProcedureDraft(code, "Xác nhận hộ gia đình làm nông nghiệp (sửa)", "Nông nghiệp",
				ProcessingTime.workingDays(2), new FeeSchedule.Fixed(5_000), first.papers(),
				new FormDefinition(2, List.of(new FormField("area", "Diện tích (m²)", FieldType.NUMBER, true, null, 0, List.of()))),
				OnlineMode.FULL, "confirmation", first.legalBasis(), "standard", first.sources());
		var second = Tenancy.callAs(UnitScope.of(YEN_MO), () -> procedures.publish(YEN_MO, edited, "yenmo.admin"));
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.versionId()).isNotEqualTo(first.versionId());
		assertThat(procedures.current(YEN_MO, code)).contains(second);
		// a dossier submitted on version 1 still finds exactly what it was submitted on
		var old = procedures.version(first.versionId()).orElseThrow();
		assertThat(old).isEqualTo(first);
		assertThat(old.name()).isEqualTo("Xác nhận hộ gia đình làm nông nghiệp");
		assertThat(old.form().field("reason")).isPresent();
		assertThat(old.fees()).isEqualTo(new FeeSchedule.Free());
		assertThat(procedures.history(YEN_MO, code)).extracting(Procedure::version).containsExactly(2, 1);
		// and even an anonymous reader (a citizen's dossier page) can read any version
		assertThat(Tenancy.callAs(UnitScope.none(), () -> procedures.version(first.versionId()))).contains(first);
		// the database itself refuses to change a published version
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(YEN_MO), () -> jdbc
			.sql("update catalog_procedure_version set name = 'x' where id = ?").param(first.versionId()).update()))
			.rootCause().hasMessageContaining("permission denied");
		var audit = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> auditLog.search(new AuditLog.AuditQuery(YEN_MO, "catalog.procedure", null, null, null, 0, 200)));
		var mine = audit.entries().stream().filter(e -> code.equals(e.objectId())).toList();
		assertThat(mine).extracting(AuditEntry::action)
			.containsExactlyInAnyOrder("catalog.procedure.created", "catalog.procedure.versioned");
		assertThat(mine).extracting(AuditEntry::after).anySatisfy(a -> assertThat(a).contains("v2", "5.000 đ mỗi bản"));
	}

	@Test
	void aCommuneVersionShadowsTheNationalOneForThatCommuneOnly() {
		var national = procedures.current(null, "2.000884").orElseThrow();
		var draft = ProcedureDraft.of(national);
		var local = new ProcedureDraft(draft.code(), draft.name(), draft.field(), ProcessingTime.workingDays(1),
				new FeeSchedule.PerCase(10_000), draft.papers(), draft.form(), draft.onlineMode(), draft.resultTemplate(),
				draft.legalBasis(), draft.workflow(), draft.sources() + " Xã Yên Mô: tiếp nhận cả buổi chiều.");
		var shadow = Tenancy.callAs(UnitScope.of(YEN_MO), () -> procedures.publish(YEN_MO, local, "yenmo.admin"));
		assertThat(shadow.version()).isEqualTo(national.version() + 1);
		assertThat(shadow.ownerUnit()).isEqualTo(YEN_MO);
		assertThat(procedures.current(YEN_MO, "2.000884")).contains(shadow);
		assertThat(procedures.current(NGA_AN, "2.000884")).contains(national);
		assertThat(procedures.current(null, "2.000884")).contains(national);
		assertThat(procedures.search(NGA_AN, "chung thuc chu ky", null, 0, 50).items()).contains(national).doesNotContain(shadow);
		assertThat(procedures.search(YEN_MO, "chung thuc chu ky", null, 0, 50).items()).contains(shadow).doesNotContain(national);
		assertThat(procedures.history(NGA_AN, "2.000884")).extracting(Procedure::ownerUnit).containsOnlyNulls();
		// Nga An cannot publish for Yên Mô, and nobody but system work can publish nationally
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN), () -> procedures.publish(YEN_MO, local, "ngaan.admin")))
			.isInstanceOf(CatalogException.class).hasMessageContaining("không có quyền");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN), () -> procedures.publish("", local, "ngaan.admin")))
			.isInstanceOf(CatalogException.class);
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(NGA_AN), () -> jdbc.sql("""
				insert into catalog_procedure_version (code, version, unit_code, name, field, time_amount, time_kind,
				  fees, papers, form, online_mode, result_template, workflow, content_hash, published_by)
				values ('9.999999', 1, '14701', 'x', 'x', 1, 'WORKING_DAYS', '{}', '[]', '{}', 'FULL', 'confirmation',
				  'standard', 'x', 'x')""").update())).rootCause().hasMessageContaining("row-level security");
	}

	@Test
	void invalidDraftsAreRefusedWithVietnameseMessagesAndChangeNothing() {
		var bad = new ProcedureDraft("XA-14701-960", " ", "", ProcessingTime.sameDay(), new FeeSchedule.Free(), List.of(),
				new FormDefinition(1, List.of(new FormField("kind", "Loại", FieldType.SELECT, true, null, 0, List.of()))),
				OnlineMode.FULL, "no-such-template", "", "fast", "");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(YEN_MO), () -> procedures.publish(YEN_MO, bad, "yenmo.admin")))
			.isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.errors())
				.containsEntry("name", "Vui lòng nhập tên thủ tục.")
				.containsEntry("field", "Vui lòng nhập lĩnh vực, ví dụ Hộ tịch.")
				.containsEntry("workflow", "Quy trình xử lý phải là \"standard\" hoặc \"same-day\".")
				.containsEntry("resultTemplate", "Vui lòng chọn mẫu kết quả trong danh sách.")
				.containsEntry("form", "Trường chọn \"Loại\" cần ít nhất một lựa chọn."));
		assertThat(procedures.current(YEN_MO, "XA-14701-960")).isEmpty();
	}

	@Test
	void everySeededProcedureIsComplete() {
		var drafts = CatalogSeed.read();
		assertThat(drafts).hasSizeGreaterThanOrEqualTo(25);
		for (var d : drafts) {
			assertThat(procedures.check(d)).as(d.code()).isEmpty();
			assertThat(d.papers()).as(d.code()).isNotEmpty();
			assertThat(d.form().fields()).as(d.code()).isNotEmpty();
			assertThat(d.sources()).as(d.code()).isNotBlank();
			assertThat(d.legalBasis()).as(d.code()).isNotBlank();
		}
		var birth = procedures.current(null, "1.001193").orElseThrow();
		assertThat(birth.form().fields()).extracting(FormField::name)
			.contains("childName", "childBirthDate", "childSex", "childBirthPlace", "childEthnicity", "childNationality",
					"motherName", "motherCccd", "fatherName", "fatherCccd", "requesterRelation");
		var copy = procedures.current(null, "2.000815").orElseThrow();
		assertThat(copy.fees().amountVnd(new FeeInput(250, 1))).isEqualTo(200_000);
		assertThat(copy.workflow()).isEqualTo("same-day");
		assertThat(copy.resultTemplate()).isEqualTo("certified-copy");
	}

	static List<String> codes(PageOf<Procedure> page) {
		var codes = new ArrayList<String>();
		page.items().forEach(p -> codes.add(p.code()));
		return codes;
	}
}
