package vn.xaso.documents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.xaso.platform.Refusal;

/**
 * Kinds of administrative documents (Nghị định 30/2020, Phụ lục III); their names are in the documents bundle. {@code abbreviation} is the
 * type part of the symbol; a công văn has none — its symbol is the issuing body and the drafting
 * unit ({@code 12/UBND-VP}). Only the {@link #draftable()} kinds can be drafted here; the others
 * arrive as incoming documents.
 */
public enum DocumentType {
	QUYET_DINH("QĐ", true),
	CONG_VAN(null, true),
	THONG_BAO("TB", true),
	BAO_CAO("BC", true),
	KE_HOACH("KH", true),
	TO_TRINH("TTr", true),
	GIAY_MOI("GM", true),
	BIEN_BAN("BB", true),
	// the rest of Nghị định 30/2020, Phụ lục III (issue 21), each with its template (migration V202612100302)
	CHI_THI("CT", true),
	HUONG_DAN("HD", true),
	CHUONG_TRINH("CTr", true),
	PHUONG_AN("PA", true),
	DE_AN("ĐA", true),
	DU_AN("DA", true),
	QUY_CHE("QC", true),
	QUY_DINH("QyĐ", true),
	THONG_CAO("TC", true),
	CONG_DIEN("CĐ", true),
	GIAY_GIOI_THIEU("GGT", true),
	GIAY_NGHI_PHEP("GNP", true),
	GIAY_UY_QUYEN("GUQ", true),
	HOP_DONG("HĐ", true),
	BAN_GHI_NHO("BGN", true),
	BAN_THOA_THUAN("BTT", true),
	PHIEU_GUI("PG", true),
	PHIEU_CHUYEN("PC", true),
	PHIEU_BAO("PB", true),
	// issued by the People's Council (HĐND), not drafted by the commune's People's Committee here
	NGHI_QUYET("NQ", false),
	KHAC(null, false);

	private final @Nullable String abbreviation;
	private final boolean draftable;

	DocumentType(@Nullable String abbreviation, boolean draftable) {
		this.abbreviation = abbreviation;
		this.draftable = draftable;
	}

	/** The Vietnamese name (the documents bundle's {@code documents.type.<NAME>}): what the register, the PDF and the audit log keep. */
	public String label() {
		return Refusal.bundleText("i18n/documents", "documents.type." + name());
	}

	/** The name in {@code locale}, for pages (templates use {@code page.t("documents.type." + type.name())}). */
	public String label(Locale locale) {
		return Refusal.textIn("i18n/documents", locale, "documents.type." + name());
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
