package vn.xaso.payments.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.payments.Bill;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;
import vn.xaso.payments.internal.BankDirectory;
import vn.xaso.payments.internal.PaymentAccounts;
import vn.xaso.payments.internal.PaymentQueries;
import vn.xaso.payments.web.PaymentForms.AccountForm;
import vn.xaso.payments.web.PaymentForms.BillFilter;
import vn.xaso.payments.web.PaymentForms.CashForm;
import vn.xaso.payments.web.PaymentForms.ResolveForm;
import vn.xaso.platform.web.Form;
import vn.xaso.platform.web.Paging;

/** Officers' payments pages (bills, one bill with its QR and cash form, flagged transactions) and the admin account page. */
@Controller
class PaymentsController {

	private final Payments payments;
	private final PaymentQueries queries;
	private final PaymentAccounts accounts;
	private final BankDirectory banks;
	private final MessageSource messages;

	PaymentsController(Payments payments, PaymentQueries queries, PaymentAccounts accounts, BankDirectory banks, MessageSource messages) {
		this.messages = messages;
		this.payments = payments;
		this.queries = queries;
		this.accounts = accounts;
		this.banks = banks;
	}

	@GetMapping("/payments")
	String list(@AuthenticationPrincipal OfficialPrincipal me, @Valid BillFilter filter, BindingResult result, Model model) {
		var params = filter.values();
		var form = Form.of(params, result);
		int page = Params.page(filter.page());
		var status = PaymentQueries.status(filter.status());
		var q = form.hasErrors() || filter.q() == null ? "" : filter.q().strip();
		var listing = form.hasErrors() ? new PaymentQueries.Listing<PaymentQueries.BillRow>(List.of(), 0)
				: queries.bills(me.unitCode(), q, status, page, Paging.DEFAULT_SIZE);
		model.addAttribute("form", form);
		model.addAttribute("listing", listing);
		model.addAttribute("paging", Paging.of(page, listing.total(), "/payments", params));
		model.addAttribute("flaggedCount", queries.flaggedCount(me.unitCode()));
		model.addAttribute("hasAccount", accounts.find(me.unitCode()).isPresent());
		return "payments/list";
	}

	@GetMapping("/payments/unmatched")
	String flagged(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		model.addAttribute("transactions", queries.flagged(me.unitCode(), 200));
		model.addAttribute("form", Form.empty());
		model.addAttribute("canAct", Params.cashier(me));
		return "payments/flagged";
	}

	@PostMapping("/payments/transactions/{id}/resolve")
	String resolve(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid ResolveForm resolution,
			BindingResult result, Locale locale, Model model, RedirectAttributes redirect) {
		queries.transaction(me.unitCode(), id).orElseThrow(NotFound::new);
		var form = Form.of(resolution.values(), result).value("transactionId", String.valueOf(id));
		try {
			if (!form.hasErrors()) {
				queries.resolve(me.unitCode(), id, resolution.note(), me.username());
				redirect.addFlashAttribute("notice", messages.getMessage("payments.done.resolved", null, locale));
				return "redirect:/payments/unmatched";
			}
		}
		catch (PaymentException e) {
			e.localErrors().forEach((field, message) -> form.reject(field.isEmpty() ? "note" : field, message));
		}
		model.addAttribute("transactions", queries.flagged(me.unitCode(), 200));
		model.addAttribute("form", form);
		model.addAttribute("canAct", Params.cashier(me));
		return "payments/flagged";
	}

	@GetMapping("/payments/bills/{id}")
	String bill(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, Model model) {
		return billPage(me, ownBill(me, id), Form.empty(), model);
	}

