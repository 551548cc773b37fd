package vn.xaso.setup;

import java.time.Instant;

/** The first-run setup was finished: the commune, its first administrator, and when. */
public record SetupCompleted(String unitCode, String adminUsername, Instant completedAt) {
}
