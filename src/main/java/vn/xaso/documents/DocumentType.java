package vn.xaso.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Kinds of administrative documents (Nghị định 30/2020, Phụ lục III). {@code abbreviation} is the
 * type part of the symbol; a công văn has none — its symbol is the issuing body and the drafting
 * unit ({@code 12/UBND-VP}). Only the {@link #draftable()} kinds can be drafted here; the others
 * arrive as incoming documents.
 */
public enum DocumentType {
	QUYET_DINH("Quyết định", "QĐ", true),
	CONG_VAN("Công văn", null, true),
	THONG_BAO("Thông báo", "TB", true),
	BAO_CAO("Báo cáo", "BC", true),
	KE_HOACH("Kế hoạch", "KH", true),
	TO_TRINH("Tờ trình", "TTr", true),
	GIAY_MOI("Giấy mời", "GM", true),
	BIEN_BAN("Biên bản", "BB", true),
	// the rest of Nghị định 30/2020, Phụ lục III (issue 21), each with its template (migration V202612100302)
	CHI_THI("Chỉ thị", "CT", true),
	HUONG_DAN("Hướng dẫn", "HD", true),
	CHUONG_TRINH("Chương trình", "CTr", true),
	PHUONG_AN("Phương án", "PA", true),
	DE_AN("Đề án", "ĐA", true),
	DU_AN("Dự án", "DA", true),
	QUY_CHE("Quy chế", "QC", true),
	QUY_DINH("Quy định", "QyĐ", true),
	THONG_CAO("Thông cáo", "TC", true),
	CONG_DIEN("Công điện", "CĐ", true),
	GIAY_GIOI_THIEU("Giấy giới thiệu", "GGT", true),
	GIAY_NGHI_PHEP("Giấy nghỉ phép", "GNP", true),
	GIAY_UY_QUYEN("Giấy ủy quyền", "GUQ", true),
	HOP_DONG("Hợp đồng", "HĐ", true),
	BAN_GHI_NHO("Bản ghi nhớ", "BGN", true),
	BAN_THOA_THUAN("Bản thỏa thuận", "BTT", true),
	PHIEU_GUI("Phiếu gửi", "PG", true),
	PHIEU_CHUYEN("Phiếu chuyển", "PC", true),
	PHIEU_BAO("Phiếu báo", "PB", true),
	// issued by the People's Council (HĐND), not drafted by the commune's People's Committee here
	NGHI_QUYET("Nghị quyết", "NQ", false),
	KHAC("Văn bản khác", null, false);

	private final String label;
	private final @Nullable String abbreviation;
	private final boolean draftable;

	DocumentType(String label, @Nullable String abbreviation, boolean draftable) {
		this.label = label;
		this.abbreviation = abbreviation;
		this.draftable = draftable;
	}

	public String label() {
		return label;
	}

	public @Nullable String abbreviation() {
		return abbreviation;
	}

	public boolean draftable() {
		return draftable;
	}

	public static List<DocumentType> draftableTypes() {
		return Arrays.stream(values()).filter(DocumentType::draftable).toList();
	}

	public static Optional<DocumentType> parse(@Nullable String name) {
		return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
	}
}
