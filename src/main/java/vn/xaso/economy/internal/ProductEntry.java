package vn.xaso.economy.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Product;

/**
 * A product's details, checked: name, description, category, selling unit, price in whole đồng, stock, season,
 * an optional GS1 GTIN (check digit verified), an optional OCOP rating whose stars match the score
 * (QĐ 148/QĐ-TTg: 3★ 50–69, 4★ 70–89, 5★ 90–100 points) with a certificate dated no later than today, and up to
 * five links to other marketplaces (http or https).
 */
public record ProductEntry(String name, String description, Product.Category category, String unitLabel, long priceVnd,
		int stock, @Nullable String season, @Nullable String gtin, Product.@Nullable Ocop ocop, List<String> links,
		boolean listed) {

	public static final long MIN_PRICE = 1_000;
	public static final long MAX_PRICE = 100_000_000;
	public static final int MAX_STOCK = 1_000_000;

	/** As typed in the form; {@code links} one per line. */
	public record Input(@Nullable String name, @Nullable String description, @Nullable String category,
			@Nullable String unitLabel, @Nullable String priceVnd, @Nullable String stock, @Nullable String season,
			@Nullable String gtin, @Nullable String ocopStars, @Nullable String ocopScore, @Nullable String ocopCertificate,
			@Nullable String ocopCertifiedOn, @Nullable String links, boolean listed) {
	}

	static ProductEntry of(Input in, LocalDate today) {
		var name = ProducerEntry.text(in.name());
		if (name.length() < 2 || name.length() > 150) {
			throw new EconomyException("name", "economy.error.productName");
		}
		var description = in.description() == null ? "" : in.description().strip();
		if (description.length() > 4000) {
			throw new EconomyException("description", "economy.error.description");
		}
		Product.Category category;
		try {
			category = Product.Category.valueOf(ProducerEntry.text(in.category()));
		}
		catch (IllegalArgumentException e) {
			throw new EconomyException("category", "economy.error.category");
		}
		var unit = ProducerEntry.text(in.unitLabel());
		if (unit.isEmpty() || unit.length() > 30) {
			throw new EconomyException("unitLabel", "economy.error.unitLabel");
		}
		var price = whole(in.priceVnd());
		if (price == null || price < MIN_PRICE || price > MAX_PRICE) {
			throw new EconomyException("priceVnd", "economy.error.price");
		}
		var stock = whole(in.stock());
		if (stock == null || stock < 0 || stock > MAX_STOCK) {
			throw new EconomyException("stock", "economy.error.stockValue");
		}
		var season = ProducerEntry.text(in.season());
		if (season.length() > 100) {
			throw new EconomyException("season", "economy.error.season");
		}
		var gtin = ProducerEntry.text(in.gtin()).replace(" ", "");
		if (!gtin.isEmpty() && !validGtin(gtin)) {
			throw new EconomyException("gtin", "economy.error.gtin");
		}
		return new ProductEntry(name, description, category, unit, price, (int) (long) stock, season.isEmpty() ? null : season,
				gtin.isEmpty() ? null : gtin, ocop(in, today), links(in.links()), in.listed());
	}

	private static Product.@Nullable Ocop ocop(Input in, LocalDate today) {
		var stars = ProducerEntry.text(in.ocopStars());
		var score = ProducerEntry.text(in.ocopScore());
		var certificate = ProducerEntry.text(in.ocopCertificate());
		var date = ProducerEntry.text(in.ocopCertifiedOn());
		if (stars.isEmpty() && score.isEmpty() && certificate.isEmpty() && date.isEmpty()) {
			return null;
		}
		if (!stars.matches("[345]")) {
			throw new EconomyException("ocopStars", "economy.error.ocopStars");
		}
		int s = Integer.parseInt(stars);
		var points = whole(score);
		if (points == null || points < 0 || points > 100) {
			throw new EconomyException("ocopScore", "economy.error.ocopScore");
		}
		if (starsFor((int) (long) points) != s) {
			throw new EconomyException("ocopScore", "economy.error.ocopMismatch", s, low(s), low(s) + (s == 5 ? 10 : 19));
		}
		if (certificate.isEmpty() || certificate.length() > 100) {
			throw new EconomyException("ocopCertificate", "economy.error.ocopCertificate");
		}
		LocalDate on;
		try {
			on = LocalDate.parse(date);
		}
		catch (DateTimeParseException e) {
			throw new EconomyException("ocopCertifiedOn", "economy.error.ocopDate");
		}
		if (on.isAfter(today) || on.isBefore(today.minusYears(20))) {
			throw new EconomyException("ocopCertifiedOn", "economy.error.ocopDate");
		}
		return new Product.Ocop(s, (int) (long) points, certificate, on);
	}

	/** The stars a score earns (QĐ 148/QĐ-TTg): 90–100 five, 70–89 four, 50–69 three; below 50 none (0). */
	static int starsFor(int score) {
		return score >= 90 ? 5 : score >= 70 ? 4 : score >= 50 ? 3 : 0;
	}

	private static int low(int stars) {
		return stars == 5 ? 90 : stars == 4 ? 70 : 50;
	}

	static List<String> links(@Nullable String text) {
		var out = new ArrayList<String>();
		if (text == null) {
			return out;
		}
		for (var line : text.split("\\R")) {
			var link = line.strip();
			if (link.isEmpty()) {
				continue;
			}
			if (link.length() > 300 || !link.matches("(?i)https?://\\S+")) {
				throw new EconomyException("links", "economy.error.link", link.length() > 60 ? link.substring(0, 60) + "…" : link);
			}
			try {
				var uri = new URI(link);
				if (uri.getHost() == null || uri.getHost().isBlank()) {
					throw new EconomyException("links", "economy.error.link", link);
				}
			}
			catch (URISyntaxException e) {
				throw new EconomyException("links", "economy.error.link", link.length() > 60 ? link.substring(0, 60) + "…" : link);
			}
			if (!out.contains(link)) {
				out.add(link);
			}
		}
		if (out.size() > 5) {
			throw new EconomyException("links", "economy.error.links");
		}
		return out;
	}

	/** GS1 GTIN-8/12/13/14 with its mod-10 check digit. */
	static boolean validGtin(String gtin) {
		if (!gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
			return false;
		}
		int sum = 0;
		for (int i = gtin.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (gtin.charAt(i) - '0') * weight;
		}
		return (10 - sum % 10) % 10 == gtin.charAt(gtin.length() - 1) - '0';
	}

	static @Nullable Long whole(@Nullable String s) {
		var t = s == null ? "" : s.strip().replace(".", "").replace(",", "").replace(" ", "");
		if (!t.matches("-?[0-9]{1,12}")) {
			return null;
		}
		return Long.parseLong(t);
	}
}
