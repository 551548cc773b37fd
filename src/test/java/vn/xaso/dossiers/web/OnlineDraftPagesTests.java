package vn.xaso.dossiers.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.xaso.platform.messaging.DemoTextMessages;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Issue 11, the citizen's online birth registration over real HTTP: the declaration that <em>is</em> the e-form
 * is neither asked for as an upload nor offered as one; attaching a file saves what was typed in the same post;
 * deleting a draft takes a confirmation screen; the form comes pre-filled; the draft page shows the attachments
 * before the filled-in form.
 */
@XasoIntegrationTest
class OnlineDraftPagesTests {

	static final byte[] PNG = png();

	static byte[] png() {
		try {
			var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
			var out = new java.io.ByteArrayOutputStream();
			javax.imageio.ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	DemoTextMessages outbox;

	static String phone() {
		return "0966" + String.format("%06d", System.nanoTime() % 1_000_000);
	}

	static Map<String, String> birthForm(String phone) {
		var form = new LinkedHashMap<String, String>();
		form.put("ef_requesterName", "Trần Thị Hoa");
		form.put("ef_requesterCccd", "037190001234");
		form.put("ef_requesterPhone", phone);
		form.put("ef_requesterAddress", "Thôn Bình Hải, xã Yên Mô");
		form.put("ef_requesterRelation", "Mẹ");
		form.put("ef_childName", "Phạm Minh An");
		form.put("ef_childBirthDate", LocalDate.now().minusDays(2).toString());
		form.put("ef_childSex", "Nam");
		form.put("ef_childBirthPlace", "Trạm y tế xã Yên Mô");
		form.put("ef_childEthnicity", "Kinh");
		form.put("ef_childNationality", "Việt Nam");
		form.put("ef_motherName", "Trần Thị Hoa");
		form.put("ef_pledge", "true");
		return form;
	}

	/** Signs in, fills step 1 and returns the new draft's id. */
	long draft(WebSession web, String phone) {
		var body = new LinkedHashMap<>(birthForm(phone));
		body.put("procedure", "1.001193");
		body.put("unit", "14701");
		web.get("/citizen/dossiers/new?procedure=1.001193&unit=14701");
		var created = web.post("/citizen/dossiers", body);
		assertThat(created.statusCode()).isEqualTo(302);
		var location = created.headers().firstValue("Location").orElseThrow();
		var id = java.util.regex.Pattern.compile("/citizen/dossiers/([0-9]+)").matcher(location);
		assertThat(id.find()).as(location).isTrue();
		return Long.parseLong(id.group(1));
	}

	@Test
	void theDeclarationFilledOnlineIsNotAMissingPaperNorAnUploadChoice() {
		var phone = phone();
		var web = new WebSession(port).signInCitizen(phone, outbox);
		long id = draft(web, phone);
		var page = web.get("/citizen/dossiers/" + id).body();
		assertThat(page).contains("Đã khai ở bước 1").doesNotContain("<option value=\"TK\"").contains("<option value=\"GCS\"");

		var fields = new LinkedHashMap<>(birthForm(phone));
		fields.put("paperCode", "GCS");
		fields.put("send", "1");
		var sent = web.upload("/citizen/dossiers/" + id + "/save", fields, "file", "giay-chung-sinh.png", PNG);
		assertThat(sent.body()).doesNotContain("Còn thiếu giấy tờ");
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("?submitted");
	}

	@Test
	void attachingAFileSavesWhatWasTypedInTheSamePost() {
		var phone = phone();
		var web = new WebSession(port).signInCitizen(phone, outbox);
		long id = draft(web, phone);
		var fields = new LinkedHashMap<>(birthForm(phone));
		fields.put("ef_childName", "Phạm Minh Khôi");
		fields.put("ef_childBirthPlace", "Bệnh viện đa khoa Yên Mô");
		fields.put("paperCode", "GCS");
		fields.put("attach", "1");
		var attached = web.upload("/citizen/dossiers/" + id + "/save", fields, "file", "giay-chung-sinh.png", PNG);
		assertThat(attached.statusCode()).isEqualTo(302);

		var page = web.get("/citizen/dossiers/" + id).body();
		assertThat(page).contains("Phạm Minh Khôi", "Bệnh viện đa khoa Yên Mô", "giay-chung-sinh.png").doesNotContain("Phạm Minh An");
	}

	@Test
	void deletingADraftTakesAConfirmationScreen() {
		var phone = phone();
		var web = new WebSession(port).signInCitizen(phone, outbox);
		long id = draft(web, phone);
		var draftPage = web.get("/citizen/dossiers/" + id).body();
		// No delete button beside "Nộp hồ sơ": a link to a second screen, at the bottom.
		assertThat(draftPage).doesNotContain("action=\"/citizen/dossiers/" + id + "/delete\"")
			.contains("href=\"/citizen/dossiers/" + id + "/delete\"");
		assertThat(draftPage.indexOf("/delete\"")).isGreaterThan(draftPage.indexOf("id=\"submit-dossier\""));

		var confirm = web.get("/citizen/dossiers/" + id + "/delete");
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("Xoá bản nháp?", "Không xoá, quay lại");
		assertThat(web.get("/citizen/dossiers/" + id).statusCode()).as("asking deletes nothing").isEqualTo(200);

		var deleted = web.post("/citizen/dossiers/" + id + "/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(web.get("/citizen/dossiers/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void theFormComesPrefilledAndTheAttachmentsComeBeforeTheFilledInForm() {
		var phone = phone();
		var web = new WebSession(port).signInCitizen(phone, outbox);
		var start = web.get("/citizen/dossiers/new?procedure=1.001193&unit=14701").body();
		assertThat(start).contains("value=\"" + phone + "\"", "value=\"Kinh\"", "value=\"Việt Nam\"");

		long id = draft(web, phone);
		var page = web.get("/citizen/dossiers/" + id).body();
		assertThat(page.indexOf("id=\"f-upload\"")).isPositive().isLessThan(page.indexOf("id=\"f-ef_childName\""));
		assertThat(page.indexOf("id=\"submit-dossier\"")).isLessThan(page.indexOf("id=\"f-ef_childName\""));
		assertThat(page).contains("<details class=\"stack\" id=\"filled-form\">");
	}
}