	private String billPage(OfficialPrincipal me, Bill bill, Form form, Model model) {
		String payload = null;
		String qrProblem = null;
		if (!bill.settled() && bill.status() != Bill.Status.CANCELLED) {
			try {
				payload = payments.vietQrPayload(bill.id());
			}
			catch (PaymentException e) {
				qrProblem = e.localMessage();
			}
		}
		if (form.value("amountVnd").isEmpty()) {
			form.value("amountVnd", String.valueOf(bill.dueVnd()));
		}
		model.addAttribute("bill", bill);
		model.addAttribute("payer", payments.payerName(bill.id()).orElse(""));
		model.addAttribute("payload", payload);
		model.addAttribute("qrProblem", qrProblem);
		model.addAttribute("transactions", queries.ofBill(bill.id()));
		model.addAttribute("form", form);
		model.addAttribute("canCash", Params.cashier(me) && bill.dueVnd() > 0);
		var account = accounts.find(bill.unitCode());
		model.addAttribute("accountLine", account.map(a -> banks.byBin(a.bankBin()).map(BankDirectory.Bank::shortName).orElse(a.bankBin())
				+ " · " + a.accountNumber() + " · " + a.accountName()).orElse(null));
		return "payments/bill";
	}

	@PostMapping("/payments/bills/{id}/cash")
	String cash(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id, @Valid CashForm cash, BindingResult result,
			Locale locale, Model model, RedirectAttributes redirect) {
		var bill = ownBill(me, id);
		var form = Form.of(cash.values(), result);
		if (form.hasErrors()) {
			return billPage(me, bill, form, model);
		}
		try {
			payments.recordCash(id, me.username(), cash.amount());
			redirect.addFlashAttribute("notice", messages.getMessage("payments.done.cash", null, locale));
			return "redirect:/payments/bills/" + id;
		}
		catch (PaymentException e) {
			e.localErrors().forEach((field, message) -> form.reject(field.isEmpty() ? "amountVnd" : field, message));
			return billPage(me, payments.find(id).orElse(bill), form, model);
		}
	}

	@GetMapping("/payments/bills/{id}/vietqr.png")
	ResponseEntity<byte[]> qr(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id,
			@RequestParam(name = "size", defaultValue = "320") String size) {
		ownBill(me, id);
		return Params.png(payments.vietQrPng(id, Params.size(size)));
	}

	@GetMapping("/payments/bills/{id}/receipt.pdf")
	ResponseEntity<byte[]> receipt(@AuthenticationPrincipal OfficialPrincipal me, @PathVariable long id) {
		var bill = ownBill(me, id);
		return Params.pdf(payments.receiptPdf(id), bill);
	}

	@GetMapping("/admin/payments")
	String account(@AuthenticationPrincipal OfficialPrincipal me, Model model) {
		var form = Form.empty();
		accounts.find(me.unitCode()).ifPresent(a -> form.value("bankBin", a.bankBin())
			.value("accountNumber", a.accountNumber())
			.value("accountName", a.accountName()));
		return accountPage(me, form, model);
	}

	@PostMapping("/admin/payments")
	String saveAccount(@AuthenticationPrincipal OfficialPrincipal me, AccountForm account, Locale locale, Model model,
			RedirectAttributes redirect) {
		var form = Form.of(account.values());
		try {
			accounts.save(me.unitCode(), orEmpty(account.bankBin()), orEmpty(account.accountNumber()), orEmpty(account.accountName()),
					me.username());
			redirect.addFlashAttribute("notice", messages.getMessage("payments.done.account", null, locale));
			return "redirect:/admin/payments";
		}
		catch (PaymentException e) {
			e.localErrors().forEach(form::reject);
			return accountPage(me, form, model);
		}
	}

	private String accountPage(OfficialPrincipal me, Form form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("banks", banks.all());
		var account = accounts.find(me.unitCode());
		model.addAttribute("account", account.orElse(null));
		model.addAttribute("accountBank", account.flatMap(a -> banks.byBin(a.bankBin())).map(BankDirectory.Bank::shortName).orElse(""));
		return "payments/account";
	}

	private static String orEmpty(@Nullable String value) {
		return value == null ? "" : value;
	}

	/** A bill of the official's own commune, or 404 (another commune's bill does not exist for them). */
	private Bill ownBill(OfficialPrincipal me, long id) {
		return payments.find(id).filter(b -> b.unitCode().equals(me.unitCode())).orElseThrow(NotFound::new);
	}

	@ResponseStatus(HttpStatus.NOT_FOUND)
	static final class NotFound extends RuntimeException {
		NotFound() {
			super("bill not found");
		}
	}

}
