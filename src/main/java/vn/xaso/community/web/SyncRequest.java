package vn.xaso.community.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.xaso.community.CommunityException;
import vn.xaso.community.Survey;
import vn.xaso.community.VisitAction;
import vn.xaso.community.internal.RecordingSurvey;
import vn.xaso.community.internal.SyncingFieldEntries;

/**
 * The JSON a phone sends to {@code POST /community/sync}: its device id and the entries it kept, each with the
 * form's fields as the form would post them (strings), so the same words mean the same on both paths.
 */
record SyncRequest(@Nullable UUID device, @Nullable List<SyncRequest.@Nullable Item> entries) {

	/** One kept entry: {@code kind} is {@code visit} or {@code survey}; a visit's {@code dossierCode} is optional. */
	record Item(@Nullable UUID clientId, @Nullable String kind, @Nullable Long household, @Nullable Long base,
			@Nullable String madeAt, @Nullable String visitedAt, @Nullable List<String> actions, @Nullable String outcome,
			@Nullable String followUpOn, @Nullable String surveyedOn, @Nullable String smartphones, @Nullable String internet,
			@Nullable Boolean ePayment, @Nullable Boolean vneidLevel2, @Nullable Boolean usesApp, @Nullable Boolean inZaloGroup,
			@Nullable String mainBarrier, @Nullable String dossierCode) {

		/** The typed entry, or a refusal naming the field at fault. */
		SyncingFieldEntries.Entry toEntry() {
			if (clientId == null) {
				throw new CommunityException("clientId", "community.sync.error.clientId");
			}
			if (household == null) {
				throw new CommunityException("household", "community.error.noHousehold");
			}
			var made = madeAt == null ? Instant.now() : parse(() -> Instant.parse(madeAt), "madeAt", "community.error.invalid");
			long since = base == null || base < 0 ? 0 : base;
			if ("visit".equals(kind)) {
				var at = parse(() -> LocalDateTime.parse(String.valueOf(visitedAt)), "visitedAt", "community.error.visitedAt");
				var chosen = EnumSet.noneOf(VisitAction.class);
				for (var a : actions == null ? List.<String>of() : actions) {
					chosen.add(parse(() -> VisitAction.valueOf(a), "actions", "community.error.actions"));
				}
				var follow = followUpOn == null || followUpOn.isBlank() ? null
						: parse(() -> LocalDate.parse(followUpOn), "followUpOn", "community.error.followUpOn");
				return new SyncingFieldEntries.Entry(clientId, household, since, made, new SyncingFieldEntries.VisitEntry(
						at.atZone(FieldworkController.VIETNAM).toInstant(), chosen, outcome == null ? "" : outcome, follow, dossierCode),
						null);
			}
			if ("survey".equals(kind)) {
				var on = parse(() -> LocalDate.parse(String.valueOf(surveyedOn)), "surveyedOn", "community.error.surveyDate");
				int phones = parse(() -> Integer.parseInt(String.valueOf(smartphones).strip()), "smartphones", "community.error.smartphones");
				var net = parse(() -> Survey.Internet.valueOf(String.valueOf(internet).toUpperCase(Locale.ROOT)), "internet",
						"community.error.internet");
				var barrier = parse(() -> Survey.Barrier.valueOf(String.valueOf(mainBarrier).toUpperCase(Locale.ROOT)), "mainBarrier",
						"community.error.barrier");
				return new SyncingFieldEntries.Entry(clientId, household, since, made, null, new RecordingSurvey.Answers(on, phones,
						net, yes(ePayment), yes(vneidLevel2), yes(usesApp), yes(inZaloGroup), barrier));
			}
			throw new CommunityException("kind", "community.sync.error.kind");
		}

		private static boolean yes(@Nullable Boolean b) {
			return Boolean.TRUE.equals(b);
		}

		private static <T> T parse(java.util.function.Supplier<T> parser, String field, String key) {
			try {
				return parser.get();
			}
			catch (DateTimeParseException | IllegalArgumentException e) {
				throw new CommunityException(field, key);
			}
		}
	}
}
