package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.demo.DemoData;
import vn.xaso.documents.internal.DocumentSearch;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * The registers' search (issue 15): whole words from the word index, with or without diacritics, in any order, the
 * last word also as a prefix; terms with punctuation (number symbols, "100%") as substrings; never another unit's
 * documents. The register's total is counted only up to 1,000 past the page and shown as "hơn 1.000" ("More than
 * 1,000"); a search counts only what it has seen ("hơn 20" before its last page, exact on it).
 * Rows are drafts of units no other test lists (drafts count in no indicator) and are removed afterwards.
 */
@XasoIntegrationTest
class DocumentSearchTests {

	static final String UNIT = "99150";
	static final String OTHER = "99151";
	static final Actor OFFICIAL = new Actor(UNIT, "tim.kiem", "Kiểm thử tìm kiếm", Set.of(Role.CLERK));

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@LocalServerPort
	int port;

	@Test
	void findsWholeWordsWithoutDiacriticsInAnyOrderAndSymbolsAsSubstrings() {
		var ids = new LinkedHashMap<String, Long>();
		try {
			ids.put("birth", insert(UNIT, "Quyết định công nhận kết quả đăng ký khai sinh thôn Yên Hòa", "Căn cứ Luật Hộ tịch."));
			ids.put("death", insert(UNIT, "Quyết định công nhận kết quả đăng ký khai tử", "Căn cứ Luật Hộ tịch."));
			ids.put("vaccine", insert(UNIT, "Thông báo lịch tiêm chủng mở rộng", "Thực hiện Công văn số 12/QĐ-UBND của UBND tỉnh."));
			ids.put("canal", insert(UNIT, "Kế hoạch nạo vét kênh mương nội đồng", "Diện tích đạt 100% kế hoạch."));
			ids.put("award", insert(UNIT, "Quyết định khen thưởng gia đình văn hóa", "Ông Nguyễn Văn An, thôn Bình Hải."));
			long elsewhere = insert(OTHER, "Quyết định công nhận kết quả đăng ký khai sinh của xã khác", "");

			Map<String, List<String>> expected = new LinkedHashMap<>();
			expected.put("khai sinh", List.of("birth"));
			expected.put("KHAI SINH yên hòa", List.of("birth"));
			expected.put("quyết định", List.of("birth", "death", "award"));
			expected.put("dinh quyet", List.of("birth", "death", "award"));
			expected.put("quyet dinh khai sinh", List.of("birth"));
			expected.put("khai", List.of("birth", "death"));
			expected.put("khai si", List.of("birth"));
			expected.put("dang ky khai t", List.of()); // one letter is not a prefix: "t" must be a word
			expected.put("tiem chung", List.of("vaccine"));
			expected.put("nao vet kenh muong", List.of("canal"));
			expected.put("khen", List.of("award"));
			expected.put("mương", List.of("canal"));
			expected.put("12/QĐ-UBND", List.of("vaccine"));
			expected.put("qd-ubnd tiem", List.of("vaccine"));
			expected.put("100%", List.of("canal"));
			expected.put("%", List.of("canal"));
			expected.put("inh", List.of()); // a piece of a word is not a word
			expected.put("nguyen van an binh hai", List.of("award"));
			expected.put("không có từ này", List.of());

			for (var e : expected.entrySet()) {
				var listing = search(UNIT, e.getKey(), 0, 50);
				assertThat(listing.rows()).as(e.getKey()).extracting(Documents.Row::id)
					.containsExactlyInAnyOrderElementsOf(e.getValue().stream().map(ids::get).toList());
				assertThat(listing.total()).as(e.getKey()).isEqualTo(e.getValue().size());
				assertThat(listing.more()).isFalse();
			}
			// newest first
			assertThat(search(UNIT, "quyet dinh", 0, 50).rows()).extracting(Documents.Row::id)
				.containsExactly(ids.get("award"), ids.get("death"), ids.get("birth"));
			// the other unit's document is there, but only for its own officials
			var other = new Actor(OTHER, "tim.kiem", "Kiểm thử tìm kiếm", Set.of(Role.CLERK));
			assertThat(Tenancy.callAs(UnitScope.of(OTHER), () -> documents.search(other, query("khai sinh", 0, 50))).rows())
				.extracting(Documents.Row::id).containsExactly(elsewhere);
		}
		finally {
			removeDrafts(UNIT);
			removeDrafts(OTHER);
		}
	}

