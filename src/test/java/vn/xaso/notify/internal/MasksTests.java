package vn.xaso.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Provider errors may quote the recipient: they are masked before the log or the delivery table sees them. */
class MasksTests {

	@Test
	void masksPhonesAndAddressesInFreeText() {
		assertThat(Masks.text("550 5.1.1 <nguyen.van.a@gmail.com>: Recipient address rejected; phone 0966123456"))
			.isEqualTo("550 5.1.1 <n•••@gmail.com>: Recipient address rejected; phone 096****456");
		assertThat(Masks.email("tran.minh@example.vn")).isEqualTo("t•••@example.vn");
		assertThat(Masks.email(null)).isEqualTo("—");
	}
}
