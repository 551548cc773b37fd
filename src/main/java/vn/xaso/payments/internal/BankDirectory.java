package vn.xaso.payments.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The banks a VietQR can name: NAPAS BIN, short and full name, from the bundled list
 * {@code payments/vietqr-banks.csv} (provenance in {@code payments/PROVENANCE.md}). Where a BIN
 * repeats (mergers) the first row wins.
 */
@Component
public class BankDirectory {

	/** {@code vietQr}: the list marks the bank as accepting VietQR transfers. */
	public record Bank(String bin, String code, String shortName, String name, boolean vietQr) {
		public String label() {
			return shortName + " — " + name + " (" + bin + ")";
		}
	}

	private final Map<String, Bank> byBin;

	public BankDirectory() {
		this.byBin = load();
	}

	/**
	 * Rows without a BIN are skipped. A BIN on several rows (a bank renamed or merged) becomes one
	 * bank whose short name lists every name, e.g. "LienVietPostBank / LPBank".
	 */
	private static Map<String, Bank> load() {
		var in = BankDirectory.class.getResourceAsStream("/payments/vietqr-banks.csv");
		if (in == null) {
			throw new IllegalStateException("payments/vietqr-banks.csv missing from the classpath");
		}
		var banks = new LinkedHashMap<String, Bank>();
		try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			var header = reader.readLine();
			if (header == null || !header.startsWith("key,code,bin,shortName,name")) {
				throw new IllegalStateException("Unexpected header in vietqr-banks.csv: " + header);
			}
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				var f = line.split(",", -1);
				if (f.length < 7) {
					throw new IllegalStateException("Bad row in vietqr-banks.csv: " + line);
				}
				var bin = f[2].strip();
				if (bin.isEmpty()) {
					continue;
				}
				if (!bin.matches("[0-9]{6}")) {
					throw new IllegalStateException("Bad BIN in vietqr-banks.csv: " + line);
				}
				var bank = new Bank(bin, nfc(f[1]), nfc(f[3]), nfc(f[4]), "1".equals(f[6].strip()));
				banks.merge(bin, bank, (a, b) -> new Bank(bin, a.code(), a.shortName() + " / " + b.shortName(),
						a.vietQr() || !b.vietQr() ? a.name() : b.name(), a.vietQr() || b.vietQr()));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Map.copyOf(banks);
	}

	private static String nfc(String s) {
		return Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
	}

	public Optional<Bank> byBin(String bin) {
		return Optional.ofNullable(byBin.get(bin));
	}

	/** All banks by short name, for a select list. */
	public List<Bank> all() {
		var list = new ArrayList<>(byBin.values());
		list.sort(Comparator.comparing(b -> b.shortName().toLowerCase(java.util.Locale.ROOT)));
		return list;
	}
}
