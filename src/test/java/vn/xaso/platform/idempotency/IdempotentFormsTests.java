package vn.xaso.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.xaso.platform.idempotency.IdempotencyTests.sameRedirect;
import static vn.xaso.platform.idempotency.IdempotencyTests.uniqueName;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.catalog.web.CatalogFormValues;
import vn.xaso.demo.DemoData;
import vn.xaso.dossiers.Applicant;
import vn.xaso.dossiers.DossierFixtures;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Upload;
import vn.xaso.payments.NewBill;
import vn.xaso.payments.Payments;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * A representative of every other creating form, each sent twice at the same moment from one page
 * rendering: one object, the same redirect for both. (The filter is one place for all forms; these
 * prove it holds for url-encoded and multipart forms, officials and citizens, every module.)
 */
@XasoIntegrationTest
class IdempotentFormsTests {

	static final String YEN_MO = DemoData.YEN_MO;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DemoTextMessages outbox;

	@Autowired
	Dossiers dossiers;

	@Autowired
	Payments payments;

	long count(String sql, Object... params) {
		return Tenancy.callAs(UnitScope.systemWide(), () -> new TransactionTemplate(transactions)
			.execute(s -> jdbc.sql(sql).params(params).query(Long.class).single()));
	}

	Twice official(String username) throws Exception {
		return new Twice(port).official(username, DemoData.PASSWORD);
	}

	static Map<String, String> applicant(String name) {
		var f = new LinkedHashMap<String, String>();
		f.put("applicantName", name);
		f.put("applicantCccd", "037190001234");
		f.put("applicantPhone", "0988000001");
		f.put("applicantAddress", "Thôn Bình Hải, xã Yên Mô");
		return f;
	}

	static Map<String, String> eform(Map<String, String> values) {
		var f = new LinkedHashMap<String, String>();
		values.forEach((k, v) -> f.put("ef_" + k, v));
		return f;
	}

	@Test
	void citizenOnlineDraftIsStartedOnce() throws Exception {
		var citizen = new Twice(port).citizen(IdempotencyTests.phone(), outbox);
		var name = uniqueName();
		var fields = new LinkedHashMap<String, String>(Map.of("unit", YEN_MO, "procedure", DossierFixtures.MARRIAGE));
		fields.putAll(applicant(name));
		fields.putAll(eform(DossierFixtures.marriageForm()));
		var token = citizen.token("/citizen/dossiers/new?unit=" + YEN_MO + "&procedure=" + DossierFixtures.MARRIAGE);

		sameRedirect(Twice.atOnce(() -> citizen.form("/citizen/dossiers", token, fields)));
		assertThat(count("select count(*) from dossier where applicant_name = ?", name)).isEqualTo(1);
	}

	@Test
	void citizenDraftIsSubmittedOnce() throws Exception {
		var phone = IdempotencyTests.phone();
		var citizen = new Twice(port).citizen(phone, outbox);
		var caller = DossierFixtures.citizen(jdbc, phone);
		var name = uniqueName();
		long id = dossiers.createDraft(caller, YEN_MO, DossierFixtures.MARRIAGE);
		dossiers.saveDraft(caller, id, new Applicant(name, "037190001234", "0988000001", "", "Thôn Bình Hải, xã Yên Mô"),
				DossierFixtures.marriageForm());
		for (int i = 0; i < 4; i++) {
			dossiers.attach(caller, id, new Upload("giay-to-" + i + ".pdf", DossierFixtures.pdf()));
		}
		var fields = new LinkedHashMap<>(applicant(name));
		fields.putAll(eform(DossierFixtures.marriageForm()));
		fields.put("send", "");
		var token = citizen.token("/citizen/dossiers/" + id);

		var both = Twice.atOnce(() -> citizen.form("/citizen/dossiers/" + id + "/save", token, fields));

		sameRedirect(both);
		assertThat(both.get(0).headers().firstValue("Location").orElseThrow()).contains("submitted");
		assertThat(count("select count(*) from dossier_event where dossier_id = ? and action = 'submit'", id)).isEqualTo(1);
	}

	@Test
	void assistedSubmissionIsOneDossier() throws Exception {
		var helper = official("yenmo.congnghe");
		var name = uniqueName();
		var fields = new LinkedHashMap<String, String>();
		fields.put("procedure", DossierFixtures.BIRTH);
		fields.put("consentGiven", "true");
		fields.put("consentMethod", "IN_PERSON");
		fields.put("consentNote", "Bà có mặt tại nhà văn hoá thôn");
		fields.putAll(eform(DossierFixtures.birthForm("Đỗ Gia Huy")));
		fields.put("ef_requesterName", name);
		fields.put("ef_requesterCccd", "037190001234");
		fields.put("ef_requesterPhone", IdempotencyTests.phone());
		fields.put("ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô");
		var pdf = DossierFixtures.pdf();
		var files = new LinkedHashMap<String, byte[]>();
		for (int i = 0; i < 4; i++) {
			files.put("giay-to-" + i + ".pdf", pdf);
		}
		var token = helper.token("/dossiers/assisted?procedure=" + DossierFixtures.BIRTH);

		sameRedirect(Twice.atOnce(() -> helper.multipart("/dossiers/assisted", token, fields, "file", files)));
		assertThat(count("select count(*) from dossier where applicant_name = ?", name)).isEqualTo(1);
	}

