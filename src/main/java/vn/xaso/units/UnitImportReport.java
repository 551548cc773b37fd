package vn.xaso.units;

/**
 * What an import read and changed. The first six numbers count rows in the files; inserted,
 * updated and unchanged count rows in all four tables together.
 */
public record UnitImportReport(int provinces, int communes, int legacyProvinces, int legacyDistricts,
		int legacyCommunes, int successions, int inserted, int updated, int unchanged, long millis) {

	/** Two lines, Vietnamese then English, for the command line and the log. */
	public String describe() {
		return """
				Nhập đơn vị hành chính: %d tỉnh, %d xã; cũ: %d tỉnh, %d huyện, %d xã; %d dòng sáp nhập. Thêm mới %d, cập nhật %d, không đổi %d (%d ms).
				Imported administrative units: %d provinces, %d communes; legacy: %d provinces, %d districts, %d communes; %d succession rows. Inserted %d, updated %d, unchanged %d (%d ms)."""
			.formatted(provinces, communes, legacyProvinces, legacyDistricts, legacyCommunes, successions, inserted,
					updated, unchanged, millis, provinces, communes, legacyProvinces, legacyDistricts, legacyCommunes,
					successions, inserted, updated, unchanged, millis);
	}
}
