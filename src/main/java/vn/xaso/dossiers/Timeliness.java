package vn.xaso.dossiers;

/** Where a dossier stands against its appointment date. */
public enum Timeliness {
	/** Not counted yet (draft, submitted but not received) or refused. */
	NONE("Chưa tính hạn"),
	/** Still open and the due date is more than one working day away. */
	IN_TIME("Trong hạn"),
	/** Still open and due within one working day. */
	DUE_SOON("Sắp đến hạn"),
	/** Still open after its due date. */
	LATE("Quá hạn"),
	/** Paused, waiting for the citizen's supplement. */
	PAUSED("Tạm dừng chờ bổ sung"),
	/** Result ready before the due date. */
	EARLY("Trước hạn"),
	/** Result ready on the due date. */
	ON_TIME("Đúng hạn"),
	/** Result ready after the due date. */
	FINISHED_LATE("Trễ hạn");

	private final String label;

	Timeliness(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
