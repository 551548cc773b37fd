package vn.xaso.signing.internal;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import vn.xaso.signing.SigningException;

/** An RFC 3161 client: asks a time-stamp authority to stamp a SHA-256 hash. */
public final class TimestampClient {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private TimestampClient() {
	}

	public static TimeStampToken request(URI tsaUrl, byte[] sha256) {
		try {
			var generator = new TimeStampRequestGenerator();
			generator.setCertReq(true);
			var request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256, new BigInteger(64, RANDOM));
			var response = HTTP.send(HttpRequest.newBuilder(tsaUrl)
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/timestamp-query")
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw SigningException.of("signing.error.tsaStatus", String.valueOf(response.statusCode()));
			}
			var tsResponse = new TimeStampResponse(response.body());
			tsResponse.validate(request);
			var token = tsResponse.getTimeStampToken();
			if (token == null) {
				throw SigningException.of("signing.error.tsaRefused", String.valueOf(tsResponse.getStatusString()));
			}
			return token;
		}
		catch (SigningException e) {
			throw e;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw SigningException.because(e, "signing.error.tsaInterrupted");
		}
		catch (Exception e) {
			throw SigningException.because(e, "signing.error.tsaUnreachable", String.valueOf(e.getMessage()));
		}
	}
}
