package vn.xaso.cameras;

import java.time.Instant;

/** A follow-up note on an incident. */
public record FollowUp(String note, String writtenBy, Instant writtenAt) {
}