	@Test
	void aRegisterOfMoreThanAThousandCountsOnlyToAThousandAndSaysMore() {
		String ngaAn = DemoData.NGA_AN;
		try {
			Tenancy.runAs(UnitScope.of(ngaAn), () -> tx.executeWithoutResult(s -> jdbc.sql("""
					insert into document (unit_code, direction, type, status, summary, created_by, created_at)
					select :unit, 'out', 'THONG_BAO', 'draft', 'Bản nháp kiểm tra đếm số ' || g || case when g % 40 = 0 then ' mốcthử' else '' end,
					       'search-test', now() - g * interval '1 second'
					from generate_series(1, :n) g""").param("unit", ngaAn).param("n", DocumentSearch.CAP + 5).update()));
			var clerk = new Actor(ngaAn, "ngaan.chutich", "Chủ tịch Nga An", Set.of(Role.LEADER));

			var register = Tenancy.callAs(UnitScope.of(ngaAn), () -> documents.search(clerk, query(null, 0, 20)));
			assertThat(register.total()).isEqualTo(DocumentSearch.CAP);
			assertThat(register.more()).isTrue();
			assertThat(register.rows()).hasSize(20);

			// a search counts what it has seen: the page and one more
			var mine = Tenancy.callAs(UnitScope.of(ngaAn), () -> documents.search(clerk, query("kiem tra dem", 0, 20)));
			assertThat(mine.total()).isEqualTo(20);
			assertThat(mine.more()).isTrue();
			assertThat(mine.rows()).extracting(Documents.Row::summary).first().isEqualTo("Bản nháp kiểm tra đếm số 1");
			// its last page (the 51st) is exact
			var last = Tenancy.callAs(UnitScope.of(ngaAn), () -> documents.search(clerk, query("kiem tra dem", 50, 20)));
			assertThat(last.total()).isEqualTo(DocumentSearch.CAP + 5);
			assertThat(last.more()).isFalse();
			assertThat(last.rows()).extracting(Documents.Row::summary).containsExactly("Bản nháp kiểm tra đếm số 1001",
					"Bản nháp kiểm tra đếm số 1002", "Bản nháp kiểm tra đếm số 1003", "Bản nháp kiểm tra đếm số 1004",
					"Bản nháp kiểm tra đếm số 1005");
			// a word in every 40th draft (7 of the newest 300): the page by walking the register, then the rest exactly
			var marked = Tenancy.callAs(UnitScope.of(ngaAn), () -> documents.search(clerk, query("mocthu", 0, 20)));
			assertThat(marked.rows()).extracting(Documents.Row::summary)
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "Bản nháp kiểm tra đếm số " + 40 * i + " mốcthử").toList());
			assertThat(marked.total()).isEqualTo(20);
			assertThat(marked.more()).isTrue();
			var markedLast = Tenancy.callAs(UnitScope.of(ngaAn), () -> documents.search(clerk, query("mốcthử", 1, 20)));
			assertThat(markedLast.rows()).extracting(Documents.Row::summary)
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(21, 25).mapToObj(i -> "Bản nháp kiểm tra đếm số " + 40 * i + " mốcthử").toList());
			assertThat(markedLast.total()).isEqualTo(25);
			assertThat(markedLast.more()).isFalse();
			var few = Tenancy.callAs(UnitScope.of(ngaAn), () -> documents.search(clerk, query("kiem tra dem so 1003", 0, 20)));
			assertThat(few.total()).isEqualTo(1);
			assertThat(few.more()).isFalse();

			// the page: "hơn 1.000" and a next page without a last page number; in English "More than 1,000"
			var leader = new WebSession(port).signInOfficial("ngaan.chutich", DemoData.PASSWORD);
			var vi = leader.get("/documents").body();
			assertThat(vi).contains("Có hơn 1.000 văn bản", "Trang 1 / hơn 50", "rel=\"next\"");
			var en = leader.get("/documents?lang=en").body();
			assertThat(en).contains("More than 1,000 documents", "Page 1 of more than 50");
			var exact = leader.get("/documents?q=kiem+tra+dem+so+1003&lang=vi").body();
			assertThat(exact).contains("Có 1 văn bản").doesNotContain("hơn 1.000");
			var searched = leader.get("/documents?q=kiem+tra+dem").body();
			assertThat(searched).contains("Có hơn 20 văn bản", "Trang 1<", "rel=\"next\"");
			var lastPage = leader.get("/documents?q=kiem+tra+dem&page=50").body();
			assertThat(lastPage).contains("Có 1.005 văn bản", "Trang 51 / 51", "rel=\"prev\"").doesNotContain("rel=\"next\"");
		}
		finally {
			removeDrafts(ngaAn);
		}
	}

	private Documents.Listing search(String unit, String q, int page, int size) {
		return Tenancy.callAs(UnitScope.of(unit), () -> documents.search(OFFICIAL, query(q, page, size)));
	}

	private static Documents.Search query(String q, int page, int size) {
		return new Documents.Search(q, null, null, null, null, null, null, null, page, size);
	}

	private long insert(String unit, String summary, String body) {
		return Tenancy.callAs(UnitScope.of(unit), () -> tx.execute(s -> jdbc.sql("""
				insert into document (unit_code, direction, type, status, summary, body, created_by, created_at)
				values (:unit, 'out', 'THONG_BAO', 'draft', :summary, :body, 'search-test', clock_timestamp()) returning id""")
			.param("unit", unit).param("summary", summary).param("body", body).query(Long.class).single()));
	}

	private void removeDrafts(String unit) {
		Tenancy.runAs(UnitScope.of(unit), () -> tx.executeWithoutResult(s -> jdbc
			.sql("delete from document where unit_code = :unit and created_by = 'search-test' and status = 'draft'")
			.param("unit", unit).update()));
	}
}
