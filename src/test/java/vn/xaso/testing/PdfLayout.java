package vn.xaso.testing;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a PDF page shows, as positions a test can check: every glyph with its font, size and place (page
 * content and annotation appearances, such as the clerk's number stamp and signature widgets), the glyphs
 * grouped into lines, the thin horizontal rules and the images. Coordinates are PDF points with y measured
 * from the top of the page (baselines for text, top edges for rules and images).
 */
public final class PdfLayout {

	/** One glyph; {@code owner} is null for page content, else the annotation's field name or subtype. */
	public record Glyph(String text, String font, float size, float x, float y, float width, String owner) {

		public boolean bold() {
			return font.contains("Bold");
		}

		public boolean italic() {
			return font.contains("Italic") || font.contains("Oblique");
		}

		public boolean inAnnotation() {
			return !owner.isEmpty();
		}
	}

	/** Glyphs on one baseline without a column jump, left to right. */
	public record Line(List<Glyph> glyphs) {

		public String text() {
			var b = new StringBuilder();
			Glyph previous = null;
			for (var g : glyphs) {
				if (previous != null && g.x() - (previous.x() + previous.width()) > g.size() * 0.15f && !previous.text().isBlank()
						&& !g.text().isBlank()) {
					b.append(' ');
				}
				b.append(g.text());
				previous = g;
			}
			return Normalizer.normalize(b.toString(), Normalizer.Form.NFC).replace('\u00a0', ' ').replaceAll(" +", " ").strip();
		}

		public float left() {
			return glyphs.getFirst().x();
		}

		public float right() {
			var last = glyphs.getLast();
			return last.x() + last.width();
		}

		public float centre() {
			return (left() + right()) / 2;
		}

		public float y() {
			return glyphs.getFirst().y();
		}

		public List<Glyph> visible() {
			return glyphs.stream().filter(g -> !g.text().isBlank()).toList();
		}

		public boolean allBold() {
			return visible().stream().allMatch(Glyph::bold);
		}

		public boolean allItalic() {
			return visible().stream().allMatch(Glyph::italic);
		}

		public float minSize() {
			return (float) visible().stream().mapToDouble(Glyph::size).min().orElse(0);
		}

		public float maxSize() {
			return (float) visible().stream().mapToDouble(Glyph::size).max().orElse(0);
		}
	}

	/** A thin horizontal rule (filled or stroked). */
	public record Rule(float x, float y, float width) {

		public float centre() {
			return x + width / 2;
		}
	}

	/** An image as placed on the page; {@code owner} as for glyphs. */
	public record Image(float x, float y, float width, float height, String owner) {

		public float right() {
			return x + width;
		}
	}

	private final List<Glyph> glyphs;
	private final List<Rule> rules;
	private final List<Image> images;

	private PdfLayout(List<Glyph> glyphs, List<Rule> rules, List<Image> images) {
		this.glyphs = glyphs;
		this.rules = rules;
		this.images = images;
	}

	/** The layout of page {@code pageIndex} (0-based), annotations included. */
	public static PdfLayout read(byte[] pdf, int pageIndex) {
		try (var doc = Loader.loadPDF(pdf)) {
			var page = doc.getPage(pageIndex);
			float height = page.getMediaBox().getHeight();
			var glyphs = new ArrayList<Glyph>();
			var stripper = new PDFTextStripper() {
				String owner = "";

				@Override
				protected void processTextPosition(TextPosition t) {
					var unicode = t.getUnicode();
					if (unicode == null) {
						return;
					}
					// getXScale(): the size as drawn (getFontSizeInPt() is truncated to whole points)
					glyphs.add(new Glyph(unicode, t.getFont().getName() == null ? "" : t.getFont().getName(),
							Math.round(t.getXScale() * 10) / 10f,
							t.getXDirAdj(), t.getYDirAdj(), t.getWidthDirAdj(), owner));
				}

				@Override
				public void processPage(PDPage p) throws IOException {
					super.processPage(p);
					var annotations = p.getAnnotations();
					for (int i = 0; i < annotations.size(); i++) {
						owner = owner(i, annotations.get(i));
						showAnnotation(annotations.get(i));
					}
					owner = "";
				}
			};
			stripper.setStartPage(pageIndex + 1);
			stripper.setEndPage(pageIndex + 1);
			stripper.getText(doc);

			var engine = new Shapes(page, height);
			engine.processPage(page);
			var annotations = page.getAnnotations();
			for (int i = 0; i < annotations.size(); i++) {
				engine.owner = owner(i, annotations.get(i));
				engine.showAnnotation(annotations.get(i));
			}
			return new PdfLayout(glyphs, engine.rules, engine.images);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** "2:Widget" — the annotation's index on the page and its subtype, so a test can tell signatures apart by order. */
	private static String owner(int index, PDAnnotation a) {
		return index + ":" + a.getSubtype();
	}

	/** The images of the {@code n}-th signature widget on the page (0-based, in the order they were added). */
	public List<Image> signatureImages(int n) {
		var owners = images.stream().map(Image::owner).filter(o -> o.endsWith(":Widget")).distinct()
			.sorted(Comparator.comparingInt(o -> Integer.parseInt(o.substring(0, o.indexOf(':'))))).toList();
		if (n >= owners.size()) {
			return List.of();
		}
		return images.stream().filter(i -> i.owner().equals(owners.get(n))).toList();
	}

	public List<Glyph> glyphs() {
		return glyphs;
	}

	public List<Rule> rules() {
		return rules;
	}

	public List<Image> images() {
		return images;
	}

	/** Page-content lines, top to bottom, left to right. */
	public List<Line> lines() {
		return lines(glyphs.stream().filter(g -> !g.inAnnotation()).toList());
	}

	/** Lines drawn by annotations (stamps, signature widgets). */
	public List<Line> annotationLines() {
		return lines(glyphs.stream().filter(Glyph::inAnnotation).toList());
	}

	/** The first page-content line starting with {@code prefix}. */
	public Optional<Line> line(String prefix) {
		return lines().stream().filter(l -> l.text().startsWith(prefix)).findFirst();
	}

	/** The first line, page content or annotation, starting with {@code prefix}. */
	public Optional<Line> anyLine(String prefix) {
		var all = new ArrayList<>(annotationLines());
		all.addAll(lines());
		return all.stream().filter(l -> l.text().startsWith(prefix)).findFirst();
	}

	static List<Line> lines(List<Glyph> glyphs) {
		var sorted = new ArrayList<>(glyphs);
		sorted.sort(Comparator.comparingDouble(Glyph::y).thenComparingDouble(Glyph::x));
		var rows = new ArrayList<List<Glyph>>();
		for (var g : sorted) {
			var row = rows.isEmpty() ? null : rows.getLast();
			if (row != null && Math.abs(row.getFirst().y() - g.y()) < 1.5f) {
				row.add(g);
			}
			else {
				rows.add(new ArrayList<>(List.of(g)));
			}
		}
		var lines = new ArrayList<Line>();
		for (var row : rows) {
			row.sort(Comparator.comparingDouble(Glyph::x));
			var current = new ArrayList<Glyph>();
			for (var g : row) {
				if (!current.isEmpty()) {
					var last = current.getLast();
					if (g.x() - (last.x() + last.width()) > 2 * Math.max(g.size(), last.size()) || !g.owner().equals(last.owner())) {
						lines.add(new Line(List.copyOf(current)));
						current.clear();
					}
				}
				current.add(g);
			}
			if (!current.isEmpty()) {
				lines.add(new Line(List.copyOf(current)));
			}
		}
		lines.removeIf(l -> l.visible().isEmpty());
		return lines;
	}

	/** Collects thin horizontal rules and images. */
	private static final class Shapes extends PDFGraphicsStreamEngine {

		final float pageHeight;
		final List<Rule> rules = new ArrayList<>();
		final List<Image> images = new ArrayList<>();
		final List<float[]> path = new ArrayList<>();
		String owner = "";
		float[] current = { 0, 0 };

		Shapes(PDPage page, float pageHeight) {
			super(page);
			this.pageHeight = pageHeight;
		}

		@Override
		public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
			float minX = (float) Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
			float maxX = (float) Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
			float minY = (float) Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
			float maxY = (float) Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
			path.add(new float[] { minX, minY, maxX, maxY, 1 });
		}

		@Override
		public void drawImage(PDImage pdImage) {
			var m = getGraphicsState().getCurrentTransformationMatrix();
			float w = Math.abs(m.getScalingFactorX()), h = Math.abs(m.getScalingFactorY());
			images.add(new Image(m.getTranslateX(), pageHeight - m.getTranslateY() - h, w, h, owner));
		}

		@Override
		public void clip(int windingRule) {
		}

		/** The bounding box of the subpath being built by moveTo/lineTo: minX, minY, maxX, maxY, kind 2. */
		float[] polygon;

		@Override
		public void moveTo(float x, float y) {
			current = new float[] { x, y };
			polygon = new float[] { x, y, x, y, 2 };
			path.add(polygon);
		}

		@Override
		public void lineTo(float x, float y) {
			path.add(new float[] { Math.min(current[0], x), Math.min(current[1], y), Math.max(current[0], x), Math.max(current[1], y), 0 });
			current = new float[] { x, y };
			if (polygon != null) {
				polygon[0] = Math.min(polygon[0], x);
				polygon[1] = Math.min(polygon[1], y);
				polygon[2] = Math.max(polygon[2], x);
				polygon[3] = Math.max(polygon[3], y);
			}
		}

		@Override
		public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
			current = new float[] { x3, y3 };
		}

		@Override
		public Point2D getCurrentPoint() {
			return new Point2D.Float(current[0], current[1]);
		}

		@Override
		public void closePath() {
		}

		@Override
		public void endPath() {
			path.clear();
			polygon = null;
		}

		/** Only dark rules count: white covers (the clerk's stamps) and light backgrounds are not rules. */
		private static boolean dark(org.apache.pdfbox.pdmodel.graphics.color.PDColor colour) {
			try {
				int rgb = colour.toRGB();
				return ((rgb >> 16) & 0xff) < 96 && ((rgb >> 8) & 0xff) < 96 && (rgb & 0xff) < 96;
			}
			catch (IOException | RuntimeException e) {
				return true;
			}
		}

		@Override
		public void strokePath() {
			if (!dark(getGraphicsState().getStrokingColor())) {
				path.clear();
				polygon = null;
				return;
			}
			for (var p : path) {
				if (p[4] == 0 && p[3] - p[1] < 0.5f && p[2] - p[0] > 5) {
					rules.add(new Rule(p[0], pageHeight - p[1], p[2] - p[0]));
				}
			}
			path.clear();
			polygon = null;
		}

		@Override
		public void fillPath(int windingRule) {
			if (!dark(getGraphicsState().getNonStrokingColor())) {
				path.clear();
				polygon = null;
				return;
			}
			for (var p : path) {
				if (p[4] != 0 && p[3] - p[1] < 2f && p[3] - p[1] > 0.05f && p[2] - p[0] > 5) {
					rules.add(new Rule(p[0], pageHeight - p[3], p[2] - p[0]));
				}
			}
			path.clear();
			polygon = null;
		}

		@Override
		public void fillAndStrokePath(int windingRule) {
			fillPath(windingRule);
		}

		@Override
		public void shadingFill(COSName shadingName) {
		}
	}
}
