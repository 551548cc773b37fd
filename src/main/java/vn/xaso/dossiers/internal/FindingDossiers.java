package vn.xaso.dossiers.internal;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Action;
import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierNotFound;
import vn.xaso.dossiers.DossierPage;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Tracking;
import vn.xaso.dossiers.VerifiedResult;
import vn.xaso.platform.SqlLike;
import vn.xaso.signing.SignatureVerification;

/**
 * Finding dossiers: one the caller may see, the citizen's own list, the officials' queues and search, the steps
 * an official may take now, an attachment or the signed result; in public, a dossier's progress by its code and
 * phone number, and a signed result by its verification token.
 */
@Component
class FindingDossiers {

	/** Overdue first, then the nearest appointment date; without a date, the longest waiting first. */
	static final String URGENT_FIRST = " order by due_date nulls last, submitted_at, id";
	static final String RUNNING_STATES = "'received', 'processing', 'awaiting_approval'";
	static final String OPEN_STATES = "'submitted', 'received', 'processing', 'awaiting_approval', 'supplement_requested', 'approved', 'result_ready'";

	private final DossierWork work;
	private final DossierTable table;
	private final DossierListings listings;
	private final DossierViews views;
	private final AttachmentTable attachments;
	private final Sla sla;
	private final SignatureVerification verification;

	FindingDossiers(DossierWork work, DossierTable table, DossierListings listings, DossierViews views, AttachmentTable attachments,
			Sla sla, SignatureVerification verification) {
		this.work = work;
		this.table = table;
		this.listings = listings;
		this.views = views;
		this.attachments = attachments;
		this.sla = sla;
		this.verification = verification;
	}

	Optional<vn.xaso.dossiers.Dossier> find(Caller caller, long dossierId) {
		return work.as(caller, () -> table.visible(caller, dossierId).flatMap(r -> views.load(r.id())));
	}

	Optional<vn.xaso.dossiers.Dossier> findByCode(Caller caller, String code) {
		return work.as(caller, () -> table.idOf(code.strip().toUpperCase(Locale.ROOT)).flatMap(i -> table.visible(caller, i))
			.flatMap(r -> views.load(r.id())));
	}

	DossierPage mine(Caller citizen, int page, int size) {
		DossierWork.requireCitizen(citizen);
		int p = Math.max(1, page);
		int s = Math.clamp(size, 1, 100);
		return work.system(() -> new DossierPage(listings.mine(citizen.citizenId(), s, (long) (p - 1) * s, views::summary),
				listings.countMine(citizen.citizenId()), p, s));
	}

	DossierPage search(Caller official, DossierSearch q) {
		DossierWork.requireOfficial(official);
		int p = Math.max(1, q.page());
		int s = Math.clamp(q.size(), 1, 100);
		var where = new StringBuilder(" where unit_code = ? and state <> 'draft'");
		var params = new ArrayList<Object>();
		params.add(official.unitCode());
		var today = sla.today();
		if (q.q() != null && !q.q().isBlank()) {
			var text = q.q().strip();
			if (text.length() > 100) {
				throw Texts.refused("q", "dossiers.error.searchLong");
			}
			where.append(" and (code ilike ? or xaso_fold(applicant_name) like '%' || xaso_fold(?) || '%')");
			params.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.add(SqlLike.escape(text));
		}
		if (q.procedureCode() != null && !q.procedureCode().isBlank()) {
			where.append(" and procedure_code = ?");
			params.add(q.procedureCode().strip());
		}
		if (q.state() != null && !q.state().isBlank()) {
			where.append(" and state = ?");
			params.add(q.state().strip());
		}
		if (q.receivedFrom() != null) {
			where.append(" and submitted_at >= ?");
			params.add(Timestamp.from(q.receivedFrom().atStartOfDay(Sla.VIETNAM).toInstant()));
		}
		if (q.receivedTo() != null) {
			where.append(" and submitted_at < ?");
			params.add(Timestamp.from(q.receivedTo().plusDays(1).atStartOfDay(Sla.VIETNAM).toInstant()));
		}
		var order = " order by submitted_at desc, id desc";
		if (q.queue() != null) {
			order = switch (q.queue()) {
				case NEW -> {
					where.append(" and state = 'submitted'");
					yield " order by submitted_at, id";
				}
				case MINE -> {
					where.append(" and assignee = ? and state in (" + OPEN_STATES + ")");
					params.add(official.username());
					yield URGENT_FIRST;
				}
				case DUE_SOON -> {
					where.append(" and state in (" + RUNNING_STATES + ") and due_date >= ? and due_date <= ?");
					params.add(today);
					params.add(sla.dueSoonLimit(today));
					yield " order by due_date, id";
				}
				case LATE -> {
					where.append(" and state in (" + RUNNING_STATES + ") and due_date < ?");
					params.add(today);
					yield " order by due_date, id";
				}
				case SUPPLEMENT -> {
					where.append(" and state = 'supplement_requested'");
					yield " order by submitted_at, id";
				}
				case AWAITING_APPROVAL -> {
					where.append(" and state = 'awaiting_approval'");
					yield URGENT_FIRST;
				}
				case RESULT_READY -> {
					where.append(" and state in ('approved', 'result_ready')");
					yield URGENT_FIRST;
				}
			};
		}
		var sql = where.toString();
		var finalOrder = order;
		return work.as(official, () -> new DossierPage(listings.page(sql, finalOrder, params, s, (long) (p - 1) * s, views::summary),
				listings.count(sql, params), p, s));
	}

