package vn.xaso.units.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.xaso.units.UnitImportException;
import vn.xaso.units.UnitImportReport;
import vn.xaso.units.UnitImporter;

/**
 * Validates the four CSVs completely in memory, then loads them with COPY into temporary tables and
 * upserts from there, all in one transaction on the owner's connection (the application role may
 * not write reference tables).
 */
@Component
class CsvUnitImporter implements UnitImporter {

	static final String PROVINCES = "provinces-2025.csv";
	static final String COMMUNES = "communes-2025.csv";
	static final String LEGACY = "legacy-3tier-2025-03-01.csv";
	static final String SUCCESSION = "old-to-new-2025.csv";

	static final int EXPECTED_PROVINCES = 34;
	static final int EXPECTED_COMMUNES = 3_321;

	private static final Pattern CODE2 = Pattern.compile("[0-9]{2}");
	private static final Pattern CODE3 = Pattern.compile("[0-9]{3}");
	private static final Pattern CODE5 = Pattern.compile("[0-9]{5}");
	private static final Pattern SOURCE_NEW_CODE = Pattern.compile("[0-9]{1,5}");
	private static final Set<String> COMMUNE_TYPES = Set.of("Xã", "Phường", "Đặc khu");
	private static final Set<String> LEGACY_DISTRICT_TYPES = Set.of("Huyện", "Quận", "Thị xã", "Thành phố");
	private static final Set<String> LEGACY_COMMUNE_TYPES = Set.of("Xã", "Phường", "Thị trấn");

	private static final Logger log = LoggerFactory.getLogger(CsvUnitImporter.class);

	private final DataSource ownerDataSource;
	private final UnitDirectory directory;

	CsvUnitImporter(@FlywayDataSource DataSource ownerDataSource, UnitDirectory directory) {
		this.ownerDataSource = ownerDataSource;
		this.directory = directory;
	}

	@Override
	public UnitImportReport importShipped() {
		return run(file -> {
			try {
				return new ClassPathResource("units/" + file).getInputStream();
			}
			catch (IOException e) {
				throw new UnitImportException("Không tìm thấy tệp units/" + file + " trong ứng dụng", e);
			}
		});
	}

	@Override
	public UnitImportReport importFrom(Path directory) {
		return run(file -> {
			try {
				return Files.newInputStream(directory.resolve(file));
			}
			catch (IOException e) {
				throw new UnitImportException("Không đọc được tệp " + directory.resolve(file), e);
			}
		});
	}

	private UnitImportReport run(Function<String, InputStream> open) {
		long started = System.nanoTime();
		var data = parse(open);
		var counts = write(data);
		var report = new UnitImportReport(data.provinceCount, data.communeCount, data.legacyProvinceCount,
				data.legacyDistrictCount, data.legacyCommuneCount, data.successions.size(), counts[0], counts[1],
				counts[2], (System.nanoTime() - started) / 1_000_000);
		log.info("{}", report.describe().lines().toList().getLast());
		return report;
	}

	// ---------------------------------------------------------------- validation

	/** Rows ready for COPY, one list per target table, columns in table order. */
	private static final class Data {

		final List<List<@Nullable String>> adminUnits = new ArrayList<>();
		final List<List<@Nullable String>> legacyUnits = new ArrayList<>();
		final List<List<@Nullable String>> successions = new ArrayList<>();
		int provinceCount, communeCount, legacyProvinceCount, legacyDistrictCount, legacyCommuneCount;
	}

