package vn.xaso.health.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xaso.health.HealthException;
import vn.xaso.health.Question;
import vn.xaso.health.QuestionAsked;
import vn.xaso.identity.CitizenPrincipal;
import vn.xaso.units.Unit;
import vn.xaso.units.Units;

/**
 * A signed-in citizen asks the health station of a commune, reads their own questions, asks again and closes one.
 * The question is private unless the citizen allows it to be published without their name. Only the asker's own
 * questions are ever found (every statement filters by their citizen id); another's is "not found".
 */
@Service
public class AskingTheDoctor {

	/** The question form as typed. */
	public record Ask(String title, String body, boolean mayPublish) {
	}

	/** What the asker sees right after asking: the question and whether to call 115 now. */
	public record Asked(long id, boolean urgent) {
	}

	private final QuestionTable questions;
	private final Units units;
	private final HealthWork work;

	AskingTheDoctor(QuestionTable questions, Units units, HealthWork work) {
		this.questions = questions;
		this.units = units;
		this.work = work;
	}

	public Asked ask(CitizenPrincipal citizen, String communeCode, Ask in) {
		var commune = units.find(communeCode).filter(u -> Unit.COMMUNE.equals(u.level()))
			.orElseThrow(() -> new HealthException(null, "health.error.noCommune"));
		var title = text(in.title());
		if (title.length() < 5 || title.length() > 150) {
			throw new HealthException("title", "health.error.title");
		}
		var body = in.body() == null ? "" : in.body().strip();
		if (body.length() < 10 || body.length() > 4000) {
			throw new HealthException("body", "health.error.body");
		}
		boolean urgent = UrgentWords.urgent(title + " " + body);
		return work.asUnit(commune.code(), () -> {
			long id = questions.insert(commune.code(), citizen.id(), title, body, urgent, in.mayPublish());
			work.audit(commune.code(), citizen.getName(), "health.question.asked", "question", id, urgent ? "urgent" : "");
			work.publish(new QuestionAsked(commune.code(), id, urgent, false));
			return new Asked(id, urgent);
		});
	}

	public List<HealthViews.Line> mine(CitizenPrincipal citizen) {
		return work.asCitizen(() -> questions.mine(citizen.id()));
	}

	public Optional<Question> mine(CitizenPrincipal citizen, long id) {
		return work.asCitizen(() -> questions.find(id, citizen.id()));
	}

	/** Asks again in the same thread; returns whether the new text names a danger sign. */
	public boolean followUp(CitizenPrincipal citizen, long id, String text) {
		var body = text == null ? "" : text.strip();
		if (body.length() < 2 || body.length() > 4000) {
			throw new HealthException("body", "health.error.followUp");
		}
		return work.asCitizen(() -> {
			var thread = new QuestionThread(questions.lock(id, citizen.id()).orElseThrow(() -> new HealthException(null, "health.error.noQuestion")));
			thread.followUp();
			questions.addMessage(thread.question(), false, citizen.getName(), citizen.displayName(), body);
			questions.saveState(thread, null, work.now());
			work.publish(thread.events());
			return UrgentWords.urgent(body);
		});
	}

	public void close(CitizenPrincipal citizen, long id) {
		work.asCitizen(() -> {
			var thread = new QuestionThread(questions.lock(id, citizen.id()).orElseThrow(() -> new HealthException(null, "health.error.noQuestion")));
			thread.close("citizen");
			questions.saveState(thread, null, work.now());
			work.publish(thread.events());
			return null;
		});
	}

	static String text(String s) {
		return s == null ? "" : s.strip().replaceAll("\\s+", " ");
	}
}
