package vn.xaso.units.internal;

import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.units.NotYourUnitException;
import vn.xaso.units.UnitValidationException;
import vn.xaso.units.Village;
import vn.xaso.units.Villages;

/**
 * Villages with two guards on every write: the scope check here, and row-level security in
 * PostgreSQL (the transaction carries the caller's {@code app.units}). If this code ever forgets
 * its check, the database still refuses, and that refusal is reported the same way.
 */
@Component
class JdbcVillages implements Villages {

	private static final String COLUMNS = "id, commune_code, code, name, type, active";
	private static final RowMapper<Village> VILLAGE = (rs, n) -> new Village(rs.getLong(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6));
	/** insufficient_privilege: what PostgreSQL raises when a row fails a WITH CHECK policy. */
	private static final String RLS_VIOLATION = "42501";

	private final JdbcClient jdbc;
	private final UnitDirectory units;

	JdbcVillages(JdbcClient jdbc, UnitDirectory units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	@Override
	public List<Village> list(String communeCode) {
		var villages = new ArrayList<>(jdbc.sql("select " + COLUMNS + " from village where commune_code = ?")
			.param(communeCode).query(VILLAGE).list());
		villages.sort(VietnameseOrder.by(Village::name).thenComparing(Village::code));
		return villages;
	}

	@Override
	@Transactional
	public Village create(String communeCode, String name, String type) {
		if (!communeCode.matches("[0-9]{5}") || !units.isCommune(communeCode)) {
			throw UnitValidationException.of("communeCode", "units.error.noCommune", communeCode);
		}
		requireScope(communeCode);
		var cleanType = type(type);
		var cleanName = name(name, cleanType);
		requireUniqueName(communeCode, cleanName, -1);
		// Serialises code allocation per commune; the lock ends with the transaction.
		jdbc.sql("select pg_advisory_xact_lock(hashtext('village:' || ?))").param(communeCode).query().singleRow();
		int next = jdbc.sql("select coalesce(max(split_part(code, '-', 2)::int), 0) + 1 from village where commune_code = ?")
			.param(communeCode).query(Integer.class).single();
		return guarded(() -> jdbc.sql("insert into village (commune_code, code, name, type) values (?, ?, ?, ?) returning "
				+ COLUMNS).params(communeCode, "%s-%02d".formatted(communeCode, next), cleanName, cleanType)
			.query(VILLAGE).single());
	}

	@Override
	@Transactional
	public Village rename(long id, String name, String type) {
		var village = existing(id);
		requireScope(village.communeCode());
		var cleanType = type(type);
		var cleanName = name(name, cleanType);
		requireUniqueName(village.communeCode(), cleanName, id);
		return guarded(() -> jdbc.sql("update village set name = ?, type = ?, updated_at = now() where id = ? returning "
				+ COLUMNS).params(cleanName, cleanType, id).query(VILLAGE).optional()
			// the row exists (everyone may read it) but the update policy hid it: not the caller's unit
			.orElseThrow(NotYourUnitException::new));
	}

	@Override
	@Transactional
	public void deactivate(long id) {
		var village = existing(id);
		requireScope(village.communeCode());
		int changed = guarded(() -> jdbc.sql("update village set active = false, updated_at = now() where id = ?")
			.param(id).update());
		if (changed == 0) {
			throw new NotYourUnitException();
		}
	}

	private Village existing(long id) {
		return jdbc.sql("select " + COLUMNS + " from village where id = ?").param(id).query(VILLAGE).optional()
			.orElseThrow(() -> UnitValidationException.of("id", "units.error.noVillage", String.valueOf(id)));
	}

	private static void requireScope(String communeCode) {
		if (!Tenancy.current().sees(communeCode)) {
			throw new NotYourUnitException();
		}
	}

	private void requireUniqueName(String communeCode, String name, long exceptId) {
		boolean taken = jdbc.sql("""
				select exists (select 1 from village
				               where commune_code = ? and xaso_fold(name) = xaso_fold(?) and id <> ?)""")
			.params(communeCode, name, exceptId).query(Boolean.class).single();
		if (taken) {
			throw UnitValidationException.of("name", "units.error.villageTaken", name);
		}
	}

	private static String type(String type) {
		var clean = Normalizer.normalize(type.strip(), Normalizer.Form.NFC);
		if (!Village.TYPES.contains(clean)) {
			throw UnitValidationException.of("type", "units.error.villageType", type, String.join(", ", Village.TYPES));
		}
		return clean;
	}

	/** NFC, trimmed, single spaces; "Thôn Đông" typed with type Thôn is stored as "Đông". */
	private static String name(String name, String type) {
		var clean = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
		if (clean.regionMatches(true, 0, type + " ", 0, type.length() + 1)) {
			clean = clean.substring(type.length() + 1);
		}
		if (clean.isEmpty() || clean.length() > 100) {
			throw UnitValidationException.of("name", "units.error.villageName");
		}
		return clean;
	}

	private static <T> T guarded(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException e) {
			throw UnitValidationException.of("name", "units.error.villageExists");
		}
		catch (DataAccessException e) {
			if (e.getMostSpecificCause() instanceof SQLException sql && RLS_VIOLATION.equals(sql.getSQLState())) {
				throw new NotYourUnitException();
			}
			throw e;
		}
	}
}
