package vn.xaso.cameras.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import vn.xaso.cameras.Camera;
import vn.xaso.cameras.CameraException;
import vn.xaso.farm.Farms;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/**
 * Who may do what. The commune administrator registers and edits every camera and sees them all, without their
 * addresses; the police post (role POLICE_POST) sees them all, views them ("Xem camera") and records incidents; a
 * farmer (role PRODUCER) registers, edits, sees and views only the cameras of their own farms — another farmer's
 * camera is "not found". Anyone else is refused.
 */
@Component
class CameraAccess {

	private final Farms farms;

	CameraAccess(Farms farms) {
		this.farms = farms;
	}

	/** The farms {@code me} owns (a farmer's), by id. */
	List<Long> ownFarms(OfficialPrincipal me) {
		if (!me.has(Role.PRODUCER)) {
			return List.of();
		}
		return farms.ofUnit(me.unitCode()).stream().map(s -> s.farm()).filter(f -> f.ownerUsername().equals(me.username()))
			.map(f -> f.id()).toList();
	}

	/** The farms {@code me} may put a camera on: every farm of the commune for the administrator, a farmer's own. */
	List<vn.xaso.farm.Farm> farmChoices(OfficialPrincipal me) {
		var all = farms.ofUnit(me.unitCode()).stream().map(s -> s.farm());
		if (me.has(Role.ADMIN)) {
			return all.toList();
		}
		return all.filter(f -> me.has(Role.PRODUCER) && f.ownerUsername().equals(me.username())).toList();
	}

	/** Null: every camera of the commune; else only those of these farms. */
	@Nullable List<Long> listing(OfficialPrincipal me) {
		if (me.has(Role.ADMIN) || me.has(Role.POLICE_POST)) {
			return null;
		}
		if (me.has(Role.PRODUCER)) {
			return ownFarms(me);
		}
		throw new CameraException(null, "cameras.error.notAllowed");
	}

	/** The camera if {@code me} may see it, else "no such camera". */
	Camera visible(OfficialPrincipal me, Camera camera) {
		var farmsSeen = listing(me);
		if (farmsSeen != null && (camera.farmId() == null || !farmsSeen.contains(camera.farmId()))) {
			throw new CameraException(null, "cameras.error.noCamera");
		}
		return camera;
	}

	/** Whether {@code me} may press "Xem camera" on a camera they see: the police post, or the farm's owner. */
	boolean mayView(OfficialPrincipal me, Camera camera) {
		return me.has(Role.POLICE_POST) || (camera.farmId() != null && ownFarms(me).contains(camera.farmId()));
	}

	/** Whether {@code me} may edit a camera they see: the administrator, or the farm's owner. */
	boolean mayEdit(OfficialPrincipal me, Camera camera) {
		return me.has(Role.ADMIN) || (camera.farmId() != null && ownFarms(me).contains(camera.farmId()));
	}

	/** Refuses a registration {@code me} may not make: a farmer registers only FARM cameras of their own farm. */
	void register(OfficialPrincipal me, Camera.OwnerKind kind, @Nullable Long farmId) {
		if (me.has(Role.ADMIN)) {
			if (farmId != null && kind == Camera.OwnerKind.FARM && farms.ofUnit(me.unitCode()).stream().noneMatch(s -> s.farm().id() == farmId)) {
				throw new CameraException("farmId", "cameras.error.farm");
			}
			return;
		}
		if (!me.has(Role.PRODUCER)) {
			throw new CameraException(null, "cameras.error.notAllowed");
		}
		if (kind != Camera.OwnerKind.FARM || farmId == null || !ownFarms(me).contains(farmId)) {
			throw new CameraException("farmId", "cameras.error.farm");
		}
	}

	static void police(OfficialPrincipal me) {
		if (!me.has(Role.POLICE_POST)) {
			throw new CameraException(null, "cameras.error.policeOnly");
		}
	}
}
