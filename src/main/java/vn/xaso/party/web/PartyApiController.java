package vn.xaso.party.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.xaso.party.internal.ReadingParty;

/** JSON for a member's phone: their coming cell meetings (every cell's for the committee). Anyone else: 404. */
@RestController
class PartyApiController {

	/** A coming meeting: no agenda (open the page for it). */
	record ComingMeeting(long id, long cellId, String kind, String title, Instant startsAt, String place) {
	}

	private final ReadingParty reading;

	PartyApiController(ReadingParty reading) {
		this.reading = reading;
	}

	@Operation(summary = "party.api.meetings")
	@GetMapping("/api/v1/party/meetings")
	List<ComingMeeting> meetings(Authentication auth) {
		var caller = PartyPages.caller(auth);
		return PartyPages.read(() -> reading.home(caller)).upcoming().stream()
			.map(m -> new ComingMeeting(m.id(), m.cellId(), m.kind().name(), m.title(), m.startsAt(), m.place()))
			.toList();
	}
}
