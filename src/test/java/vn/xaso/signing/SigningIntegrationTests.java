package vn.xaso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.xaso.audit.AuditLog;
import vn.xaso.demo.DemoData;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.signing.SigningIdentity.HolderKind;
import vn.xaso.signing.internal.Certificates;
import vn.xaso.testing.WebSession;
import vn.xaso.testing.XasoIntegrationTest;

/** The signing module in the running application: stored identities, trust anchors, RLS, the verify page and API. */
@XasoIntegrationTest
class SigningIntegrationTests {

	static final TestPki PKI = new TestPki("XaSo Integration Test CA");
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	SigningIdentities identities;

	@Autowired
	TrustAnchors anchors;

	@Autowired
	PdfSigning signing;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditLog audit;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void anIdentityIsGeneratedSealedAndSignsOnlyWithTheRightPassword() throws Exception {
		var name = "Cán bộ " + UUID.randomUUID().toString().substring(0, 6);
		var identity = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> identities.generate(DemoData.YEN_MO, "yenmo.admin",
				HolderKind.OFFICIAL, name, "yenmo.chutich", "UBND Xã Yên Mô", "mat-khau-ky-so".toCharArray()));
		assertThat(identity.subject()).contains(name);
		assertThat(identity.notAfter()).isAfter(Instant.now().plus(Duration.ofDays(700)));

