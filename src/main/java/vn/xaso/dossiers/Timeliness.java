package vn.xaso.dossiers;

/** Where a dossier stands against its appointment date. */
public enum Timeliness {
	/** Not counted yet (draft, submitted but not received) or refused. */
	NONE,
	/** Still open and the due date is more than one working day away. */
	IN_TIME,
	/** Still open and due within one working day. */
	DUE_SOON,
	/** Still open after its due date. */
	LATE,
	/** Paused, waiting for the citizen's supplement. */
	PAUSED,
	/** Result ready before the due date. */
	EARLY,
	/** Result ready on the due date. */
	ON_TIME,
	/** Result ready after the due date. */
	FINISHED_LATE;

	/** The bundle key of the timeliness label (pages show {@code page.t(key())}). */
	public String key() {
		return "dossiers.timeliness." + name();
	}

	/** The Vietnamese timeliness label (the dossiers bundle's {@code dossiers.timeliness.<NAME>}), for what is printed or kept. */
	public String label() {
		return DossierException.vietnamese(key());
	}
}
