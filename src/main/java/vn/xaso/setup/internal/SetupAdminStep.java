package vn.xaso.setup.internal;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;

/**
 * Setup step 2: the first administrator. The account is created in the same transaction that claims the setup's
 * single administrator slot (a guarded UPDATE on the locked row; for an invited commune its invitation's slot too):
 * two browsers racing here get one administrator and one clear refusal.
 */
@Service
public class SetupAdminStep {

	public record AdminInput(String fullName, String username, String password, String passwordAgain, String phone) {
	}

	private final SetupWizard wizard;
	private final SetupStore store;
	private final ProvinceStore province;
	private final Accounts accounts;
	private final TransactionTemplate tx;

	SetupAdminStep(SetupWizard wizard, SetupStore store, ProvinceStore province, Accounts accounts,
			PlatformTransactionManager transactions) {
		this.wizard = wizard;
		this.store = store;
		this.province = province;
		this.accounts = accounts;
		this.tx = new TransactionTemplate(transactions);
	}

	public void createAdmin(String token, AdminInput in) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.ADMIN);
		state.requireAdminMissing();
		if (in.password() == null || !in.password().equals(in.passwordAgain())) {
			throw SetupException.of("passwordAgain", "setup.error.passwordsDiffer");
		}
		if (in.phone() == null || in.phone().isBlank()) {
			throw SetupException.of("phone", "setup.error.adminPhone");
		}
		var unit = state.unitCode();
		var email = wizard.invitation(state).map(ProvinceStore.Invite::adminEmail).orElse(null);
		try {
			SetupWizard.inUnit(unit, () -> tx.execute(status -> {
				var locked = store.lock(state.id()).orElseThrow();
				locked.requireAdminMissing();
				var username = in.username() == null ? "" : in.username().strip().toLowerCase(Locale.ROOT);
				if (!store.claimAdmin(state.id(), username, locked.stepAfter(SetupState.ADMIN))
						|| (locked.invited() && !province.claimAdmin(unit, username))) {
					throw SetupException.of("username", "setup.error.adminRace");
				}
				accounts.create(unit, new Accounts.NewOfficial(username, in.fullName(), SetupException.vietnamese("setup.text.adminTitle"), in.phone(), email,
						Set.of(Role.ADMIN), null, in.password()));
				return null;
			}));
		}
		catch (AccountException e) {
			throw SetupException.quoting(e.field() == null ? "username" : e.field(), e);
		}
	}
}
