package vn.xaso.economy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.economy.Product;
import vn.xaso.platform.SqlLike;
import vn.xaso.platform.VietnameseText;

/**
 * SQL for {@code economy_product} (photos: {@link PhotoTable}). Stock changes only through {@link #take} (a
 * conditional decrement: never below zero) and {@link #giveBack}.
 */
@Component
class ProductTable {

	private static final String SELECT = """
			select p.id, p.unit_code, p.producer_id, r.name as producer_name, p.name, p.description, p.category, p.unit_label,
			       p.price_vnd, p.stock, p.season, p.gtin, p.ocop_stars, p.ocop_score, p.ocop_certificate, p.ocop_certified_on,
			       p.links, p.listed,
			       array(select f.id from economy_photo f where f.product_id = p.id order by f.id) as photo_ids
			from economy_product p join economy_producer r on r.id = p.producer_id""";

	/** One page of the shop. */
	record Listing(List<Product> items, long total) {
	}

	private final JdbcClient jdbc;

	ProductTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static Product map(ResultSet rs, int row) throws SQLException {
		var stars = (Integer) rs.getObject("ocop_stars");
		var on = rs.getDate("ocop_certified_on");
		var ocop = stars == null || on == null ? null
				: new Product.Ocop(stars, rs.getInt("ocop_score"), rs.getString("ocop_certificate"), on.toLocalDate());
		var links = (String[]) rs.getArray("links").getArray();
		var photos = (Long[]) rs.getArray("photo_ids").getArray();
		return new Product(rs.getLong("id"), rs.getString("unit_code"), rs.getLong("producer_id"), rs.getString("producer_name"),
				rs.getString("name"), rs.getString("description"), Product.Category.valueOf(rs.getString("category")),
				rs.getString("unit_label"), rs.getLong("price_vnd"), rs.getInt("stock"), rs.getString("season"), rs.getString("gtin"),
				ocop, List.of(links), rs.getBoolean("listed"), Arrays.asList(photos));
	}

	long insert(String unitCode, long producerId, ProductEntry e) {
		var o = e.ocop();
		return jdbc.sql("""
				insert into economy_product (unit_code, producer_id, name, description, category, unit_label, price_vnd, stock, season,
				                             gtin, ocop_stars, ocop_score, ocop_certificate, ocop_certified_on, links, listed)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, producerId, e.name(), e.description(), e.category().name(), e.unitLabel(), e.priceVnd(), e.stock(),
					e.season(), e.gtin(), o == null ? null : o.stars(), o == null ? null : o.score(), o == null ? null : o.certificate(),
					o == null ? null : Date.valueOf(o.certifiedOn()), e.links().toArray(String[]::new), e.listed())
			.query(Long.class).single();
	}

	void update(long id, ProductEntry e) {
		var o = e.ocop();
		jdbc.sql("""
				update economy_product set name = ?, description = ?, category = ?, unit_label = ?, price_vnd = ?, stock = ?, season = ?,
				  gtin = ?, ocop_stars = ?, ocop_score = ?, ocop_certificate = ?, ocop_certified_on = ?, links = ?, listed = ?,
				  updated_at = now()
				where id = ?""")
			.params(e.name(), e.description(), e.category().name(), e.unitLabel(), e.priceVnd(), e.stock(), e.season(), e.gtin(),
					o == null ? null : o.stars(), o == null ? null : o.score(), o == null ? null : o.certificate(),
					o == null ? null : Date.valueOf(o.certifiedOn()), e.links().toArray(String[]::new), e.listed(), id)
			.update();
	}

	boolean nameTaken(long producerId, String name, long exceptId) {
		return jdbc.sql("select exists (select 1 from economy_product where producer_id = ? and xaso_fold(name) = xaso_fold(?) and id <> ?)")
			.params(producerId, name, exceptId).query(Boolean.class).single();
	}

	Optional<Product> find(String unitCode, long id) {
		return jdbc.sql(SELECT + " where p.unit_code = ? and p.id = ?").params(unitCode, id).query(ProductTable::map).optional();
	}

	Optional<Product> any(long id) {
		return jdbc.sql(SELECT + " where p.id = ?").param(id).query(ProductTable::map).optional();
	}

	/** A listed product of a verified producer: what the public shop may show. */
	Optional<Product> shown(String unitCode, long id) {
		return jdbc.sql(SELECT + " where p.unit_code = ? and p.id = ? and p.listed and r.verified_at is not null")
			.params(unitCode, id).query(ProductTable::map).optional();
	}

	/** The shown products (listed, verified producer) carrying a GS1 GTIN, in 14 digits; read system-wide by the resolver. */
	List<Product> shownByGtin(String gtin14) {
		return jdbc.sql(SELECT + " where lpad(p.gtin, 14, '0') = ? and p.listed and r.verified_at is not null order by p.id")
			.param(gtin14).query(ProductTable::map).list();
	}

	List<Product> ofProducer(long producerId, boolean listedOnly) {
		return jdbc.sql(SELECT + " where p.producer_id = ?" + (listedOnly ? " and p.listed" : "") + " order by p.id desc")
			.param(producerId).query(ProductTable::map).list();
	}

	/**
	 * The shop's page: listed products of verified producers, found without diacritics, optionally only those with an
	 * OCOP rating valid on {@code today}; OCOP products first (more stars first), then the newest.
	 */
	Listing shop(String unitCode, String q, boolean ocopOnly, LocalDate today, int offset, int limit) {
		var where = new StringBuilder(" where p.unit_code = ? and p.listed and r.verified_at is not null");
		var params = new ArrayList<Object>();
		params.add(unitCode);
		var key = VietnameseText.searchKey(q);
		// Every word must appear (in the product's name or description, or the producer's name), in any order.
		var words = key.isEmpty() ? new String[0] : key.split(" ");
		for (int i = 0; i < Math.min(words.length, 6); i++) {
			where.append(" and (p.search_folded like ? or xaso_fold(r.name) like ?)");
			params.add(SqlLike.contains(words[i]));
			params.add(SqlLike.contains(words[i]));
		}
		var valid = "(p.ocop_stars is not null and p.ocop_certified_on <= ? and p.ocop_certified_on > ?)";
		if (ocopOnly) {
			where.append(" and ").append(valid);
			params.add(Date.valueOf(today));
			params.add(Date.valueOf(today.minusMonths(Product.Ocop.VALID_MONTHS)));
		}
		long total = jdbc.sql("select count(*) from economy_product p join economy_producer r on r.id = p.producer_id" + where)
			.params(params).query(Long.class).single();
		var page = new ArrayList<Object>(params);
		page.add(Date.valueOf(today));
		page.add(Date.valueOf(today.minusMonths(Product.Ocop.VALID_MONTHS)));
		page.add(limit);
		page.add(offset);
		var items = jdbc.sql(SELECT + where + " order by case when " + valid + " then p.ocop_stars else 0 end desc, p.id desc limit ? offset ?")
			.params(page).query(ProductTable::map).list();
		return new Listing(items, total);
	}

	/** Takes {@code quantity} from the stock if that much is there; false (nothing changed) when it is not. */
	boolean take(long id, int quantity) {
		return jdbc.sql("update economy_product set stock = stock - ? where id = ? and stock >= ?")
			.params(quantity, id, quantity).update() == 1;
	}

	void giveBack(long id, int quantity) {
		jdbc.sql("update economy_product set stock = stock + ? where id = ?").params(quantity, id).update();
	}

	int stock(long id) {
		return jdbc.sql("select stock from economy_product where id = ?").param(id).query(Integer.class).single();
	}
}