	/** The steps the caller may take now (for buttons); none for a citizen. */
	List<Action> actions(Caller caller, long dossierId) {
		if (caller.isCitizen()) {
			return List.of();
		}
		return work.as(caller, () -> table.seenBy(caller, dossierId)
			.map(d -> d.available(caller, sla.dueSoonOrLate(d.row().dueDate()))).orElse(List.of()));
	}

	byte[] file(Caller caller, long dossierId, long fileId) {
		return work.as(caller, () -> {
			var row = table.visible(caller, dossierId).orElseThrow(DossierNotFound::new);
			return attachments.content(row.id(), fileId).orElseThrow(DossierNotFound::new);
		});
	}

	/** The signed result; a citizen gets it once it is ready to hand over. */
	Optional<byte[]> resultPdf(Caller caller, long dossierId) {
		return work.as(caller, () -> table.visible(caller, dossierId).flatMap(r -> {
			if (caller.isCitizen() && !List.of(Dossier.RESULT_READY, Dossier.RETURNED).contains(r.state())) {
				return Optional.empty();
			}
			return table.resultPdf(r.id());
		}));
	}

	List<Action> workflow(String name) {
		return views.workflow(name);
	}

	String stateLabel(String state) {
		return views.stateLabel(state);
	}

	// ---------------------------------------------------------------- public

	/** A dossier by code and the last 4 digits of the applicant's phone; empty if either is wrong. */
	Optional<Tracking> track(String code, String phoneLast4) {
		var c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		var last4 = phoneLast4 == null ? "" : phoneLast4.strip();
		if (c.length() > 40 || !last4.matches("[0-9]{4}")) {
			return Optional.empty();
		}
		var found = work.system(() -> table.byCode(c));
		// compare in constant time whether or not the code exists, so that timing tells nothing
		var phone = found.map(DossierTable.Row::applicantPhone).orElse("0000000000");
		var expected = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "????";
		boolean match = MessageDigest.isEqual(expected.getBytes(), last4.getBytes()) && found.isPresent() && !phone.isEmpty();
		if (!match) {
			return Optional.empty();
		}
		var r = found.get();
		var steps = work.system(() -> views.publicSteps(r));
		return Optional.of(new Tracking(r.code(), r.procedureName(), r.state(), views.stateLabel(r.state()),
				r.receivedAt() == null ? null : LocalDate.ofInstant(r.receivedAt(), Sla.VIETNAM), r.dueDate(), views.timeliness(r), steps));
	}

	/** A signed result behind its verification token, and the check of its signature. */
	Optional<VerifiedResult> verify(String token) {
		if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
			return Optional.empty();
		}
		return work.system(() -> table.signed(token)).map(s -> {
			var title = "birth-extract".equals(s.resultTemplate()) ? Texts.vi("dossiers.text.birthExtract") : Pdfs.title(s.resultTemplate());
			return new VerifiedResult(s.code(), s.procedureName(), title, s.signedAt(), s.signedBy(), s.pdf(), verification.verify(s.pdf()));
		});
	}
}
