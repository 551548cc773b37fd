package vn.xaso.setup.internal;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;

/** An official's first sign-in link: choose a password once, then sign in normally. */
@Service
public class FirstSignIn {

	private final InviteStore invites;
	private final Accounts accounts;
	private final TransactionTemplate tx;

	FirstSignIn(InviteStore invites, Accounts accounts, PlatformTransactionManager transactions) {
		this.invites = invites;
		this.accounts = accounts;
		this.tx = new TransactionTemplate(transactions);
	}

	/** The invite behind a link, if it is still usable. */
	public java.util.Optional<InviteStore.Invite> usable(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32,64}")) {
			return java.util.Optional.empty();
		}
		return tx.execute(s -> invites.lock(token)).filter(i -> !i.used() && i.expiresAt().isAfter(Instant.now()));
	}

	/** Sets the official's password and spends the link. Returns the username to sign in with. */
	public String choosePassword(String token, String password, String passwordAgain) {
		var invite = usable(token).orElseThrow(() -> SetupException.of(null, "setup.error.firstLinkWrong"));
		if (password == null || !password.equals(passwordAgain)) {
			throw SetupException.of("passwordAgain", "setup.error.passwordsDiffer");
		}
		try {
			SetupWizard.inUnit(invite.unitCode(), () -> tx.execute(s -> {
				var locked = invites.lock(token).filter(i -> !i.used()).orElseThrow(() -> SetupException.of(null, "setup.error.firstLinkJustUsed"));
				var account = accounts.list(locked.unitCode(), locked.username(), 0, 20).items().stream()
					.filter(a -> a.username().equals(locked.username())).findFirst()
					.orElseThrow(() -> SetupException.of(null, "setup.error.accountGone"));
				accounts.resetPassword(locked.unitCode(), account.id(), password);
				invites.use(token);
				return null;
			}));
		}
		catch (AccountException e) {
			throw SetupException.quoting("password", e);
		}
		return invite.username();
	}
}
