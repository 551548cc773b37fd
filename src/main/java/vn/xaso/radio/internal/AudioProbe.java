package vn.xaso.radio.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises audio by its content (never by name) and reads its duration from the file itself:
 * RIFF/WAVE PCM (header), Ogg Opus / Ogg Vorbis (last page's granule position) and MPEG audio
 * layer III (sum of frames, with or without an ID3v2 tag).
 */
public final class AudioProbe {

	public record Probe(String contentType, long durationMs) {
	}

	private AudioProbe() {
	}

	public static Optional<Probe> probe(byte[] b) {
		try {
			if (b.length > 44 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WAVE")) {
				return wav(b);
			}
			if (b.length > 64 && ascii(b, 0, 4).equals("OggS")) {
				return ogg(b);
			}
			return mp3(b);
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

	private static String ascii(byte[] b, int off, int len) {
		return off + len <= b.length ? new String(b, off, len, StandardCharsets.ISO_8859_1) : "";
	}

	private static Optional<Probe> wav(byte[] b) {
		var buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		int pos = 12;
		int byteRate = 0;
		int format = 0;
		while (pos + 8 <= b.length) {
			var id = ascii(b, pos, 4);
			long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
			if (id.equals("fmt ")) {
				format = buf.getShort(pos + 8) & 0xffff;
				byteRate = buf.getInt(pos + 16);
			}
			else if (id.equals("data")) {
				if (byteRate <= 0 || (format != 1 && format != 3 && format != 0xfffe)) {
					return Optional.empty();
				}
				// espeak-ng writing to a pipe leaves the size at 0x7fffffff; use what is really there
				long available = Math.min(size, b.length - (pos + 8L));
				long ms = available * 1000 / byteRate;
				return ms > 0 ? Optional.of(new Probe("audio/wav", ms)) : Optional.empty();
			}
			pos += 8 + (int) size + (int) (size & 1);
		}
		return Optional.empty();
	}

	private static Optional<Probe> ogg(byte[] b) {
		var buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		// first page: the identification header of the codec
		int segments = b[26] & 0xff;
		int body = 27 + segments;
		long rate;
		long preSkip = 0;
		if (ascii(b, body, 8).equals("OpusHead")) {
			rate = 48000;
			preSkip = buf.getShort(body + 10) & 0xffff;
		}
		else if (ascii(b, body + 1, 6).equals("vorbis")) {
			rate = Integer.toUnsignedLong(buf.getInt(body + 12));
		}
		else {
			return Optional.empty();
		}
		// last page: search backwards for the capture pattern
		for (int i = b.length - 27; i >= 0; i--) {
			if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S') {
				long granule = buf.getLong(i + 6);
				if (granule > preSkip && rate > 0) {
					long ms = (granule - preSkip) * 1000 / rate;
					return ms > 0 ? Optional.of(new Probe("audio/ogg", ms)) : Optional.empty();
				}
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static final int[][] BITRATES = { // [version index: 0 = MPEG1, 1 = MPEG2/2.5][bitrate index]
			{ 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 },
			{ 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 } };

	private static final int[][] RATES = { { 44100, 48000, 32000 }, { 22050, 24000, 16000 }, { 11025, 12000, 8000 } };

	private static Optional<Probe> mp3(byte[] b) {
		int pos = 0;
		if (ascii(b, 0, 3).equals("ID3") && b.length > 10) {
			int size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
			pos = 10 + size;
		}
		long micros = 0;
		int frames = 0;
		while (pos + 4 <= b.length) {
			int h = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
			if ((h & 0xffe00000) != 0xffe00000) {
				if (frames == 0) {
					return Optional.empty(); // not MPEG audio (or garbage before the first frame)
				}
				break; // trailing tag (ID3v1, APE)
			}
			int versionBits = (h >>> 19) & 3; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
			int layer = (h >>> 17) & 3; // 1 = layer III
			int bitrateIndex = (h >>> 12) & 15;
			int rateIndex = (h >>> 10) & 3;
			int padding = (h >>> 9) & 1;
			if (versionBits == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
				if (frames == 0) {
					return Optional.empty();
				}
				break;
			}
			boolean mpeg1 = versionBits == 3;
			int rate = RATES[mpeg1 ? 0 : versionBits == 2 ? 1 : 2][rateIndex];
			int kbps = BITRATES[mpeg1 ? 0 : 1][bitrateIndex];
			int samples = mpeg1 ? 1152 : 576;
			int length = (samples / 8) * kbps * 1000 / rate + padding;
			if (length < 4) {
				return Optional.empty();
			}
			boolean infoFrame = frames == 0 && pos + 40 < b.length
					&& (ascii(b, pos + 4, 40).contains("Xing") || ascii(b, pos + 4, 40).contains("Info"));
			if (!infoFrame) { // the encoder's Xing/Info header frame carries no sound
				micros += (long) samples * 1_000_000L / rate;
			}
			frames++;
			pos += length;
		}
		if (frames < 2) {
			return Optional.empty();
		}
		long ms = micros / 1000;
		return ms > 0 ? Optional.of(new Probe("audio/mpeg", ms)) : Optional.empty();
	}
}
