package vn.xaso.platform.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import vn.xaso.platform.VietnameseText;

/**
 * File names for downloads that say what the file is: {@code 01-QD-UBND-ve-viec-thanh-lap-to-cong-nghe-so.pdf}
 * (ASCII, for every browser and file system) with the Vietnamese name in {@code filename*} (RFC 6266 / RFC 8187,
 * UTF-8), e.g. {@code 01-QĐ-UBND Về việc thành lập Tổ công nghệ số.pdf}.
 */
public final class DownloadNames {

	/** Names are cut at a word boundary around this many characters (before the extension). */
	static final int MAX = 100;

	private DownloadNames() {
	}

	/**
	 * {@code inline; filename="…"; filename*=UTF-8''…}: {@code name} is the Vietnamese name without extension,
	 * {@code extension} e.g. {@code ".pdf"}.
	 */
	public static String contentDisposition(boolean inline, String name, String extension) {
		var utf8 = cut(clean(name)) + extension;
		var ascii = ascii(name) + extension;
		return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + percent(utf8);
	}

	/**
	 * The ASCII form: marks dropped, đ → d, every run of other characters one hyphen; the number and symbol keep
	 * their capitals ("01-QD-UBND"), the words after them are lower case.
	 */
	public static String ascii(String name) {
		var clean = clean(name);
		int space = clean.indexOf(' ');
		var first = space > 0 ? clean.substring(0, space) : clean;
		boolean numbered = first.matches(".*[0-9].*");
		var words = (numbered ? fold(first) + "-" : "") + fold(numbered ? clean.substring(first.length()) : clean).toLowerCase(Locale.ROOT);
		var out = new StringBuilder();
		for (var word : words.split("-")) {
			if (word.isEmpty()) {
				continue;
			}
			if (out.length() + word.length() + 1 > MAX) {
				break;
			}
			if (!out.isEmpty()) {
				out.append('-');
			}
			out.append(word);
		}
		return out.isEmpty() ? "tep" : out.toString();
	}

	private static String fold(String s) {
		return VietnameseText.fold(s).replaceAll("[^A-Za-z0-9]+", "-");
	}

	private static String clean(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).replace('/', '-').replaceAll("[\\\\:*?\"<>|\\p{Cntrl}]", " ").replaceAll("\\s+", " ")
			.strip();
	}

	private static String cut(String s) {
		if (s.length() <= MAX) {
			return s.isEmpty() ? "tep" : s;
		}
		int space = s.lastIndexOf(' ', MAX);
		return s.substring(0, space > MAX / 2 ? space : MAX).strip();
	}

	/** RFC 8187 value: attr-char kept, every other UTF-8 byte percent-encoded. */
	static String percent(String s) {
		var b = new StringBuilder();
		for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
			int c = x & 0xff;
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				b.append((char) c);
			}
			else {
				b.append('%').append(String.format("%02X", c));
			}
		}
		return b.toString();
	}
}
