package vn.xaso.economy.internal;

/**
 * The steps of a production diary a producer records from its phone, each an EPCIS 2.0 ObjectEvent with its CBV 2.0
 * business step, disposition and action. Planting starts the batch ({@code ADD}, with the batch's master data in
 * {@code ilmd}); the others observe it; packing is an AggregationEvent (the pack or case as parent, the batch as child).
 * {@code RECALLED} is recorded by a recall and {@code TRANSFORMED} by a processing step with input batches (a
 * TransformationEvent, which has no action), not chosen in the diary.
 */
public enum LotStep {

	RECEIVED("receiving", "in_progress", "OBSERVE"),
	PLANTED("commissioning", "active", "ADD"),
	CARED("other", "in_progress", "OBSERVE"),
	HARVESTED("collecting", "in_progress", "OBSERVE"),
	PROCESSED("other", "in_progress", "OBSERVE"),
	PACKED("packing", "in_progress", "ADD"),
	SHIPPED("shipping", "in_transit", "OBSERVE"),
	SOLD("retail_selling", "retail_sold", "OBSERVE"),
	RECALLED("holding", "recalled", "OBSERVE"),
	TRANSFORMED("creating_class_instance", "active", "ADD");

	private final String bizStep;
	private final String disposition;
	private final String action;

	LotStep(String bizStep, String disposition, String action) {
		this.bizStep = bizStep;
		this.disposition = disposition;
		this.action = action;
	}

	/** CBV 2.0 business step (bare word, as the EPCIS 2.0 JSON-LD context reads it). */
	public String bizStep() {
		return bizStep;
	}

	public String disposition() {
		return disposition;
	}

	public String action() {
		return action;
	}

	/** What a producer may choose in the diary form. */
	public static LotStep[] diary() {
		return java.util.Arrays.stream(values()).filter(s -> s != RECALLED && s != TRANSFORMED).toArray(LotStep[]::new);
	}
}
