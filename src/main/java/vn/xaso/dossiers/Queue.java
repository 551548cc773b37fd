package vn.xaso.dossiers;

/** Officials' work queues. */
public enum Queue {
	/** Submitted, waiting to be received (hồ sơ mới). */
	NEW("Hồ sơ mới"),
	/** Assigned to me (hồ sơ của tôi). */
	MINE("Hồ sơ tôi đang xử lý"),
	/** Open and due within one working day. */
	DUE_SOON("Sắp đến hạn"),
	/** Open after the due date. */
	LATE("Quá hạn"),
	/** Waiting for the citizen's supplement. */
	SUPPLEMENT("Chờ bổ sung"),
	/** Open dossiers waiting for the leader's approval. */
	AWAITING_APPROVAL("Chờ lãnh đạo duyệt"),
	/** Result ready to hand back. */
	RESULT_READY("Chờ trả kết quả");

	private final String label;

	Queue(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