	private static Data parse(Function<String, InputStream> open) {
		var data = new Data();

		// province code -> name as shipped (communes-2025.csv repeats it; they must agree)
		var provinceNames = new HashMap<String, String>();
		for (var row : Csv.read(PROVINCES, open.apply(PROVINCES), List.of("Stt", "Mã số", "Tên 34 tỉnh sau sáp nhập"))) {
			var code = require(row, row.get(1), CODE2, "mã tỉnh");
			var shipped = nonBlank(row, row.get(2), "tên tỉnh");
			if (provinceNames.put(code, shipped) != null) {
				throw row.error("mã tỉnh " + code + " bị trùng");
			}
			var city = shipped.startsWith("Thành phố ");
			var shortName = city ? shipped.substring("Thành phố ".length())
					: shipped.startsWith("Tỉnh ") ? shipped.substring("Tỉnh ".length()) : shipped;
			var type = city ? "Thành phố" : "Tỉnh";
			data.adminUnits.add(row(code, "province", type, type + " " + shortName, shortName, null, code));
		}
		expectCount(PROVINCES, "tỉnh", provinceNames.size(), EXPECTED_PROVINCES);
		data.provinceCount = provinceNames.size();

		// (province name as shipped, commune name) -> code, to repair bad codes in the succession file
		var communesByName = new HashMap<String, String>();
		var communeCodes = new java.util.HashSet<String>();
		for (var row : Csv.read(COMMUNES, open.apply(COMMUNES),
				List.of("commune_code", "commune_name", "type", "province_code", "province_name"))) {
			var code = require(row, row.get(0), CODE5, "mã xã");
			var name = nonBlank(row, row.get(1), "tên xã");
			var type = row.get(2);
			var province = require(row, row.get(3), CODE2, "mã tỉnh");
			if (!COMMUNE_TYPES.contains(type)) {
				throw row.error("loại \"" + type + "\" không hợp lệ (Xã, Phường, Đặc khu)");
			}
			if (!name.startsWith(type + " ") || name.length() == type.length() + 1) {
				throw row.error("tên \"" + name + "\" phải bắt đầu bằng loại \"" + type + "\"");
			}
			if (!provinceNames.containsKey(province)) {
				throw row.error("tỉnh " + province + " không có trong " + PROVINCES);
			}
			if (!provinceNames.get(province).equals(row.get(4))) {
				throw row.error("tên tỉnh \"" + row.get(4) + "\" khác với " + PROVINCES + " (\""
						+ provinceNames.get(province) + "\")");
			}
			if (!communeCodes.add(code)) {
				throw row.error("mã xã " + code + " bị trùng");
			}
			communesByName.put(row.get(4) + "|" + name, code);
			data.adminUnits.add(row(code, "commune", type, name, name.substring(type.length() + 1), province, province));
		}
		expectCount(COMMUNES, "xã", communeCodes.size(), EXPECTED_COMMUNES);
		data.communeCount = communeCodes.size();

		var legacyNames = new LinkedHashMap<String, String>(); // code -> name, to check consistency
		var legacyByName = new HashMap<String, String>(); // province|district|commune names -> code
		for (var row : Csv.read(LEGACY, open.apply(LEGACY), List.of("province_code", "province_name", "district_code",
				"district_name", "district_type", "commune_code", "commune_name", "commune_type"))) {
			var province = require(row, row.get(0), CODE2, "mã tỉnh");
			var provinceName = nonBlank(row, row.get(1), "tên tỉnh");
			var district = require(row, row.get(2), CODE3, "mã huyện");
			var districtName = nonBlank(row, row.get(3), "tên huyện");
			var districtType = row.get(4);
			var commune = require(row, row.get(5), CODE5, "mã xã");
			var communeName = nonBlank(row, row.get(6), "tên xã");
			var communeType = row.get(7);
			if (!LEGACY_DISTRICT_TYPES.contains(districtType)) {
				throw row.error("loại huyện \"" + districtType + "\" không hợp lệ");
			}
			if (!LEGACY_COMMUNE_TYPES.contains(communeType)) {
				throw row.error("loại xã \"" + communeType + "\" không hợp lệ");
			}
			var provinceType = provinceName.startsWith("Thành phố ") ? "Thành phố"
					: provinceName.startsWith("Tỉnh ") ? "Tỉnh" : null;
			if (provinceType == null) {
				throw row.error("tên tỉnh \"" + provinceName + "\" phải bắt đầu bằng \"Tỉnh\" hoặc \"Thành phố\"");
			}
			if (firstSeen(row, legacyNames, province, provinceName + "|")) {
				data.legacyUnits.add(row(province, "province", provinceType, provinceName, null, province));
				data.legacyProvinceCount++;
			}
			if (firstSeen(row, legacyNames, district, districtName + "|" + province)) {
				data.legacyUnits.add(row(district, "district", districtType, districtName, province, province));
				data.legacyDistrictCount++;
			}
			if (!firstSeen(row, legacyNames, commune, communeName + "|" + district)) {
				throw row.error("mã xã " + commune + " bị trùng");
			}
			data.legacyUnits.add(row(commune, "commune", communeType, communeName, district, province));
			data.legacyCommuneCount++;
			legacyByName.put(provinceName + "|" + districtName + "|" + communeName, commune);
		}

		for (var row : Csv.read(SUCCESSION, open.apply(SUCCESSION), List.of("old_ward_code", "old_ward_name",
				"old_district_name", "old_province_name", "new_ward_code", "new_ward_name", "new_province_name"))) {
			String oldCode = row.get(0);
			if (oldCode.isEmpty()) {
				// Some rows lack the old code; recover it where the old names identify one legacy commune.
				oldCode = legacyByName.get(row.get(3) + "|" + row.get(2) + "|" + row.get(1));
			}
			else {
				require(row, oldCode, CODE5, "mã xã cũ");
				if (!legacyNames.containsKey(oldCode)) {
					throw row.error("mã xã cũ " + oldCode + " không có trong " + LEGACY);
				}
			}
			// The source lost leading zeros in ~250 rows ("7081" for 07081) and carries pre-2025 codes in
			// others; the name of the new commune within its province settles both.
			var sourceNewCode = row.get(4);
			if (!SOURCE_NEW_CODE.matcher(sourceNewCode).matches()) {
				throw row.error("mã xã mới \"" + sourceNewCode + "\" phải gồm tối đa 5 chữ số");
			}
			var padded = "0".repeat(5 - sourceNewCode.length()) + sourceNewCode;
			var byName = communesByName.get(row.get(6) + "|" + row.get(5));
			var newCode = byName != null ? byName : communeCodes.contains(padded) ? padded : null;
			if (newCode == null) {
				throw row.error("mã xã mới " + sourceNewCode + " (" + row.get(5) + ", " + row.get(6)
						+ ") không có trong " + COMMUNES);
			}
			data.successions.add(row(Integer.toString(row.line()), oldCode, row.get(1), row.get(2), row.get(3), newCode,
					row.get(5), row.get(6), sourceNewCode));
		}
		return data;
	}

