package vn.xaso.radio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small audio files made in memory for tests. */
public final class TestAudio {

	private TestAudio() {
	}

	/** A 440 Hz tone as 16-bit mono PCM WAV. */
	public static byte[] sineWav(long ms, int rate) {
		int samples = (int) (rate * ms / 1000);
		var buf = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		buf.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
		buf.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
			.putShort((short) 2).putShort((short) 16);
		buf.put("data".getBytes()).putInt(samples * 2);
		for (int i = 0; i < samples; i++) {
			buf.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
		}
		return buf.array();
	}
}
