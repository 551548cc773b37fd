package vn.xaso.addresses.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The copied postcode list covers the 2025 communes, one 5-digit code each, in the province's range. */
class PostcodesTests {

	@Test
	void everyListedCommuneHasAFiveDigitPostcode() throws IOException {
		var postcodes = new Postcodes();
		String csv;
		try (var in = Postcodes.class.getResourceAsStream("/addresses/postcodes-2025.csv")) {
			csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		var lines = csv.lines().skip(1).toList();
		assertThat(postcodes.size()).isEqualTo(lines.size()).isGreaterThan(3300);
		for (var line : lines) {
			var cells = line.split(",");
			assertThat(postcodes.of(cells[0])).contains(cells[1]);
			assertThat(cells[1]).matches("[0-9]{5}");
		}
		// Ninh Bình's postcodes begin with 08 and Thanh Hóa's with 40–41 (QĐ 2475/QĐ-BTTTT).
		assertThat(postcodes.of("14701")).hasValueSatisfying(p -> assertThat(p).startsWith("08"));
		assertThat(postcodes.of("16144")).hasValueSatisfying(p -> assertThat(p).startsWith("4"));
		assertThat(postcodes.of("99999")).isEmpty();
	}
}
