package vn.xaso.economy.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.platform.render.JpegPhotos;

/** SQL for {@code economy_photo}: a product's photos, re-encoded JPEG with a thumbnail. */
@Component
class PhotoTable {

	static final int MAX_PER_PRODUCT = 6;

	private final JdbcClient jdbc;

	PhotoTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String unitCode, long productId, JpegPhotos.Resized photo) {
		return jdbc.sql("""
				insert into economy_photo (unit_code, product_id, content, thumbnail, width, height)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(unitCode, productId, photo.content(), photo.thumbnail(), photo.width(), photo.height())
			.query(Long.class).single();
	}

	int count(long productId) {
		return jdbc.sql("select count(*) from economy_photo where product_id = ?").param(productId).query(Integer.class).single();
	}

	/** A photo of a listed product of a verified producer of the commune (what the shop shows). */
	Optional<byte[]> shown(String unitCode, long photoId, boolean thumbnail) {
		return jdbc.sql("select " + (thumbnail ? "f.thumbnail" : "f.content") + """
				 from economy_photo f join economy_product p on p.id = f.product_id join economy_producer r on r.id = p.producer_id
				where f.unit_code = ? and f.id = ? and p.listed and r.verified_at is not null""")
			.params(unitCode, photoId).query((rs, n) -> rs.getBytes(1)).optional();
	}
}
