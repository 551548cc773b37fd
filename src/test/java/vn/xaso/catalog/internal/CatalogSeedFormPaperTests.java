package vn.xaso.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.xaso.catalog.ProcedureDraft;
import vn.xaso.catalog.RequiredPaper;

/**
 * Issue 11: the catalogue says which paper the online e-form replaces (so a dossier is not refused for lacking a
 * scan of the declaration it was filled in as) and which answers a new form shows pre-filled.
 */
class CatalogSeedFormPaperTests {

	@Test
	void everyDeclarationFilledInOnlineIsMarkedAndNoOtherPaperIs() {
		var drafts = CatalogSeed.read();
		long withFormPaper = drafts.stream().filter(d -> d.papers().stream().anyMatch(RequiredPaper::filledByForm)).count();
		assertThat(withFormPaper).isEqualTo(23);
		for (var d : drafts) {
			for (var p : d.papers()) {
				assertThat(p.filledByForm()).as(d.code() + " " + p.name()).isEqualTo(p.name().contains("điền trực tuyến"));
			}
			assertThat(d.papers().stream().filter(RequiredPaper::filledByForm).count()).as(d.code()).isLessThanOrEqualTo(1);
		}
		var birth = birth(drafts);
		assertThat(birth.papers()).filteredOn(RequiredPaper::filledByForm).extracting(RequiredPaper::code).containsExactly("TK");
	}

	@Test
	void theBirthFormPrefillsEthnicityAndNationality() {
		var form = birth(CatalogSeed.read()).form();
		assertThat(form.field("childEthnicity").orElseThrow().prefill()).isEqualTo("Kinh");
		assertThat(form.field("childNationality").orElseThrow().prefill()).isEqualTo("Việt Nam");
		assertThat(form.field("childName").orElseThrow().prefill()).isNull();
	}

	@Test
	void theFlagsSurviveTheJsonColumns() {
		var papers = CatalogJson.papers(CatalogJson.papers(birth(CatalogSeed.read()).papers()));
		assertThat(papers.get(0).filledByForm()).isTrue();
		assertThat(papers.get(1).filledByForm()).isFalse();
		var form = CatalogJson.form(CatalogJson.form(birth(CatalogSeed.read()).form()));
		assertThat(form.field("childEthnicity").orElseThrow().prefill()).isEqualTo("Kinh");
		// rows written before the flags existed read as "not the form", "no prefill"
		assertThat(CatalogJson.papers("[{\"code\":\"TK\",\"name\":\"Tờ khai\",\"required\":true,\"note\":null}]").get(0).filledByForm()).isFalse();
	}

	private static ProcedureDraft birth(java.util.List<ProcedureDraft> drafts) {
		return drafts.stream().filter(d -> d.code().equals("1.001193")).findFirst().orElseThrow();
	}
}
