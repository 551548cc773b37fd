package vn.xaso.cameras.web;

import org.jspecify.annotations.Nullable;

import vn.xaso.cameras.internal.KeepingCameras;
import vn.xaso.cameras.internal.RecordingIncidents;
import vn.xaso.platform.web.Form;

/** The camera forms, typed; the use cases check the values. A refused form never shows the addresses typed back. */
final class CameraForms {

	private CameraForms() {
	}

	record CameraForm(@Nullable String name, @Nullable String villageId, @Nullable String place, @Nullable String latitude,
			@Nullable String longitude, @Nullable String ownerKind, @Nullable String farmId, @Nullable String consentName,
			@Nullable String consentOn, @Nullable String streamUrl, @Nullable String snapshotUrl) {

		KeepingCameras.Input input() {
			return new KeepingCameras.Input(name, villageId, place, latitude, longitude, ownerKind, farmId, consentName, consentOn,
					streamUrl, snapshotUrl);
		}

		Form form() {
			return Form.of(Form.pairs("name", name, "villageId", villageId, "place", place, "latitude", latitude, "longitude",
					longitude, "ownerKind", ownerKind, "farmId", farmId, "consentName", consentName, "consentOn", consentOn));
		}

		@Override
		public String toString() {
			return "CameraForm[" + name + "]";
		}
	}

	record IncidentForm(@Nullable String cameraId, @Nullable String happenedAt, @Nullable String note) {

		RecordingIncidents.Input input() {
			return new RecordingIncidents.Input(cameraId, happenedAt, note);
		}

		Form form() {
			return Form.of(Form.pairs("cameraId", cameraId, "happenedAt", happenedAt, "note", note));
		}
	}

	record FollowUpForm(@Nullable String followUp) {

		Form form() {
			return Form.of(Form.pairs("followUp", followUp));
		}
	}
}
