package vn.xaso.signing;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.xaso.signing.internal.CscClient;

/**
 * Remote signing through a service that speaks the Cloud Signature Consortium API v2
 * ({@code xaso.signing.csc.*}). Tested against a local fake that follows the published CSC v2 contract,
 * not against a Vietnamese provider's live service.
 */
public class RemoteSigning {

	private final @Nullable CscClient client;

	public RemoteSigning(@Nullable CscClient client) {
		this.client = client;
	}

	public boolean configured() {
		return client != null;
	}

	public Map<String, Object> info() {
		return client().info();
	}

	/** The credential ids the configured account may use. */
	public List<String> credentials() {
		return client().credentials();
	}

	/** A signer for one credential; {@code pin} is sent when the credential is authorised, if given. */
	public Signer signer(String credentialId, @Nullable String pin) {
		return client().signer(credentialId, pin);
	}

	private CscClient client() {
		if (client == null) {
			throw SigningException.of("signing.error.cscOff");
		}
		return client;
	}
}
