package vn.xaso.cameras.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.xaso.cameras.Camera;
import vn.xaso.cameras.CameraDisabled;
import vn.xaso.cameras.CameraEdited;
import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.CameraRegistered;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.units.Villages;

/**
 * The camera registry: registering (the administrator; a farmer for their own farm), editing (blank addresses keep the
 * old ones), a household's consent withdrawn (the camera is disabled), the list and one camera — never with its
 * addresses. Audit entries name the camera, never its addresses.
 */
@Service
public class KeepingCameras {

	/** The registration form's values as typed. */
	public record Input(@Nullable String name, @Nullable String villageId, @Nullable String place, @Nullable String latitude,
			@Nullable String longitude, @Nullable String ownerKind, @Nullable String farmId, @Nullable String consentName,
			@Nullable String consentOn, @Nullable String streamUrl, @Nullable String snapshotUrl) {

		@Override
		public String toString() {
			return "Input[" + name + "]";
		}
	}

	/** A camera as its page shows it, with what the reader may do on it. */
	public record CameraPage(Camera camera, @Nullable String villageName, boolean mayView, boolean mayEdit) {
	}

	private final CameraTable cameras;
	private final AddressTable addresses;
	private final CameraAccess access;
	private final Villages villages;
	private final CameraWork work;

	KeepingCameras(CameraTable cameras, AddressTable addresses, CameraAccess access, Villages villages, CameraWork work) {
		this.cameras = cameras;
		this.addresses = addresses;
		this.access = access;
		this.villages = villages;
		this.work = work;
	}

	public long register(OfficialPrincipal me, Input in) {
		var kind = kind(in.ownerKind());
		var farmId = kind == Camera.OwnerKind.FARM ? CameraInput.id(in.farmId(), "farmId", "cameras.error.farm") : null;
		access.register(me, kind, farmId);
		var household = kind == Camera.OwnerKind.HOUSEHOLD;
		var consentName = household && CameraInput.optional(in.consentName()) != null
				? CameraInput.text(in.consentName(), "consentName", 2, 100, false, "cameras.error.consent") : null;
		var consentOn = household && CameraInput.optional(in.consentOn()) != null
				? CameraInput.day(in.consentOn(), "consentOn", "cameras.error.consentOn") : null;
		if (consentOn != null && consentOn.isAfter(work.today())) {
			throw new CameraException("consentOn", "cameras.error.consentOn");
		}
		var camera = CameraCase.create(me.unitCode(), name(in.name()), village(me, in.villageId()), place(in.place()),
				CameraInput.degrees(in.latitude(), "latitude", 90), CameraInput.degrees(in.longitude(), "longitude", 180), kind, farmId,
				consentName, consentOn);
		var addr = new AddressTable.Addresses(CameraInput.address(in.streamUrl(), "streamUrl", true), snapshot(in.snapshotUrl()));
		return work.inTx(() -> {
			if (cameras.nameTaken(me.unitCode(), camera.name(), 0)) {
				throw new CameraException("name", "cameras.error.nameTaken");
			}
			long id;
			try {
				id = cameras.insert(camera, me.username());
			}
			catch (DuplicateKeyException e) {
				throw new CameraException("name", "cameras.error.nameTaken");
			}
			addresses.put(me.unitCode(), id, addr);
			work.audited(me.unitCode(), me.username(), "camera.registered", "camera", id, camera.name() + " · " + kind);
			work.publish(new CameraRegistered(me.unitCode(), id, kind));
			return id;
		});
	}

