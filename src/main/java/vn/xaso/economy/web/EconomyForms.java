package vn.xaso.economy.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.economy.internal.PlacingOrders;
import vn.xaso.economy.internal.ProducerEntry;
import vn.xaso.economy.internal.ProductEntry;
import vn.xaso.platform.web.Form;

/** The economy forms, typed; the use cases check the values and refuse with a message per field. */
final class EconomyForms {

	private EconomyForms() {
	}

	/** The shop's search: words, OCOP only, page. */
	record ShopQuery(@Nullable String q, @Nullable String ocop, @Nullable String page) {

		String words() {
			var w = q == null ? "" : q.strip();
			return w.length() > 100 ? w.substring(0, 100) : w;
		}

		boolean ocopOnly() {
			return "1".equals(ocop);
		}

		int pageNo() {
			return page != null && page.matches("[0-9]{1,5}") ? Integer.parseInt(page) : 0;
		}
	}

	record OrderForm(@Nullable String buyerName, @Nullable String buyerPhone, @Nullable String quantity, @Nullable String delivery,
			@Nullable String address, @Nullable String payment) {

		PlacingOrders.Input input() {
			return new PlacingOrders.Input(buyerName, buyerPhone, quantity, delivery, address, payment);
		}

		Form form() {
			return of("buyerName", buyerName, "buyerPhone", buyerPhone, "quantity", quantity, "delivery", delivery, "address", address,
					"payment", payment);
		}
	}

	record ProducerForm(@Nullable String kind, @Nullable String name, @Nullable String taxCode, @Nullable String contactName,
			@Nullable String phone, @Nullable String address, @Nullable String description, @Nullable String bankBin,
			@Nullable String accountNumber, @Nullable String accountName) {

		ProducerEntry.Input input() {
			return new ProducerEntry.Input(kind, name, taxCode, contactName, phone, address, description, bankBin, accountNumber,
					accountName);
		}

		Form form() {
			return of("kind", kind, "name", name, "taxCode", taxCode, "contactName", contactName, "phone", phone, "address", address,
					"description", description, "bankBin", bankBin, "accountNumber", accountNumber, "accountName", accountName);
		}
	}

	record AccountForm(@Nullable String username) {
	}

	record ProductForm(@Nullable String name, @Nullable String description, @Nullable String category, @Nullable String unitLabel,
			@Nullable String priceVnd, @Nullable String stock, @Nullable String season, @Nullable String gtin,
			@Nullable String ocopStars, @Nullable String ocopScore, @Nullable String ocopCertificate,
			@Nullable String ocopCertifiedOn, @Nullable String links, @Nullable Boolean listed) {

		ProductEntry.Input input() {
			return new ProductEntry.Input(name, description, category, unitLabel, priceVnd, stock, season, gtin, ocopStars, ocopScore,
					ocopCertificate, ocopCertifiedOn, links, Boolean.TRUE.equals(listed));
		}

		Form form() {
			return of("name", name, "description", description, "category", category, "unitLabel", unitLabel, "priceVnd", priceVnd,
					"stock", stock, "season", season, "gtin", gtin, "ocopStars", ocopStars, "ocopScore", ocopScore, "ocopCertificate",
					ocopCertificate, "ocopCertifiedOn", ocopCertifiedOn, "links", links, "listed",
					Boolean.TRUE.equals(listed) ? "true" : null);
		}
	}

	record ShipForm(@Nullable String trackingNumber, @Nullable String lotId) {
	}

	record CancelForm(@Nullable String reason) {
	}

	static Form of(@Nullable String... pairs) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				values.put(pairs[i], pairs[i + 1]);
			}
		}
		return Form.of(values);
	}
}
