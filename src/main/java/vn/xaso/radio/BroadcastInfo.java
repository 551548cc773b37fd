package vn.xaso.radio;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A broadcast as other modules see it.
 *
 * @param status {@code synthesising}, {@code ready}, {@code failed} or {@code cancelled}
 * @param audioUrl the public audio path ({@code /radio/broadcasts/{id}/audio}) once ready, else null
 * @param duration the audio's length once ready, else null
 */
public record BroadcastInfo(long id, String unitCode, String title, String status, @Nullable String audioUrl,
		@Nullable Duration duration) {

	public boolean ready() {
		return "ready".equals(status);
	}
}
