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
import vn.xaso.notify.Delivery;
import vn.xaso.notify.Notifications;
import vn.xaso.platform.PersonalData;
import vn.xaso.units.Units;

/**
 * Where each commune of a province stands: not started, invited, half-way (the step its setup reached) or
 * live (setup finished, or an administrator already at work). Read from the invitations, the setups of invited
 * communes and this instance's own first-run setup (both in {@code setup_state}) and the communes' administrator accounts.
 */
@Service
public class ProvinceCommunes {

	public enum State { NOT_STARTED, INVITED, HALF_WAY, LIVE }

	/** Steps of the setup reached through an invitation: the wizard's (the commune step is done by the invitation). */
	public static final int INVITE_STEPS = SetupState.LAST;

	public record CommuneState(String code, String name, String shortName, State state, int step, int steps, boolean expired,
			@Nullable Instant since, @Nullable String adminName, @Nullable String maskedPhone, @Nullable Link link) {
	}

	/** Length of {@link Link#key}: the start of the current token's hash, naming the link a "Gửi lại" form replaces. */
	public static final int KEY_LENGTH = 16;

	/**
	 * The current invitation link of a commune still at the invitation step: its key and how its messages stand in
	 * notify's outbox ({@code deliveries} empty: none queued, e.g. an invitation from before the outbox was used).
	 */
	public record Link(String key, List<Delivery> deliveries) {

		/**
		 * SENT (the link reached the provider on at least one channel), SENDING (none yet, still trying), FAILED (every
		 * channel given up or not sendable) or NONE; each channel's own state is in {@link #deliveries}.
		 */
		public String summary() {
			if (deliveries.isEmpty()) {
				return "NONE";
			}
			if (deliveries.stream().anyMatch(Delivery::sent)) {
				return "SENT";
			}
			return deliveries.stream().allMatch(Delivery::failed) ? "FAILED" : "SENDING";
		}
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
	private final Notifications notifications;
	private final TransactionTemplate tx;

	ProvinceCommunes(ProvinceStore store, SetupStore setup, Accounts accounts, Units units, Notifications notifications,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.notifications = notifications;
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
			var sent = notifications.deliveries(provinceCode, invites.values().stream()
				.filter(i -> !i.finished() && i.step() == 1).map(i -> InvitationSender.dedupeKey(i.communeCode(), i.tokenHash())).toList());
			var local = setup.find().filter(st -> st.unitCode() != null && codes.contains(st.unitCode()));
			var wizards = new HashMap<String, SetupState>();
			setup.invited(invites.keySet()).forEach(st -> wizards.put(st.unitCode(), st));
			var result = new HashMap<String, CommuneState>();
			for (var code : codes) {
				var unit = units.find(code).orElse(null);
				var name = unit == null ? code : unit.name();
				var shortName = unit == null ? code : unit.shortName();
				var invite = invites.get(code);
				CommuneState state;
				if (invite != null && invite.finished()) {
					state = new CommuneState(code, name, shortName, State.LIVE, INVITE_STEPS, INVITE_STEPS, false, invite.finishedAt(),
							invite.adminName(), PersonalData.maskPhone(invite.adminPhone()), null);
				}
				else if (invite != null && invite.step() >= 2) {
					// The step the commune's wizard reached (an invitation from before the wizard ran per commune: step 3).
					var reached = wizards.containsKey(code) ? wizards.get(code).step() : SetupState.SERVICE;
					state = new CommuneState(code, name, shortName, State.HALF_WAY, reached, INVITE_STEPS, false, invite.invitedAt(),
							invite.adminName(), PersonalData.maskPhone(invite.adminPhone()), null);
				}
				else if (local.isPresent() && local.get().unitCode().equals(code)) {
					var st = local.get();
					state = new CommuneState(code, name, shortName, st.completed() ? State.LIVE : State.HALF_WAY, st.step(),
							SetupState.LAST, false, null, null, null, null);
				}
				else if (withAdmin.contains(code)) {
					state = new CommuneState(code, name, shortName, State.LIVE, 0, 0, false, null, null, null, null);
				}
				else if (invite != null) {
					state = new CommuneState(code, name, shortName, State.INVITED, 1, INVITE_STEPS, invite.expired(now), invite.invitedAt(),
							invite.adminName(), PersonalData.maskPhone(invite.adminPhone()),
							new Link(invite.tokenHash().substring(0, KEY_LENGTH),
									sent.getOrDefault(InvitationSender.dedupeKey(code, invite.tokenHash()), List.of())));
				}
				else {
					state = new CommuneState(code, name, shortName, State.NOT_STARTED, 0, 0, false, null, null, null, null);
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
