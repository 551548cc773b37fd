package vn.xaso.cameras.internal;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.security.AccessControlFixture;

/**
 * For the access-control rules in cameras.tsv: a household camera of Yên Mô whose consent was withdrawn (viewing,
 * editing, withdrawing again are refused) and a closed incident on it (following up and closing again are refused), so
 * the harness changes nothing.
 */
public class CameraAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var fixture = new CameraFixture(context);
		long camera = fixture.household("Camera thử quyền");
		long incident = fixture.incident(camera, "Sự việc thử quyền");
		fixture.inYenMo(() -> {
			context.getBean(KeepingCameras.class).withdrawConsent(CameraFixture.ADMIN, camera);
			context.getBean(RecordingIncidents.class).close(CameraFixture.POLICE, incident);
			return null;
		});
		return Map.of("{yenmo.camera}", String.valueOf(camera), "{yenmo.cameraIncident}", String.valueOf(incident));
	}
}
