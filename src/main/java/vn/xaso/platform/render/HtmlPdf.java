package vn.xaso.platform.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML to PDF (openhtmltopdf) with Liberation Serif — metric-compatible with Times New Roman, as
 * Vietnamese administrative papers use — embedded in regular, bold, italic and bold italic.
 * Style the body with {@code font-family: '}{@value #FONT}{@code '}.
 */
public final class HtmlPdf {

	public static final String FONT = "Liberation Serif";

	private HtmlPdf() {
	}

	public static byte[] render(String html) {
		return render(html, null);
	}

	/** {@code producer}: the PDF's Producer entry, or null for openhtmltopdf's own. */
	public static byte[] render(String html, @Nullable String producer) {
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			font(builder, "LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL);
			font(builder, "LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL);
			font(builder, "LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC);
			font(builder, "LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC);
			builder.withHtmlContent(html, null);
			if (producer != null) {
				builder.withProducer(producer);
			}
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void font(PdfRendererBuilder builder, String file, int weight, FontStyle style) {
		builder.useFont(() -> {
			InputStream in = HtmlPdf.class.getResourceAsStream("/liberation/" + file);
			if (in == null) {
				throw new IllegalStateException("Font missing from the classpath: " + file);
			}
			return in;
		}, FONT, weight, style, true);
	}
}