		// At rest the .p12 is sealed: the stored bytes are not a readable PKCS#12 file.
		var sealed = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> tx.execute(s -> jdbc
			.sql("select p12_sealed from signing_identity where id = ?").param(identity.id()).query(byte[].class).single()));
		assertThatThrownBy(() -> SigningIdentities.load(sealed, "mat-khau-ky-so".toCharArray())).isInstanceOf(SigningException.class);

		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> identities.unlock(DemoData.YEN_MO, identity.id(), "sai-mat-khau".toCharArray())))
			.isInstanceOf(SigningException.class)
			.hasMessage("Mật khẩu chữ ký số không đúng. Không có gì được ký.");

		var signer = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> identities.unlock(DemoData.YEN_MO, identity.id(), "mat-khau-ky-so".toCharArray()));
		var signed = signing.sign(TestPki.samplePdf("XaSo-Marker"), signer, SignatureAppearance.personal(name));
		assertThat(TestPki.pdfsig(signed)).contains("Signature is Valid");

		var entries = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> audit.search(
				new AuditLog.AuditQuery(DemoData.YEN_MO, "signing.identity", "yenmo.admin", null, null, 0, 50)));
		assertThat(entries.entries()).anyMatch(e -> String.valueOf(identity.id()).equals(e.objectId())
				&& e.action().equals("signing.identity.generated"));
	}

	@Test
	void anImportedP12WhoseCertificateExpiredIsRefusedAtSigning() throws Exception {
		var keys = Certificates.rsaKeyPair();
		var now = Instant.now();
		var cert = Certificates.issue(Certificates.name("Sắp Hết Hạn", "UBND Xã Yên Mô"), keys.getPublic(),
				Certificates.name(Certificates.commonName(PKI.ca), "XaSo Test PKI"), PKI.caKeys.getPrivate(),
				now.minus(Duration.ofDays(1)), now.plusSeconds(2), false, false);
		var p12 = SigningIdentities.pkcs12(keys.getPrivate(), List.of(cert, PKI.ca), "p12-password".toCharArray());
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> identities.importPkcs12(DemoData.YEN_MO,
				"yenmo.admin", HolderKind.OFFICIAL, "Sắp Hết Hạn", null, p12, "wrong".toCharArray())))
			.hasMessageContaining("Mật khẩu chữ ký số không đúng");
		var identity = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> identities.importPkcs12(DemoData.YEN_MO,
				"yenmo.admin", HolderKind.OFFICIAL, "Sắp Hết Hạn", null, p12, "p12-password".toCharArray()));
		assertThat(identity.source()).isEqualTo("IMPORTED");
		Thread.sleep(Duration.between(Instant.now(), cert.getNotAfter().toInstant()).plusMillis(300).toMillis());
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> identities.unlock(DemoData.YEN_MO, identity.id(), "p12-password".toCharArray())))
			.isInstanceOf(SigningException.class)
			.hasMessageContaining("đã hết hạn");
	}

	@Test
	void anotherCommuneCannotSeeOrTouchAnIdentityEvenWithRawSql() {
		var identity = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> identities.generate(DemoData.YEN_MO, "yenmo.admin",
				HolderKind.ORGANISATION, "UBND Xã Yên Mô", null, "UBND Xã Yên Mô", "mat-khau-ky-so".toCharArray()));
		Tenancy.runAs(UnitScope.of(DemoData.NGA_AN), () -> tx.executeWithoutResult(s -> {
			assertThat(jdbc.sql("select count(*) from signing_identity where id = " + identity.id()).query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from signing_identity where unit_code = '14701'").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("update signing_identity set holder_name = 'x' where unit_code = '14701'").update()).isZero();
			assertThat(jdbc.sql("delete from signing_identity where unit_code = '14701'").update()).isZero();
		}));
		assertThatThrownBy(() -> Tenancy.runAs(UnitScope.of(DemoData.NGA_AN), () -> tx.executeWithoutResult(s -> jdbc.sql("""
				insert into signing_identity (unit_code, holder_kind, holder_name, source, subject, issuer, serial_hex,
				  not_before, not_after, certificate_der, p12_sealed, created_by)
				values ('14701', 'OFFICIAL', 'x', 'IMPORTED', 's', 'i', '1', now(), now(), '\\x00', '\\x00', 'x')""").update())))
			.rootCause().hasMessageContaining("row-level security");
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.NGA_AN), () -> identities.find(DemoData.NGA_AN, identity.id()))).isEmpty();
		assertThat(Tenancy.callAs(UnitScope.of(DemoData.YEN_MO), () -> identities.find(DemoData.YEN_MO, identity.id()))).isPresent();
	}

	@Test
	void theApiReportsATrustedSignatureOnceItsRootIsUploaded() throws Exception {
		var signed = signing.sign(TestPki.samplePdf("XaSo-Marker"), PKI.signer("Hoàng Văn Em"),
				SignatureAppearance.personal("Hoàng Văn Em"));
		var before = apiVerify(signed);
		assertThat(before.statusCode()).isEqualTo(200);
		var body = JSON.readValue(before.body(), Map.class);
		var first = (Map<?, ?>) ((List<?>) body.get("signatures")).getFirst();
		assertThat(first.get("signerName")).isEqualTo("Hoàng Văn Em");
		assertThat(first.get("intact")).isEqualTo(true);
		assertThat(first.get("coversWholeDocument")).isEqualTo(true);
		assertThat(first.get("trusted")).isEqualTo(false);
		assertThat(((Map<?, ?>) first.get("certificate")).get("issuer").toString()).contains("XaSo Integration Test CA");
		assertThat(body.get("summary").toString()).contains("1 chữ ký số");

		var pem = "-----BEGIN CERTIFICATE-----\n"
				+ java.util.Base64.getMimeEncoder().encodeToString(PKI.ca.getEncoded()) + "\n-----END CERTIFICATE-----\n";
		var added = Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> anchors.add(DemoData.YEN_MO, "yenmo.admin", pem.getBytes(StandardCharsets.US_ASCII)));
		assertThat(added).hasSize(1);
		var after = JSON.readValue(apiVerify(signed).body(), Map.class);
		assertThat(((Map<?, ?>) ((List<?>) after.get("signatures")).getFirst()).get("trusted")).isEqualTo(true);

		// An end-entity certificate is not a trust anchor.
		var leaf = PKI.signer("Lá").certificate().getEncoded();
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> anchors.add(DemoData.YEN_MO, "yenmo.admin", leaf)))
			.hasMessageContaining("không phải của tổ chức chứng thực");
		assertThatThrownBy(() -> Tenancy.callAs(UnitScope.of(DemoData.YEN_MO),
				() -> anchors.add(DemoData.YEN_MO, "yenmo.admin", "hello".getBytes(StandardCharsets.UTF_8))))
			.hasMessageContaining("không phải là chứng thư số");
	}

	@Test
	void theApiRefusesANonPdfAnEncryptedPdfAndAnOversizeFileWithReasons() throws Exception {
		var notPdf = apiVerify("just text, named .pdf".getBytes(StandardCharsets.UTF_8));
		assertThat(notPdf.statusCode()).isEqualTo(400);
		assertThat(JSON.readValue(notPdf.body(), Map.class).get("error")).isEqualTo("Tệp này không phải là tệp PDF.");

		var broken = apiVerify("%PDF-1.7\nnot really".getBytes(StandardCharsets.UTF_8));
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(JSON.readValue(broken.body(), Map.class).get("error").toString()).contains("bị hỏng");

		var encrypted = apiVerify(encryptedPdf());
		assertThat(encrypted.statusCode()).isEqualTo(400);
		assertThat(JSON.readValue(encrypted.body(), Map.class).get("error").toString()).contains("mã hóa");

		var big = new byte[21 * 1024 * 1024];
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
		var oversize = apiVerify(big);
		// Over the upload limit: refused before the file is read, with the one error shape (413, problem JSON).
		assertThat(oversize.statusCode()).isEqualTo(413);
		assertThat(JSON.readValue(oversize.body(), Map.class).get("detail").toString()).contains("vượt quá giới hạn");
	}

	@Test
	void thePublicPageChecksAnUploadAndShowsErrorsInline() throws Exception {
		var form = send(HttpRequest.newBuilder(uri("/signatures/verify")).GET());
		assertThat(form.statusCode()).isEqualTo(200);
		var m = CSRF.matcher(form.body());
		assertThat(m.find()).isTrue();
		var token = m.group(1);

		var signed = signing.sign(TestPki.samplePdf("XaSo-Marker"), PKI.signer("Vũ Thị Gấm"), SignatureAppearance.personal("Vũ Thị Gấm"));
		var ok = send(multipart(uri("/signatures/verify"), signed, token));
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("Vũ Thị Gấm").contains("Chữ ký còn nguyên vẹn");

		var bad = send(multipart(uri("/signatures/verify"), "GIF89a".getBytes(StandardCharsets.US_ASCII), token));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("class=\"error-message\"").contains("Tệp này không phải là tệp PDF.");

		var tampered = send(multipart(uri("/signatures/verify"), TestPki.tamper(signed, "XaSo-Marker"), token));
		assertThat(tampered.body()).contains("KHÔNG hợp lệ");
	}

	@Test
	void anAdministratorSeesTheSigningPage() {
		var session = new WebSession(port).signInOfficial("yenmo.admin", DemoData.PASSWORD);
		var page = session.get("/admin/signing");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Chữ ký số").contains("Chứng thư gốc được tin cậy");
		var created = session.post("/admin/signing/identities", Map.of("holderKind", "OFFICIAL", "holderName", "Đinh Văn Hùng",
				"password", "mat-khau-ky-so", "passwordAgain", "mat-khau-ky-so"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(session.get("/admin/signing").body()).contains("Đinh Văn Hùng");
		var mismatch = session.post("/admin/signing/identities", Map.of("holderKind", "OFFICIAL", "holderName", "X",
				"password", "mat-khau-ky-so", "passwordAgain", "khac"));
		assertThat(mismatch.body()).contains("Hai lần nhập mật khẩu không giống nhau.");
	}

	private HttpResponse<String> apiVerify(byte[] file) {
		return send(multipart(uri("/api/v1/signatures/verify"), file, null).header("Accept", "application/json"));
	}

	private static HttpRequest.Builder multipart(URI uri, byte[] file, String csrf) {
		var boundary = "xaso" + UUID.randomUUID();
		var out = new ByteArrayOutputStream();
		if (csrf != null) {
			out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"van-ban.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(file);
		out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static byte[] encryptedPdf() throws Exception {
		try (var document = Loader.loadPDF(TestPki.samplePdf("XaSo-Marker"))) {
			var policy = new StandardProtectionPolicy("owner-pass", "user-pass", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			var out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}
}
