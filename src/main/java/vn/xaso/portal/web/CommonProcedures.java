package vn.xaso.portal.web;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.xaso.catalog.Procedures;

/**
 * The few procedures villagers ask for most (birth, death and marriage registration, a marital-status
 * certificate, a certified copy), shown first on the commune home with plain short names; the full
 * catalogue is one link further. The codes are national procedure codes (mã TTHC) and can be changed with
 * {@code xaso.portal.common-procedures}; a code the commune's catalogue does not have is left out.
 */
@Component
public class CommonProcedures {

	/** One entry of the short list: the procedure code and its everyday name. */
	public record Item(String code, String label) {
	}

	private final Procedures procedures;
	private final MessageSource messages;
	private final List<String> codes;

	CommonProcedures(Procedures procedures, MessageSource messages,
			@Value("${xaso.portal.common-procedures:1.001193,1.000656,1.000894,1.004873,2.000815}") List<String> codes) {
		this.procedures = procedures;
		this.messages = messages;
		this.codes = codes.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
	}

	List<Item> forCommune(String communeCode, java.util.Locale locale) {
		return codes.stream()
			.flatMap(code -> procedures.current(communeCode, code).stream())
			.map(p -> new Item(p.code(), messages.getMessage("portal.common." + p.code(), null, p.name(), locale)))
			.toList();
	}
}
