package vn.xaso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.xaso.signing.internal.Certificates;

/**
 * Signs through a real PKCS#11 module: SoftHSM2 with a token initialised in target/softhsm for this run.
 * The JVM gets {@code SOFTHSM2_CONF} from Surefire (pom.xml); this class writes that file before the
 * provider is loaded. Fails when softhsm2 is not installed.
 */
class SigningPkcs11Tests {

	static final String PIN = SoftHsmToken.PIN;

	@BeforeAll
	static void putAKeyOnTheToken() throws Exception {
		SoftHsmToken.addKey("hoa", "Token Nguyễn Thị Hoa", "UBND Xã Yên Mô");
	}

	@Test
	void signsAPdfWithTheKeyOnTheToken() throws Exception {
		var signer = Pkcs11Signers.open(SoftHsmToken.library(), SoftHsmToken.slot(), PIN.toCharArray(), "hoa");
		assertThat(Certificates.commonName(signer.certificate())).isEqualTo("Token Nguyễn Thị Hoa");
		var signed = new PdfSigning(null).sign(TestPki.samplePdf("XaSo-Marker"), signer,
				SignatureAppearance.personal("Nguyễn Thị Hoa"));
		var signature = new SignatureVerification(() -> List.of(SoftHsmToken.ca()), 20).verify(signed).signatures().getFirst();
		assertThat(signature.intact()).isTrue();
		assertThat(signature.trusted()).isTrue();
		assertThat(signature.format()).isEqualTo("PAdES-BASELINE-B");
		assertThat(TestPki.pdfsig(signed)).contains("Signature is Valid");
	}

	@Test
	void theLibraryReportsTheTokenByLabelAndItsKeysNeedThePin() {
		assertThat(Pkcs11Tokens.tokens(SoftHsmToken.library())).contains(new Pkcs11Tokens.Token(SoftHsmToken.slot(), SoftHsmToken.LABEL));
		assertThat(Pkcs11Tokens.knownLibraries()).contains(SoftHsmToken.library().toString());
		assertThat(Pkcs11Tokens.keys(SoftHsmToken.library(), SoftHsmToken.slot(), PIN.toCharArray()))
			.extracting(Pkcs11Tokens.TokenKey::alias).contains("hoa");
		assertThatThrownBy(() -> Pkcs11Tokens.keys(SoftHsmToken.library(), SoftHsmToken.slot(), "000000".toCharArray()))
			.isInstanceOf(SigningException.class).hasMessageContaining("PIN");
		assertThatThrownBy(() -> Pkcs11Tokens.library("/nowhere/libnothing.so")).isInstanceOf(SigningException.class)
			.hasMessageContaining("Không có tệp thư viện");
	}

	/**
	 * One allow-list for every PKCS#11 library path (issue 21): a file that exists but is not allowed is refused before
	 * it is loaded, whoever asks — a typed path (setup), listing tokens or keys, opening a signer.
	 */
	@Test
	void aLibraryOffTheAllowListIsRefusedBeforeItIsLoaded() throws Exception {
		var elsewhere = java.nio.file.Files.createTempFile("libnotallowed", ".so");
		java.nio.file.Files.copy(SoftHsmToken.library(), elsewhere, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThat(Pkcs11Tokens.allowedLibraries()).contains(SoftHsmToken.library().toString()).doesNotContain(elsewhere.toString());
		assertThatThrownBy(() -> Pkcs11Tokens.library(elsewhere.toString())).isInstanceOf(SigningException.class)
			.hasMessageContaining("chưa được phép");
		assertThatThrownBy(() -> Pkcs11Tokens.tokens(elsewhere)).hasMessageContaining("chưa được phép");
		assertThatThrownBy(() -> Pkcs11Tokens.keys(elsewhere, SoftHsmToken.slot(), PIN.toCharArray())).hasMessageContaining("chưa được phép");
		assertThatThrownBy(() -> Pkcs11Signers.open(elsewhere, SoftHsmToken.slot(), PIN.toCharArray(), "hoa"))
			.hasMessageContaining("chưa được phép");
		assertThat(Pkcs11Tokens.plugged()).anySatisfy(t -> assertThat(t.label()).isEqualTo(SoftHsmToken.LABEL));
		java.nio.file.Files.deleteIfExists(elsewhere);
	}

	@Test
	void aWrongPinRightAfterARightOneIsStillRefused() {
		Pkcs11Signers.open(SoftHsmToken.library(), SoftHsmToken.slot(), PIN.toCharArray(), "hoa");
		assertThatThrownBy(() -> Pkcs11Signers.open(SoftHsmToken.library(), SoftHsmToken.slot(), "999999".toCharArray(), "hoa"))
			.isInstanceOf(SigningException.class).hasMessageContaining("PIN");
	}
}
