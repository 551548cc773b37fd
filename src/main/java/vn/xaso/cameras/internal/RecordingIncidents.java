package vn.xaso.cameras.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.cameras.Camera;
import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.FollowUp;
import vn.xaso.cameras.Incident;
import vn.xaso.cameras.IncidentClosed;
import vn.xaso.cameras.IncidentFollowedUp;
import vn.xaso.cameras.IncidentRecorded;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.SqlLike;
import vn.xaso.platform.render.ContentChecks;
import vn.xaso.platform.render.JpegPhotos;

/**
 * Incidents the police post records on a camera: the time (now when left blank, never in the future), the note, a
 * snapshot checked by content (JPEG or PNG by its first bytes, the pixel count read from the header before decoding,
 * written anew as JPEG), follow-up notes, closing. Every read of an incident or its snapshot is audited.
 */
@Service
public class RecordingIncidents {

	/** The incident form's values as typed. */
	public record Input(@Nullable String cameraId, @Nullable String happenedAt, @Nullable String note) {
	}

	/** An incident as its page shows it. */
	public record IncidentPage(Incident incident, List<FollowUp> followUps) {
	}

	/** One page of incidents and the total. */
	public record Found(List<Incident> items, long total) {
	}

	static final int PAGE_SIZE = 20;
	static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	private static final JpegPhotos.Size FULL = new JpegPhotos.Size(1600, 0.85f);
	private static final JpegPhotos.Size THUMBNAIL = new JpegPhotos.Size(320, 0.75f);

	private final IncidentTable incidents;
	private final CameraTable cameras;
	private final CameraWork work;

	RecordingIncidents(IncidentTable incidents, CameraTable cameras, CameraWork work) {
		this.incidents = incidents;
		this.cameras = cameras;
		this.work = work;
	}

	public long record(OfficialPrincipal me, Input in, byte @Nullable [] snapshot) {
		CameraAccess.police(me);
		var cameraId = CameraInput.id(in.cameraId(), "cameraId", "cameras.error.incidentCamera");
		if (cameraId == null) {
			throw new CameraException("cameraId", "cameras.error.incidentCamera");
		}
		var at = time(in.happenedAt());
		var note = CameraInput.text(in.note(), "note", 2, 2000, true, "cameras.error.note");
		var photo = snapshot == null || snapshot.length == 0 ? null : checked(snapshot);
		return work.inTx(() -> {
			Camera camera = cameras.find(me.unitCode(), cameraId)
				.orElseThrow(() -> new CameraException("cameraId", "cameras.error.incidentCamera"));
			long id = incidents.insert(me.unitCode(), camera.id(), at, note, me.username());
			if (photo != null) {
				incidents.photo(me.unitCode(), id, photo.content(), photo.width(), photo.height());
			}
			work.audited(me.unitCode(), me.username(), "incident.recorded", "cameraIncident", id, camera.name());
			work.publish(new IncidentRecorded(me.unitCode(), id, camera.id()));
			return id;
		});
	}

	public void followUp(OfficialPrincipal me, long id, @Nullable String typed) {
		CameraAccess.police(me);
		var note = CameraInput.text(typed, "followUp", 2, 2000, true, "cameras.error.note");
		work.run(() -> {
			var next = new IncidentCase(state(me, id)).followedUp();
			incidents.followUp(me.unitCode(), id, note, me.username());
			incidents.state(me.unitCode(), id, next);
			work.audited(me.unitCode(), me.username(), "incident.followedUp", "cameraIncident", id, null);
			work.publish(new IncidentFollowedUp(me.unitCode(), id));
		});
	}

	public void close(OfficialPrincipal me, long id) {
		CameraAccess.police(me);
		work.run(() -> {
			incidents.state(me.unitCode(), id, new IncidentCase(state(me, id)).closed());
			work.audited(me.unitCode(), me.username(), "incident.closed", "cameraIncident", id, null);
			work.publish(new IncidentClosed(me.unitCode(), id));
		});
	}

	/** One page (from 0) of the commune's incidents, newest first; {@code search} in the note or the camera's name. */
	public Found list(OfficialPrincipal me, @Nullable String search, int page) {
		CameraAccess.police(me);
		var typed = CameraInput.optional(search);
		var pattern = typed == null ? null : SqlLike.contains(typed.length() > 100 ? typed.substring(0, 100) : typed);
		return work.inTx(() -> new Found(incidents.page(me.unitCode(), pattern, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE),
				incidents.count(me.unitCode(), pattern)));
	}

	/** An incident with its follow-ups; the read is audited. */
	public IncidentPage one(OfficialPrincipal me, long id) {
		CameraAccess.police(me);
		return work.inTx(() -> {
			var incident = incidents.find(me.unitCode(), id).orElseThrow(() -> new CameraException(null, "cameras.error.noIncident"));
			work.audited(me.unitCode(), me.username(), "incident.read", "cameraIncident", id, null);
			return new IncidentPage(incident, incidents.followUps(me.unitCode(), id));
		});
	}

	/** The incident's snapshot (JPEG); the read is audited. */
	public byte[] snapshot(OfficialPrincipal me, long id) {
		CameraAccess.police(me);
		return work.inTx(() -> {
			var jpeg = incidents.photo(me.unitCode(), id).orElseThrow(() -> new CameraException(null, "cameras.error.noIncident"));
			work.audited(me.unitCode(), me.username(), "incident.snapshotRead", "cameraIncident", id, null);
			return jpeg;
		});
	}

	/** The cameras to choose from when recording (active or not: an incident may be recorded after a withdrawal). */
	public List<Camera> cameras(OfficialPrincipal me) {
		CameraAccess.police(me);
		return work.inTx(() -> cameras.list(me.unitCode(), null));
	}

	private Incident.State state(OfficialPrincipal me, long id) {
		return incidents.lockState(me.unitCode(), id).orElseThrow(() -> new CameraException(null, "cameras.error.noIncident"));
	}

	private Instant time(@Nullable String typed) {
		var v = CameraInput.optional(typed);
		if (v == null) {
			return work.now();
		}
		Instant at;
		try {
			at = LocalDateTime.parse(v.replace(' ', 'T')).atZone(VIETNAM).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new CameraException("happenedAt", "cameras.error.time");
		}
		if (at.isAfter(work.now().plus(Duration.ofMinutes(1)))) {
			throw new CameraException("happenedAt", "cameras.error.timeFuture");
		}
		return at;
	}

	private static JpegPhotos.Resized checked(byte[] bytes) {
		try {
			return JpegPhotos.resize(bytes, MAX_PHOTO_BYTES, false, FULL, THUMBNAIL);
		}
		catch (ContentChecks.Refused e) {
			throw switch (e.problem()) {
				case TOO_LARGE -> new CameraException("snapshot", "cameras.error.photoLarge", MAX_PHOTO_BYTES / (1024 * 1024));
				case IMAGE_PIXELS -> new CameraException("snapshot", "cameras.error.photoPixels");
				case IMAGE_BUSY -> new CameraException("snapshot", "cameras.error.photoBusy");
				case IMAGE_BROKEN, IMAGE_UNREADABLE -> new CameraException("snapshot", "cameras.error.photoBroken");
				default -> new CameraException("snapshot", "cameras.error.photoKind");
			};
		}
	}
}
