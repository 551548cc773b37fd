package vn.xaso.portal.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.PostPublished;
import vn.xaso.portal.PostWithdrawn;

/**
 * One post as the aggregate of the editorial workflow (draft → submitted → published, and back to
 * draft when edited or withdrawn). Each method guards its step against the declared {@link Step}s
 * and registers the event the caller publishes; the SQL is {@link PostTable}'s.
 */
final class Article {

	enum Status {
		DRAFT, SUBMITTED, PUBLISHED;

		static Status of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}
	}

	/** The workflow: each step, the statuses it may start from, and the message when it may not. */
	enum Step {
		EDIT(EnumSet.of(Status.DRAFT, Status.SUBMITTED), "portal.error.publishedNoEdit"),
		SUBMIT(EnumSet.of(Status.DRAFT), "portal.error.submittedAlready"),
		WITHDRAW(EnumSet.of(Status.PUBLISHED), "portal.error.notPublished");

		private final Set<Status> from;
		private final String refusal;

		Step(Set<Status> from, String refusal) {
			this.from = from;
			this.refusal = refusal;
		}
	}

	private final Post post;
	private final List<Object> events = new ArrayList<>();

	Article(Post post) {
		this.post = post;
	}

	Post post() {
		return post;
	}

	List<Object> events() {
		return events;
	}

	private void require(Step step) {
		if (!step.from.contains(Status.of(post.status()))) {
			throw new PortalException("status", step.refusal);
		}
	}

	/** A post still in the editors' hands; a village head edits only their own notices. */
	void edit(OfficialPrincipal me) {
		require(Step.EDIT);
		if (me.has(Role.VILLAGE_HEAD) && !WritingPosts.isFullEditor(me) && !post.createdBy().equals(me.username())) {
			throw new PortalException("status", "portal.error.villageHeadOwn");
		}
	}

	void submit(OfficialPrincipal me) {
		edit(me);
		require(Step.SUBMIT);
	}

	/** Published at its set time, or now when that time is past or unset; returns the time. */
	Instant publish(OfficialPrincipal me, Instant now) {
		edit(me);
		var at = post.publishAt() == null || post.publishAt().isBefore(now) ? now : post.publishAt();
		events.add(new PostPublished(post.unitCode(), post.id(), post.kind(), post.title(), at));
		return at;
	}

	void withdraw() {
		require(Step.WITHDRAW);
		events.add(new PostWithdrawn(post.unitCode(), post.id()));
	}
}
