package vn.xaso.economy;

/** A producer started a batch (lô) of one of its products: it now has a diary and a GS1 Digital Link. */
public record LotStarted(String unitCode, long lotId, long productId) {
}
