package vn.xaso.dossiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.xaso.dossiers.DossierFixtures.*;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The dossier workflow against the real database, catalogue, payments and signing: the three ways in, the
 * code, the default workflow with a signed result that pdfsig accepts, the personal document store, rating,
 * two officers racing, supplement pause, and bad input that changes nothing.
 */
@XasoIntegrationTest
class DossierWorkflowTests {

	@Autowired
	Dossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Results results;

	@Test
	void counterIntakeNumbersReceivesAndMarksDigitised() {
		var receipt = counter(dossiers, jdbc, "0988000001", "Phạm Minh An");
		var today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		assertThat(receipt.code()).matches("X14701-" + today.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-\\d{4}");
		// birth registration follows the standard workflow (the chairman signs the extract): taken at
		// the counter it is received at once and waits to be assigned
		assertThat(receipt.state()).isEqualTo("received");
		assertThat(receipt.dueDate()).isNotNull();
		var d = dossiers.find(ONE_STOP, receipt.dossierId()).orElseThrow();
		assertThat(d.channel()).isEqualTo(Channel.COUNTER);
		assertThat(d.files()).hasSize(3).allSatisfy(f -> assertThat(f.digitised()).isTrue());
		assertThat(d.events()).extracting(DossierEvent::action).containsExactly("submit", "receive");
		assertThat(d.form()).containsEntry("requesterName", "Trần Thị Hoa").containsEntry("requesterPhone", "0988000001");
		// the citizen sees it; another citizen and another commune do not
		assertThat(dossiers.find(citizen(jdbc, "0988000001"), d.id())).isPresent();
		assertThat(dossiers.find(citizen(jdbc, "0988000003"), d.id())).isEmpty();
		assertThat(dossiers.find(NGA_AN_ONE_STOP, d.id())).isEmpty();
		assertThat(dossiers.receiptPdf(ONE_STOP, d.id())).startsWith("%PDF".getBytes());
	}

	@Test
	void standardWorkflowEndsWithASignedResultPdfsigAcceptsInTheCitizensStore() throws Exception {
		var me = citizen(jdbc, "0988000001");
		var receipt = dossiers.submit(me, new NewDossier(YEN_MO, MARRIAGE, Channel.ONLINE, null, applicant("0988000001"), marriageForm(), null),
				papers());
		assertThat(receipt.state()).isEqualTo("submitted");
		long id = receipt.dossierId();
		var d = dossiers.find(ONE_STOP, id).orElseThrow();
		assertThat(dossiers.actions(ONE_STOP, id)).extracting(Action::name).contains("receive", "request_supplement", "refuse");
		d = dossiers.act(ONE_STOP, id, ActionRequest.of("receive", d.version(), ""));
		assertThat(d.state()).isEqualTo("received");
		assertThat(d.dueDate()).isNotNull();
		d = dossiers.act(ONE_STOP, id, new ActionRequest("assign", d.version(), "", "yenmo.tuphap", null, null, null, null, List.of()));
		assertThat(d.state()).isEqualTo("processing");
		assertThat(d.assignee()).isEqualTo("Trần Văn Minh");
		d = dossiers.act(SPECIALIST, id, ActionRequest.of("propose", d.version(), "Đủ điều kiện"));
		var version = d.version();
		assertThatThrownBy(() -> dossiers.act(LEADER, id, new ActionRequest("approve", version, "", null, null, null, "sai".toCharArray(), null, List.of())))
			.isInstanceOf(DossierException.class);
		assertThat(dossiers.find(LEADER, id).orElseThrow().state()).isEqualTo("awaiting_approval");
		d = dossiers.act(LEADER, id, new ActionRequest("approve", version, "", null, null, null, DemoData.SIGNING_PASSWORD.toCharArray(), null, List.of()));
		assertThat(d.state()).isEqualTo("approved");
		assertThat(d.verifyToken()).isNotNull();
		var approved = d;
		assertThatThrownBy(() -> dossiers.act(ONE_STOP, id, ActionRequest.of("release", approved.version(), "")))
			.isInstanceOf(DossierException.class).hasMessageContaining("chưa được đóng dấu");
		results.seal(ONE_STOP, id, DemoData.SIGNING_PASSWORD.toCharArray());
		d = dossiers.act(ONE_STOP, id, ActionRequest.of("release", d.version(), ""));
		var ready = d;
		assertThatThrownBy(() -> dossiers.rate(me, id, 5, "")).isInstanceOf(DossierException.class);
		d = dossiers.act(ONE_STOP, id, new ActionRequest("return", ready.version(), "", null, "ONLINE", null, null, null, List.of()));
		assertThat(d.state()).isEqualTo("returned");
		assertThat(d.timeliness()).isIn(Timeliness.EARLY, Timeliness.ON_TIME);

		var pdf = dossiers.resultPdf(me, id).orElseThrow();
		var check = pdfsig(pdf);
		assertThat(check).contains("Signature #1").contains("Signature is Valid").doesNotContain("Digest Mismatch");
		var verified = dossiers.verify(d.verifyToken()).orElseThrow();
		assertThat(verified.dossierCode()).isEqualTo(d.code());
		// the chairman's signature, then the commune's seal (required before the desk)
		assertThat(verified.report().signatures()).hasSize(2).allSatisfy(s -> assertThat(s.intact()).isTrue());
		assertThat(verified.report().signatures().get(0).signerName()).isEqualTo("Đinh Văn Hùng");
		assertThat(dossiers.verify("khong-co-token-nay-0123456789")).isEmpty();

		assertThat(dossiers.papers(me)).anySatisfy(p -> {
			assertThat(p.dossierCode()).isEqualTo(ready.code());
			assertThat(p.kind()).isEqualTo("RESULT");
		});
		dossiers.rate(me, id, 5, "Nhanh, chu đáo");
		assertThatThrownBy(() -> dossiers.rate(me, id, 4, "")).isInstanceOf(DossierException.class).hasMessageContaining("đã đánh giá");
		assertThat(dossiers.find(me, id).orElseThrow().rating()).isEqualTo(5);
	}

	@Test
	void twoOfficersActingOnTheSameVersionTheSecondIsToldWhoActed() {
		var receipt = dossiers.submit(citizen(jdbc, "0988000002"),
				new NewDossier(YEN_MO, MARRIAGE, Channel.ONLINE, null, applicant("0988000002"), marriageForm(), null), papers());
		var seen = dossiers.find(ONE_STOP, receipt.dossierId()).orElseThrow();
		dossiers.act(ONE_STOP, seen.id(), ActionRequest.of("receive", seen.version(), ""));
		var otherOfficer = Caller.official(YEN_MO, "yenmo.motcua2", "Cán bộ khác", java.util.Set.of(vn.xaso.identity.Role.ONE_STOP));
		assertThatThrownBy(() -> dossiers.act(otherOfficer, seen.id(), ActionRequest.of("refuse", seen.version(), "Thiếu giấy tờ")))
			.isInstanceOf(DossierConflict.class)
			.hasMessageContaining("Nguyễn Thị Lan")
			.hasMessageContaining("Tiếp nhận")
			.hasMessageContaining("Đã tiếp nhận");
		assertThat(dossiers.find(ONE_STOP, seen.id()).orElseThrow().state()).isEqualTo("received");
	}

	@Test
	void supplementPausesTheClockAndResumesWithTheDaysLeft() {
		var receipt = marriage(dossiers, jdbc, "0988000001");
		var d = dossiers.find(ONE_STOP, receipt.dossierId()).orElseThrow();
		assertThat(d.state()).isEqualTo("received");
		d = dossiers.act(ONE_STOP, d.id(), ActionRequest.of("request_supplement", d.version(), "Bổ sung bản sao giấy xác nhận tình trạng hôn nhân"));
		assertThat(d.state()).isEqualTo("supplement_requested");
		assertThat(d.dueDate()).isNull();
		assertThat(d.workingDaysLeftWhenPaused()).isNotNull();
		assertThat(d.timeliness()).isEqualTo(Timeliness.PAUSED);
		var me = citizen(jdbc, "0988000001");
		var back = dossiers.supplement(me, d.id(), "Đã bổ sung", List.of(new Upload("bo-sung.pdf", pdf())));
		assertThat(back.state()).isEqualTo("received");
		assertThat(back.dueDate()).isNotNull().isAfterOrEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
		assertThat(back.workingDaysLeftWhenPaused()).isNull();
	}

	@Test
	void assistedSubmissionRecordsConsentAndBelongsToTheCitizen() {
		var owner = citizenId(jdbc, "0988000003");
		assertThatThrownBy(() -> dossiers.submit(COMMUNITY, new NewDossier(YEN_MO, BIRTH, Channel.ASSISTED, owner, applicant("0988000003"),
				birthForm("Phạm Gia Bảo"), null), papers()))
			.isInstanceOf(DossierException.class)
			.satisfies(e -> assertThat(((DossierException) e).errors()).containsKey("consent"));
		var receipt = dossiers.submit(COMMUNITY, new NewDossier(YEN_MO, BIRTH, Channel.ASSISTED, owner, applicant("0988000003"),
				birthForm("Phạm Gia Bảo"), consent()), papers());
		var d = dossiers.find(citizen(jdbc, "0988000003"), receipt.dossierId()).orElseThrow();
		assertThat(d.channel()).isEqualTo(Channel.ASSISTED);
		assertThat(d.assistedBy()).contains("Lê Văn Tú");
		assertThat(d.consent()).isNotNull();
		assertThat(d.consent().method()).isEqualTo(Consent.Method.IN_PERSON);
	}

	@Test
	void onlineDraftSaveResumeAttachSubmit() {
		var me = citizen(jdbc, "0988000002");
		long id = dossiers.createDraft(me, YEN_MO, BIRTH);
		dossiers.saveDraft(me, id, applicant("0988000002"), birthForm("Phạm Thu Hà"));
		assertThat(dossiers.find(ONE_STOP, id)).as("officials do not see drafts").isEmpty();
		assertThatThrownBy(() -> dossiers.submitDraft(me, id)).isInstanceOf(DossierException.class)
			.satisfies(e -> assertThat(((DossierException) e).errors()).containsKey("files"));
		dossiers.attach(me, id, new Upload("to-khai.pdf", pdf(), "TK"));
		dossiers.attach(me, id, new Upload("giay-chung-sinh.png", png(), "GCS"));
		assertThatThrownBy(() -> dossiers.attach(me, id, new Upload("virus.pdf", "MZ not a pdf".getBytes())))
			.isInstanceOf(DossierException.class).hasMessageContaining("không phải PDF");
		var resumed = dossiers.find(me, id).orElseThrow();
		assertThat(resumed.draft()).isTrue();
		assertThat(resumed.form()).containsEntry("childName", "Phạm Thu Hà");
		var receipt = dossiers.submitDraft(me, id);
		assertThat(receipt.code()).startsWith("X14701-");
		assertThat(dossiers.mine(me, 1, 50).rows()).anySatisfy(r -> assertThat(r.code()).isEqualTo(receipt.code()));
		assertThat(dossiers.search(ONE_STOP, DossierSearch.queue(Queue.NEW, 1)).rows()).anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
	}

	@Test
	void badInputIsRefusedFieldByFieldAndChangesNothing() {
		counter(dossiers, jdbc, "0988000001", "Phạm Đếm Số");
		long before = count();
		assertThat(before).as("the count sees dossiers").isPositive();
		var bad = new Applicant("", "12345", "0123", "khong-phai-email", "");
		assertThatThrownBy(() -> dossiers.submit(ONE_STOP, new NewDossier(YEN_MO, BIRTH, Channel.COUNTER, null, bad, Map.of("childName", ""), null),
				List.of(new Upload("x.pdf", "%PDF-1.4 broken".getBytes()))))
			.isInstanceOf(DossierException.class)
			.satisfies(e -> assertThat(((DossierException) e).errors()).containsKeys("applicant.name", "applicant.cccd", "applicant.phone",
					"applicant.email", "applicant.address", "form.childName", "files"));
		assertThat(count()).isEqualTo(before);
		// officials take counter dossiers of their own commune only
		assertThatThrownBy(() -> dossiers.submit(NGA_AN_ONE_STOP, new NewDossier(YEN_MO, BIRTH, Channel.COUNTER, null,
				applicant("0988000001"), birthForm("Phạm An"), null), papers())).isInstanceOf(DossierException.class);
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void publicTrackingNeedsTheCodeAndTheLastFourDigitsAndShowsNoPersonalData() {
		var receipt = counter(dossiers, jdbc, "0988000001", "Phạm Minh Tâm");
		assertThat(dossiers.track(receipt.code(), "0000")).isEmpty();
		assertThat(dossiers.track("X14701-000000-0000", "0001")).isEmpty();
		var t = dossiers.track(receipt.code(), "0001").orElseThrow();
		assertThat(t.stateLabel()).isEqualTo("Đã tiếp nhận");
		assertThat(t.toString()).doesNotContain("Trần Thị Hoa").doesNotContain("037190001234").doesNotContain("0988000001");
	}

	@Test
	void agencyCodeIsEditableByTheAdminAndUsedInNewCodes() {
		assertThatThrownBy(() -> dossiers.setAgencyCode(ONE_STOP, "YM")).isInstanceOf(DossierException.class);
		assertThatThrownBy(() -> dossiers.setAgencyCode(ADMIN, "có dấu")).isInstanceOf(DossierException.class);
		try {
			dossiers.setAgencyCode(ADMIN, "000.00.14.H45");
			var receipt = counter(dossiers, jdbc, "0988000001", "Phạm Minh Đức");
			assertThat(receipt.code()).startsWith("000.00.14.H45-");
		}
		finally {
			dossiers.setAgencyCode(ADMIN, "X14701");
		}
		assertThat(dossiers.agencyCode(YEN_MO)).isEqualTo("X14701");
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	private long count() {
		var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql("select count(*) from dossier").query(Long.class).single()));
	}

	static String pdfsig(byte[] pdf) throws IOException, InterruptedException {
		var file = Files.createTempFile("dossier-result", ".pdf");
		try {
			Files.write(file, pdf);
			var process = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
			var out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			process.waitFor(60, TimeUnit.SECONDS);
			return out;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
