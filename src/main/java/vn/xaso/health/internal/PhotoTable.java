package vn.xaso.health.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.health.internal.HealthViews.Photo;

/** The only SQL of health_photo. Read only after the question itself was found for the caller (asker or doctor). */
@Component("healthPhotoTable")
class PhotoTable {

	private final JdbcClient jdbc;

	PhotoTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String unitCode, long questionId, PhotoCheck.Checked photo) {
		jdbc.sql("insert into health_photo (unit_code, question_id, content, thumbnail, width, height) values (?, ?, ?, ?, ?, ?)")
			.params(unitCode, questionId, photo.content(), photo.thumbnail(), photo.width(), photo.height()).update();
	}

	List<Photo> of(long questionId) {
		return jdbc.sql("select id, question_id, width, height from health_photo where question_id = ? order by id").param(questionId)
			.query((rs, n) -> new Photo(rs.getLong("id"), rs.getLong("question_id"), rs.getInt("width"), rs.getInt("height"))).list();
	}

	/** The JPEG (or its thumbnail) of a photo of this question. */
	Optional<byte[]> jpeg(long questionId, long photoId, boolean thumbnail) {
		return jdbc.sql("select " + (thumbnail ? "thumbnail" : "content") + " from health_photo where question_id = ? and id = ?")
			.params(questionId, photoId).query(byte[].class).optional();
	}
}
