package vn.xaso.setup.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import jakarta.servlet.http.HttpSession;
import vn.xaso.dossiers.Channel;
import vn.xaso.dossiers.DossierSubmitted;
import vn.xaso.dossiers.TestDossiers;

/**
 * The try-it guide's test dossier is a real flag, not a name. Only the commune's signed-in administrator pressing
 * "Mở trang thủ tục cho người dân" on the guide leaves a mark in the browser session ({@link #mark}: the commune and
 * the time); the next dossier submitted <em>online</em> in that session for that commune within {@link #VALID} is
 * marked as a test dossier in the transaction that submits it ({@link TestDossiers}), and the mark is spent once that
 * transaction commits. Nothing else is marked: not a second dossier from the same session, not a dossier received at
 * the counter or submitted with help later in that browser (the administrator signs in again there), not one from
 * another session, not one after the mark has expired. A citizen's own session never has the mark.
 */
@Component
class TryItDossiers {

	static final String MARK = "xaso.setup.try-it";

	/** How long a press of the guide's button marks the next online dossier of the session. */
	static final Duration VALID = Duration.ofHours(2);

	/** What the session keeps (as plain text, "commune epoch-second"): the commune and when the button was pressed. */
	record Mark(String unitCode, Instant at) {

		String text() {
			return unitCode + " " + at.getEpochSecond();
		}

		static @Nullable Mark parse(@Nullable Object value) {
			if (!(value instanceof String text) || !text.matches("[0-9]{2,5} [0-9]{1,12}")) {
				return null;
			}
			var parts = text.split(" ");
			return new Mark(parts[0], Instant.ofEpochSecond(Long.parseLong(parts[1])));
		}
	}

	private final TestDossiers tests;
	private final Clock clock;

	TryItDossiers(TestDossiers tests, Clock clock) {
		this.tests = tests;
		this.clock = clock;
	}

	/** The administrator of {@code unitCode} pressed the guide's button in this session. */
	void mark(HttpSession session, String unitCode) {
		session.setAttribute(MARK, new Mark(unitCode, clock.instant()).text());
	}

	@EventListener
	void on(DossierSubmitted submitted) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request == null || submitted.channel() != Channel.ONLINE) {
			return;
		}
		var mark = Mark.parse(request.getAttribute(MARK, RequestAttributes.SCOPE_SESSION));
		if (!applies(mark, submitted)) {
			return;
		}
		tests.markTest(submitted.unitCode(), submitted.dossierId());
		spend(request);
	}

	private boolean applies(@Nullable Mark mark, DossierSubmitted submitted) {
		return mark != null && mark.unitCode().equals(submitted.unitCode())
				&& !mark.at().plus(VALID).isBefore(clock.instant());
	}

	/** One press, one test dossier: the mark goes once the dossier's transaction has committed. */
	private static void spend(RequestAttributes request) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					request.removeAttribute(MARK, RequestAttributes.SCOPE_SESSION);
				}
			});
		}
		else {
			request.removeAttribute(MARK, RequestAttributes.SCOPE_SESSION);
		}
	}
}
