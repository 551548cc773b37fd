package vn.xaso.dossiers;

/** How a dossier came in. */
public enum Channel {
	/** Trực tuyến: submitted by the citizen from their own account. */
	ONLINE("Trực tuyến"),
	/** Trực tiếp: received at the one-stop counter; paper scanned and marked digitised. */
	COUNTER("Trực tiếp tại bộ phận một cửa"),
	/** Hỗ trợ: a community team member or a family member submitted it for the citizen, with consent. */
	ASSISTED("Trực tuyến có hỗ trợ");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
