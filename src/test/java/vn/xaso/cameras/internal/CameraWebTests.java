package vn.xaso.cameras.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import vn.xaso.demo.DemoData;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The camera pages over HTTP without JavaScript: the list and a camera's page never show an address; "Xem camera" shows
 * it to the police post (not kept by the browser), refuses the administrator (403) and hides another's camera from a
 * farmer (404); refusals in Vietnamese and English; an incident form sent twice records one incident.
 */
@XasoIntegrationTest
class CameraWebTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void addressesShowOnlyOnXemCameraForThePolicePostAndRefusalsSpeakBothLanguages() {
		var f = new CameraFixture(context);
		long camera = f.commune("Camera chợ Yên Hòa");
		var police = new WebSession(port).signInOfficial("yenmo.congan", DemoData.PASSWORD);
		var list = police.get("/cameras");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("/cameras/" + camera).doesNotContain("rtsp://").doesNotContain("10.20.30.40");
		var page = police.get("/cameras/" + camera);
		assertThat(page.body()).contains("Xem camera").contains("XaSo không lưu").doesNotContain("rtsp://");
		var viewed = police.post("/cameras/" + camera + "/view", Map.of());
		assertThat(viewed.statusCode()).isEqualTo(200);
		assertThat(viewed.body()).contains(CameraFixture.STREAM);
		assertThat(viewed.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		assertThat(admin.get("/cameras/" + camera).body()).doesNotContain("rtsp://").doesNotContain("/view\"");
		assertThat(admin.post("/cameras/" + camera + "/view", Map.of()).statusCode()).isEqualTo(403);
		var bad = Map.of("name", CameraFixture.unique("Camera sai địa chỉ"), "place", "Chợ", "ownerKind", "COMMUNE", "streamUrl",
				"ftp://10.0.0.5/a");
		var refused = admin.post("/cameras", bad);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Địa chỉ xem trực tiếp chưa đúng").doesNotContain("ftp://10.0.0.5/a");
		assertThat(admin.post("/cameras?lang=en", bad).body()).contains("The live stream address is not right");
		admin.get("/cameras?lang=vi");
		var household = Map.of("name", CameraFixture.unique("Camera hộ chưa đồng ý"), "place", "Cổng nhà", "ownerKind", "HOUSEHOLD",
				"streamUrl", CameraFixture.STREAM);
		assertThat(admin.post("/cameras", household).body()).contains("Camera của hộ gia đình cần ghi người đồng ý");
		var htx = new WebSession(port).signInOfficial("yenmo.htx", DemoData.PASSWORD);
		assertThat(htx.get("/cameras/" + camera).statusCode()).isEqualTo(404);
		assertThat(htx.post("/cameras/" + camera + "/view", Map.of()).statusCode()).isEqualTo(404);
		assertThat(htx.get("/cameras/incidents").statusCode()).isEqualTo(403);
		assertThat(htx.get("/cameras/incidents?lang=en").statusCode()).isEqualTo(403);
		htx.get("/cameras?lang=vi");
	}

	@Test
	void anIncidentFormSentTwiceRecordsOneAndABadPictureIsRefused() throws IOException {
		var f = new CameraFixture(context);
		long camera = f.commune("Camera cầu Bình Hải");
		var word = "trom" + System.nanoTime();
		var police = new WebSession(port).signInOfficial("yenmo.congan", DemoData.PASSWORD);
		var form = Map.of("cameraId", String.valueOf(camera), "happenedAt", "", "note", "Mất trộm gà " + word);
		var notAPicture = police.upload("/cameras/incidents", form, "snapshot", "anh.jpg", "không phải ảnh".getBytes());
		assertThat(notAPicture.statusCode()).isEqualTo(400);
		assertThat(notAPicture.body()).contains("Tệp này không phải ảnh JPG hoặc PNG");
		var first = police.upload("/cameras/incidents", form, "snapshot", "anh.png", CamerasTests.png());
		var second = police.upload("/cameras/incidents", form, "snapshot", "anh.png", CamerasTests.png());
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		var found = police.get("/cameras/incidents?q=" + word);
		assertThat(found.body()).contains("Sự việc (1)");
		var incident = police.get(first.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
		assertThat(incident.body()).contains("Mất trộm gà " + word).contains("/snapshot\"").contains("Mới ghi");
		var future = Map.of("cameraId", String.valueOf(camera), "happenedAt", "2099-01-01T08:00", "note", "Tương lai " + word);
		var refused = police.post("/cameras/incidents", future);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Thời gian không được sau thời điểm hiện tại");
	}
}