	private static List<@Nullable String> row(@Nullable String... values) {
		return java.util.Arrays.asList(values);
	}

	/** True the first time a code is seen; later rows must repeat the same name and parent. */
	private static boolean firstSeen(Csv.Row row, Map<String, String> seen, String code, String nameAndParent) {
		var previous = seen.putIfAbsent(code, nameAndParent);
		if (previous != null && !previous.equals(nameAndParent)) {
			throw row.error("mã " + code + " mang tên hoặc cấp trên khác với dòng trước (" + previous.replace('|', ' ')
					+ ")");
		}
		return previous == null;
	}

	private static String require(Csv.Row row, String value, Pattern format, String what) {
		if (!format.matcher(value).matches()) {
			throw row.error(what + " \"" + value + "\" phải gồm " + format.pattern().charAt(6) + " chữ số");
		}
		return value;
	}

	private static String nonBlank(Csv.Row row, String value, String what) {
		if (value.isBlank()) {
			throw row.error(what + " bị trống");
		}
		return value;
	}

	private static void expectCount(String file, String what, int actual, int expected) {
		if (actual != expected) {
			throw new UnitImportException(
					"Tệp " + file + ": cần " + expected + " " + what + " nhưng có " + actual);
		}
	}

	// ---------------------------------------------------------------- writing

