package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/**
 * Searches run as the application role, under row-level security, must still be able to use the
 * trigram index and the word index — otherwise every search reads the whole table (seconds at 100,000 documents).
 */
@XasoIntegrationTest
class DocumentSearchPlanTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aDiacriticFreeSearchUnderRowLevelSecurityCanUseTheTrigramIndex() {
		var plan = Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("explain select id from document where search_folded like '%quyet dinh khai sinh%'")
				.query(String.class).list());
		}));
		assertThat(jdbc.sql("select proleakproof from pg_proc where proname = 'textlike'").query(Boolean.class).single()).isTrue();
		assertThat(plan).contains("document_search_idx");
	}

	@Test
	void aWordSearchUnderRowLevelSecurityCanUseTheWordIndex() {
		var plan = Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("explain select id from document d where d.search_words @@ "
					+ "to_tsquery('simple'::regconfig, xaso_fold('''quyet'' & ''dinh'' & ''khai'' & ''sinh'':*'))")
				.query(String.class).list());
		}));
		assertThat(jdbc.sql("select proleakproof from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure")
			.query(Boolean.class).single()).isTrue();
		assertThat(plan).contains("document_words_idx");
	}
}
