package vn.xaso.health.web;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.xaso.health.internal.CitizenHealth;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * Which commune's station a signed-in citizen means: those they already deal with (earlier questions or appointments,
 * their children's schools), and the communes whose name they typed — so the ask and booking forms are one tap away
 * from their own pages even the first time.
 */
@Component
public class CommunePicker {

	/** The citizen's communes, the typed words and the communes found for them. */
	public record Picked(List<Choice> mine, String q, List<Choice> found) {
	}

	/** A commune by its code, named with its province ("Xã Yên Mô, Ninh Bình"). */
	public record Choice(String code, String name, String label) {
	}

	private final CitizenHealth health;
	private final Units units;

	CommunePicker(CitizenHealth health, Units units) {
		this.health = health;
		this.units = units;
	}

	Picked pick(CitizenPrincipal me, String q) {
		var mine = health.communes(me).stream().flatMap(code -> units.find(code).stream()).filter(u -> Unit.COMMUNE.equals(u.level()))
			.limit(5).map(this::choice).toList();
		return new Picked(mine, q, q.isBlank() ? List.of() : units.searchCommunes(q, 10).stream().map(this::choice).toList());
	}

	private Choice choice(Unit u) {
		var province = units.find(u.provinceCode()).map(Unit::shortName).orElse("");
		return new Choice(u.code(), u.name(), province.isEmpty() ? u.name() : u.name() + ", " + province);
	}
}
