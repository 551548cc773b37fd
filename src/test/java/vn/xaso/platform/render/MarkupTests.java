package vn.xaso.platform.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTests {

	@Test
	void escapesTheFiveMarkupCharactersAndKeepsVietnamese() {
		assertThat(Markup.escape("<b>Bà \"Lan\" & ông Tư's</b>"))
			.isEqualTo("&lt;b&gt;Bà &quot;Lan&quot; &amp; ông Tư&#39;s&lt;/b&gt;");
	}

	@Test
	void composesMarksAndDropsCharactersXmlCannotCarry() {
		var decomposed = "Ho\u0300a"; // "Hòa" written as o + combining grave accent
		assertThat(Markup.escape(decomposed + "\u0000\u0007\tx\ny")).isEqualTo("Hòa\tx\ny");
	}
}
