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

	/** The question form as typed, with up to {@value #MAX_PHOTOS} photos (their bytes as sent). */
	public record Ask(String title, String body, boolean mayPublish, List<byte[]> photos) {

		public Ask(String title, String body, boolean mayPublish) {
			this(title, body, mayPublish, List.of());
		}

		public Ask {
			photos = List.copyOf(photos);
		}
	}

	public static final int MAX_PHOTOS = 3;

	/** What the asker sees right after asking: the question and whether to call 115 now. */
	public record Asked(long id, boolean urgent) {
	}

	private final QuestionTable questions;
	private final Units units;
	private final HealthWork work;
	private final PhotoCheck photoCheck;
	private final PhotoTable photos;

	AskingTheDoctor(QuestionTable questions, Units units, HealthWork work, PhotoCheck photoCheck, PhotoTable photos) {
		this.questions = questions;
		this.units = units;
		this.work = work;
		this.photoCheck = photoCheck;
		this.photos = photos;
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
		if (in.photos().size() > MAX_PHOTOS) {
			throw new HealthException("photos", "health.error.photoCount", MAX_PHOTOS);
		}
		var checked = new java.util.ArrayList<PhotoCheck.Checked>();
		for (int i = 0; i < in.photos().size(); i++) {
			checked.add(photoCheck.check(in.photos().get(i), i + 1));
		}
		boolean urgent = UrgentWords.urgent(title + " " + body);
		return work.asUnit(commune.code(), () -> {
			long id = questions.insert(commune.code(), citizen.id(), title, body, urgent, in.mayPublish());
			checked.forEach(photo -> photos.insert(commune.code(), id, photo));
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

	/** The photos of the citizen's own question (none for another's). */
	public List<HealthViews.Photo> photos(CitizenPrincipal citizen, long id) {
		return work.asCitizen(() -> questions.find(id, citizen.id()).map(q -> photos.of(q.id())).orElse(List.of()));
	}

	/** One photo's JPEG (or thumbnail) of the citizen's own question. */
	public Optional<byte[]> photo(CitizenPrincipal citizen, long id, long photoId, boolean thumbnail) {
		return work.asCitizen(() -> questions.find(id, citizen.id()).flatMap(q -> photos.jpeg(q.id(), photoId, thumbnail)));
	}

	/** The rating the citizen gave their own question's answers, if any. */
	public Optional<Integer> rating(CitizenPrincipal citizen, long id) {
		return work.asCitizen(() -> questions.find(id, citizen.id()).flatMap(q -> questions.rating(q.id())));
	}

	/** The asker's rating of the answers (1–5 stars), once a doctor answered; rating again replaces it. */
	public void rate(CitizenPrincipal citizen, long id, String stars) {
		var value = stars != null && stars.strip().matches("[1-5]") ? Integer.parseInt(stars.strip()) : 0;
		if (value == 0) {
			throw new HealthException("rating", "health.error.rating");
		}
		work.asCitizen(() -> {
			var q = questions.lock(id, citizen.id()).orElseThrow(() -> new HealthException(null, "health.error.noQuestion"));
			if (q.answeredAt() == null) {
				throw new HealthException(null, "health.error.notAnswered");
			}
			questions.rate(q.id(), value);
			work.audit(q.unitCode(), citizen.getName(), "health.question.rated", "question", q.id(), String.valueOf(value));
			work.publish(new vn.xaso.health.QuestionRated(q.unitCode(), q.id(), value));
			return null;
		});
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
