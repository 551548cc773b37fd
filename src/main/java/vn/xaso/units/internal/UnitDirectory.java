package vn.xaso.units.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.platform.VietnameseText;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * Reads of the unit trees. Reference tables have no row-level security and villages are readable
 * by everyone, so these queries work in any scope and outside transactions.
 */
@Component
public class UnitDirectory implements Units {

	public static final String VILLAGE = "village";

	private static final String UNIT_COLUMNS = "code, name, short_name, type, level, parent_code, province_code";
	private static final RowMapper<Unit> UNIT = (rs, n) -> new Unit(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));

	public record UnitPage(List<Unit> items, int page, int size, long total) {
	}

	public record FormerUnit(@Nullable String code, String name, String districtName, String provinceName) {
	}

	public record UnitDetail(String code, String name, String shortName, String type, String level,
			@Nullable String parentCode, String provinceCode, List<Unit> ancestors, List<FormerUnit> formerUnits) {
	}

	public record LegacyRef(String code, String name, String type) {
	}

	public record LegacyDetail(String code, String name, String type, String level, @Nullable String parentCode,
			String provinceCode, @Nullable LegacyRef district, @Nullable LegacyRef province, List<Unit> successors) {
	}

	/** How long the tree in memory is used before it is read again (an import by another process). */
	private static final long TREE_NANOS = java.time.Duration.ofMinutes(5).toNanos();

	private record CachedTree(vn.xaso.units.UnitTree tree, long readAt) {
	}

	private final JdbcClient jdbc;
	private volatile @Nullable CachedTree cached;

	UnitDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- Units (public API)

	@Override
	public Optional<Unit> find(String code) {
		return jdbc.sql("select " + UNIT_COLUMNS + " from admin_unit where code = ?").param(code).query(UNIT)
			.optional();
	}

	@Override
	public List<Unit> ancestors(String code) {
		var ancestors = new ArrayList<Unit>();
		var current = find(code);
		while (current.isPresent() && current.get().parentCode() != null) {
			current = find(current.get().parentCode());
			current.ifPresent(u -> ancestors.addFirst(u));
		}
		return ancestors;
	}

	@Override
	public Set<String> communesOf(String provinceCode) {
		return new LinkedHashSet<>(jdbc
			.sql("select code from admin_unit where level = 'commune' and province_code = ? order by code")
			.param(provinceCode).query(String.class).list());
	}

	@Override
	public vn.xaso.units.UnitTree tree() {
		var current = cached;
		if (current != null && System.nanoTime() - current.readAt() < TREE_NANOS) {
			return current.tree();
		}
		var tree = vn.xaso.units.UnitTree.of(jdbc.sql("select " + UNIT_COLUMNS + " from admin_unit order by code").query(UNIT).list());
		// An empty tree (before the first import) is not kept: the import is about to fill it.
		cached = tree.isEmpty() ? null : new CachedTree(tree, System.nanoTime());
		return tree;
	}

	/** After an import: the next {@link #tree()} reads the tables again. */
	void forgetTree() {
		cached = null;
	}

	@Override
	public List<Unit> searchCommunes(String q, int limit) {
		return search(null, Unit.COMMUNE, q, 0, Math.max(1, Math.min(limit, 200))).items();
	}

	@Override
	public boolean isCommune(String code) {
		// The unit tree in memory answers yes; a unit it does not know (imported since) is looked up.
		if (tree().find(code).filter(u -> vn.xaso.units.Unit.COMMUNE.equals(u.level())).isPresent()) {
			return true;
		}
		return jdbc.sql("select exists (select 1 from admin_unit where code = ? and level = 'commune')").param(code)
			.query(Boolean.class).single();
	}

	// ---------------------------------------------------------------- for the HTTP API

	/**
	 * Lists units, filtered, in Vietnamese order. Ordering happens here rather than in SQL because
	 * the server's collation cannot be relied on; the largest list is 3,321 communes.
	 *
	 * @param level province, commune, village, or null for "the children of parent" (provinces
	 *        without a parent; with q and no parent, provinces and communes)
	 * @param q already trimmed, or null
	 */
	public UnitPage search(@Nullable String parent, @Nullable String level, @Nullable String q, int page, int size) {
		if (level == null) {
			level = parent == null ? (q == null ? Unit.PROVINCE : null)
					: parent.length() == 5 ? VILLAGE : Unit.COMMUNE;
		}
		var all = VILLAGE.equals(level) ? villageItems(parent == null ? "" : parent, q) : unitItems(parent, level, q);
		var order = VietnameseOrder.<Unit>by(Unit::shortName).thenComparing(VietnameseOrder.by(Unit::name))
			.thenComparing(Unit::code);
		if (q != null) {
			// Whole-word matches first: "yen mo" should list Xã Yên Mô before Xã Xuyên Mộc.
			var folded = fold(q);
			order = java.util.Comparator.<Unit>comparingInt(u -> rank(u, folded)).thenComparing(order);
		}
		all.sort(order);
		long from = Math.min((long) page * size, all.size());
		var items = List.copyOf(all.subList((int) from, (int) Math.min(from + size, all.size())));
		return new UnitPage(items, page, size, all.size());
	}

	private List<Unit> unitItems(@Nullable String parent, @Nullable String level, @Nullable String q) {
		var sql = new StringBuilder("select " + UNIT_COLUMNS + " from admin_unit where true");
		var params = new ArrayList<Object>();
		if (level != null) {
			sql.append(" and level = ?");
			params.add(level);
		}
		if (parent != null) {
			sql.append(" and parent_code = ?");
			params.add(parent);
		}
		if (q != null) {
			sql.append(" and search like '%' || xaso_fold(?) || '%'");
			params.add(likeLiteral(q));
		}
		return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(UNIT).list());
	}

	private List<Unit> villageItems(String commune, @Nullable String q) {
		var sql = new StringBuilder("""
				select v.code, v.type || ' ' || v.name, v.name, v.type, 'village', v.commune_code, c.province_code
				from village v join admin_unit c on c.code = v.commune_code
				where v.active and v.commune_code = ?""");
		var params = new ArrayList<Object>(List.of(commune));
		if (q != null) {
			sql.append(" and xaso_fold(v.type || ' ' || v.name) like '%' || xaso_fold(?) || '%'");
			params.add(likeLiteral(q));
		}
		return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(UNIT).list());
	}

	private static int rank(Unit unit, String foldedQuery) {
		var shortName = fold(unit.shortName());
		if (shortName.equals(foldedQuery)) {
			return 0;
		}
		if (shortName.startsWith(foldedQuery)) {
			return 1;
		}
		return (" " + fold(unit.name())).contains(" " + foldedQuery) ? 2 : 3;
	}

	/** Java twin of SQL xaso_fold: lower case, no diacritics, đ → d. */
	static String fold(String text) {
		return VietnameseText.searchKey(text);
	}

	private static String likeLiteral(String q) {
		return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	public Optional<UnitDetail> detail(String code) {
		return find(code).map(u -> new UnitDetail(u.code(), u.name(), u.shortName(), u.type(), u.level(),
				u.parentCode(), u.provinceCode(), ancestors(code), formerUnits(u)));
	}

	private List<FormerUnit> formerUnits(Unit unit) {
		if (!Unit.COMMUNE.equals(unit.level())) {
			return List.of();
		}
		// distinct: the shipped mapping repeats some rows; special zones made from island districts
		// have rows without any old commune, which are not former units.
		var former = new ArrayList<>(jdbc.sql("""
				select distinct old_code, old_name, old_district_name, old_province_name
				from unit_succession where new_code = ? and old_name <> ''""").param(unit.code())
			.query((rs, n) -> new FormerUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list());
		former.sort(VietnameseOrder.by(FormerUnit::name));
		return former;
	}

	public Optional<LegacyDetail> legacy(String code) {
		record Row(String code, String name, String type, String level, @Nullable String parentCode,
				String provinceCode) {
		}
		var row = jdbc.sql("select code, name, type, level, parent_code, province_code from legacy_unit where code = ?")
			.param(code)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional();
		return row.map(r -> {
			var district = "commune".equals(r.level()) ? legacyRef(r.parentCode()) : null;
			var province = "province".equals(r.level()) ? null : legacyRef(r.provinceCode());
			return new LegacyDetail(r.code(), r.name(), r.type(), r.level(), r.parentCode(), r.provinceCode(),
					district, province, successors(r.code(), r.level()));
		});
	}

	private @Nullable LegacyRef legacyRef(@Nullable String code) {
		if (code == null) {
			return null;
		}
		return jdbc.sql("select code, name, type from legacy_unit where code = ?").param(code)
			.query((rs, n) -> new LegacyRef(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional().orElse(null);
	}

	/** A commune's new communes; a district's: those of its communes; a province's: the new provinces. */
	private List<Unit> successors(String code, String level) {
		var oldCommunes = switch (level) {
			case "commune" -> "select ?";
			case "district" -> "select code from legacy_unit where parent_code = ?";
			default -> "select code from legacy_unit where province_code = ? and level = 'commune'";
		};
		var newUnit = "province".equals(level) ? "n.province_code" : "n.code";
		var successors = new ArrayList<>(jdbc.sql("select " + UNIT_COLUMNS + " from admin_unit where code in ("
				+ "select " + newUnit + " from unit_succession s join admin_unit n on n.code = s.new_code "
				+ "where s.old_code in (" + oldCommunes + "))").param(code).query(UNIT).list());
		successors.sort(VietnameseOrder.by(Unit::name));
		return successors;
	}
}
