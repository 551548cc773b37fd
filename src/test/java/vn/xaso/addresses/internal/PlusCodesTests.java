package vn.xaso.addresses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.xaso.addresses.AddressException;

/**
 * Plus codes through Google's library, checked against vectors of the Open Location Code specification's
 * test data (encoding.csv, shortCodeTests.csv), and the rules this module adds: Vietnam's box, typed
 * codes without "+", short codes recovered against the commune's reference point.
 */
class PlusCodesTests {

	@ParameterizedTest
	@CsvSource({ "20.3700625, 2.7821875, 7FG49QCJ+2V", "47.0000625, 8.0000625, 8FVC2222+22",
			"-41.2730625, 174.7859375, 4VCPPQGP+Q9" })
	void encodesTheSpecificationVectors(double lat, double lon, String code) {
		assertThat(PlusCodes.encode(lat, lon)).isEqualTo(code);
		var centre = PlusCodes.centre(code);
		assertThat(PlusCodes.encode(centre[0], centre[1])).isEqualTo(code);
	}

	@Test
	void shortensAndRecoversAsTheSpecificationSays() {
		assertThat(PlusCodes.shorten("9C3W9QCJ+2VX", 51.3701125, -1.217765625)).isEqualTo("+2VX");
		assertThat(PlusCodes.shorten("9C3W9QCJ+2VX", 51.3708675, -1.217765625)).isEqualTo("CJ+2VX");
	}

	@Test
	void aShortCodeInAVietnameseCommuneComesBackToTheSameFullCode() {
		double[] reference = { 20.1320, 105.9890 }; // near a commune hall in Ninh Bình
		var full = PlusCodes.encode(20.1234, 105.9876);
		var shortCode = PlusCodes.local(full, reference[0], reference[1]);
		assertThat(shortCode).isEqualTo(full.substring(4)).hasSize(7);
		assertThat(PlusCodes.full(shortCode, reference)).isEqualTo(full);
		assertThat(PlusCodes.local(full, 21.0285, 105.8542)).as("Hà Nội is too far for a safe short form").isNull();
		assertThat(PlusCodes.full(full.toLowerCase().replace("+", ""), null)).as("typed without + and in lower case").isEqualTo(full);
	}

	@Test
	void refusesWhatIsNoCodeAndShortCodesWithoutAReferencePoint() {
		assertThatThrownBy(() -> PlusCodes.full("HELLO", null)).isInstanceOf(AddressException.class)
			.extracting("messageKey").isEqualTo("addresses.error.plusCode");
		assertThatThrownBy(() -> PlusCodes.full("7FG40000+", null)).as("padded").isInstanceOf(AddressException.class);
		assertThatThrownBy(() -> PlusCodes.full("3Q5F+WQ", null)).isInstanceOf(AddressException.class)
			.extracting("messageKey").isEqualTo("addresses.error.plusCodeShortNoReference");
	}

	@Test
	void vietnamsBoxTakesTheIslandsAndRefusesSwappedCoordinates() {
		assertThat(PlusCodes.inVietnam(21.0285, 105.8542)).as("Hà Nội").isTrue();
		assertThat(PlusCodes.inVietnam(8.6, 111.9)).as("Trường Sa").isTrue();
		assertThat(PlusCodes.inVietnam(105.8542, 21.0285)).as("swapped").isFalse();
		assertThat(PlusCodes.inVietnam(13.7563, 100.5018)).as("Bangkok").isFalse();
	}
}
