package vn.xaso.setup.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.documents.DocumentException;
import vn.xaso.documents.RegisterNumbering;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.identity.Role;
import vn.xaso.payments.BankChoice;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;

/**
 * Setup step 3: the one-stop agency code and working hours, the commune's bank account for VietQR (optional now),
 * and the last numbers written this year in the paper registers (carrying over the legal numbering mid-year).
 */
@Service
public class SetupServiceStep {

	public record ServiceInput(String agencyCode, String workingHours, String bankBin, String accountNumber,
			String accountName) {
	}

	private final SetupWizard wizard;
	private final SetupStore store;
	private final Dossiers dossiers;
	private final Payments payments;
	private final RegisterNumbering numbering;

	SetupServiceStep(SetupWizard wizard, SetupStore store, Dossiers dossiers, Payments payments, RegisterNumbering numbering) {
		this.wizard = wizard;
		this.store = store;
		this.dossiers = dossiers;
		this.payments = payments;
		this.numbering = numbering;
	}

	public List<BankChoice> banks() {
		return payments.vietQrBanks();
	}

	public String agencyCode(SetupState state) {
		return SetupWizard.inUnit(state.unitCode(), () -> dossiers.agencyCode(state.unitCode()));
	}

	public void service(String token, ServiceInput in) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.SERVICE);
		var unit = state.unitCode();
		var errors = new SetupException.Errors();
		var hours = in.workingHours() == null ? "" : in.workingHours().strip();
		if (hours.isEmpty() || hours.length() > 200) {
			errors.add("workingHours", "setup.error.workingHours", "200");
		}
		var admin = Caller.official(unit, state.adminUsername(), SetupException.vietnamese("setup.text.actor"), Set.of(Role.ADMIN));
		var agency = in.agencyCode() == null ? "" : in.agencyCode().strip();
		if (!agency.isEmpty()) {
			try {
				SetupWizard.inUnit(unit, () -> {
					dossiers.setAgencyCode(admin, agency);
					return null;
				});
			}
			catch (DossierException e) {
				errors.add("agencyCode", SetupException.quote(e));
			}
		}
		boolean bank = !blank(in.bankBin()) || !blank(in.accountNumber()) || !blank(in.accountName());
		if (bank) {
			try {
				SetupWizard.inUnit(unit, () -> payments.setReceivingAccount(unit, nz(in.bankBin()),
						nz(in.accountNumber()).replace(" ", ""), nz(in.accountName()), state.adminUsername()));
			}
			catch (PaymentException e) {
				if (e.errors().isEmpty()) {
					errors.add("bankBin", SetupException.quote(e));
				}
				else {
					e.errors().keySet().forEach(field -> errors.add(field, locale -> e.errors(locale).get(field)));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw errors.refusal();
		}
		store.service(state.id(), agency.isEmpty() ? null : agency.toUpperCase(Locale.ROOT), hours, bank,
				state.stepAfter(SetupState.SERVICE));
	}

	/** The last numbers written this year in the registers of outgoing and incoming documents (blank: start at 01). */
	public void registers(String token, String lastOutgoing, String lastIncoming) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.SERVICE);
		var errors = new SetupException.Errors();
		carryOver(state, RegisterNumbering.Register.OUTGOING, lastOutgoing, "lastOutgoing", errors);
		carryOver(state, RegisterNumbering.Register.INCOMING, lastIncoming, "lastIncoming", errors);
		if (!errors.isEmpty()) {
			throw errors.refusal();
		}
	}

	private void carryOver(SetupState state, RegisterNumbering.Register register, @Nullable String text, String field,
			SetupException.Errors errors) {
		var value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			return;
		}
		if (!value.matches("[0-9]{1,5}")) {
			errors.add(field, "setup.error.lastNumber");
			return;
		}
		try {
			SetupWizard.inUnit(state.unitCode(), () -> {
				numbering.continueAfter(state.unitCode(), register, Integer.parseInt(value), state.adminUsername());
				return null;
			});
		}
		catch (DocumentException e) {
			errors.add(field, SetupException.quote(e));
		}
	}

	public int lastUsed(SetupState state, RegisterNumbering.Register register) {
		return SetupWizard.inUnit(state.unitCode(), () -> numbering.lastUsed(state.unitCode(), register));
	}

	public boolean bankSet(SetupState state) {
		return SetupWizard.inUnit(state.unitCode(), () -> payments.receivingAccount(state.unitCode()).isPresent());
	}

	private static boolean blank(@Nullable String s) {
		return s == null || s.isBlank();
	}

	private static String nz(@Nullable String s) {
		return s == null ? "" : s.strip();
	}
}
