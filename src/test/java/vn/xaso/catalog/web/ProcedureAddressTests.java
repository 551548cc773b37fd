package vn.xaso.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.xaso.platform.web.PublicAddress;

/** A procedure's printed QR and shared address start with XASO_PUBLIC_URL when it is set (platform.web.PublicAddress). */
class ProcedureAddressTests {

	@Test
	void theProceduresAbsoluteAddressStartsWithThePublicAddress() {
		var controller = new PublicProceduresController(null, null, new PublicAddress("https://xa.example.gov.vn/"));
		assertThat(controller.absolute("1.001193", "16144")).startsWith("https://xa.example.gov.vn/procedures/1.001193");
	}
}
