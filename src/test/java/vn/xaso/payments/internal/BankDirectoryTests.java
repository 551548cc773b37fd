package vn.xaso.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankDirectoryTests {

	final BankDirectory banks = new BankDirectory();

	@Test
	void loadsTheBundledNapasList() {
		assertThat(banks.byBin("970405")).hasValueSatisfying(b -> {
			assertThat(b.shortName()).isEqualTo("Agribank");
			assertThat(b.name()).isEqualTo("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam");
			assertThat(b.vietQr()).isTrue();
		});
		assertThat(banks.byBin("970415")).hasValueSatisfying(b -> assertThat(b.shortName()).isEqualTo("VietinBank"));
		// A renamed bank keeps one entry listing both names.
		assertThat(banks.byBin("970449")).hasValueSatisfying(b -> assertThat(b.shortName()).isEqualTo("LienVietPostBank / LPBank"));
		assertThat(banks.byBin("000000")).isEmpty();
		assertThat(banks.all()).hasSizeGreaterThan(55).allSatisfy(b -> assertThat(b.bin()).matches("[0-9]{6}"));
	}
}
