package vn.xaso.health.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.xaso.health.HealthException;
import vn.xaso.health.Question;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.notify.Notice;
import vn.xaso.notify.Recipient;

/**
 * The station's doctors (role DOCTOR) read the questions to their own commune's station — never another's: every
 * statement names their unit and row-level security holds them to it — answer (the asker gets a notice), close, and
 * publish an answered question whose asker allowed it.
 */
@Service
public class AnsweringQuestions {

	private final QuestionTable questions;
	private final ApplicationEventPublisher events;
	private final HealthWork work;
	private final PhotoTable photos;
	private final HealthMetrics metrics;

	AnsweringQuestions(QuestionTable questions, ApplicationEventPublisher events, HealthWork work, PhotoTable photos, HealthMetrics metrics) {
		this.metrics = metrics;
		this.questions = questions;
		this.events = events;
		this.work = work;
		this.photos = photos;
	}

	/** The photos of a question to the doctor's station, and the asker's rating of the answers (if any). */
	public Extras extras(OfficialPrincipal doctor, long id) {
		check(doctor);
		return work.inTx(() -> questions.find(id, null).filter(q -> q.unitCode().equals(doctor.unitCode()))
			.map(q -> new Extras(photos.of(q.id()), questions.rating(q.id()).orElse(null))).orElse(new Extras(List.of(), null)));
	}

	/** One photo's JPEG (or thumbnail) of a question to the doctor's station. */
	public Optional<byte[]> photo(OfficialPrincipal doctor, long id, long photoId, boolean thumbnail) {
		check(doctor);
		return work.inTx(() -> questions.find(id, null).filter(q -> q.unitCode().equals(doctor.unitCode()))
			.flatMap(q -> photos.jpeg(q.id(), photoId, thumbnail)));
	}

	/** What a thread shows beside its messages. */
	public record Extras(List<HealthViews.Photo> photos, @org.jspecify.annotations.Nullable Integer rating) {
	}

	public List<HealthViews.Line> station(OfficialPrincipal doctor) {
		check(doctor);
		return work.inTx(() -> questions.station(doctor.unitCode(), 200));
	}

	public Optional<Question> find(OfficialPrincipal doctor, long id) {
		check(doctor);
		return work.inTx(() -> questions.find(id, null).filter(q -> q.unitCode().equals(doctor.unitCode())));
	}

	public void answer(OfficialPrincipal doctor, long id, String text) {
		var body = text == null ? "" : text.strip();
		if (body.length() < 2 || body.length() > 4000) {
			throw new HealthException("answer", "health.error.answer");
		}
		change(doctor, id, thread -> {
			var since = questions.lastAsked(thread.question());
			thread.answer(doctor.username(), since, work.now());
			questions.addMessage(thread.question(), true, doctor.username(), doctor.fullName(), body);
			var q = thread.question();
			var at = work.now();
			questions.firstAnswer(q.id(), at).ifPresent(minutes -> metrics.firstAnswer(q.unitCode(), at, minutes));
			events.publishEvent(new Notice(q.unitCode(), Recipient.citizen(q.citizenId()), "health.notice.answered",
					Map.of("title", q.title()), "health-answer-" + q.id() + "-" + (q.messages().size() + 1), "/citizen/hoi-bac-si/" + q.id()));
		});
	}

	public void close(OfficialPrincipal doctor, long id) {
		change(doctor, id, thread -> thread.close(doctor.username()));
	}

	public void publish(OfficialPrincipal doctor, long id) {
		change(doctor, id, thread -> thread.publish(work.now()));
	}

	private void change(OfficialPrincipal doctor, long id, java.util.function.Consumer<QuestionThread> step) {
		check(doctor);
		work.inTx(() -> {
			var q = questions.lock(id, null).filter(x -> x.unitCode().equals(doctor.unitCode()))
				.orElseThrow(() -> new HealthException(null, "health.error.noQuestion"));
			var thread = new QuestionThread(q);
			step.accept(thread);
			questions.saveState(thread, doctor.username(), work.now());
			work.audit(q.unitCode(), doctor.username(), "health.question." + thread.status().name().toLowerCase(java.util.Locale.ROOT),
					"question", q.id(), thread.publishedAt() != null && q.publishedAt() == null ? "published" : "");
			work.publish(thread.events());
			return null;
		});
	}

	static void check(OfficialPrincipal doctor) {
		if (!doctor.has(Role.DOCTOR)) {
			throw new HealthException(null, "health.error.doctorOnly");
		}
	}
}
