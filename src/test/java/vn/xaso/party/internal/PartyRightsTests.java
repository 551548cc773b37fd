package vn.xaso.party.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.party.PartyMembership.Membership;

/**
 * The party module's own rules without Spring or a database: what each kind of member may do ({@link PartyRights}),
 * refusals as 404 or 403 with their message in both languages, and uploads checked by their content ({@link PdfUpload}).
 */
class PartyRightsTests {

	static final PartyCaller CALLER = PartyCaller.official("14701", "someone");

	static PartyRights rights(long cell, boolean secretary, boolean committee) {
		return new PartyRights(new Membership(7, "14701", cell, "Chi bộ thôn A", "Nguyễn Văn A", secretary, committee), CALLER);
	}

	@Test
	void aMemberReadsTheirCellTheSecretaryManagesItTheCommitteeEveryCell() {
		var member = rights(1, false, false);
		assertThat(member.sees(1)).isTrue();
		assertThat(member.sees(2)).isFalse();
		assertThat(member.manages(1)).isFalse();
		assertThat(refusal(() -> member.requireSees(2))).isEqualTo("party.error.noCell");
		assertThat(refusal(() -> member.requireManages(1))).isEqualTo("party.error.secretaryOnly");
		assertThat(refusal(member::requireCommittee)).isEqualTo("party.error.committeeOnly");

		var secretary = rights(1, true, false);
		assertThat(secretary.manages(1)).isTrue();
		assertThat(secretary.manages(2)).isFalse();
		assertThat(refusal(() -> secretary.requireManages(2))).as("another cell is not found, not forbidden").isEqualTo("party.error.noCell");
		secretary.requireMayGiveDuties(false, false);
		assertThat(refusal(() -> secretary.requireMayGiveDuties(true, false))).isEqualTo("party.error.committeeOnly");

		var committee = rights(1, false, true);
		assertThat(committee.sees(99)).isTrue();
		assertThat(committee.manages(99)).isTrue();
		committee.requireMayGiveDuties(true, true);
	}

	@Test
	void refusalsAnswerNotFoundOrForbiddenInEitherLanguage() {
		var notMember = PartyException.of("party.error.notMember");
		assertThat(notMember.notFound()).isTrue();
		assertThat(notMember.forbidden()).isFalse();
		var duty = PartyException.of("party.error.secretaryOnly");
		assertThat(duty.notFound()).isFalse();
		assertThat(duty.forbidden()).isTrue();
		assertThat(duty.getMessage()).isEqualTo("Chỉ bí thư chi bộ hoặc Đảng ủy làm được việc này.");
		assertThat(duty.message(Locale.ENGLISH)).isEqualTo("Only the cell secretary or the party committee can do this.");
		var text = assertThatThrownBy(() -> PartyRights.text("title", "  x ", 3, 200, "party.error.title"));
		text.isInstanceOfSatisfying(PartyException.class, e -> {
			assertThat(e.field()).isEqualTo("title");
			assertThat(e.notFound()).isFalse();
		});
		assertThat(PartyRights.text("title", "  Sinh hoạt  ", 3, 200, "party.error.title")).isEqualTo("Sinh hoạt");
	}

	@Test
	void uploadsAreCheckedByWhatTheyHold() {
		assertThat(refusal(() -> PdfUpload.pagesOf(new byte[0]))).isEqualTo("party.error.fileMissing");
		assertThat(refusal(() -> PdfUpload.pagesOf("GIF89a không phải pdf".getBytes()))).isEqualTo("party.error.fileNotPdf");
		assertThat(refusal(() -> PdfUpload.pagesOf("%PDF-1.7 hỏng".getBytes()))).isEqualTo("party.error.fileBroken");
		assertThat(refusal(() -> PdfUpload.pagesOf(new byte[PdfUpload.LIMIT + 1]))).isEqualTo("party.error.fileTooBig");
		assertThat(PdfUpload.pagesOf(vn.xaso.platform.render.HtmlPdf.render("<html><body><p>Nghị quyết</p></body></html>"))).isOne();
	}

	private static String refusal(Runnable call) {
		try {
			call.run();
		}
		catch (PartyException e) {
			return e.key();
		}
		throw new AssertionError("not refused");
	}
}
