package vn.xaso.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

import vn.xaso.demo.DemoData;
import vn.xaso.demo.RadioDemo;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.radio.internal.AudioProbe;
import vn.xaso.radio.internal.Slots;
import vn.xaso.radio.internal.TestAudio;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;
import vn.xaso.units.Villages;

/**
 * The radio end to end on the real application: an announcement through the Java API is normalised,
 * synthesised by espeak-ng, queued, pulled by a simulated receiver over HTTP, downloaded, played and
 * reported; urgent items come first, expired ones never play, minutes per village add up.
 */
@XasoIntegrationTest
class RadioIntegrationTests {

	static final String YEN_MO = DemoData.YEN_MO;

	@LocalServerPort
	int port;

	@Autowired
	Broadcasts broadcasts;

	@Autowired
	SpeakerNetwork network;

	@Autowired
	Villages villages;

	final HttpClient http = HttpClient.newHttpClient();

	/** A fresh village of Yên Mô with its own zone (daily slot in about two minutes) and one receiver. */
	record Setup(long villageId, long zoneId, String zoneName, String token) {
	}

	Setup freshZone() {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> {
			var village = villages.create(YEN_MO, "Thử " + UUID.randomUUID().toString().substring(0, 8), "Xóm");
			var slot = Instant.now().plus(2, ChronoUnit.MINUTES).atZone(Slots.VIETNAM).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
			var zoneId = network.createZone("test", YEN_MO, village.id(), "", slot.toString());
			var zone = network.zones(YEN_MO).stream().filter(z -> z.id() == zoneId).findFirst().orElseThrow();
			var device = network.registerDevice("test", YEN_MO, zoneId, "Loa thử");
			return new Setup(village.id(), zoneId, zone.name(), device.token());
		});
	}

	BroadcastInfo awaitReady(long id) throws InterruptedException {
		var deadline = Instant.now().plusSeconds(90);
		while (Instant.now().isBefore(deadline)) {
			var info = broadcasts.find(id).orElseThrow();
			if (!"synthesising".equals(info.status())) {
				return info;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("broadcast " + id + " not synthesised in time");
	}

	long announce(Setup s, String title, String text, boolean urgent, Instant expires) {
		return Tenancy.callAs(UnitScope.of(YEN_MO), () -> broadcasts.announce(
				new Announcement(YEN_MO, title, text, Set.of(s.villageId()), urgent, expires, "test:" + title)));
	}

	@Test
	void anAnnouncementReachesAReceiverUrgentFirstExpiredNeverAndMinutesAreCounted() throws Exception {
		var s = freshZone();
		var normal = announce(s, "Lịch tiêm chủng", "Ngày 20/11/2026 từ 7h30, Trạm Y tế xã tiêm vắc xin cho trẻ dưới 5 tuổi.", false, null);
		// expires in 30 s but the zone's next slot is about 2 minutes away: it would only play after expiry
		var tooLate = announce(s, "Thông báo hết hạn sớm", "Nội dung này không bao giờ được phát.", false,
				Instant.now().plusSeconds(30));
		var urgentExpiring = announce(s, "Khẩn hết hạn", "Bản tin khẩn này hết hạn sau hai giây.", true, Instant.now().plusSeconds(2));
		var urgent = announce(s, "Công điện khẩn", "Bão số 3 đổ bộ, các hộ dân di dời trước 17h ngày 25/9.", true, null);

		for (var id : new long[] { normal, tooLate, urgentExpiring, urgent }) {
			var info = awaitReady(id);
			assertThat(info.status()).isEqualTo("ready");
			assertThat(info.audioUrl()).isEqualTo("/radio/broadcasts/" + id + "/audio");
			assertThat(info.duration()).isPositive();
		}
		assertThat(broadcasts.summary(tooLate).orElseThrow().zones()).as("never queued").isZero();
		Thread.sleep(2500); // let the urgent one expire

		var receiver = new ReceiverSimulator(port, s.token());
		assertThat(receiver.heartbeat("ok 12V").statusCode()).isEqualTo(200);
		var playlist = receiver.playlist();
		assertThat(playlist).extracting(ReceiverSimulator.Item::broadcastId).containsExactly(urgent, normal);
		assertThat(playlist.getFirst().urgent()).isTrue();

		// now: only the urgent item is due
		var now = Instant.now();
		assertThat(receiver.playDue(now)).containsExactly(urgent);
		// at the zone's slot the normal one plays
		var slotTime = playlist.get(1).playAt();
		assertThat(slotTime).isAfter(now).isBefore(now.plus(3, ChronoUnit.MINUTES));
		assertThat(receiver.playDue(slotTime)).containsExactly(normal);
		assertThat(receiver.playlist()).isEmpty();

		// refused reports: an expired item, one not queued for this zone, an absurd time
		assertThat(receiver.reportPlayed(urgentExpiring, Instant.now(), 1000).statusCode()).isEqualTo(400);
		assertThat(receiver.reportPlayed(tooLate, Instant.now(), 1000).statusCode()).isEqualTo(400);
		assertThat(receiver.reportPlayed(normal, Instant.now().plus(1, ChronoUnit.DAYS), 1000).statusCode()).isEqualTo(400);
		// reporting twice is harmless
		assertThat(receiver.reportPlayed(urgent, now, 1000).statusCode()).isEqualTo(200);

		var device = network.devices(YEN_MO).stream().filter(d -> d.zoneId() == s.zoneId()).findFirst().orElseThrow();
		assertThat(device.online()).isTrue();
		assertThat(device.lastStatus()).isEqualTo("ok 12V");
		assertThat(device.lastPlayedTitle()).isEqualTo("Lịch tiêm chủng");

		long expectedMs = broadcasts.find(urgent).orElseThrow().duration().toMillis()
				+ broadcasts.find(normal).orElseThrow().duration().toMillis();
		var today = LocalDate.now(Slots.VIETNAM);
		var minutes = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> network.minutesPerVillage(YEN_MO, today.minusDays(1), today.plusDays(1)));
		var row = minutes.stream().filter(m -> m.zoneId() == s.zoneId()).findFirst().orElseThrow();
		assertThat(row.broadcasts()).isEqualTo(2);
		assertThat(row.minutes()).isCloseTo(expectedMs / 60000.0, org.assertj.core.data.Offset.offset(0.0001));
		// a period before today has nothing for this zone
		var before = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> network.minutesPerVillage(YEN_MO, today.minusDays(10), today.minusDays(5)));
		assertThat(before.stream().filter(m -> m.zoneId() == s.zoneId()).findFirst().orElseThrow().minutes()).isZero();

		// the operations page shows it
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var page = admin.get("/radio/admin");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(s.zoneName()).contains("Loa thử").contains("Đang hoạt động").contains("Công điện khẩn");
	}

	@Test
	void audioIsPublicCacheableAndSeekable() throws Exception {
		var s = freshZone();
		var id = announce(s, "Thông báo nộp thuế", "Hạn nộp thuế đất phi nông nghiệp là ngày 31/10/2026, mức thu 1.500.000 đồng.", false, null);
		var info = awaitReady(id);
		var url = "http://localhost:" + port + info.audioUrl();

		var full = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(full.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
		assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(full.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400").contains("public");
		var probe = AudioProbe.probe(full.body()).orElseThrow();
		assertThat(probe.durationMs()).isEqualTo(info.duration().toMillis());
		var spoken = broadcasts.spokenTextOf(id).orElseThrow();
		assertThat(spoken).contains("một triệu năm trăm nghìn đồng").contains("ngày ba mươi mốt tháng mười");
		assertThat(probe.durationMs() / 1000.0 / spoken.length()).isBetween(0.04, 0.15);

		var range = http.send(HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=100-199").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).hasSize(100).isEqualTo(java.util.Arrays.copyOfRange(full.body(), 100, 200));
		assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + full.body().length);

		var etag = full.headers().firstValue("ETag").orElseThrow();
		var again = http.send(HttpRequest.newBuilder(URI.create(url)).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(304);

		var missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/radio/broadcasts/999999999/audio")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);

		// the public list and page
		var json = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/radio/14701/broadcasts")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.body()).contains("\"audioUrl\":\"/radio/broadcasts/" + id + "/audio\"").contains("Thông báo nộp thuế");
		var bad = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/radio/14701/broadcasts?page=x")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"errors\"").contains("page");
		var page = new WebSession(port).get("/radio/14701");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<audio").contains(info.audioUrl());
	}

	@Test
	void recordedAudioIsCheckedByContent() throws Exception {
		var s = freshZone();
		var wav = TestAudio.sineWav(3000, 16000);
		long id = Tenancy.callAs(UnitScope.of(YEN_MO), () -> broadcasts.announceRecorded(
				new Announcement(YEN_MO, "Bản ghi âm", "Lời chủ tịch xã.", Set.of(s.villageId()), false, null, "test:recorded"), wav));
		var info = broadcasts.find(id).orElseThrow();
		assertThat(info.status()).isEqualTo("ready");
		assertThat(info.duration()).isEqualTo(Duration.ofMillis(3000));

		var pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".repeat(50).getBytes();
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(YEN_MO), () -> broadcasts.announceRecorded(
				new Announcement(YEN_MO, "Giả âm thanh", "x", Set.of(), false, null, "test:bad"), pdf)))
			.isInstanceOf(RadioException.class).hasMessageContaining("MP3");
		assertThat(broadcasts.recent(YEN_MO, false, 50, 0)).noneMatch(b -> b.title().equals("Giả âm thanh"));
	}

	@Test
	void invalidAnnouncementsChangeNothing() {
		long before = broadcasts.count(YEN_MO, false);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> {
			assertThatThrownBy(() -> broadcasts.announce(new Announcement(YEN_MO, "", "x", Set.of(), false, null, "t")))
				.isInstanceOf(RadioException.class).extracting(e -> ((RadioException) e).field()).isEqualTo("title");
			assertThatThrownBy(() -> broadcasts.announce(new Announcement(YEN_MO, "T", "x".repeat(5001), Set.of(), false, null, "t")))
				.isInstanceOf(RadioException.class).extracting(e -> ((RadioException) e).field()).isEqualTo("text");
			assertThatThrownBy(() -> broadcasts.announce(new Announcement(YEN_MO, "T", "x", Set.of(), false,
					Instant.now().minusSeconds(5), "t"))).isInstanceOf(RadioException.class);
			assertThatThrownBy(() -> broadcasts.announce(new Announcement(YEN_MO, "T", "x", Set.of(987654321L), false, null, "t")))
				.isInstanceOf(RadioException.class).extracting(e -> ((RadioException) e).field()).isEqualTo("villageIds");
		});
		// another commune's scope cannot announce in Yên Mô
		Tenancy.runAs(UnitScope.of(DemoData.NGA_AN), () -> assertThatThrownBy(() -> broadcasts.announce(
				new Announcement(YEN_MO, "T", "x", Set.of(), false, null, "t"))).isInstanceOf(AccessDeniedException.class));
		assertThat(broadcasts.count(YEN_MO, false)).isEqualTo(before);
	}

	@Test
	void deviceApiNeedsAValidToken() throws Exception {
		var none = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/radio/device/playlist")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(none.statusCode()).isEqualTo(401);
		var wrong = new ReceiverSimulator(port, "xrd_this_token_was_never_issued_to_anyone");
		assertThat(wrong.heartbeat("x").statusCode()).isEqualTo(401);

		// a revoked device is refused; a reset token replaces the old one
		var s = freshZone();
		var device = network.devices(YEN_MO).stream().filter(d -> d.zoneId() == s.zoneId()).findFirst().orElseThrow();
		var fresh = Tenancy.callAs(UnitScope.of(YEN_MO), () -> network.resetToken("test", YEN_MO, device.id()));
		assertThat(new ReceiverSimulator(port, s.token()).heartbeat("x").statusCode()).isEqualTo(401);
		assertThat(new ReceiverSimulator(port, fresh).heartbeat("x").statusCode()).isEqualTo(200);
		Tenancy.runAs(UnitScope.of(YEN_MO), () -> network.deactivateDevice("test", YEN_MO, device.id()));
		assertThat(new ReceiverSimulator(port, fresh).heartbeat("x").statusCode()).isEqualTo(401);
		// the token is stored hashed only
		assertThat(network.authenticate(fresh)).isEmpty();
		// demo receivers exist with their demonstration tokens
		assertThat(network.authenticate(RadioDemo.DEVICE_TOKENS.getFirst())).isPresent();
	}

	@Test
	void adminRegistersAZoneAndADeviceAndSeesTheTokenOnce() {
		var admin = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var village = Tenancy.callAs(UnitScope.of(YEN_MO),
				() -> villages.create(YEN_MO, "Cụm " + UUID.randomUUID().toString().substring(0, 6), "Thôn"));
		var bad = admin.post("/radio/admin/zones", Map.of("villageId", String.valueOf(village.id()), "name", "", "slots", "6 giờ sáng"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Giờ phát ghi dạng giờ:phút");
		assertThat(network.zones(YEN_MO)).noneMatch(z -> village.id() == (z.villageId() == null ? -1 : z.villageId()));

		var ok = admin.post("/radio/admin/zones", Map.of("villageId", String.valueOf(village.id()), "name", "", "slots", "05:30, 17:30"));
		assertThat(ok.statusCode()).isEqualTo(302);
		var zone = network.zones(YEN_MO).stream().filter(z -> village.id() == (z.villageId() == null ? -1 : z.villageId()))
			.findFirst().orElseThrow();
		assertThat(zone.slots()).containsExactly("05:30", "17:30");

		var registered = admin.post("/radio/admin/devices", Map.of("zoneId", String.valueOf(zone.id()), "name", "Loa cổng làng"));
		assertThat(registered.statusCode()).isEqualTo(302);
		var shown = admin.get("/radio/admin/devices");
		var m = java.util.regex.Pattern.compile("<code id=\"device-token\">([^<]+)</code>").matcher(shown.body());
		assertThat(m.find()).isTrue();
		var token = m.group(1);
		assertThat(network.authenticate(token)).isPresent();
		assertThat(admin.get("/radio/admin/devices").body()).doesNotContain(token);

		// a leader may write a broadcast; an empty one is refused with a message and changes nothing
		var leader = new WebSession(port).signInOfficial("yenmo.chutich", DemoData.PASSWORD);
		long before = broadcasts.count(YEN_MO, false);
		var empty = leader.post("/radio/admin/broadcasts", Map.of("title", "Thông báo", "text", ""));
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("Hãy ghi nội dung cần đọc");
		assertThat(broadcasts.count(YEN_MO, false)).isEqualTo(before);
		var created = leader.post("/radio/admin/broadcasts", Map.of("title", "Họp dân", "text", "Họp dân lúc 19h30 tối nay tại nhà văn hóa.",
				"villageIds", String.valueOf(village.id()), "urgent", "on"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(broadcasts.count(YEN_MO, false)).isEqualTo(before + 1);
	}
}
