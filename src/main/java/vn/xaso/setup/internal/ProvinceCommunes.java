package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.identity.Accounts;
import vn.xaso.platform.PersonalData;
import vn.xaso.units.Units;

/**
 * Where each commune of a province stands: not started, invited, half-way (the step its setup reached) or
 * live (setup finished, or an administrator already at work). Read from the invitations, this instance's own
 * first-run setup and the communes' administrator accounts.
 */
@Service
public class ProvinceCommunes {

	public enum State { NOT_STARTED, INVITED, HALF_WAY, LIVE }

	/** Steps of the setup reached through an invitation: invited, administrator created, finished. */
	public static final int INVITE_STEPS = 3;

	public record CommuneState(String code, String name, String shortName, State state, int step, int steps, boolean expired,
			@Nullable Instant since, @Nullable String adminName, @Nullable String maskedPhone) {
	}

	public record Overview(List<CommuneState> items, long matching, Map<State, Long> counts, int all) {

		public long live() {
			return counts.getOrDefault(State.LIVE, 0L);
		}
	}

	private final ProvinceStore store;
	private final SetupStore setup;
	private final Accounts accounts;
	private final Units units;
	private final TransactionTemplate tx;

	ProvinceCommunes(ProvinceStore store, SetupStore setup, Accounts accounts, Units units, PlatformTransactionManager transactions) {
		this.store = store;
		this.setup = setup;
		this.accounts = accounts;
		this.units = units;
		this.tx = new TransactionTemplate(transactions);
	}

	/** The state of every commune of the province, by commune code. */
	public Map<String, CommuneState> states(String provinceCode) {
		var codes = units.communesOf(provinceCode);
		var now = Instant.now();
		return ProvinceOnboarding.inProvince(units, provinceCode, () -> tx.execute(s -> {
			var invites = new HashMap<String, ProvinceStore.Invite>();
			store.invitesOf(provinceCode).forEach(i -> invites.put(i.communeCode(), i));
			var withAdmin = accounts.unitsWithAdministrator(codes);
			var local = setup.find().filter(st -> st.unitCode() != null && codes.contains(st.unitCode()));
			var result = new HashMap<String, CommuneState>();
			for (var code : codes) {
				var unit = units.find(code).orElse(null);
				var name = unit == null ? code : unit.name();
				var shortName = unit == null ? code : unit.shortName();
				var invite = invites.get(code);
				CommuneState state;
				if (invite != null && invite.finished()) {
					state = new CommuneState(code, name, shortName, State.LIVE, INVITE_STEPS, INVITE_STEPS, false, invite.finishedAt(),
							invite.adminName(), PersonalData.maskPhone(invite.adminPhone()));
				}
				else if (invite != null && invite.step() >= 2) {
					state = new CommuneState(code, name, shortName, State.HALF_WAY, invite.step(), INVITE_STEPS, false, invite.invitedAt(),
							invite.adminName(), PersonalData.maskPhone(invite.adminPhone()));
				}
				else if (local.isPresent() && local.get().unitCode().equals(code)) {
					var st = local.get();
					state = new CommuneState(code, name, shortName, st.completed() ? State.LIVE : State.HALF_WAY, st.step(),
							SetupState.LAST, false, null, null, null);
				}
				else if (withAdmin.contains(code)) {
					state = new CommuneState(code, name, shortName, State.LIVE, 0, 0, false, null, null, null);
				}
				else if (invite != null) {
					state = new CommuneState(code, name, shortName, State.INVITED, 1, INVITE_STEPS, invite.expired(now), invite.invitedAt(),
							invite.adminName(), PersonalData.maskPhone(invite.adminPhone()));
				}
				else {
					state = new CommuneState(code, name, shortName, State.NOT_STARTED, 0, 0, false, null, null, null);
				}
				result.put(code, state);
			}
			return result;
		}));
	}

	/** One page of the province's communes, searched by name or code without diacritics, optionally of one state. */
	public Overview overview(String provinceCode, @Nullable String q, @Nullable State only, int offset, int limit) {
		var all = states(provinceCode).values();
		var counts = new EnumMap<State, Long>(State.class);
		for (var st : State.values()) {
			counts.put(st, 0L);
		}
		all.forEach(c -> counts.merge(c.state(), 1L, Long::sum));
		var query = OfficialsFile.fold(q);
		var matching = new ArrayList<CommuneState>();
		for (var c : all) {
			if ((only == null || c.state() == only)
					&& (query.isEmpty() || OfficialsFile.fold(c.name()).contains(query) || c.code().startsWith(query))) {
				matching.add(c);
			}
		}
		matching.sort(Comparator.comparing((CommuneState c) -> OfficialsFile.fold(c.shortName())).thenComparing(CommuneState::code));
		var from = Math.min(offset, matching.size());
		var to = Math.min(matching.size(), from + limit);
		return new Overview(List.copyOf(matching.subList(from, to)), matching.size(), counts, all.size());
	}
}
