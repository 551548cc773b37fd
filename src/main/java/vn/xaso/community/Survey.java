package vn.xaso.community;

import java.time.LocalDate;

/** One dated digital-adoption survey of a household. */
public record Survey(long id, long householdId, LocalDate surveyedOn, int smartphones, Internet internet,
		boolean ePayment, boolean vneidLevel2, boolean usesApp, boolean inZaloGroup, Barrier mainBarrier,
		String recordedBy) {

	/** Labels: community.internet.NAME. */
	public enum Internet { FIBRE, MOBILE, NONE }

	/** The main barrier to going digital. Labels: community.barrier.NAME. */
	public enum Barrier { NONE, COST, SKILL, TRUST }
}
