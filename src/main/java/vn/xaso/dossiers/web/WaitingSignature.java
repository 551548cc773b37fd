package vn.xaso.dossiers.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.Timeliness;

/** One result waiting for the leader's signature, with the version the leader reviews (sent back with the batch). */
public record WaitingSignature(long id, String code, String procedureName, String applicantName, @Nullable LocalDate dueDate,
		Timeliness timeliness, long version, java.util.List<String> blanks) {

	/** The applicant as the checkbox label shows it: family name in full, the other names as initials ("Trần T. H."). */
	public String maskedApplicant() {
		var parts = applicantName.strip().split("\\s+");
		var b = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			if (!parts[i].isEmpty()) {
				b.append(' ').appendCodePoint(parts[i].codePointAt(0)).append('.');
			}
		}
		return b.toString();
	}
}
