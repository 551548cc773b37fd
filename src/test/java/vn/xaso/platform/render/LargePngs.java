package vn.xaso.platform.render;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** A PNG of a given size, all black RGB, that compresses to almost nothing (a "decompression bomb"). */
public final class LargePngs {

	private LargePngs() {
	}

	public static byte[] black(int width, int height) throws IOException {
		var out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		var header = new ByteArrayOutputStream();
		var h = new DataOutputStream(header);
		h.writeInt(width);
		h.writeInt(height);
		h.write(new byte[] { 8, 2, 0, 0, 0 }); // 8 bits, RGB, deflate, no filter choice, not interlaced
		chunk(out, "IHDR", header.toByteArray());
		var data = new ByteArrayOutputStream();
		try (var z = new DeflaterOutputStream(data)) {
			var row = new byte[1 + width * 3];
			for (int y = 0; y < height; y++) {
				z.write(row);
			}
		}
		chunk(out, "IDAT", data.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		var d = new DataOutputStream(out);
		d.writeInt(data.length);
		var typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		d.write(typeBytes);
		d.write(data);
		var crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		d.writeInt((int) crc.getValue());
	}
}
