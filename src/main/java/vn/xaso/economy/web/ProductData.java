package vn.xaso.economy.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.xaso.economy.Producer;
import vn.xaso.economy.Product;
import vn.xaso.platform.Json;

/**
 * schema.org {@code Product} data for a product page (JSON-LD in the page's head), so that search engines can show the
 * price in đồng and whether it is in stock. Written as JSON by Jackson, then made safe inside a {@code <script>} element
 * ({@code <}, {@code >} and {@code &} as Unicode escapes).
 */
final class ProductData {

	private ProductData() {
	}

	static String jsonLd(Product p, Producer producer, String pageUrl, String baseUrl, java.time.LocalDate today) {
		var data = new LinkedHashMap<String, Object>();
		data.put("@context", "https://schema.org");
		data.put("@type", "Product");
		data.put("name", p.name());
		if (!p.description().isBlank()) {
			data.put("description", p.description());
		}
		data.put("sku", "XS-" + p.id());
		if (p.gtin() != null) {
			data.put("gtin", p.gtin());
		}
		var images = new ArrayList<String>();
		for (var photo : p.photoIds()) {
			images.add(baseUrl + "/x/" + p.unitCode() + "/cho/anh/" + photo);
		}
		if (!images.isEmpty()) {
			data.put("image", images);
		}
		data.put("brand", Map.of("@type", "Brand", "name", producer.name()));
		var ocop = p.shownOcop(today);
		if (ocop != null) {
			data.put("award", "OCOP " + ocop.stars() + " sao");
		}
		var offer = new LinkedHashMap<String, Object>();
		offer.put("@type", "Offer");
		offer.put("url", pageUrl);
		offer.put("priceCurrency", "VND");
		offer.put("price", String.valueOf(p.priceVnd()));
		offer.put("availability", p.inStock() ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
		offer.put("seller", Map.of("@type", "Organization", "name", producer.name()));
		data.put("offers", offer);
		return Json.MAPPER.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}
}
