package vn.xaso.dossiers.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import vn.xaso.dossiers.Timeliness;

/** One result waiting for the leader's signature, with the version the leader reviews (sent back with the batch). */
public record WaitingSignature(long id, String code, String procedureName, String applicantName, @Nullable LocalDate dueDate,
		Timeliness timeliness, long version) {
}