	@Test
	void outgoingDocumentDraftIsOneDocument() throws Exception {
		var specialist = official("yenmo.tuphap");
		var summary = "Thông báo lịch tiếp công dân " + UUID.randomUUID();
		var token = specialist.token("/documents/outgoing/new?type=THONG_BAO");
		sameRedirect(Twice.atOnce(() -> specialist.form("/documents/outgoing", token, Map.of("type", "THONG_BAO", "summary", summary,
				"body", "Ủy ban nhân dân xã thông báo lịch tiếp công dân.", "recipients", "Các thôn", "signerName", "Đinh Văn Hùng",
				"signerTitle", "Chủ tịch", "signerAuthority", "TM. Ủy ban nhân dân"))));
		assertThat(count("select count(*) from document where summary = ?", summary)).isEqualTo(1);
	}

	@Test
	void incomingDocumentIsRegisteredOnce() throws Exception {
		var clerk = official("yenmo.vanthu");
		var summary = "Công văn về phòng chống lụt bão " + UUID.randomUUID();
		var scan = Map.of("cong-van.pdf", DossierFixtures.pdf()); // made once: a PDF carries its creation time
		var token = clerk.token("/documents/incoming/new");
		sameRedirect(Twice.atOnce(() -> clerk.multipart("/documents/incoming", token, Map.of("issuer", "UBND tỉnh Ninh Bình",
				"originalNumber", "123/UBND-VP", "originalDate", "2026-11-20", "type", "CONG_VAN", "summary", summary,
				"signerName", "Trần Văn B", "urgency", "thuong", "attachmentCount", "0"), "file", scan)));
		assertThat(count("select count(*) from document where summary = ?", summary)).isEqualTo(1);
	}

	@Test
	void cashIsRecordedOnce() throws Exception {
		var bill = Tenancy.callAs(UnitScope.of(YEN_MO), () -> payments.open(new NewBill(YEN_MO, "HS-idem-" + System.nanoTime(),
				"Lệ phí chứng thực", 25_000, uniqueName(), null)));
		var motcua = official("yenmo.motcua");
		var token = motcua.token("/payments/bills/" + bill.id());
		sameRedirect(Twice.atOnce(() -> motcua.form("/payments/bills/" + bill.id() + "/cash", token, Map.of("amountVnd", "25000"))));
		assertThat(count("select count(*) from payment_bill where id = ? and status = 'PAID'", bill.id())).isEqualTo(1);
	}

	@Test
	void radioBroadcastIsOneBroadcast() throws Exception {
		var leader = official("yenmo.chutich");
		var title = "Họp dân " + UUID.randomUUID();
		var token = leader.token("/radio/admin/broadcasts/new");
		sameRedirect(Twice.atOnce(() -> leader.form("/radio/admin/broadcasts", token,
				Map.of("title", title, "text", "Họp dân lúc 19h30 tối nay tại nhà văn hóa."))));
		assertThat(count("select count(*) from radio_broadcast where title = ?", title)).isEqualTo(1);
	}

	@Test
	void officialAccountIsCreatedOnce() throws Exception {
		var admin = official("yenmo.admin");
		var username = "idem." + (System.nanoTime() % 1_000_000_000L);
		var token = admin.token("/admin/accounts/new");
		sameRedirect(Twice.atOnce(() -> admin.form("/admin/accounts", token,
				Map.of("username", username, "fullName", "Nguyễn Văn Thử", "roles", "CLERK", "password", "Song-Day-Lua-2026"))));
		assertThat(count("select count(*) from official where username = ?", username)).isEqualTo(1);
	}

	@Test
	void catalogProcedureVersionIsSavedOnce() throws Exception {
		var admin = official("yenmo.admin");
		var name = "Xác nhận đơn vay vốn " + UUID.randomUUID();
		var values = CatalogFormValues.blank();
		values.putAll(Map.of("name", name, "field", "Khác", "paperCount", "1", "papers[0].name", "Đơn đề nghị vay vốn", "papers[0].required", "on",
				"fieldCount", "1", "fields[0].name", "amount", "fields[0].label", "Số tiền đề nghị vay", "fields[0].type", "MONEY"));
		values.put("sources", "Quy trình nội bộ của xã");
		var token = admin.token("/admin/procedures/new");
		sameRedirect(Twice.atOnce(() -> admin.form("/admin/procedures/new", token, values)));
		assertThat(count("select count(*) from catalog_procedure_version where name = ?", name)).isEqualTo(1);
	}

	@Test
	void workFileAndPortalContactAreCreatedOnce() throws Exception {
		var clerk = official("yenmo.vanthu");
		var code = "IDEM-" + (System.nanoTime() % 1_000_000_000L);
		var token = clerk.token("/documents/work-files/new");
		sameRedirect(Twice.atOnce(() -> clerk.form("/documents/work-files", token, Map.of("code", code, "title", "Hồ sơ khai sinh",
				"year", String.valueOf(LocalDate.now().getYear()), "handler", "yenmo.vanthu", "retention", "permanent"))));
		assertThat(count("select count(*) from work_file where code = ?", code)).isEqualTo(1);

		var admin = official("yenmo.admin");
		var contact = "Nguyễn Văn Liên Hệ " + uniqueName();
		var contactToken = admin.token("/portal/contacts");
		sameRedirect(Twice.atOnce(() -> admin.form("/portal/contacts", contactToken,
				Map.of("name", contact, "title", "Công an xã", "phone", "0912345671", "position", "50"))));
		assertThat(count("select count(*) from portal_contact where name = ?", contact)).isEqualTo(1);
	}
}
