package vn.xaso.health.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.xaso.health.HealthFaq;
import vn.xaso.health.Question;

/** The station's public answers, read in the scope of the one commune asked for; no names in what is returned. */
@Service
class FaqReads implements HealthFaq {

	private final QuestionTable questions;
	private final CampaignTable campaigns;
	private final HealthWork work;

	FaqReads(QuestionTable questions, CampaignTable campaigns, HealthWork work) {
		this.questions = questions;
		this.campaigns = campaigns;
		this.work = work;
	}

	@Override
	public List<StationNotice> notices(String unitCode, int limit) {
		var since = work.today().minusDays(7);
		return work.asUnit(unitCode, () -> campaigns.upcoming(unitCode, since, Math.clamp(limit, 1, 50)));
	}

	@Override
	public List<Entry> search(String unitCode, String q, int limit) {
		return work.asUnit(unitCode, () -> questions.faq(unitCode, q == null ? "" : q, Math.clamp(limit, 1, 100)));
	}

	@Override
	public Optional<Question> entry(String unitCode, long questionId) {
		return work.asUnit(unitCode, () -> questions.published(unitCode, questionId)).map(q -> new Question(q.id(), q.unitCode(), 0,
				q.title(), q.body(), q.urgent(), true, q.status(), q.askedAt(), q.answeredAt(), q.publishedAt(),
				q.messages().stream().map(m -> new Question.Message(m.id(), m.fromDoctor(), "", m.body(), m.writtenAt())).toList()));
	}
}
