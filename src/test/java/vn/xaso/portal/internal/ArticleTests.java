package vn.xaso.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.portal.PortalException;
import vn.xaso.portal.Post;
import vn.xaso.portal.PostPublished;
import vn.xaso.portal.PostWithdrawn;

/** The editorial workflow as the {@link Article} aggregate guards it, without Spring or a database. */
class ArticleTests {

	static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	static Post post(String status, @Nullable Instant publishAt, String createdBy) {
		return new Post(5, "14701", "notice", "", "Lịch cắt điện", "", "Thôn Đông cắt điện sáng Chủ nhật.", status, publishAt, List.of(),
				Set.of(), false, null, "", null, createdBy, null, NOW);
	}

	static OfficialPrincipal official(String username, Role role) {
		return new OfficialPrincipal(1L, username, "Cán bộ", "14701", "Xã Yên Mô", Set.of(role), UnitScope.of("14701"));
	}

	@Test
	void publishingNowOrAtTheSetTimeRegistersPostPublished() {
		var leader = official("yenmo.chutich", Role.LEADER);
		var now = new Article(post("submitted", null, "yenmo.tuphap"));
		assertThat(now.publish(leader, NOW)).isEqualTo(NOW);
		var later = NOW.plus(Duration.ofDays(2));
		var scheduled = new Article(post("draft", later, "yenmo.tuphap"));
		assertThat(scheduled.publish(leader, NOW)).isEqualTo(later);
		assertThat(scheduled.events()).containsExactly(new PostPublished("14701", 5, "notice", "Lịch cắt điện", later));
	}

	@Test
	void aPublishedPostIsNotEditedOrSubmittedAndOnlyItIsWithdrawn() {
		var leader = official("yenmo.chutich", Role.LEADER);
		var published = new Article(post("published", NOW, "yenmo.tuphap"));
		assertThatThrownBy(() -> published.edit(leader)).isInstanceOf(PortalException.class).hasMessageContaining("gỡ bài xuống");
		published.withdraw();
		assertThat(published.events()).containsExactly(new PostWithdrawn("14701", 5));
		assertThatThrownBy(() -> new Article(post("draft", null, "x")).withdraw()).hasMessageContaining("chưa đăng");
		assertThatThrownBy(() -> new Article(post("submitted", null, "yenmo.chutich")).submit(leader)).hasMessageContaining("trình duyệt rồi");
	}

	@Test
	void aVillageHeadEditsOnlyTheirOwnNotices() {
		var head = official("yenmo.truongthon", Role.VILLAGE_HEAD);
		new Article(post("draft", null, "yenmo.truongthon")).edit(head);
		assertThatThrownBy(() -> new Article(post("draft", null, "yenmo.tuphap")).edit(head)).hasMessageContaining("của mình");
	}
}
