package vn.xaso.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking one unit's chain: how many entries were checked and, if the chain is
 * broken, the first entry that does not match (by sequence number) and why.
 */
public record ChainVerification(String unitCode, long checked, @Nullable Long firstBrokenSeq,
		@Nullable Long firstBrokenId, @Nullable String reason) {

	public boolean intact() {
		return firstBrokenSeq == null;
	}
}
