package vn.xaso.dossiers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierForwarded;
import vn.xaso.dossiers.DossierReceived;
import vn.xaso.dossiers.DossierSupplemented;
import vn.xaso.identity.Role;

/**
 * The {@link Dossier} aggregate on its own (no database, no Spring): the declared workflows decide which step may
 * be taken from which state by whom, and each allowed step registers its past-tense event.
 */
class DossierAggregateTests {

	static final Workflows WORKFLOWS = new Workflows();
	static final Caller ONE_STOP = Caller.official("14701", "motcua", "Nguyễn Thị Lan", Set.of(Role.ONE_STOP));
	static final Caller SPECIALIST = Caller.official("14701", "tuphap", "Trần Văn Minh", Set.of(Role.SPECIALIST));
	static final Caller OTHER_SPECIALIST = Caller.official("14701", "khac", "Lê Văn Khác", Set.of(Role.SPECIALIST));
	static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

	static Dossier dossier(String workflow, String state, String assignee) {
		return Dossier.of(new DossierTable.Row(7, "14701", "X14701-261207-0001", "1.001193", 1, "Đăng ký khai sinh", workflow, "birth-extract",
				Channel.COUNTER, null, null, "Trần Thị Hoa", "0988000001", "", state, 3, NOW, NOW, LocalDate.of(2026, 12, 9), null, null,
				assignee, assignee == null ? null : "Trần Văn Minh", null, 0, null, null), WORKFLOWS);
	}

	@Test
	void aStepIsTakenOnlyFromTheStatesItsWorkflowDeclares() {
		var submitted = dossier("standard", "submitted", null);
		assertThat(submitted.begin("receive", ONE_STOP, "", 0).to()).isEqualTo("received");
		assertThatThrownBy(() -> submitted.begin("approve", ONE_STOP, "", 0)).isInstanceOf(DossierException.class)
			.hasMessageContaining("Không thể \"").hasMessageContaining("\"Đã nộp").extracting(e -> ((DossierException) e).field())
			.isEqualTo("action");
		assertThatThrownBy(() -> submitted.begin("no_such_step", ONE_STOP, "", 0)).isInstanceOf(DossierException.class)
			.hasMessage("Thao tác không có trong quy trình của hồ sơ này.");
	}

	@Test
	void aStepNeedsOneOfItsRolesItsNoteAndForProposingTheAssignee() {
		assertThatThrownBy(() -> dossier("standard", "submitted", null).begin("receive", SPECIALIST, "", 0))
			.isInstanceOf(DossierException.class).hasMessageContaining("Bạn không có quyền");
		assertThatThrownBy(() -> dossier("standard", "received", null).begin("refuse", ONE_STOP, "", 0))
			.isInstanceOf(DossierException.class).extracting(e -> ((DossierException) e).field()).isEqualTo("note");
		var processing = dossier("standard", "processing", "tuphap");
		assertThat(processing.begin("propose", SPECIALIST, "", 0).to()).isEqualTo("awaiting_approval");
		assertThatThrownBy(() -> processing.begin("propose", OTHER_SPECIALIST, "", 0)).isInstanceOf(DossierException.class)
			.hasMessageContaining("Hồ sơ đang giao cho Trần Văn Minh");
		assertThat(processing.available(SPECIALIST, false)).extracting(a -> a.name()).contains("propose").doesNotContain("reschedule");
		assertThat(processing.available(OTHER_SPECIALIST, false)).extracting(a -> a.name()).doesNotContain("propose");
	}

	@Test
	void eachAllowedStepRegistersItsPastTenseEvent() {
		var submitted = dossier("same-day", "submitted", null);
		var action = submitted.receive(LocalDate.of(2026, 12, 7), NOW, true);
		assertThat(action.to()).isEqualTo("processing");
		assertThat(submitted.events()).singleElement().isInstanceOfSatisfying(DossierReceived.class, e -> {
			assertThat(e.code()).isEqualTo("X14701-261207-0001");
			assertThat(e.withSubmission()).isTrue();
		});
		var awaiting = dossier("standard", "awaiting_approval", "tuphap");
		awaiting.forward("send_back", NOW);
		assertThat(awaiting.events()).singleElement().isInstanceOfSatisfying(DossierForwarded.class,
				e -> assertThat(e.to()).isEqualTo("processing"));
		assertThatThrownBy(() -> dossier("standard", "returned", null).receive(LocalDate.of(2026, 12, 7), NOW, false))
			.isInstanceOf(DossierException.class);
	}

	@Test
	void theCitizensSupplementOnlyWhenAskedAndARatingOnlyAfterReturn() {
		assertThatThrownBy(() -> dossier("standard", "received", null).supplement("received", NOW)).isInstanceOf(DossierException.class)
			.hasMessage("Hồ sơ không ở bước chờ bổ sung.");
		var waiting = dossier("standard", "supplement_requested", null);
		waiting.supplement("received", NOW);
		assertThat(waiting.events()).singleElement().isInstanceOfSatisfying(DossierSupplemented.class,
				e -> assertThat(e.backTo()).isEqualTo("received"));
		assertThatThrownBy(() -> dossier("standard", "result_ready", null).requireRatable()).isInstanceOf(DossierException.class)
			.hasMessage("Bạn đánh giá được sau khi đã nhận kết quả.");
	}
}
