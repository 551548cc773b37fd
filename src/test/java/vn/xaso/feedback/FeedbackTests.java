package vn.xaso.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.identity.Citizens;
import vn.xaso.identity.Role;
import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Feedback over real HTTP and the real database: anonymous contact never public, photos checked by
 * content and stripped of metadata, officials' actions through their pages (internal notes stay
 * internal), merging duplicates, rating and the reopen window, due dates across a holiday.
 */
@XasoIntegrationTest
class FeedbackTests {

	static final String YEN_MO = DemoData.YEN_MO;
	static final FeedbackActor LEADER = new FeedbackActor(YEN_MO, "yenmo.chutich", "Đinh Văn Hùng", Set.of(Role.LEADER));
	static final FeedbackActor SPECIALIST = new FeedbackActor(YEN_MO, "yenmo.tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));

	@LocalServerPort
	int port;

	@Autowired
	Feedback feedback;

	@Autowired
	Citizens citizens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	DemoTextMessages outbox;

	@Test
	void anonymousContactIsNeverPublicNorInOpen311() {
		var client = new FeedbackClient(port);
		var fields = new LinkedHashMap<String, String>();
		fields.put("category", "MT-RAC");
		fields.put("description", "Rác đổ trộm cạnh cống thôn, ai cần hỏi thêm gọi 0987654321 hoặc CCCD 037203012345.");
		fields.put("lat", "20.1050");
		fields.put("lon", "105.9800");
		fields.put("contactName", "Lê Thị Kín Đáo");
		fields.put("contactPhone", "0912 777 888");
		fields.put("contactEmail", "kin.dao@example.vn");
		var response = client.submit(YEN_MO, fields, Map.of());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		var location = response.headers().firstValue("Location").orElseThrow();
		var code = location.substring(location.lastIndexOf('/') + 1);
		assertThat(code).matches("PA-14701-[0-9]{6}");

		var page = client.get("/x/" + YEN_MO + "/feedback/" + code);
		assertThat(page.statusCode()).isEqualTo(200);
		var list = client.get("/x/" + YEN_MO + "/feedback?q=" + "c%E1%BB%91ng");
		var open311Json = client.get("/open311/v2/requests/" + code + ".json?jurisdiction_id=" + YEN_MO);
		var open311Xml = client.get("/open311/v2/requests/" + code + ".xml?jurisdiction_id=" + YEN_MO);
		var listJson = client.get("/open311/v2/requests.json?jurisdiction_id=" + YEN_MO);
		var updates = client.get("/open311/v2/updates.xml?jurisdiction_id=" + YEN_MO);
		for (var body : List.of(page.body(), list.body(), open311Json.body(), open311Xml.body(), listJson.body(), updates.body())) {
			assertThat(body).contains(code).doesNotContain("Kín Đáo", "0912777888", "777888", "kin.dao", "0987654321", "037203012345");
		}
		assertThat(page.body()).contains("098****321", "********2345");

		// The commune's officials do see the contact, on their own page.
		var official = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		long id = idOf(code);
		assertThat(official.get("/feedback/" + id).body()).contains("Lê Thị Kín Đáo", "0912777888", "kin.dao@example.vn");
	}

	@Test
	void photosAreCheckedByContentAndReencodedWithoutMetadata() {
		var client = new FeedbackClient(port);
		long before = count();
		var fields = Map.of("category", "GT-DUONG", "description", "Ổ gà lớn giữa đường liên thôn, rất nguy hiểm.", "address",
				"Đường liên thôn");
		var fake = client.submit(YEN_MO, fields, Map.of("o-ga.jpg", "Day khong phai la anh, chi la van ban.".getBytes(StandardCharsets.UTF_8)));
		assertThat(fake.statusCode()).isEqualTo(200);
		assertThat(fake.body()).contains("Ảnh thứ 1 không phải ảnh JPEG, PNG hay WebP");
		assertThat(count()).as("nothing stored").isEqualTo(before);

		var files = new LinkedHashMap<String, byte[]>();
		files.put("o-ga.jpg", FeedbackImages.jpegWithExif(2400, 1200));
		files.put("b.png", FeedbackImages.png(300, 200));
		var real = client.submit(YEN_MO, fields, files);
		assertThat(real.statusCode()).as(real.body()).isEqualTo(302);
		var location = real.headers().firstValue("Location").orElseThrow();
		var code = location.substring(location.lastIndexOf('/') + 1);
		var report = Tenancy.callAs(UnitScope.of(YEN_MO), () -> feedback.find(LEADER, idOf(code))).orElseThrow();
		assertThat(report.photoIds()).hasSize(2);
		var stored = feedback.photo(YEN_MO, report.photoIds().getFirst(), false, false).orElseThrow().content();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(FeedbackImages.SECRET).doesNotContain("Exif");
		assertThat(PhotoSize.of(stored)).isEqualTo("1600x800");
		assertThat(PhotoSize.of(feedback.photo(YEN_MO, report.photoIds().getFirst(), true, false).orElseThrow().content())).isEqualTo("320x160");

		// Photos stay private until an official makes them public.
		var photoPath = "/x/" + YEN_MO + "/feedback/photos/" + report.photoIds().getFirst();
		assertThat(client.bytes(photoPath).statusCode()).isEqualTo(404);
		assertThat(client.get("/x/" + YEN_MO + "/feedback/" + code).body()).doesNotContain(photoPath);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> feedback.setPhotosPublic(SPECIALIST, report.id(), true));
		assertThat(client.bytes(photoPath).statusCode()).isEqualTo(200);
		assertThat(client.get("/x/" + YEN_MO + "/feedback/" + code).body()).contains(photoPath);
	}

