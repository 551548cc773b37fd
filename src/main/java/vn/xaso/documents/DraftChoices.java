package vn.xaso.documents;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.units.Units;

/**
 * The lists a drafter chooses from instead of typing: the commune's leaders who may sign, and the other communes a
 * document can be sent to inside XaSo (searched by name, diacritics ignored).
 */
@Service
public class DraftChoices {

	/** A commune that can receive documents. */
	public record Commune(String code, String name, String province) {
	}

	private final Accounts accounts;
	private final Units units;

	DraftChoices(Accounts accounts, Units units) {
		this.accounts = accounts;
		this.units = units;
	}

	/** Active officials of the actor's unit with the leader role: the people who sign its documents. */
	@Transactional(readOnly = true)
	public List<Documents.Handler> signers(Actor actor) {
		return accounts.list(actor.unitCode(), null, 0, 200).items().stream()
			.filter(o -> o.active() && o.roles().contains(Role.LEADER))
			.map(o -> new Documents.Handler(o.username(), o.fullName()))
			.toList();
	}

	/**
	 * The signer must be one of the commune's leaders; a commune without any leader account keeps typing the name. Blank is left
	 * to the draft's own checks.
	 */
	public void requireSigner(Actor actor, String signerName) {
		if (signerName == null || signerName.isBlank()) {
			return; // the draft's own check asks for it, after the summary and the body
		}
		var leaders = signers(actor);
		if (!leaders.isEmpty() && leaders.stream().noneMatch(l -> l.fullName().equals(signerName.strip()))) {
			throw DocumentException.of("signerName", "documents.error.signerChoose");
		}
	}

	/** Communes other than the actor's whose name matches {@code q} ("nga an" finds Xã Nga An); at most 20. */
	public List<Commune> communes(Actor actor, String q) {
		if (q == null || q.isBlank() || q.length() > 100) {
			return List.of();
		}
		return units.searchCommunes(q.strip(), 21).stream()
			.filter(u -> !u.code().equals(actor.unitCode()))
			.limit(20)
			.map(u -> new Commune(u.code(), u.name(), units.find(u.provinceCode()).map(p -> p.name()).orElse("")))
			.toList();
	}

	/** Names of communes by code, for showing the chosen recipients ("Xã Nga An (16144)"). */
	public List<Commune> named(String codes) {
		return java.util.Arrays.stream(codes.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
			.map(c -> units.find(c).map(u -> new Commune(u.code(), u.name(), units.find(u.provinceCode()).map(p -> p.name()).orElse("")))
				.orElse(new Commune(c, c, "")))
			.toList();
	}
}
