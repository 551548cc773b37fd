package vn.xaso.party.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import vn.xaso.party.PartyCaller;
import vn.xaso.party.PartyException;
import vn.xaso.party.StudyMaterialRead;

/**
 * Study materials: the committee adds them for the whole organisation, a secretary for their cell; each member opens
 * them (audited) and marks what they have read, once; secretaries and the committee see how many read each.
 */
@Service
public class Studying {

	/** The study page: the materials meant for the caller, and whether they may add one (for which cell). */
	public record StudyPage(List<PartyViews.Study> materials, boolean mayAdd, boolean committee, long cellId) {
	}

	private final StudyTable studies;
	private final PartyWork work;

	Studying(StudyTable studies, PartyWork work) {
		this.studies = studies;
		this.work = work;
	}

	public StudyPage page(PartyCaller caller) {
		return work.asMember(caller, rights -> {
			var me = rights.me();
			var list = studies.forMember(me.unitCode(), rights.committee() ? null : me.cellId(), me.memberId(), 200);
			return new StudyPage(list, me.secretary() || me.committee(), me.committee(), me.cellId());
		});
	}

	/** Adds a material: for the whole organisation (the committee, {@code wholeOrganisation}) or the caller's own cell. */
	public long add(PartyCaller caller, @Nullable String title, boolean wholeOrganisation, byte[] pdf) {
		return work.asMember(caller, rights -> {
			var t = PartyRights.text("title", title, 3, 200, "party.error.studyTitle");
			int pages = PdfUpload.pagesOf(pdf);
			var me = rights.me();
			if (wholeOrganisation) {
				rights.requireCommittee();
			}
			else {
				rights.requireManages(me.cellId());
			}
			long id = studies.insert(me.unitCode(), wholeOrganisation ? null : me.cellId(), t, pages, pdf, rights.actor());
			work.audit(rights, "party.study.added", "party_study", id, (wholeOrganisation ? "organisation" : "cell " + me.cellId()));
			return id;
		});
	}

	public PartyViews.Content read(PartyCaller caller, long id) {
		return work.asMember(caller, rights -> {
			var content = studies.content(rights.unitCode(), id).orElseThrow(() -> PartyException.of("party.error.noFile"));
			work.audit(rights, "party.study.read", "party_study", id, "");
			return content;
		});
	}

	/** The member marks the material read; true the first time (a repeat changes nothing). */
	public boolean markRead(PartyCaller caller, long id) {
		return work.asMember(caller, rights -> {
			var me = rights.me();
			var cell = studies.cellOf(me.unitCode(), id).orElseThrow(() -> PartyException.of("party.error.noFile"));
			if (cell.isPresent() && cell.get() != me.cellId()) {
				throw PartyException.of("party.error.noFile");
			}
			boolean first = studies.markRead(me.unitCode(), me.cellId(), id, me.memberId());
			if (first) {
				work.audit(rights, "party.study.marked", "party_study", id, "");
				work.publish(new StudyMaterialRead(me.unitCode(), id, me.memberId()));
			}
			return first;
		});
	}
}
