package vn.xaso.dossiers.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.Timeliness;

/** Formatting helpers for the dossiers templates: Vietnam time, dd/MM/yyyy dates, money, state colours. */
public final class Show {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(VIETNAM);
	private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(VIETNAM);

	private Show() {
	}

	public static String date(@Nullable LocalDate date) {
		return date == null ? "—" : DATE.format(date);
	}

	public static String time(@Nullable Instant at) {
		return at == null ? "—" : TIME.format(at);
	}

	public static String time(java.time.@Nullable OffsetDateTime at) {
		return at == null ? "—" : TIME.format(at.toInstant());
	}

	/** The machine-readable value of a time element. */
	public static String iso(@Nullable TemporalAccessor at) {
		if (at == null) {
			return "";
		}
		if (at instanceof LocalDate d) {
			return d.toString();
		}
		return ISO.format(at);
	}

	/** 1500000 → "1.500.000 đ". */
	public static String money(long vnd) {
		return WebText.t("dossiers.web.money", java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi-VN")).format(vnd));
	}

	/** Tag colour for a timeliness: late in red, finished in time in green. */
	public static String tag(Timeliness t) {
		return switch (t) {
			case LATE, FINISHED_LATE -> "tag tag-red";
			case EARLY, ON_TIME -> "tag tag-green";
			case NONE, PAUSED -> "tag tag-grey";
			default -> "tag";
		};
	}

	/**
	 * Whole days since a dossier was submitted, for the queue's "chờ 3 ngày"; -1 when it is finished (returned,
	 * refused), a draft, or has no submission time.
	 */
	public static long waitedDays(@Nullable Instant submittedAt, String state) {
		if (submittedAt == null || java.util.Set.of("returned", "refused", "draft", "withdrawn").contains(state)) {
			return -1;
		}
		return java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(submittedAt, VIETNAM), LocalDate.now(VIETNAM));
	}

	/** The banks people know by name, by their NAPAS/VietQR BIN. */
	private static final java.util.Map<String, String> BANKS = java.util.Map.of("970405", "Agribank", "970436", "Vietcombank",
			"970415", "VietinBank", "970418", "BIDV", "970422", "MB", "970407", "Techcombank", "970416", "ACB", "970432", "VPBank",
			"970423", "TPBank", "970403", "Sacombank");

	/** "Agribank (970405)" for a known BIN, else the BIN: people look for the bank's name in their banking app. */
	public static String bank(@Nullable String bin) {
		if (bin == null) {
			return "";
		}
		var name = BANKS.get(bin.strip());
		return name == null ? bin : name + " (" + bin.strip() + ")";
	}

	/** Kilobytes, rounded up, for file lists. */
	public static String size(long bytes) {
		return ((bytes + 1023) / 1024) + " KB";
	}
}
