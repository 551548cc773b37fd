package vn.xaso.setup.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The setup aggregate: which step the wizard is at and what each step saved. Steps are done in order;
 * a step may be revisited, but none can be skipped over before the commune and the administrator exist,
 * and nothing changes once the setup is completed. Row 1 is the instance's own first-run setup; a commune invited
 * by its province ({@link #invited}) has its own row and starts at {@link #COMMUNE} too, where its commune is fixed
 * by the invitation and only its villages are asked.
 */
public record SetupState(long id, boolean invited, int step, @Nullable String unitCode, @Nullable String villages, @Nullable String adminUsername,
		@Nullable String agencyCode, @Nullable String workingHours, boolean bankDone, @Nullable String signing,
		int officials, @Nullable String pendingImport, @Nullable String procedures, @Nullable Instant completedAt) {

	public static final int COMMUNE = 1;
	public static final int ADMIN = 2;
	public static final int SERVICE = 3;
	public static final int SIGNING = 4;
	public static final int OFFICIALS = 5;
	public static final int PROCEDURES = 6;
	public static final int CHECKLIST = 7;
	public static final int LAST = CHECKLIST;

	/** The first step this setup shows: the commune and its villages, for a first run and an invited commune alike. */
	public int firstStep() {
		return COMMUNE;
	}

	public boolean completed() {
		return completedAt != null;
	}

	/** Whether a page of the given step may be shown: steps already reached, never past the first open one. */
	public boolean mayOpen(int wanted) {
		return !completed() && wanted >= firstStep() && wanted <= step;
	}

	/** Refuses a change when the setup is finished or the step has not been reached. */
	public void requireOpen(int wanted) {
		if (completed()) {
			throw SetupException.of(null, "setup.error.alreadySetUp");
		}
		if (!mayOpen(wanted)) {
			throw SetupException.of(null, "setup.error.stepNotOpen");
		}
	}

	/** The commune may change only while no administrator exists (the account belongs to the commune). */
	public void requireCommuneChangeable(String newUnit) {
		if (invited && !newUnit.equals(unitCode)) {
			throw SetupException.of("unit", "setup.error.communeInvited");
		}
		if (adminUsername != null && !newUnit.equals(unitCode)) {
			throw SetupException.of("unit", "setup.error.communeHasAdmin");
		}
	}

	public void requireAdminMissing() {
		if (adminUsername != null) {
			throw SetupException.of("username", "setup.error.adminExists", adminUsername);
		}
	}

	/** The step after {@code done}, but never backwards from where the wizard already was. */
	public int stepAfter(int done) {
		return Math.max(step, Math.min(LAST, done + 1));
	}

	public List<String> procedureCodes() {
		return procedures == null || procedures.isBlank() ? List.of() : Arrays.asList(procedures.split(","));
	}

	public List<String> villageNames() {
		var names = new ArrayList<String>();
		if (villages != null) {
			for (var line : villages.split("\n")) {
				if (!line.isBlank()) {
					names.add(line.strip());
				}
			}
		}
		return names;
	}

	/** The missing things that stop the setup from finishing (the checklist shows the rest as advice). */
	public List<String> blockers() {
		return blockerTexts().stream().map(SetupException.Said::local).toList();
	}

	/** {@link #blockers()} in any language. */
	List<SetupException.Said> blockerTexts() {
		var missing = new ArrayList<SetupException.Said>();
		if (unitCode == null) {
			missing.add(SetupException.text("setup.error.noCommune"));
		}
		if (adminUsername == null) {
			missing.add(SetupException.text("setup.error.noAdmin"));
		}
		return missing;
	}
}
