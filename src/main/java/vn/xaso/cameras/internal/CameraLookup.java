package vn.xaso.cameras.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.cameras.Camera;

/** Reads behind the root API {@link vn.xaso.cameras.Cameras}. */
@Component
public class CameraLookup {

	private final CameraTable cameras;
	private final CameraWork work;

	CameraLookup(CameraTable cameras, CameraWork work) {
		this.cameras = cameras;
		this.work = work;
	}

	public List<Camera> ofUnit(String unitCode) {
		return work.inTx(() -> cameras.list(unitCode, null));
	}
}
