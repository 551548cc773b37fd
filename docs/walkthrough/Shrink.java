import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Turns a journey screenshot (PNG) into a small JPEG for the walkthrough page: at most 480 px wide
 * (desk screenshots are scaled down), quality 0.8. Run by make.sh as a single-file program:
 * {@code java docs/walkthrough/Shrink.java in.png out.jpg}.
 */
public class Shrink {

	public static void main(String[] args) throws Exception {
		var in = ImageIO.read(new File(args[0]));
		double scale = Math.min(1.0, 480.0 / in.getWidth());
		int width = (int) Math.round(in.getWidth() * scale);
		int height = (int) Math.round(in.getHeight() * scale);
		var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(in, 0, 0, width, height, null);
		g.dispose();
		var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var params = writer.getDefaultWriteParam();
		params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		params.setCompressionQuality(0.8f);
		try (var stream = ImageIO.createImageOutputStream(new File(args[1]))) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(out, null, null), params);
		}
		writer.dispose();
	}
}
