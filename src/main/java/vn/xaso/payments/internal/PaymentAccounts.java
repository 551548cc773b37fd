package vn.xaso.payments.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.audit.AuditEvent;
import vn.xaso.payments.PaymentException;
import vn.xaso.platform.Refusal.Text;
import vn.xaso.platform.VietnameseText;

/** The unit's receiving bank account: read, validated and changed with an audit entry. */
@Component
public class PaymentAccounts {

	public record Account(String unitCode, String bankBin, String accountNumber, String accountName, String updatedBy,
			Instant updatedAt) {
		public String summary() {
			return bankBin + " " + accountNumber + " " + accountName;
		}
	}

	private final JdbcClient jdbc;
	private final BankDirectory banks;
	private final ApplicationEventPublisher events;

	PaymentAccounts(JdbcClient jdbc, BankDirectory banks, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.banks = banks;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(String unitCode) {
		return jdbc.sql("select unit_code, bank_bin, account_number, account_name, updated_by, updated_at from payment_account where unit_code = ?")
			.param(unitCode)
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	/** The unit whose account has this number (used to file an unmatched bank notification). */
	@Transactional(readOnly = true)
	public Optional<String> unitOfAccount(String accountNumber) {
		return jdbc.sql("select unit_code from payment_account where account_number = ? order by unit_code limit 1")
			.param(accountNumber).query(String.class).optional();
	}

	/** "NGUYEN VAN A": upper case, no diacritics, single spaces — how banks print an account name. */
	public static String bankStyleName(String name) {
		var s = VietnameseText.fold(name).toUpperCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.strip();
		return s;
	}

	/**
	 * Checks a receiving account (BIN in the bundled VietQR list, 6–19 digits, a bank-style name) and returns it
	 * normalised (digits only, bank-style name); throws {@link PaymentException} with a message per field.
	 */
	public vn.xaso.payments.Payee check(String bankBin, String accountNumber, String accountName) {
		var errors = new LinkedHashMap<String, Text>();
		var bin = bankBin == null ? "" : bankBin.strip();
		if (bin.isEmpty()) {
			errors.put("bankBin", new Text("payments.error.bank"));
		}
		else if (banks.byBin(bin).isEmpty()) {
			errors.put("bankBin", new Text("payments.error.bankUnknown"));
		}
		else if (!banks.byBin(bin).get().vietQr()) {
			errors.put("bankBin", new Text("payments.error.bankNoVietQr"));
		}
		var number = accountNumber == null ? "" : accountNumber.replace(" ", "").strip();
		if (number.isEmpty()) {
			errors.put("accountNumber", new Text("payments.error.accountNumber"));
		}
		else if (!number.matches("[0-9]{6,19}")) {
			errors.put("accountNumber", new Text("payments.error.accountDigits"));
		}
		var name = bankStyleName(accountName == null ? "" : accountName);
		if (name.isEmpty()) {
			errors.put("accountName", new Text("payments.error.accountName"));
		}
		else if (name.length() > 50) {
			errors.put("accountName", new Text("payments.error.accountNameLong"));
		}
		else if (!name.matches("[A-Z0-9 .,&()/-]{2,50}")) {
			errors.put("accountName", new Text("payments.error.accountNameChars"));
		}
		if (!errors.isEmpty()) {
			throw PaymentException.of(errors);
		}
		return new vn.xaso.payments.Payee(bin, number, name);
	}

	/** Sets (or replaces) the unit's account after validating every field; nothing changes on bad input. */
	@Transactional
	public Account save(String unitCode, String bankBin, String accountNumber, String accountName, String actor) {
		var checked = check(bankBin, accountNumber, accountName);
		var bin = checked.bankBin();
		var number = checked.accountNumber();
		var name = checked.accountName();
		var before = find(unitCode);
		jdbc.sql("""
				insert into payment_account (unit_code, bank_bin, account_number, account_name, updated_by, updated_at)
				values (?, ?, ?, ?, ?, now())
				on conflict (unit_code) do update set bank_bin = excluded.bank_bin, account_number = excluded.account_number,
				  account_name = excluded.account_name, updated_by = excluded.updated_by, updated_at = now()""")
			.params(unitCode, bin, number, name, actor).update();
		events.publishEvent(AuditEvent.of(unitCode, actor, "payment.account.changed").on("payment_account", unitCode)
			.change(before.map(Account::summary).orElse(null), bin + " " + number + " " + name));
		return find(unitCode).orElseThrow();
	}
}