	/** Changes a camera's name, place and (when typed) addresses; the owner stays. */
	public void edit(OfficialPrincipal me, long id, Input in) {
		var name = name(in.name());
		var villageId = village(me, in.villageId());
		var place = place(in.place());
		var lat = CameraInput.degrees(in.latitude(), "latitude", 90);
		var lon = CameraInput.degrees(in.longitude(), "longitude", 180);
		var stream = CameraInput.optional(in.streamUrl()) == null ? null : CameraInput.address(in.streamUrl(), "streamUrl", true);
		var snapshot = snapshot(in.snapshotUrl());
		work.run(() -> {
			var camera = editable(me, id);
			var edited = new CameraCase(camera).edited(name, villageId, place, lat, lon);
			if (cameras.nameTaken(me.unitCode(), name, id)) {
				throw new CameraException("name", "cameras.error.nameTaken");
			}
			cameras.update(edited);
			if (stream != null) {
				addresses.put(me.unitCode(), id, new AddressTable.Addresses(stream, snapshot));
			}
			work.audited(me.unitCode(), me.username(), "camera.edited", "camera", id,
					name + (stream != null ? " · addresses changed" : ""));
			work.publish(new CameraEdited(me.unitCode(), id));
		});
	}

	/** The household withdrew its consent: the camera is disabled from today, never viewed again. */
	public void withdrawConsent(OfficialPrincipal me, long id) {
		work.run(() -> {
			var camera = editable(me, id);
			cameras.update(new CameraCase(camera).consentWithdrawn(work.today()));
			work.audited(me.unitCode(), me.username(), "camera.consentWithdrawn", "camera", id, camera.name());
			work.publish(new CameraDisabled(me.unitCode(), id));
		});
	}

	/** The cameras {@code me} sees, by name. */
	public List<Camera> list(OfficialPrincipal me) {
		return work.inTx(() -> cameras.list(me.unitCode(), access.listing(me)));
	}

	/** The farms {@code me} may put a camera on (the registration form's choices). */
	public List<vn.xaso.farm.Farm> farms(OfficialPrincipal me) {
		return access.farmChoices(me);
	}

	/** Whether {@code me} may register cameras (the administrator, a farmer). */
	public boolean mayRegister(OfficialPrincipal me) {
		return me.has(vn.xaso.identity.Role.ADMIN) || me.has(vn.xaso.identity.Role.PRODUCER);
	}

	public CameraPage one(OfficialPrincipal me, long id) {
		return work.inTx(() -> {
			var camera = access.visible(me, find(me, id));
			var village = camera.villageId() == null ? null
					: villages.list(me.unitCode()).stream().filter(v -> v.id() == camera.villageId()).map(v -> v.type() + " " + v.name())
						.findFirst().orElse(null);
			return new CameraPage(camera, village, access.mayView(me, camera), access.mayEdit(me, camera));
		});
	}

	private Camera editable(OfficialPrincipal me, long id) {
		var camera = access.visible(me, find(me, id));
		if (!access.mayEdit(me, camera)) {
			throw new CameraException(null, "cameras.error.notAllowed");
		}
		return camera;
	}

	private Camera find(OfficialPrincipal me, long id) {
		return cameras.find(me.unitCode(), id).orElseThrow(() -> new CameraException(null, "cameras.error.noCamera"));
	}

	private @Nullable Long village(OfficialPrincipal me, @Nullable String typed) {
		var id = CameraInput.id(typed, "villageId", "cameras.error.village");
		if (id != null && villages.list(me.unitCode()).stream().noneMatch(v -> v.id() == id && v.active())) {
			throw new CameraException("villageId", "cameras.error.village");
		}
		return id;
	}

	private static Camera.OwnerKind kind(@Nullable String typed) {
		for (var k : Camera.OwnerKind.values()) {
			if (k.name().equals(typed)) {
				return k;
			}
		}
		throw new CameraException("ownerKind", "cameras.error.ownerKind");
	}

	private static String name(@Nullable String typed) {
		return CameraInput.text(typed, "name", 2, 100, false, "cameras.error.name");
	}

	private static String place(@Nullable String typed) {
		return CameraInput.text(typed, "place", 2, 200, false, "cameras.error.place");
	}

	private static @Nullable String snapshot(@Nullable String typed) {
		return CameraInput.optional(typed) == null ? null : CameraInput.address(typed, "snapshotUrl", false);
	}
}
