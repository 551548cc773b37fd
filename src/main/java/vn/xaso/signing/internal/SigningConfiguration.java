package vn.xaso.signing.internal;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.Pkcs11Tokens;
import vn.xaso.signing.RemoteSigning;
import vn.xaso.signing.SignatureVerification;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.TrustAnchors;

/** Wires the signing module from {@code xaso.signing.*}. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

	@Bean
	MasterKey signingMasterKey(@Value("${xaso.signing.master-key:}") String masterKey,
			@Value("${xaso.signing.key-wrapping-secret:}") String wrappingSecret, @Value("${xaso.data-dir}") String dataDir,
			@Value("${xaso.db.url:}") String externalDb, JdbcClient jdbc) {
		if (masterKey.isBlank() && !wrappingSecret.isBlank()) {
			return SharedMasterKey.load(jdbc, wrappingSecret);
		}
		if (masterKey.isBlank() && !externalDb.isBlank()) {
			LoggerFactory.getLogger(SigningConfiguration.class)
				.warn("Signing keys are sealed with a key file in this instance's data folder. Several replicas on one "
						+ "database need XASO_SIGNING_KEY_WRAPPING_SECRET (the same on each) - see docs/operations.md");
		}
		return MasterKey.of(masterKey, Path.of(dataDir));
	}

	@Bean
	PdfSigning pdfSigning(@Value("${xaso.signing.tsa-url:}") String tsaUrl) {
		return new PdfSigning(tsaUrl.isBlank() ? null : URI.create(tsaUrl.strip()));
	}

	@Bean
	TrustAnchors trustAnchors(JdbcClient jdbc, ApplicationEventPublisher events) {
		return new TrustAnchors(jdbc, events);
	}

	@Bean
	SignatureVerification signatureVerification(TrustAnchors anchors, @Value("${xaso.signing.max-upload-mb:20}") int maxMb) {
		return new SignatureVerification(anchors::certificates, maxMb);
	}

	@Bean
	SigningIdentities signingIdentities(JdbcClient jdbc, MasterKey key, ApplicationEventPublisher events,
			@Value("${xaso.signing.pkcs11-libraries:}") java.util.List<String> pkcs11Libraries) {
		// one allow-list for every PKCS#11 library path, whoever opens it (setup, the token forms, unlocking)
		Pkcs11Tokens.allow(pkcs11Libraries);
		return new SigningIdentities(jdbc, key, events);
	}

	@Bean
	RemoteSigning remoteSigning(@Value("${xaso.signing.csc.base-url:}") String baseUrl,
			@Value("${xaso.signing.csc.username:}") String username, @Value("${xaso.signing.csc.password:}") String password,
			@Value("${xaso.signing.csc.token-url:}") String tokenUrl, @Value("${xaso.signing.csc.client-id:}") String clientId,
			@Value("${xaso.signing.csc.client-secret:}") String clientSecret) {
		if (baseUrl.isBlank()) {
			return new RemoteSigning(null);
		}
		return new RemoteSigning(new CscClient(new CscClient.Settings(URI.create(baseUrl.strip()), blank(username), blank(password),
				tokenUrl.isBlank() ? null : URI.create(tokenUrl.strip()), blank(clientId), blank(clientSecret))));
	}

	private static @Nullable String blank(String s) {
		return s.isBlank() ? null : s;
	}
}
