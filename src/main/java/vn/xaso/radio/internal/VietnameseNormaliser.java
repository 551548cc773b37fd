package vn.xaso.radio.internal;

import static vn.xaso.platform.VietnameseText.number;

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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a written Vietnamese notice into the words an announcer says, before speech synthesis:
 * numbers (with "mốt", "tư", "lăm", "linh", "mươi", "nghìn", "triệu", "tỷ"; dots group thousands,
 * a comma is the decimal point, "phẩy"), money ("50.000đ", "VNĐ", "50k"), dates ("15/10/2021"),
 * times ("7h30", "07:30"), ranges ("7-9 giờ"), ordinals ("thứ 2"), phone numbers digit by digit,
 * Roman numerals after "quý", "khóa", …, units (km, m², ha, kg, °C, %), document symbols
 * ("12/QĐ-UBND") and abbreviations (list in {@code radio/abbreviations.tsv}). Pure and thread-safe.
 */
public final class VietnameseNormaliser {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

	/** Letters in Java regex without \b (which does not know Vietnamese letters). */
	private static final String NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
	private static final String NOT_LETTER_AFTER = "(?![\\p{L}\\p{N}])";

	private final Map<String, String> words;
	private final Map<String, String> symbols;
	private final Pattern wordPattern;

	public VietnameseNormaliser() {
		var w = new LinkedHashMap<String, String>();
		var s = new LinkedHashMap<String, String>();
		try (var in = getClass().getResourceAsStream("/radio/abbreviations.tsv")) {
			if (in == null) {
				throw new IllegalStateException("radio/abbreviations.tsv missing");
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				var parts = line.split("\t");
				(parts[0].equals("symbol") ? s : w).put(parts[1], parts[2]);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.words = w;
		this.symbols = s;
		var keys = new ArrayList<>(w.keySet());
		keys.sort(Comparator.comparingInt(String::length).reversed());
		this.wordPattern = Pattern.compile(NOT_LETTER_BEFORE + "("
				+ String.join("|", keys.stream().map(Pattern::quote).toList()) + ")" + "(?![\\p{L}\\p{N}&])");
	}

	// ------------------------------------------------------------------ numbers

	/** Digits one by one: "0912" "không chín một hai". */
	public static String digits(String s) {
		var out = new ArrayList<String>();
		for (char c : s.toCharArray()) {
			if (c >= '0' && c <= '9') {
				out.add(DIGITS[c - '0']);
			}
		}
		return String.join(" ", out);
	}

	/** An integer as written (leading zeros of short numbers dropped: "05" is "năm"; very long ones read digit by digit). */
	static String integer(String digitsOnly) {
		if (digitsOnly.length() > 15) {
			return digits(digitsOnly);
		}
		if (digitsOnly.length() > 3 && digitsOnly.startsWith("0")) {
			return digits(digitsOnly);
		}
		return number(Long.parseLong(digitsOnly));
	}

	/** "2,5" "hai phẩy năm"; "0,05" "không phẩy không năm"; "3,14" "ba phẩy mười bốn". */
	static String decimal(String whole, String fraction) {
		var w = integer(whole);
		String f;
		if (fraction.startsWith("0") || fraction.length() > 2) {
			f = digits(fraction);
		}
		else {
			f = number(Long.parseLong(fraction));
		}
		return w + " phẩy " + f;
	}

	private static final String[] MONTHS = { "", "một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười",
			"mười một", "mười hai" };

	static String month(int m) {
		return MONTHS[m];
	}

	// ------------------------------------------------------------------ the pipeline

	public String normalise(String text) {
		var s = Normalizer.normalize(text, Normalizer.Form.NFC);
		s = s.replace('\u00a0', ' ').replace('–', '-').replace('—', '-').replace('‑', '-').replace('’', '\'')
			.replace('“', '"').replace('”', '"');
		// line breaks and bullets become sentence breaks
		s = s.replaceAll("(?m)^\\s*[-•+*]\\s+", "");
		s = s.replaceAll("\\s*\\n+\\s*", ". ");
		s = s.replaceAll("[ \\t]+", " ");

		s = documentSymbols(s);
		s = abbreviations(s);
		s = phones(s);
		s = dates(s);
		s = ranges(s);
		s = times(s);
		s = money(s);
		s = units(s);
		s = ordinals(s);
		s = roman(s);
		s = numbers(s);
		s = symbols(s);
		s = shouting(s);

		s = s.replaceAll("\\s+([,.;:!?])", "$1").replaceAll(",\\s*([.;:!?])", "$1").replaceAll("([,.;:!?])(?=[\\p{L}])", "$1 ");
		s = s.replaceAll("\\.(\\s*\\.)+", ".").replaceAll(":\\s*\\.", ":").replaceAll("\\s{2,}", " ").strip();
		return s;
	}

	private static String replace(String s, Pattern p, Function<Matcher, String> f) {
		var m = p.matcher(s);
		var sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	// "số 12/QĐ-UBND", "05/2024/TB-UBND", "Nghị định 30/2020/NĐ-CP"
	private static final Pattern SYMBOL = Pattern.compile(NOT_LETTER_BEFORE
			+ "(\\d{1,5})\\s*/\\s*(?:(\\d{4})\\s*/\\s*)?([A-ZĐ][A-Za-zĐđ&]*(?:\\s?-\\s?[A-ZĐ][A-Za-zĐđ&]*)*)" + NOT_LETTER_AFTER);

	private String documentSymbols(String s) {
		return replace(s, SYMBOL, m -> {
			var out = new ArrayList<String>();
			out.add(number(Long.parseLong(m.group(1))));
			if (m.group(2) != null) {
				out.add("năm " + number(Long.parseLong(m.group(2))));
			}
			out.set(out.size() - 1, out.getLast() + ", ký hiệu");
			for (var part : m.group(3).split("\\s?-\\s?")) {
				var spoken = symbols.get(part);
				if (spoken == null) {
					spoken = words.get(part);
				}
				out.add(spoken != null ? spoken : part);
			}
			return String.join(" ", out);
		});
	}

	private String abbreviations(String s) {
		return replace(s, wordPattern, m -> words.get(m.group(1)));
	}

	// 0912 345 678, 0912.345.678, 0229.3868.123, (0229) 3868123, 1900 1234, "gọi 113"
	private static final Pattern PHONE = Pattern.compile(NOT_LETTER_BEFORE
			+ "(\\(?0\\d{2,3}\\)?(?:[ .-]?\\d{3,4}){2,3})" + NOT_LETTER_AFTER);
	private static final Pattern HOTLINE = Pattern.compile("(?i)(gọi(?: số)?|số máy|điện thoại|đường dây nóng|hotline|tổng đài)(:?\\s+)(1[0-9]{2,3}(?:[ .]?\\d{3,4}){0,2})" + NOT_LETTER_AFTER);
	/** Toll-free and shared-cost hotlines 1800 xxxx, 1900 xxxx: always digit by digit. */
	private static final Pattern HOTLINE_NUMBER = Pattern.compile(NOT_LETTER_BEFORE + "(1[89]00)[ .]?(\\d{3,4}(?:[ .]?\\d{2,4})?)" + NOT_LETTER_AFTER);

	private static String phones(String s) {
		s = replace(s, PHONE, m -> {
			var digitsOnly = m.group(1).replaceAll("\\D", "");
			if (digitsOnly.length() < 9 || digitsOnly.length() > 11) {
				return m.group();
			}
			// groups as written, with a short pause between them
			var groups = m.group(1).replaceAll("[()]", "").split("[ .-]+");
			var spoken = new ArrayList<String>();
			for (var g : groups) {
				spoken.add(digits(g));
			}
			return String.join(", ", spoken);
		});
		s = replace(s, HOTLINE_NUMBER, m -> digits(m.group(1)) + ", " + String.join(", ",
				java.util.Arrays.stream(m.group(2).split("[ .]")).map(VietnameseNormaliser::digits).toList()));
		return replace(s, HOTLINE, m -> m.group(1) + m.group(2) + String.join(", ",
				java.util.Arrays.stream(m.group(3).split("[ .]")).map(VietnameseNormaliser::digits).toList()));
	}

	// 15/10/2021, 15-10-2021, 15.10.2021, 15/10, tháng 10/2021, 15-20/10
	private static final Pattern DATE = Pattern.compile("(ngày\\s+|Ngày\\s+)?" + NOT_LETTER_BEFORE
			+ "(?:(\\d{1,2})\\s*-\\s*)?(\\d{1,2})([/.-])(\\d{1,2})(?:\\4(\\d{4}))?" + "(?![\\p{L}\\d/])");
	private static final Pattern MONTH_YEAR = Pattern.compile("(?i)(tháng)\\s+(\\d{1,2})\\s*[/-]\\s*(\\d{4})" + NOT_LETTER_AFTER);

	private static String dates(String s) {
		s = replace(s, DATE, m -> {
			int day = Integer.parseInt(m.group(3));
			int month = Integer.parseInt(m.group(5));
			var sep = m.group(4);
			boolean hasYear = m.group(6) != null;
			if (day < 1 || day > 31 || month < 1 || month > 12 || (!hasYear && !sep.equals("/"))) {
				return m.group();
			}
			var sb = new StringBuilder();
			sb.append(m.group(1) != null ? m.group(1) : "ngày ");
			if (m.group(2) != null) {
				int from = Integer.parseInt(m.group(2));
				if (from < 1 || from >= day) {
					return m.group();
				}
				sb.append(from <= 10 ? "mùng " : "").append(number(from)).append(" đến ngày ");
			}
			sb.append(day <= 10 ? "mùng " : "").append(number(day)).append(" tháng ").append(month(month));
			if (hasYear) {
				sb.append(" năm ").append(number(Long.parseLong(m.group(6))));
			}
			return sb.toString();
		});
		return replace(s, MONTH_YEAR, m -> {
			int month = Integer.parseInt(m.group(2));
			if (month < 1 || month > 12) {
				return m.group();
			}
			return m.group(1) + " " + month(month) + " năm " + number(Long.parseLong(m.group(3)));
		});
	}

	// "7-9 giờ", "7h30-11h", "từ 7 - 9": a dash between two numbers reads "đến"
	private static final Pattern RANGE = Pattern.compile("(\\d(?:[h:g]\\d{2}|h)?)\\s*-\\s*(?=\\d)");

	private static String ranges(String s) {
		return replace(s, RANGE, m -> m.group(1) + " đến ");
	}

	// 7h30, 7h, 07:30, 7g30, 7 giờ 30
	private static final Pattern TIME = Pattern.compile(NOT_LETTER_BEFORE + "(\\d{1,2})(?:\\s?[hg]|:)(\\d{2})?(?:'|p|\\s?phút)?" + NOT_LETTER_AFTER);

	private static String times(String s) {
		return replace(s, TIME, m -> {
			int h = Integer.parseInt(m.group(1));
			int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
			if (h > 24 || min > 59 || (m.group(2) == null && m.group().contains(":"))) {
				return m.group();
			}
			return number(h) + " giờ" + (min == 0 ? "" : " " + number(min) + " phút");
		});
	}

	// 50.000đ, 50.000 đ, 50.000 VNĐ, 50k
	private static final Pattern MONEY = Pattern.compile("(\\d)\\s?(?:đ|VNĐ|VND|vnđ|Đ|đồng)" + NOT_LETTER_AFTER);
	private static final Pattern THOUSANDS_K = Pattern.compile("(\\d)\\s?k" + NOT_LETTER_AFTER);

	private static String money(String s) {
		s = replace(s, MONEY, m -> m.group(1) + " đồng");
		return replace(s, THOUSANDS_K, m -> m.group(1) + " nghìn");
	}

	private static final Map<String, String> UNITS = new LinkedHashMap<>();
	static {
		UNITS.put("km/h", "ki lô mét một giờ");
		UNITS.put("km²", "ki lô mét vuông");
		UNITS.put("km2", "ki lô mét vuông");
		UNITS.put("m²", "mét vuông");
		UNITS.put("m2", "mét vuông");
		UNITS.put("m³", "mét khối");
		UNITS.put("m3", "mét khối");
		UNITS.put("km", "ki lô mét");
		UNITS.put("cm", "xen ti mét");
		UNITS.put("mm", "mi li mét");
		UNITS.put("m", "mét");
		UNITS.put("ha", "héc ta");
		UNITS.put("kg", "ki lô gam");
		UNITS.put("g", "gam");
		UNITS.put("ml", "mi li lít");
		UNITS.put("l", "lít");
		UNITS.put("kWh", "ki lô oát giờ");
		UNITS.put("kW", "ki lô oát");
		UNITS.put("kV", "ki lô vôn");
		UNITS.put("°C", "độ xê");
		UNITS.put("ºC", "độ xê");
		UNITS.put("oC", "độ xê");
		UNITS.put("%", "phần trăm");
	}
	private static final Pattern UNIT = Pattern.compile("(\\d)\\s?("
			+ String.join("|", UNITS.keySet().stream().map(Pattern::quote).toList()) + ")(?![\\p{L}\\d²³])");

	private static final Pattern PER_UNIT = Pattern.compile("(?<=\\p{L})\\s?/\\s?(km|m2|m²|m3|m³|ha|kg|l|ml)(?![\\p{L}\\d])");

	private static String units(String s) {
		s = replace(s, PER_UNIT, m -> " một " + UNITS.get(m.group(1)));
		return replace(s, UNIT, m -> m.group(1) + " " + UNITS.get(m.group(2)));
	}

	private static final Pattern ORDINAL = Pattern.compile("(?i)" + NOT_LETTER_BEFORE + "(thứ)\\s+(\\d{1,2})" + NOT_LETTER_AFTER);

	private static String ordinals(String s) {
		return replace(s, ORDINAL, m -> {
			int n = Integer.parseInt(m.group(2));
			var w = n == 1 ? "nhất" : n == 4 ? "tư" : number(n);
			return m.group(1) + " " + w;
		});
	}

	private static final Pattern ROMAN = Pattern.compile("(?i)" + NOT_LETTER_BEFORE
			+ "(quý|khóa|khoá|chương|mục|phần|đợt|kỳ|giai đoạn|phụ lục|lần|báo động|cấp|số)\\s+([IVXLC]+)" + NOT_LETTER_AFTER);

	private static String roman(String s) {
		return replace(s, ROMAN, m -> {
			var value = romanValue(m.group(2));
			return value <= 0 ? m.group() : m.group(1) + " " + number(value);
		});
	}

	static int romanValue(String r) {
		var values = Map.of('I', 1, 'V', 5, 'X', 10, 'L', 50, 'C', 100);
		int total = 0;
		for (int i = 0; i < r.length(); i++) {
			int v = values.getOrDefault(r.charAt(i), -10000);
			int next = i + 1 < r.length() ? values.getOrDefault(r.charAt(i + 1), 0) : 0;
			total += v < next ? -v : v;
		}
		return total > 0 && total < 400 ? total : -1;
	}

	// 1.500.000 (thousands), 2,5 (decimal), 2.5 (decimal written the English way), 100
	private static final Pattern NUMBER = Pattern.compile(
			"(\\d{1,3}(?:\\.\\d{3})+)(?:,(\\d+))?|(\\d+),(\\d+)|(\\d+)\\.(\\d{1,2})(?!\\d)|(\\d+)");

	private static String numbers(String s) {
		return replace(s, NUMBER, m -> {
			if (m.group(1) != null) {
				var whole = m.group(1).replace(".", "");
				return m.group(2) != null ? decimal(whole, m.group(2)) : integer(whole);
			}
			if (m.group(3) != null) {
				return decimal(m.group(3), m.group(4));
			}
			if (m.group(5) != null) {
				return decimal(m.group(5), m.group(6));
			}
			return integer(m.group(7));
		});
	}

	private static final Pattern SLASH_AFTER_UNIT = Pattern.compile(
			"(đồng|nghìn|triệu|tỷ|gam|lít|mét|héc ta|ki lô gam|tấn|khối|vuông|giờ|phút)\\s?/\\s?(?=\\p{L})");

	private static String symbols(String s) {
		s = replace(s, SLASH_AFTER_UNIT, m -> m.group(1) + " một ");
		s = s.replaceAll("(?<=\\p{L})\\s?/\\s?(?=\\p{L})", " hoặc ");
		s = s.replace("&", " và ").replace("+", " cộng ");
		s = s.replaceAll("[()\\[\\]{}]", ", ").replaceAll("[\"*_#~`|<>]", " ");
		s = s.replaceAll("\\s+-\\s+", ", ");
		s = s.replaceAll("\\.{3}|…", ",");
		return s.replaceAll(",(\\s*,)+", ",");
	}

	private static final Pattern CAPS_RUN = Pattern.compile("(?<![\\p{L}])(\\p{Lu}{2,}(?:\\s+\\p{Lu}{2,})+)(?![\\p{L}])");

	/** A heading in capitals ("THÔNG BÁO KHẨN") is read as ordinary words, not letter by letter. */
	private static String shouting(String s) {
		return replace(s, CAPS_RUN, m -> m.group(1).toLowerCase(java.util.Locale.ROOT));
	}

	/** For tests and previews: the list of rules in the order they apply. */
	public static List<String> rules() {
		return List.of("documentSymbols", "abbreviations", "phones", "dates", "ranges", "times", "money", "units",
				"ordinals", "roman", "numbers", "symbols", "shouting");
	}
}
