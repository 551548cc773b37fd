package vn.xaso.addresses.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.xaso.addresses.AddressRecord;
import vn.xaso.addresses.HolderKind;

/** The SQL of tables address_record and address_reference (row-level security by unit_code). */
@Repository
class AddressStore {

	/** A registered plus code's public facts (no holder, label or address text). */
	record PlaceRow(String plusCode, String communeCode, String villageName, @Nullable String postcode) {
	}

	private static final String COLUMNS = "id, unit_code, holder_kind, holder_id, village_code, village_name, label, address_text,"
			+ " postcode, lat, lon, plus_code, short_code, national_code, updated_at";

	private final JdbcClient jdbc;

	AddressStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AddressRecord> find(String unit, long id) {
		return jdbc.sql("select " + COLUMNS + " from address_record where unit_code = ? and id = ?")
			.params(unit, id).query(AddressStore::row).optional();
	}

	Optional<AddressRecord> findForUpdate(String unit, long id) {
		return jdbc.sql("select " + COLUMNS + " from address_record where unit_code = ? and id = ? for update")
			.params(unit, id).query(AddressStore::row).optional();
	}

	Optional<AddressRecord> forHolder(String unit, HolderKind kind, String holderId, boolean lock) {
		return jdbc.sql("select " + COLUMNS + " from address_record where unit_code = ? and holder_kind = ? and holder_id = ?"
				+ (lock ? " for update" : "")).params(unit, kind.name(), holderId).query(AddressStore::row).optional();
	}

	/** Inserts unless the holder already has a record (a concurrent twin); returns the new id, or empty. */
	Optional<Long> insert(AddressRecord r, String actor) {
		return jdbc.sql("""
				insert into address_record (unit_code, holder_kind, holder_id, village_code, village_name, label, address_text,
				  postcode, lat, lon, plus_code, short_code, national_code, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (unit_code, holder_kind, holder_id) do nothing returning id""")
			.params(r.communeCode(), r.holderKind().name(), r.holderId(), r.villageCode(), r.villageName(), r.label(),
					r.addressText(), r.postcode(), r.lat(), r.lon(), r.plusCode(), r.shortCode(), r.nationalCode(), actor, actor)
			.query(Long.class).optional();
	}

	void update(AddressRecord r, String actor) {
		jdbc.sql("""
				update address_record set village_code = ?, village_name = ?, label = ?, address_text = ?, lat = ?, lon = ?,
				  plus_code = ?, short_code = ?, national_code = ?, updated_at = now(), updated_by = ?
				where unit_code = ? and id = ?""")
			.params(r.villageCode(), r.villageName(), r.label(), r.addressText(), r.lat(), r.lon(), r.plusCode(), r.shortCode(),
					r.nationalCode(), actor, r.communeCode(), r.id())
			.update();
	}

	/** Whether another record already holds the national code. */
	boolean nationalCodeTaken(String unit, String code, long exceptId) {
		return jdbc.sql("select exists (select 1 from address_record where unit_code = ? and national_code = ? and id <> ?)")
			.params(unit, code, exceptId).query(Boolean.class).single();
	}

	long count(String unit, String villageCode, String q) {
		return jdbc.sql("select count(*) from address_record where unit_code = ? " + filter(villageCode, q))
			.params(params(unit, villageCode, q)).query(Long.class).single();
	}

	List<AddressRecord> page(String unit, String villageCode, String q, int offset, int limit) {
		var args = new java.util.ArrayList<>(List.of(params(unit, villageCode, q)));
		args.add(limit);
		args.add(offset);
		return jdbc.sql("select " + COLUMNS + " from address_record where unit_code = ? " + filter(villageCode, q)
				+ " order by village_name, address_text, id limit ? offset ?").params(args).query(AddressStore::row).list();
	}

	List<AddressRecord> pinned(String unit) {
		return jdbc.sql("select " + COLUMNS + " from address_record where unit_code = ? and plus_code is not null")
			.param(unit).query(AddressStore::row).list();
	}

	Optional<double[]> reference(String unit) {
		return jdbc.sql("select lat, lon from address_reference where unit_code = ?").param(unit)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).optional();
	}

	/** Sets the reference point; {@code onlyIfMissing} keeps an existing one. Returns whether a row was written. */
	boolean setReference(String unit, double lat, double lon, String actor, boolean onlyIfMissing) {
		return jdbc.sql("insert into address_reference (unit_code, lat, lon, updated_by) values (?, ?, ?, ?)"
				+ " on conflict (unit_code) do " + (onlyIfMissing ? "nothing"
						: "update set lat = excluded.lat, lon = excluded.lon, updated_at = now(), updated_by = excluded.updated_by"))
			.params(unit, lat, lon, actor).update() > 0;
	}

	/** Across communes (the caller runs system-wide): public facts of the records with this plus code. */
	List<PlaceRow> places(String plusCode) {
		return jdbc.sql("""
				select distinct plus_code, unit_code, village_name, postcode from address_record
				where plus_code = ? order by unit_code, village_name limit 20""")
			.param(plusCode)
			.query((rs, n) -> new PlaceRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	private static String filter(String villageCode, String q) {
		return (villageCode.isEmpty() ? "" : "and village_code = ? ")
				+ (q.isEmpty() ? "" : "and (label ilike ? or address_text ilike ? or plus_code ilike ? or short_code ilike ?"
						+ " or national_code like ? or holder_id = ?) ");
	}

	private static Object[] params(String unit, String villageCode, String q) {
		var list = new java.util.ArrayList<Object>();
		list.add(unit);
		if (!villageCode.isEmpty()) {
			list.add(villageCode);
		}
		if (!q.isEmpty()) {
			var like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			list.addAll(List.of(like, like, like, like, like, q));
		}
		return list.toArray();
	}

	private static AddressRecord row(ResultSet rs, int n) throws SQLException {
		return new AddressRecord(rs.getLong("id"), rs.getString("unit_code"), HolderKind.valueOf(rs.getString("holder_kind")),
				rs.getString("holder_id"), rs.getString("village_code"), rs.getString("village_name"), rs.getString("label"),
				rs.getString("address_text"), rs.getString("postcode"), rs.getObject("lat", Double.class),
				rs.getObject("lon", Double.class), rs.getString("plus_code"), rs.getString("short_code"),
				rs.getString("national_code"), rs.getTimestamp("updated_at").toInstant());
	}
}
