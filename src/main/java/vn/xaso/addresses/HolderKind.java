package vn.xaso.addresses;

/** Who an address record belongs to; the holder itself lives in another module (households in community). */
public enum HolderKind {
	/** Hộ gia đình. */
	HOUSEHOLD,
	/** Cơ quan, tổ chức, doanh nghiệp, cửa hàng. */
	ORGANISATION
}
