package vn.xaso.cameras.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.cameras.Camera;
import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.Incident;
import vn.xaso.farm.internal.FarmFixture;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.render.LargePngs;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The cameras module against the real database: the registry's refusals (addresses, consent, owner), "Xem camera" only
 * for the police post and the owner and always audited without the address, a withdrawn consent disabling the camera,
 * incidents with their time, snapshot and state rules, search, and every read audited.
 */
@XasoIntegrationTest
class CamerasTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	KeepingCameras keeping;

	@Autowired
	ViewingCameras viewing;

	@Autowired
	RecordingIncidents incidents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	CameraFixture fixture() {
		return new CameraFixture(context);
	}

	@Test
	void theRegistryRefusesBadAddressesMissingConsentAndAnotherOwnersFarmChangingNothing() {
		var f = fixture();
		var name = CameraFixture.unique("Camera bị từ chối");
		assertRefused(() -> keeping.register(CameraFixture.ADMIN, CameraFixture.input(name, "COMMUNE", null, null, null, "ftp://10.0.0.5/a")),
				"streamUrl", "cameras.error.streamUrl");
		assertRefused(() -> keeping.register(CameraFixture.ADMIN, CameraFixture.input(name, "COMMUNE", null, null, null, "camera nhà tôi")),
				"streamUrl", "cameras.error.streamUrl");
		assertRefused(() -> keeping.register(CameraFixture.ADMIN, new KeepingCameras.Input(name, null, "Chợ", null, null, "COMMUNE", null,
				null, null, CameraFixture.STREAM, "javascript:alert(1)")), "snapshotUrl", "cameras.error.snapshotUrl");
		assertRefused(() -> keeping.register(CameraFixture.ADMIN, CameraFixture.input(name, "HOUSEHOLD", null, null, null, CameraFixture.STREAM)),
				"consentName", "cameras.error.consent");
		assertRefused(() -> keeping.register(CameraFixture.ADMIN, CameraFixture.input(name, "HOUSEHOLD", null, "Nguyễn Văn Hộ",
				java.time.LocalDate.now().plusDays(5).toString(), CameraFixture.STREAM)), "consentOn", "cameras.error.consentOn");
		assertRefused(() -> keeping.register(CameraFixture.ADMIN, new KeepingCameras.Input(name, null, "Chợ", "20.1", null, "COMMUNE", null,
				null, null, CameraFixture.STREAM, null)), "longitude", "cameras.error.coordinatePair");
		assertRefused(() -> keeping.register(CameraFixture.HTX, CameraFixture.input(name, "COMMUNE", null, null, null, CameraFixture.STREAM)),
				"farmId", "cameras.error.farm");
		long othersFarm = new FarmFixture(context).farm("Trại người khác", new FarmFixture(context).farmer());
		assertRefused(() -> keeping.register(CameraFixture.HTX, CameraFixture.input(name, "FARM", String.valueOf(othersFarm), null, null,
				CameraFixture.STREAM)), "farmId", "cameras.error.farm");
		assertThat(f.inYenMo(() -> keeping.list(CameraFixture.ADMIN)).stream().map(Camera::name)).doesNotContain(name);
	}

	@Test
	void onlyThePolicePostAndTheOwnerViewAndEveryViewIsAuditedWithoutTheAddress() {
		var f = fixture();
		long commune = f.commune("Camera ngã ba chợ");
		long[] farm = f.farmCamera("Camera chuồng 3");
		var viewed = f.inYenMo(() -> viewing.view(CameraFixture.POLICE, commune));
		assertThat(viewed.streamUrl()).isEqualTo(CameraFixture.STREAM);
		assertThat(viewed.snapshotUrl()).isEqualTo("https://10.20.30.40/snapshot.jpg");
		assertThat(f.inYenMo(() -> viewing.view(CameraFixture.HTX, farm[1])).streamUrl()).isEqualTo(CameraFixture.STREAM);
		assertRefused(() -> viewing.view(CameraFixture.ADMIN, commune), null, "cameras.error.notAllowed");
		assertRefused(() -> viewing.view(CameraFixture.HTX, commune), null, "cameras.error.noCamera");
		var otherFarmer = new OfficialPrincipal(0, "tt-khac", "Trại khác", CameraFixture.YEN_MO, "Xã Yên Mô", Set.of(Role.PRODUCER),
				UnitScope.of(CameraFixture.YEN_MO));
		assertRefused(() -> viewing.view(otherFarmer, farm[1]), null, "cameras.error.noCamera");
		assertThat(f.inYenMo(() -> keeping.list(otherFarmer))).extracting(Camera::id).doesNotContain(farm[1], commune);
		assertThat(f.inYenMo(() -> keeping.list(CameraFixture.HTX))).extracting(Camera::id).contains(farm[1]).doesNotContain(commune);
		var entries = audit(commune);
		assertThat(entries).extracting(e -> e.substring(0, e.indexOf('|'))).containsExactly("camera.registered", "camera.viewed:yenmo.congan");
		assertThat(entries).noneMatch(e -> e.contains("rtsp") || e.contains("10.20.30.40"));
		assertThat(audit(farm[1])).extracting(e -> e.substring(0, e.indexOf('|'))).containsExactly("camera.registered", "camera.viewed:yenmo.htx");
	}

	@Test
	void aWithdrawnConsentDisablesTheCameraForGood() {
		var f = fixture();
		long camera = f.household("Camera cổng nhà ông Hộ");
		assertThat(f.inYenMo(() -> viewing.view(CameraFixture.POLICE, camera)).streamUrl()).isEqualTo(CameraFixture.STREAM);
		f.inYenMo(() -> {
			keeping.withdrawConsent(CameraFixture.ADMIN, camera);
			return null;
		});
		var page = f.inYenMo(() -> keeping.one(CameraFixture.POLICE, camera));
		assertThat(page.camera().state()).isEqualTo(Camera.State.DISABLED);
		assertThat(page.camera().consentWithdrawnOn()).isNotNull();
		assertRefused(() -> viewing.view(CameraFixture.POLICE, camera), null, "cameras.error.disabled");
		assertRefused(() -> keeping.withdrawConsent(CameraFixture.ADMIN, camera), null, "cameras.error.disabled");
		assertRefused(() -> keeping.withdrawConsent(CameraFixture.ADMIN, f.commune("Camera của xã")), null, "cameras.error.notHousehold");
	}

	@Test
	void anIncidentTakesAPastTimeAPictureAndGoesOpenFollowedUpClosedEveryReadAudited() throws IOException {
		var f = fixture();
		long camera = f.commune("Camera cầu Yên Thịnh");
		var word = "xemay" + System.nanoTime();
		var soon = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusHours(2).withNano(0).toString();
		assertRefused(() -> incidents.record(CameraFixture.POLICE, new RecordingIncidents.Input(String.valueOf(camera), soon, word), null),
				"happenedAt", "cameras.error.timeFuture");
		assertRefused(() -> incidents.record(CameraFixture.POLICE, new RecordingIncidents.Input(String.valueOf(camera), null, word),
				"%PDF-1.4 không phải ảnh".getBytes()), "snapshot", "cameras.error.photoKind");
		var tooManyPixels = LargePngs.black(8000, 7000);
		assertRefused(() -> incidents.record(CameraFixture.POLICE, new RecordingIncidents.Input(String.valueOf(camera), null, word),
				tooManyPixels), "snapshot", "cameras.error.photoPixels");
		assertRefused(() -> incidents.record(CameraFixture.ADMIN, new RecordingIncidents.Input(String.valueOf(camera), null, word), null),
				null, "cameras.error.policeOnly");
		assertThat(f.inYenMo(() -> incidents.list(CameraFixture.POLICE, word, 0)).total()).as("nothing recorded by the refusals").isZero();

		var picture = png();
		var earlier = LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusHours(3).withNano(0).withSecond(0);
		long id = f.inYenMo(() -> incidents.record(CameraFixture.POLICE,
				new RecordingIncidents.Input(String.valueOf(camera), earlier.toString().replace('T', ' '), "Xe máy không biển số " + word), picture));
		var found = f.inYenMo(() -> incidents.list(CameraFixture.POLICE, word.toUpperCase(), 0));
		assertThat(found.total()).isEqualTo(1);
		assertThat(found.items().getFirst().happenedAt()).isEqualTo(earlier.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
		assertThat(found.items().getFirst().photo()).isTrue();
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(f.inYenMo(() -> incidents.snapshot(CameraFixture.POLICE, id))))).isNotNull();

		f.inYenMo(() -> {
			incidents.followUp(CameraFixture.POLICE, id, "Đã mời chủ xe lên làm việc.");
			return null;
		});
		assertThat(f.inYenMo(() -> incidents.one(CameraFixture.POLICE, id)).incident().state()).isEqualTo(Incident.State.FOLLOWED_UP);
		f.inYenMo(() -> {
			incidents.close(CameraFixture.POLICE, id);
			return null;
		});
		var closed = f.inYenMo(() -> incidents.one(CameraFixture.POLICE, id));
		assertThat(closed.incident().state()).isEqualTo(Incident.State.CLOSED);
		assertThat(closed.followUps()).extracting(fu -> fu.note()).containsExactly("Đã mời chủ xe lên làm việc.");
		assertRefused(() -> incidents.followUp(CameraFixture.POLICE, id, "Thêm nữa"), null, "cameras.error.incidentClosed");
		assertRefused(() -> incidents.close(CameraFixture.POLICE, id), null, "cameras.error.incidentClosed");
		assertThat(incidentAudit(id)).containsExactly("incident.recorded", "incident.snapshotRead", "incident.followedUp", "incident.read",
				"incident.closed", "incident.read");
	}

	/** The camera's audit entries: action (":" and the actor for a view), and each entry's texts after "|". */
	private List<String> audit(long camera) {
		return fixture().inYenMo(() -> tx.execute(s -> jdbc.sql("""
				select action || case when action = 'camera.viewed' then ':' || actor else '' end
				  || '|' || coalesce(before_summary, '') || coalesce(after_summary, '')
				from audit_entry where unit_code = ? and object_type = 'camera' and object_id = ? order by seq""")
			.params(CameraFixture.YEN_MO, String.valueOf(camera)).query(String.class).list()));
	}

	private List<String> incidentAudit(long id) {
		return fixture().inYenMo(() -> tx.execute(s -> jdbc.sql("""
				select action from audit_entry where unit_code = ? and object_type = 'cameraIncident' and object_id = ? order by seq""")
			.params(CameraFixture.YEN_MO, String.valueOf(id)).query(String.class).list()));
	}

	private void assertRefused(Runnable work, @org.jspecify.annotations.Nullable String field, String key) {
		assertThatThrownBy(() -> fixture().inYenMo(() -> {
			work.run();
			return null;
		})).isInstanceOfSatisfying(CameraException.class, e -> {
			assertThat(e.key()).isEqualTo(key);
			assertThat(e.field()).isEqualTo(field);
		});
	}

	static byte[] png() throws IOException {
		var out = new ByteArrayOutputStream();
		ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