	@Test
	void tooManyPhotosAndBadFieldsAreRefusedInVietnamese() {
		var client = new FeedbackClient(port);
		long before = count();
		var photos = new LinkedHashMap<String, byte[]>();
		for (int i = 0; i < 6; i++) {
			photos.put("p" + i + ".png", FeedbackImages.png(20, 20));
		}
		var many = client.submit(YEN_MO, Map.of("category", "KHAC", "description", "Nội dung đủ dài để gửi.", "address", "Thôn"), photos);
		assertThat(many.body()).contains("Chỉ gửi được tối đa 5 ảnh.");
		var shortText = client.submit(YEN_MO, Map.of("category", "KHAC", "description", "ngắn", "address", "Thôn"), Map.of());
		assertThat(shortText.body()).contains("Hãy mô tả sự việc (ít nhất 10 ký tự).");
		var noPlace = client.submit(YEN_MO, Map.of("category", "KHAC", "description", "Nội dung đủ dài để gửi."), Map.of());
		assertThat(noPlace.body()).contains("Hãy cho biết nơi xảy ra sự việc").as("the summary points at the visible village list")
			.contains("href=\"#f-village\"");
		var abroad = client.submit(YEN_MO, Map.of("category", "KHAC", "description", "Nội dung đủ dài để gửi.", "lat", "48.85", "lon", "2.35"), Map.of());
		assertThat(abroad.body()).contains("Vị trí nằm ngoài lãnh thổ Việt Nam");
		var badPhone = client.submit(YEN_MO, Map.of("category", "KHAC", "description", "Nội dung đủ dài để gửi.", "address", "Thôn",
				"contactPhone", "12345"), Map.of());
		assertThat(badPhone.body()).contains("Số điện thoại chưa đúng");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void officialsFormsRefuseInTheReadersLanguageAndChangeNothing() {
		long citizen = citizens.ensure("0988000013", "Đỗ Thị Hạnh");
		var created = feedback.submit(report("DIEN-CS", "Đèn đường ngõ 5 chập chờn cả tuần nay.", citizen));
		var official = new WebSession(port).signInOfficial("yenmo.tuphap", DemoData.PASSWORD);
		int before = feedback.events(SPECIALIST, created.id()).size();
		// Bean Validation on the typed form, with the module's message.
		var tooLong = official.post("/feedback/" + created.id() + "/note", Map.of("note", "x".repeat(2001)));
		assertThat(tooLong.statusCode()).isEqualTo(200);
		assertThat(tooLong.body()).contains("Hãy ghi nội dung ghi chú (1 đến 2.000 ký tự).").doesNotContain("{feedback.");
		var badChoice = official.post("/feedback/" + created.id() + "/photos", Map.of("public", "maybe"));
		assertThat(badChoice.body()).contains("Hãy chọn công khai hoặc ẩn ảnh.");
		// The same refusals in English, from the English bundle: the form's and the use case's.
		var english = official.post("/feedback/" + created.id() + "/note?lang=en", Map.of("note", "x".repeat(2001)));
		assertThat(english.body()).contains("Write the note (1 to 2,000 characters).");
		var shortAnswer = official.post("/feedback/" + created.id() + "/answer?lang=en", Map.of("answer", "ok"));
		assertThat(shortAnswer.body()).contains("Write an answer for the person who reported (10 to 4,000 characters).");
		assertThat(feedback.events(SPECIALIST, created.id())).hasSize(before);
		official.get("/feedback/" + created.id() + "?lang=vi");
	}

	@Test
	void officialsAnswerThroughTheirPagesAndInternalNotesStayInternal() {
		long citizen = citizens.ensure("0988000003", "Phạm Văn Cường");
		var created = feedback.submit(report("DIEN-CS", "Đèn đường đầu ngõ xóm 3 bị tắt đã một tuần.", citizen));
		var official = new WebSession(port).signInOfficial("yenmo.motcua", DemoData.PASSWORD);
		var list = official.get("/feedback?q=" + created.code());
		assertThat(list.body()).contains(created.code());
		official.get("/feedback/" + created.id());
		assertThat(official.post("/feedback/" + created.id() + "/assign", Map.of("handler", "yenmo.tuphap")).statusCode()).isEqualTo(302);
		assertThat(official.post("/feedback/" + created.id() + "/note", Map.of("note", "Ghi chú riêng: báo điện lực huyện")).statusCode()).isEqualTo(302);
		var tooShort = official.post("/feedback/" + created.id() + "/answer", Map.of("answer", "ok"));
		assertThat(tooShort.statusCode()).isEqualTo(200);
		assertThat(tooShort.body()).contains("Hãy viết câu trả lời cho người phản ánh");
		assertThat(official.post("/feedback/" + created.id() + "/answer",
				Map.of("answer", "Xã đã thay bóng đèn đầu ngõ xóm 3 ngày hôm nay.")).statusCode()).isEqualTo(302);
		var detail = official.get("/feedback/" + created.id()).body();
		assertThat(detail).contains("Ghi chú riêng: báo điện lực huyện", "Đã trả lời");

		var publicPage = new WebSession(port).get("/x/" + YEN_MO + "/feedback/" + created.code()).body();
		assertThat(publicPage).contains("Xã đã thay bóng đèn", "Đã trả lời").doesNotContain("Ghi chú riêng", "yenmo.tuphap", "yenmo.motcua");
		var updates = new WebSession(port).get("/open311/v2/updates.json?jurisdiction_id=" + YEN_MO).body();
		assertThat(updates).contains(created.code()).doesNotContain("Ghi chú riêng");

		// A clerk reads but may not act; the audit trail has every step.
		var clerk = new WebSession(port).signInOfficial("yenmo.vanthu", DemoData.PASSWORD);
		assertThat(clerk.get("/feedback/" + created.id()).statusCode()).isEqualTo(200);
		assertThat(clerk.post("/feedback/" + created.id() + "/note", Map.of("note", "x")).statusCode()).isEqualTo(403);
		var actions = Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql(
				"select action from audit_entry where unit_code = ? and object_id = ? order by seq").params(YEN_MO, created.code())
			.query(String.class).list()));
		assertThat(actions).containsExactly("feedback.created", "feedback.assigned", "feedback.noted", "feedback.answered");

