package vn.xaso.economy.internal;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Producer;
import vn.xaso.platform.PersonalData;

/**
 * A producer's details, checked: kind, name, optional tax code (10 or 13 digits), contact, a mobile phone, address,
 * and optionally their own bank account (checked by payments: BIN in the VietQR list, 6–19 digits, bank-style name).
 */
public record ProducerEntry(Producer.Kind kind, String name, @Nullable String taxCode, String contactName, String phone,
		String address, @Nullable String description, @Nullable String bankBin, @Nullable String accountNumber,
		@Nullable String accountName) {

	/** As typed in the form. */
	public record Input(@Nullable String kind, @Nullable String name, @Nullable String taxCode, @Nullable String contactName,
			@Nullable String phone, @Nullable String address, @Nullable String description, @Nullable String bankBin,
			@Nullable String accountNumber, @Nullable String accountName) {
	}

	static ProducerEntry of(Input in) {
		Producer.Kind kind;
		try {
			kind = Producer.Kind.valueOf(text(in.kind()));
		}
		catch (IllegalArgumentException e) {
			throw new EconomyException("kind", "economy.error.kind");
		}
		var name = text(in.name());
		if (name.length() < 2 || name.length() > 150) {
			throw new EconomyException("name", "economy.error.producerName");
		}
		var tax = text(in.taxCode()).replace(" ", "");
		if (!tax.isEmpty() && !tax.matches("[0-9]{10}(-?[0-9]{3})?")) {
			throw new EconomyException("taxCode", "economy.error.taxCode");
		}
		var contact = text(in.contactName());
		if (contact.length() < 2 || contact.length() > 100) {
			throw new EconomyException("contactName", "economy.error.contactName");
		}
		var phone = PersonalData.normalisePhone(text(in.phone()));
		if (phone == null || !phone.matches("0[0-9]{9}")) {
			throw new EconomyException("phone", "economy.error.phone");
		}
		var address = text(in.address());
		if (address.length() < 2 || address.length() > 300) {
			throw new EconomyException("address", "economy.error.address");
		}
		var description = text(in.description());
		if (description.length() > 2000) {
			throw new EconomyException("description", "economy.error.producerDescription");
		}
		var bin = text(in.bankBin());
		var number = text(in.accountNumber());
		var holder = text(in.accountName());
		boolean any = !bin.isEmpty() || !number.isEmpty() || !holder.isEmpty();
		if (any && (bin.isEmpty() || number.isEmpty() || holder.isEmpty())) {
			throw new EconomyException(bin.isEmpty() ? "bankBin" : number.isEmpty() ? "accountNumber" : "accountName",
					"economy.error.accountPartial");
		}
		return new ProducerEntry(kind, name, tax.isEmpty() ? null : tax, contact, phone, address,
				description.isEmpty() ? null : description, any ? bin : null, any ? number : null, any ? holder : null);
	}

	ProducerEntry withAccount(String bin, String number, String holder) {
		return new ProducerEntry(kind, name, taxCode, contactName, phone, address, description, bin, number, holder);
	}

	static String text(@Nullable String s) {
		return s == null ? "" : Normalizer.normalize(s.strip().replaceAll("[\\s&&[^\\n]]+", " "), Normalizer.Form.NFC);
	}
}
