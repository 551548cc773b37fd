package vn.xaso.dossiers;

/** How a dossier came in. */
public enum Channel {
	/** Trực tuyến: submitted by the citizen from their own account. */
	ONLINE,
	/** Trực tiếp: received at the one-stop counter; paper scanned and marked digitised. */
	COUNTER,
	/** Hỗ trợ: a community team member or a family member submitted it for the citizen, with consent. */
	ASSISTED;

	/** The bundle key of the channel's name (pages show {@code page.t(key())}). */
	public String key() {
		return "dossiers.channel." + name();
	}

	/** The Vietnamese channel's name (the dossiers bundle's {@code dossiers.channel.<NAME>}), for what is printed or kept. */
	public String label() {
		return DossierException.vietnamese(key());
	}
}
