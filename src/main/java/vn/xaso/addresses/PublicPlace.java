package vn.xaso.addresses;

/** What anyone may learn from a plus code: the commune and village it is registered in, never a name. */
public record PublicPlace(String plusCode, String communeCode, String communeName, String provinceName, String villageName,
		String postcode) {
}
