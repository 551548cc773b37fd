package vn.xaso.dossiers.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierStats;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * The commune's records about its dossiers: the tracking book (sổ theo dõi hồ sơ) as XLSX or CSV, the dashboard
 * counts, and the agency code its dossier codes start with.
 */
@Component
class KeepingBooks {

	private final DossierWork work;
	private final DossierListings listings;
	private final NumberTable numbers;
	private final NumberingDossier numbering;
	private final DossierViews views;
	private final Commune commune;
	private final Journal journal;

	KeepingBooks(DossierWork work, DossierListings listings, NumberTable numbers, NumberingDossier numbering, DossierViews views,
			Commune commune, Journal journal) {
		this.work = work;
		this.listings = listings;
		this.numbers = numbers;
		this.numbering = numbering;
		this.views = views;
		this.commune = commune;
		this.journal = journal;
	}

	byte[] trackingBookXlsx(Caller official, LocalDate from, LocalDate to) {
		return TrackingBook.xlsx(bookRows(official, from, to), commune.issuer(official.unitCode()).communeName(), from, to);
	}

	byte[] trackingBookCsv(Caller official, LocalDate from, LocalDate to) {
		return TrackingBook.csv(bookRows(official, from, to));
	}

	private List<TrackingBook.Line> bookRows(Caller official, LocalDate from, LocalDate to) {
		DossierWork.requireOfficial(official);
		if (to.isBefore(from)) {
			throw Texts.refused("to", "dossiers.error.bookOrder");
		}
		if (from.plusYears(1).isBefore(to)) {
			throw Texts.refused("to", "dossiers.error.bookYear");
		}
		return work.as(official, () -> listings.book(official.unitCode(), from.atStartOfDay(Sla.VIETNAM).toInstant(),
				to.plusDays(1).atStartOfDay(Sla.VIETNAM).toInstant()).stream()
			.map(l -> new TrackingBook.Line(l.code(), l.procedure(), l.applicant(), l.received(), l.due(), l.assignee(), l.result(),
					l.returned(), views.stateLabel(l.state()), l.returnMethod(), l.postTracking()))
			.toList());
	}

	/** Counts over dossiers submitted in [from, to]; runs in the caller's unit scope. */
	DossierStats stats(String unitCode, LocalDate from, LocalDate to) {
		return work.inTransaction(() -> listings.stats(unitCode, from.atStartOfDay(Sla.VIETNAM).toInstant(),
				to.plusDays(1).atStartOfDay(Sla.VIETNAM).toInstant()));
	}

	String agencyCode(String unitCode) {
		return work.inUnit(unitCode, () -> numbering.agencyCode(unitCode));
	}

	void setAgencyCode(Caller admin, String agencyCode) {
		DossierWork.requireOfficial(admin);
		if (!admin.has(Role.ADMIN)) {
			throw Texts.refused("agencyCode", "dossiers.error.agencyAdminOnly");
		}
		var code = agencyCode == null ? "" : agencyCode.strip().toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z0-9][A-Z0-9.-]{1,19}")) {
			throw Texts.refused("agencyCode", "dossiers.error.agencyFormat");
		}
		if (code.matches("X[0-9]{5}") && !code.equals(NumberingDossier.defaultAgencyCode(admin.unitCode()))) {
			throw Texts.refused("agencyCode", "dossiers.error.agencyReserved");
		}
		work.as(admin, () -> {
			if (work.inNewTransaction(UnitScope.systemWide(), () -> numbers.takenElsewhere(code, admin.unitCode()))) {
				throw Texts.refused("agencyCode", "dossiers.error.agencyTaken", code);
			}
			var before = numbering.agencyCode(admin.unitCode());
			numbers.setAgencyCode(admin.unitCode(), code, admin.username());
			journal.audit(admin.unitCode(), admin, "dossier.agency_code", 0, before, code);
			return null;
		});
	}
}
