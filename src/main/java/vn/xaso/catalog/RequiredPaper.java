package vn.xaso.catalog;

import org.jspecify.annotations.Nullable;

/**
 * One paper (thành phần hồ sơ) a procedure asks for.
 *
 * @param filledByForm the paper <em>is</em> the procedure's e-form (a tờ khai, đơn, phiếu yêu cầu filled in
 *                     online): a dossier whose e-form is filled in has it, so it is never asked for as an upload
 */
public record RequiredPaper(String code, String name, boolean required, @Nullable String note, boolean filledByForm) {

	public RequiredPaper(String code, String name, boolean required, @Nullable String note) {
		this(code, name, required, note, false);
	}
}
