package vn.xaso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.xaso.signing.internal.CscClient;

/** The CSC v2 adapter against a local fake that follows the published CSC v2 contract. */
class SigningRemoteTests {

	static final TestPki PKI = new TestPki("XaSo CSC Test CA");

	@Test
	void signsAPdfThroughTheCscApi() throws Exception {
		try (var fake = new FakeCscService(PKI.signer("Remote Đỗ Thị Mai"))) {
			var remote = new RemoteSigning(new CscClient(new CscClient.Settings(fake.baseUrl(), FakeCscService.USER,
					FakeCscService.PASSWORD, null, null, null)));
			assertThat(remote.info()).containsEntry("name", "XaSo fake CSC");
			assertThat(remote.credentials()).containsExactly(FakeCscService.CREDENTIAL);
			var signer = remote.signer(FakeCscService.CREDENTIAL, FakeCscService.PIN);
			var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), signer,
					SignatureAppearance.personal("Đỗ Thị Mai"));
			assertThat(fake.signHashCalls.get()).isEqualTo(1);
			var signature = new SignatureVerification(() -> List.of(PKI.ca), 20).verify(signed).signatures().getFirst();
			assertThat(signature.signerName()).isEqualTo("Remote Đỗ Thị Mai");
			assertThat(signature.intact()).isTrue();
			assertThat(signature.trusted()).isTrue();
			assertThat(TestPki.pdfsig(signed)).contains("Signature is Valid");
		}
	}

	@Test
	void aWrongPinIsRefusedAndNothingIsSigned() throws Exception {
		try (var fake = new FakeCscService(PKI.signer("Remote Đỗ Thị Mai"))) {
			var remote = new RemoteSigning(new CscClient(new CscClient.Settings(fake.baseUrl(), FakeCscService.USER,
					FakeCscService.PASSWORD, null, null, null)));
			var signer = remote.signer(FakeCscService.CREDENTIAL, "0000");
			assertThatThrownBy(() -> new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), signer,
					SignatureAppearance.personal("Đỗ Thị Mai")))
				.isInstanceOf(SigningException.class)
				.hasMessageContaining("Mã PIN không đúng");
			assertThat(fake.signHashCalls.get()).isZero();
		}
	}

	@Test
	void anUnconfiguredServiceSaysSo() {
		assertThatThrownBy(() -> new RemoteSigning(null).credentials()).hasMessageContaining("xaso.signing.csc.base-url");
	}
}
