package vn.xaso.addresses;

/**
 * The owner of an address record as another module names it.
 *
 * @param id the owning module's id (1–64 of letters, digits and {@code . _ : -}), e.g. a household id
 * @param villageCode the village's code ({@code "14701-03"}); blank when the holder has no village
 */
public record Holder(HolderKind kind, String id, String communeCode, String villageCode) {
}