		// The reporter sees it among their own and rates it through the page.
		var citizenSession = new WebSession(port).signInCitizen("0988000003", outbox);
		assertThat(citizenSession.get("/citizen/feedback").body()).contains(created.code());
		citizenSession.get("/citizen/feedback/" + created.code());
		var badRating = citizenSession.post("/citizen/feedback/" + created.code() + "/rate", Map.of("rating", "9"));
		assertThat(badRating.body()).contains("Hãy chọn mức đánh giá từ 1 đến 5 sao.");
		assertThat(citizenSession.post("/citizen/feedback/" + created.code() + "/rate", Map.of("rating", "4")).statusCode()).isEqualTo(302);
		assertThat(feedback.own(citizen, created.code()).orElseThrow().rating()).isEqualTo(4);
		// Another citizen cannot see or rate it.
		long other = citizens.ensure("0988000002", "Trần Thị Bình");
		assertThat(feedback.own(other, created.code())).isEmpty();
		assertThatThrownBy(() -> feedback.rate(other, created.code(), 1)).isInstanceOf(FeedbackException.class);
	}

	@Test
	void duplicatesPointToTheKeptReportAndItsFollowersSeeIt() {
		long first = citizens.ensure("0988000001", "Nguyễn Văn An");
		long second = citizens.ensure("0988000002", "Trần Thị Bình");
		var kept = feedback.submit(report("GT-DUONG", "Cống ngang đường thôn Quảng Phúc bị sụt, xe không qua được.", first));
		var duplicate = feedback.submit(report("GT-DUONG", "Đường thôn Quảng Phúc sụt cống, đề nghị xã sửa gấp.", second));
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(YEN_MO), () -> feedback.merge(SPECIALIST, kept.id(), kept.code())))
			.hasMessageContaining("chính nó");
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> feedback.merge(SPECIALIST, duplicate.id(), kept.code()));

		var dup = feedback.own(second, duplicate.code()).orElseThrow();
		assertThat(dup.status()).isEqualTo(FeedbackReport.MERGED);
		assertThat(dup.mergedIntoCode()).isEqualTo(kept.code());
		assertThat(feedback.mine(second)).anySatisfy(r -> {
			assertThat(r.code()).isEqualTo(duplicate.code());
			assertThat(r.mergedIntoCode()).isEqualTo(kept.code());
		});
		var page = new WebSession(port).get("/x/" + YEN_MO + "/feedback/" + duplicate.code()).body();
		assertThat(page).contains("/x/" + YEN_MO + "/feedback/" + kept.code());
		assertThat(Tenancy.callAs(UnitScope.of(YEN_MO), () -> feedback.duplicatesOf(LEADER, kept.id()))).containsExactly(duplicate.code());
		// A merged report is closed for Open311 and cannot be answered itself.
		assertThat(feedback.publicReport(YEN_MO, duplicate.code()).orElseThrow().open311Status()).isEqualTo("closed");
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(YEN_MO),
				() -> feedback.answer(SPECIALIST, duplicate.id(), "Trả lời phản ánh trùng lặp này.")))
			.hasMessageContaining(kept.code());

		// Answering the kept report notifies both reporters through the notify module's outbox.
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> feedback.answer(SPECIALIST, kept.id(), "Xã đã sửa cống ngang đường thôn Quảng Phúc."));
		var notified = Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql(
				"select distinct citizen_id from notify_delivery where unit_code = ? and dedupe_key like ?")
			.params(YEN_MO, "feedback:notify.feedback.answered:" + kept.code() + ":%").query(Long.class).list()));
		assertThat(notified).containsExactlyInAnyOrder(first, second);
	}

	@Test
	void theReporterMayReopenOnlyWithinTheWindow() {
		long citizen = citizens.ensure("0988000001", "Nguyễn Văn An");
		var late = feedback.submit(report("MT-RAC", "Rác ở chợ thôn chưa được thu gom mấy hôm.", citizen));
		var recent = feedback.submit(report("MT-RAC", "Rác ở bến đò chưa được thu gom mấy hôm.", citizen));
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> {
			feedback.answer(SPECIALIST, late.id(), "Tổ vệ sinh môi trường đã thu gom rác ở chợ thôn.");
			feedback.answer(SPECIALIST, recent.id(), "Tổ vệ sinh môi trường đã thu gom rác ở bến đò.");
		});
		int days = feedback.reopenDays();
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> tx.executeWithoutResult(s -> jdbc.sql(
				"update feedback_report set answered_at = now() - make_interval(days => ?) - interval '1 hour' where id = ?")
			.params(days, late.id()).update()));

		assertThatThrownBy(() -> feedback.reopen(citizen, late.code(), "Rác lại bị đổ ra chợ rồi."))
			.isInstanceOf(FeedbackException.class).hasMessageContaining("Đã quá " + days + " ngày");
		assertThat(feedback.own(citizen, late.code()).orElseThrow().status()).isEqualTo(FeedbackReport.ANSWERED);

		assertThatThrownBy(() -> feedback.reopen(citizen, recent.code(), "ngắn")).hasMessageContaining("lý do");
		feedback.reopen(citizen, recent.code(), "Rác lại bị đổ ra bến đò rồi.");
		var reopened = feedback.own(citizen, recent.code()).orElseThrow();
		assertThat(reopened.status()).isEqualTo(FeedbackReport.IN_PROGRESS);
		assertThat(feedback.publicReport(YEN_MO, recent.code()).orElseThrow().open311Status()).isEqualTo("open");
		assertThat(feedback.publicEvents(YEN_MO, recent.code())).extracting(FeedbackEvent::kind).contains("reopened");
	}

	@Test
	void dueDateCountsWorkingDaysAndSkipsHolidays() {
		// Friday 29 August 2025, 3 working days: 1–2 September are the National Day holiday, so the
		// 3rd, 4th and 5th count and the report is due on Friday 5 September (not Wednesday 3rd).
		assertThat(feedback.dueDate(LocalDate.of(2025, 8, 29), 3)).isEqualTo(LocalDate.of(2025, 9, 5));
		// A plain week: Monday + 5 working days = next Monday.
		assertThat(feedback.dueDate(LocalDate.of(2025, 10, 6), 5)).isEqualTo(LocalDate.of(2025, 10, 13));
		var created = feedback.submit(report("ANTT", "Nhóm thanh niên tụ tập đua xe ban đêm ở đê.", null));
		var report = feedback.publicReport(YEN_MO, created.code()).orElseThrow();
		assertThat(report.dueDate()).isEqualTo(feedback.dueDate(feedback.today(), 3));
	}

	@Test
	void everyCommuneGetsTheDefaultCategoriesOnFirstUse() {
		var categories = feedback.categories("16144");
		assertThat(categories).extracting(FeedbackCategory::code).containsExactly("MT-RAC", "GT-DUONG", "DIEN-CS", "ANTT", "TTHC", "KHAC");
		assertThat(categories).allSatisfy(c -> assertThat(c.unitCode()).isEqualTo("16144"));
		assertThat(feedback.categories("16144")).hasSize(6);
	}

	private Feedback.NewReport report(String category, String text, Long citizen) {
		return new Feedback.NewReport(YEN_MO, category, text, 20.10, 105.98, null, "", citizen, citizen == null, null, null, null,
				List.of(), "web", null, null);
	}

	private long idOf(String code) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> tx.execute(s -> jdbc.sql("select id from feedback_report where code = ?")
			.param(code).query(Long.class).single()));
	}

	private long count() {
		return Tenancy.callAs(UnitScope.systemWide(), () -> tx.execute(s -> jdbc.sql("select count(*) from feedback_report")
			.query(Long.class).single()));
	}

	/** Width x height of an image. */
	static final class PhotoSize {
		static String of(byte[] bytes) {
			try {
				var image = ImageIO.read(new ByteArrayInputStream(bytes));
				return image.getWidth() + "x" + image.getHeight();
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}
}
