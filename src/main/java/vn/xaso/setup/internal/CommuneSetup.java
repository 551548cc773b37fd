package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.Role;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * A commune's setup on a province instance, reached through its invitation link {@code /setup/commune/{token}}:
 * the invited person creates the commune's first administrator (their name and phone come from the province's
 * list, the one-stop agency code is set), then finishes; the link is spent once the setup is finished and
 * is refused after its expiry. Two browsers racing cannot create two administrators.
 */
@Service
public class CommuneSetup {

	public enum Status { WRONG, REPLACED, EXPIRED, USED, OPEN }

	public record Opened(Status status, ProvinceStore.@Nullable Invite invite, String communeName, String provinceName) {
	}

	public record NewAdmin(@Nullable String username, @Nullable String password, @Nullable String passwordAgain) {
	}

	private final ProvinceStore store;
	private final Accounts accounts;
	private final Dossiers dossiers;
	private final Units units;
	private final TransactionTemplate tx;

	CommuneSetup(ProvinceStore store, Accounts accounts, Dossiers dossiers, Units units, PlatformTransactionManager transactions) {
		this.store = store;
		this.accounts = accounts;
		this.dossiers = dossiers;
		this.units = units;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What the link opens: nothing (wrong), a spent or expired invitation, or the commune's setup in progress. */
	public Opened open(@Nullable String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{32,64}")) {
			return new Opened(Status.WRONG, null, "", "");
		}
		var invite = tx.execute(s -> store.byToken(SetupTokens.hash(token)));
		if (invite == null || invite.isEmpty()) {
			var replaced = tx.execute(s -> store.replacedCommune(SetupTokens.hash(token)));
			return replaced == null || replaced.isEmpty() ? new Opened(Status.WRONG, null, "", "")
					: new Opened(Status.REPLACED, null, units.find(replaced.get()).map(Unit::name).orElse(replaced.get()), "");
		}
		var i = invite.get();
		var commune = units.find(i.communeCode()).map(Unit::name).orElse(i.communeCode());
		var province = units.find(i.provinceCode()).map(Unit::name).orElse(i.provinceCode());
		var status = i.finished() ? Status.USED : i.expired(Instant.now()) ? Status.EXPIRED : Status.OPEN;
		return new Opened(status, i, commune, province);
	}

	/**
	 * Step 1 → 2: creates the commune's administrator (role ADMIN, the invited person's name and phone) and sets
	 * the one-stop agency code. Returns a warning when the agency code could not be set (it can be set later).
	 */
	public Optional<String> createAdmin(String token, NewAdmin in) {
		var opened = requireOpen(token);
		var invite = opened.invite();
		if (invite.step() != 1) {
			throw new SetupException(null, "Quản trị viên của xã đã được tạo (" + invite.adminUsername() + "). Hãy hoàn tất cài đặt.");
		}
		var username = in.username() == null ? "" : in.username().strip().toLowerCase(Locale.ROOT);
		if (in.password() == null || !in.password().equals(in.passwordAgain())) {
			throw new SetupException("passwordAgain", "Hai lần nhập mật khẩu không giống nhau.");
		}
		var commune = invite.communeCode();
		try {
			SetupWizard.inUnit(commune, () -> tx.execute(s -> {
				var locked = store.lockByToken(SetupTokens.hash(token)).orElseThrow();
				if (locked.step() != 1 || !store.claimAdmin(commune, username)) {
					throw new SetupException("username", "Quản trị viên của xã vừa được tạo ở một trình duyệt khác.");
				}
				accounts.create(commune, new Accounts.NewOfficial(username, locked.adminName(), "Quản trị hệ thống", locked.adminPhone(),
						locked.adminEmail(), Set.of(Role.ADMIN), null, in.password()));
				return null;
			}));
		}
		catch (AccountException e) {
			throw new SetupException(e.field() == null ? null : e.field(), e.getMessage());
		}
		try {
			SetupWizard.inUnit(commune, () -> {
				dossiers.setAgencyCode(Caller.official(commune, username, invite.adminName(), Set.of(Role.ADMIN)), invite.agencyCode());
				return null;
			});
			return Optional.empty();
		}
		catch (DossierException e) {
			return Optional.of("Chưa đặt được mã cơ quan một cửa " + invite.agencyCode() + ": " + e.getMessage()
					+ " Sau khi đăng nhập, hãy đặt lại ở trang Quản trị.");
		}
	}

	/** Step 2 → finished: the commune is live; the link is spent. */
	public String finish(String token) {
		var opened = requireOpen(token);
		if (opened.invite().step() < 2) {
			throw new SetupException(null, "Hãy tạo quản trị viên của xã trước khi hoàn tất.");
		}
		var done = tx.execute(s -> store.lockByToken(SetupTokens.hash(token)).map(i -> store.finish(i.communeCode())).orElse(false));
		if (!Boolean.TRUE.equals(done)) {
			throw new SetupException(null, "Cài đặt của xã này vừa được hoàn tất ở một trình duyệt khác.");
		}
		return opened.invite().adminUsername();
	}

	private Opened requireOpen(String token) {
		var opened = open(token);
		if (opened.status() != Status.OPEN || opened.invite() == null) {
			throw new SetupException(null, "Địa chỉ cài đặt này không đúng, đã dùng hoặc đã hết hạn.");
		}
		return opened;
	}
}
