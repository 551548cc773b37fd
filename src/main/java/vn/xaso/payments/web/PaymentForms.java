package vn.xaso.payments.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.xaso.platform.web.Form;

/**
 * The payments pages' typed forms. Bean Validation refuses the plain mistakes with the module's messages
 * ({@code i18n/payments}); the services check the rest (and everything again, for the API).
 */
final class PaymentForms {

	private PaymentForms() {
	}



	/** Filters of the bills list. */
	record BillFilter(@Size(max = 100, message = "{payments.error.qLong}") @Nullable String q,
			@Pattern(regexp = "\\s*(UNPAID|PAID|UNDERPAID|OVERPAID|CANCELLED)?\\s*", flags = Pattern.Flag.CASE_INSENSITIVE,
					message = "{payments.error.status}") @Nullable String status,
			@Nullable String page) {

		Map<String, String> values() {
			return Form.pairs("q", q, "status", status, "page", page);
		}
	}

	/** How an officer handled a flagged transaction. */
	record ResolveForm(@NotBlank(message = "{payments.error.resolveNote}") @Size(max = 500, message = "{payments.error.resolveNoteLong}")
	@Nullable String note) {

		Map<String, String> values() {
			return Form.pairs("note", note);
		}
	}

	/** Cash taken at the counter: whole dong, dots, commas and spaces allowed between the digits. */
	record CashForm(@NotBlank(message = "{payments.error.cashAmount}") @Pattern(regexp = "\\s*[ .,]*([0-9][ .,]*){1,12}\\s*",
			message = "{payments.error.cashAmount}") @Nullable String amountVnd) {

		Map<String, String> values() {
			return Form.pairs("amountVnd", amountVnd);
		}

		long amount() {
			return Long.parseLong(amountVnd == null ? "0" : amountVnd.replaceAll("[\\s.,]", ""));
		}
	}

	/** The commune's receiving bank account (checked in full by the service). */
	record AccountForm(@Nullable String bankBin, @Nullable String accountNumber, @Nullable String accountName) {

		Map<String, String> values() {
			return Form.pairs("bankBin", bankBin, "accountNumber", accountNumber, "accountName", accountName);
		}
	}
}