	private record Table(String name, List<String> columns, String key) {
	}

	private static final Table ADMIN_UNIT = new Table("admin_unit",
			List.of("code", "level", "type", "name", "short_name", "parent_code", "province_code"), "code");
	private static final Table LEGACY_UNIT = new Table("legacy_unit",
			List.of("code", "level", "type", "name", "parent_code", "province_code"), "code");
	private static final Table UNIT_SUCCESSION = new Table("unit_succession", List.of("line", "old_code", "old_name",
			"old_district_name", "old_province_name", "new_code", "new_name", "new_province_name", "source_new_code"),
			"line");

	/** @return inserted, updated, unchanged */
	private int[] write(Data data) {
		try (var con = ownerDataSource.getConnection()) {
			con.setAutoCommit(false);
			try {
				// Two replicas starting together on an empty database import one after the other.
				try (var lock = con.createStatement()) {
					lock.execute("select pg_advisory_xact_lock(hashtext('xaso.units.import'))");
				}
				var total = new int[3];
				// Order matters: successions reference both trees.
				add(total, upsert(con, ADMIN_UNIT, data.adminUnits));
				add(total, upsert(con, LEGACY_UNIT, data.legacyUnits));
				add(total, upsert(con, UNIT_SUCCESSION, data.successions));
				con.commit();
				directory.forgetTree();
				return total;
			}
			catch (SQLException | IOException | RuntimeException e) {
				con.rollback();
				throw e;
			}
		}
		catch (SQLException e) {
			throw new UnitImportException("Ghi dữ liệu đơn vị hành chính thất bại: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void add(int[] total, int[] counts) {
		for (int i = 0; i < 3; i++) {
			total[i] += counts[i];
		}
	}

	private static int[] upsert(Connection con, Table table, List<List<@Nullable String>> rows)
			throws SQLException, IOException {
		var staging = "import_" + table.name();
		var columns = String.join(", ", table.columns());
		try (var st = con.createStatement()) {
			st.execute("create temporary table " + staging + " (like " + table.name()
					+ " including defaults) on commit drop");
		}
		// COPY is an order of magnitude faster than batched INSERTs for ~25,000 rows.
		var copy = new StringBuilder(rows.size() * 96);
		for (var row : rows) {
			for (int i = 0; i < row.size(); i++) {
				copy.append(i == 0 ? "" : "\t").append(copyText(row.get(i)));
			}
			copy.append('\n');
		}
		con.unwrap(PGConnection.class).getCopyAPI()
			.copyIn("copy " + staging + " (" + columns + ") from stdin", new StringReader(copy.toString()));

		var set = new StringBuilder();
		var target = new StringBuilder();
		var source = new StringBuilder();
		for (var column : table.columns()) {
			if (column.equals(table.key())) {
				continue;
			}
			set.append(set.isEmpty() ? "" : ", ").append(column).append(" = excluded.").append(column);
			target.append(target.isEmpty() ? "" : ", ").append("t.").append(column);
			source.append(source.isEmpty() ? "" : ", ").append("excluded.").append(column);
		}
		// xmax = 0 marks a freshly inserted row; rows whose values did not change are not touched at all.
		var sql = "with changed as (insert into " + table.name() + " as t (" + columns + ") select " + columns
				+ " from " + staging + " on conflict (" + table.key() + ") do update set " + set + " where (" + target
				+ ") is distinct from (" + source + ") returning (xmax = 0) as inserted) "
				+ "select count(*) filter (where inserted), count(*) filter (where not inserted) from changed";
		try (var st = con.createStatement(); var rs = st.executeQuery(sql)) {
			rs.next();
			int inserted = rs.getInt(1);
			int updated = rs.getInt(2);
			return new int[] { inserted, updated, rows.size() - inserted - updated };
		}
	}

	/** PostgreSQL COPY text format. */
	private static String copyText(@Nullable String value) {
		if (value == null) {
			return "\\N";
		}
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}
}
