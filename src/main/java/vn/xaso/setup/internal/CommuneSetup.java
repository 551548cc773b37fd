package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * The invitation link of a commune on a province instance, {@code /setup/commune/{token}}: says what the link opens
 * (nothing, a replaced, expired or spent invitation, or the commune's setup) and where the commune's wizard stands.
 * The wizard itself is the first-run wizard's ({@code /setup/{token}/2} to {@code /7}, {@link SetupWizard}), its
 * state saved per commune; the link is spent once the setup is finished and refused after its expiry.
 */
@Service
public class CommuneSetup {

	public enum Status { WRONG, REPLACED, EXPIRED, USED, OPEN }

	/** What the link opens; {@code step} is the wizard step to go on with (an open link only). */
	public record Opened(Status status, ProvinceStore.@Nullable Invite invite, String communeName, String provinceName, int step) {
	}

	private final ProvinceStore store;
	private final SetupWizard wizard;
	private final Units units;
	private final TransactionTemplate tx;

	CommuneSetup(ProvinceStore store, SetupWizard wizard, Units units, PlatformTransactionManager transactions) {
		this.store = store;
		this.wizard = wizard;
		this.units = units;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What the link opens: nothing (wrong), a spent or expired invitation, or the commune's setup in progress. */
	public Opened open(@Nullable String token) {
		var invite = token == null ? Optional.<ProvinceStore.Invite>empty() : wizard.invitation(token);
		if (invite.isEmpty()) {
			var replaced = token == null || !token.matches("[A-Za-z0-9_-]{32,64}") ? Optional.<String>empty()
					: tx.execute(s -> store.replacedCommune(SetupTokens.hash(token)));
			return replaced == null || replaced.isEmpty() ? new Opened(Status.WRONG, null, "", "", 0)
					: new Opened(Status.REPLACED, null, units.find(replaced.get()).map(Unit::name).orElse(replaced.get()), "", 0);
		}
		var i = invite.get();
		var commune = units.find(i.communeCode()).map(Unit::name).orElse(i.communeCode());
		var province = units.find(i.provinceCode()).map(Unit::name).orElse(i.provinceCode());
		var status = i.finished() ? Status.USED : i.expired(Instant.now()) ? Status.EXPIRED : Status.OPEN;
		return new Opened(status, i, commune, province, status == Status.OPEN ? wizard.state(token).step() : 0);
	}
}
