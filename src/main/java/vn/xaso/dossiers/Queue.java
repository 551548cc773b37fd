package vn.xaso.dossiers;

/** Officials' work queues. */
public enum Queue {
	/** Submitted, waiting to be received (hồ sơ mới). */
	NEW,
	/** Assigned to me (hồ sơ của tôi). */
	MINE,
	/** Open and due within one working day. */
	DUE_SOON,
	/** Open after the due date. */
	LATE,
	/** Waiting for the citizen's supplement. */
	SUPPLEMENT,
	/** Open dossiers waiting for the leader's approval. */
	AWAITING_APPROVAL,
	/** Result ready to hand back. */
	RESULT_READY;

	/** The bundle key of the queue's name (pages show {@code page.t(key())}). */
	public String key() {
		return "dossiers.queue." + name();
	}

	/** The Vietnamese queue's name (the dossiers bundle's {@code dossiers.queue.<NAME>}), for what is printed or kept. */
	public String label() {
		return DossierException.vietnamese(key());
	}
}
