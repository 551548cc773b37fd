package vn.xaso.calendar.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.xaso.calendar.CalendarAdjustment;
import vn.xaso.calendar.CalendarException;

/**
 * National calendar administrators record the government's announced day swaps, and withdraw them.
 * These rules hold for the whole country, so a commune's administrator cannot change them.
 * Security wiring is the identity module's.
 */
@RestController
@Tag(name = "calendar.api.doc1")
class CalendarAdjustmentController {

	private final AdjustmentRecorder recorder;

	CalendarAdjustmentController(AdjustmentRecorder recorder) {
		this.recorder = recorder;
	}

	record AdjustmentRequest(@Nullable String date, @Nullable String kind, @Nullable String note) {
	}

	record AdjustmentView(String date, String kind, String note) {
	}

	@PostMapping("/api/v1/calendar/adjustments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('NATIONAL_ADMIN')")
	@Operation(summary = "calendar.api.doc7")
	AdjustmentView add(@RequestBody AdjustmentRequest request, @Nullable Principal principal) {
		var date = CalendarController.date("date", request.date());
		if (request.kind() == null || request.kind().isBlank()) {
			throw CalendarException.of("calendar.error.kindMissing");
		}
		var kind = CalendarAdjustment.Kind.fromCode(request.kind());
		var adjustment = new CalendarAdjustment(date, kind, request.note() == null ? "" : request.note());
		recorder.add(adjustment);
		return new AdjustmentView(date.toString(), kind.code(), adjustment.note());
	}

	@DeleteMapping("/api/v1/calendar/adjustments/{date}")
	@PreAuthorize("hasRole('NATIONAL_ADMIN')")
	@Operation(summary = "calendar.api.doc8")
	ResponseEntity<Void> withdraw(@PathVariable String date) {
		var day = CalendarController.date("date", date);
		if (!recorder.withdraw(day)) {
			throw CalendarException.of("calendar.error.nothingToWithdraw", day);
		}
		return ResponseEntity.noContent().build();
	}
}
