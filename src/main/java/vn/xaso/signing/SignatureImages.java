package vn.xaso.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

import vn.xaso.platform.VietnameseText;

/**
 * Demo images drawn with Java2D: a red round seal with the unit's name, and a handwriting-like signature
 * image with the official's name. They are plainly synthetic (no real seal is copied); a deployment
 * replaces them with the unit's registered seal image.
 */
public final class SignatureImages {

	/** Red used for seals (Nghị định 30/2020: dấu màu đỏ). */
	public static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

	private SignatureImages() {
	}

	/** A transparent square image of a round seal, {@code size} pixels wide. */
	public static BufferedImage seal(String unitName, int size) {
		var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		var g = graphics(image);
		g.setColor(SEAL_RED);
		float outer = size * 0.035f;
		g.setStroke(new BasicStroke(outer));
		g.draw(new Ellipse2D.Float(outer, outer, size - 2 * outer, size - 2 * outer));
		g.setStroke(new BasicStroke(size * 0.012f));
		float inner = size * 0.2f;
		g.draw(new Ellipse2D.Float(inner, inner, size - 2 * inner, size - 2 * inner));
		// The name around the ring, in capitals.
		var text = unitName.toUpperCase(Locale.forLanguageTag("vi")) + " ★ ";
		var font = new Font(Font.SERIF, Font.BOLD, Math.max(8, size / 13));
		g.setFont(font);
		double radius = size / 2.0 - size * 0.12;
		double centre = size / 2.0;
		double step = 2 * Math.PI / Math.max(text.length(), 24);
		double angle = -Math.PI / 2 - step * text.length() / 2;
		for (int i = 0; i < text.length(); i++) {
			var ch = String.valueOf(text.charAt(i));
			var saved = g.getTransform();
			var t = new AffineTransform(saved);
			t.translate(centre + radius * Math.cos(angle), centre + radius * Math.sin(angle));
			t.rotate(angle + Math.PI / 2);
			g.setTransform(t);
			var w = g.getFontMetrics().stringWidth(ch);
			g.drawString(ch, -w / 2f, g.getFontMetrics().getAscent() / 2f);
			g.setTransform(saved);
			angle += step;
		}
		// A star in the middle, as seals of state bodies have.
		var star = new java.awt.geom.Path2D.Float();
		double r1 = size * 0.12, r2 = size * 0.05;
		for (int i = 0; i < 10; i++) {
			double a = -Math.PI / 2 + i * Math.PI / 5;
			double r = i % 2 == 0 ? r1 : r2;
			double x = centre + r * Math.cos(a), y = centre + r * Math.sin(a);
			if (i == 0) {
				star.moveTo(x, y);
			}
			else {
				star.lineTo(x, y);
			}
		}
		star.closePath();
		g.fill(star);
		g.dispose();
		return image;
	}

	/** A transparent image of a signature: the official's name in a slanted, flowing hand. */
	public static BufferedImage signature(String officialName, int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		var g = graphics(image);
		g.setColor(new Color(0x10, 0x2A, 0x8C));
		var words = officialName.trim().split("\\s+");
		var shortName = stripMarks(words[words.length - 1]);
		var font = new Font(Font.SERIF, Font.BOLD | Font.ITALIC, height / 2);
		g.setFont(font.deriveFont(AffineTransform.getShearInstance(-0.35, 0)));
		var fm = g.getFontMetrics();
		int x = Math.max(4, (width - fm.stringWidth(shortName)) / 2);
		g.drawString(shortName, x, height * 0.62f);
		g.setStroke(new BasicStroke(Math.max(2f, height / 30f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		var flourish = new java.awt.geom.QuadCurve2D.Float(x, height * 0.78f, width / 2f, height * 0.95f,
				Math.min(width - 4, x + fm.stringWidth(shortName) + 20), height * 0.7f);
		g.draw(flourish);
		g.dispose();
		return image;
	}

	/** The image cropped to its visible (non-transparent) pixels, so its edges are the ink's edges. */
	public static BufferedImage trim(BufferedImage image) {
		int minX = image.getWidth(), minY = image.getHeight(), maxX = -1, maxY = -1;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) >>> 24) > 16) {
					minX = Math.min(minX, x);
					maxX = Math.max(maxX, x);
					minY = Math.min(minY, y);
					maxY = Math.max(maxY, y);
				}
			}
		}
		if (maxX < 0) {
			return image;
		}
		return image.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1);
	}

	private static String stripMarks(String s) {
		return VietnameseText.fold(s);
	}

	static Graphics2D graphics(BufferedImage image) {
		var g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		return g;
	}
}
