package vn.xaso.cameras.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.cameras.Camera;
import vn.xaso.cameras.CameraException;
import vn.xaso.cameras.CameraViewed;
import vn.xaso.identity.OfficialPrincipal;

/**
 * "Xem camera": the one place a camera's addresses are read — for the police post or the camera's owner, on an active
 * camera, each time audited ({@code camera.viewed}, the camera's name only). XaSo relays no video: the viewer's own
 * player app opens the stream.
 */
@Service
public class ViewingCameras {

	/** What the viewer's player app needs. */
	public record Viewed(Camera camera, String streamUrl, @Nullable String snapshotUrl) {

		@Override
		public String toString() {
			return "Viewed[" + camera.id() + "]";
		}
	}

	private final CameraTable cameras;
	private final AddressTable addresses;
	private final CameraAccess access;
	private final CameraWork work;

	ViewingCameras(CameraTable cameras, AddressTable addresses, CameraAccess access, CameraWork work) {
		this.cameras = cameras;
		this.addresses = addresses;
		this.access = access;
		this.work = work;
	}

	public Viewed view(OfficialPrincipal me, long id) {
		return work.inTx(() -> {
			var camera = access.visible(me, cameras.find(me.unitCode(), id)
				.orElseThrow(() -> new CameraException(null, "cameras.error.noCamera")));
			if (!access.mayView(me, camera)) {
				throw new CameraException(null, "cameras.error.notAllowed");
			}
			new CameraCase(camera).active();
			var a = addresses.of(me.unitCode(), id).orElseThrow(() -> new CameraException(null, "cameras.error.noCamera"));
			work.audited(me.unitCode(), me.username(), "camera.viewed", "camera", id, camera.name());
			work.publish(new CameraViewed(me.unitCode(), id, me.username()));
			return new Viewed(camera, a.stream(), a.snapshot());
		});
	}
}
