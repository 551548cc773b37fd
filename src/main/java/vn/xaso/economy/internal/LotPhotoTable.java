package vn.xaso.economy.internal;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.platform.render.JpegPhotos;

/** SQL for {@code economy_lot_photo}: one photo per diary step (eventID) of a batch, re-encoded JPEG with a thumbnail. */
@Component
class LotPhotoTable {

	private final JdbcClient jdbc;

	LotPhotoTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String unitCode, long lotId, String eventId, JpegPhotos.Resized photo) {
		jdbc.sql("""
				insert into economy_lot_photo (unit_code, lot_id, event_id, content, thumbnail, width, height)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (lot_id, event_id) do nothing""")
			.params(unitCode, lotId, eventId, photo.content(), photo.thumbnail(), photo.width(), photo.height()).update();
	}

	/** The batch's photos: eventID → photo id. */
	Map<String, Long> ofLot(long lotId) {
		return jdbc.sql("select event_id, id from economy_lot_photo where lot_id = ?").param(lotId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	Optional<byte[]> photo(long lotId, long photoId, boolean thumbnail) {
		return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from economy_lot_photo where lot_id = ? and id = ?")
			.params(lotId, photoId).query((rs, n) -> rs.getBytes(1)).optional();
	}
}
