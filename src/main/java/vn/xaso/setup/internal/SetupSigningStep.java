package vn.xaso.setup.internal;

import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;
import vn.xaso.signing.SigningIdentity.HolderKind;

/**
 * Setup step 4: the organisation's signing identity from a PKCS#12 file and its password, or "later" (the PKCS#11
 * token way is {@link SetupSigningToken}). The import runs on the locked setup row and stores a certificate the
 * commune already has as its organisation signature only once: a double submit (two clicks, two tabs) keeps one
 * identity; another file chosen on a later visit is stored as well.
 */
@Service
public class SetupSigningStep {

	private final SetupWizard wizard;
	private final SetupStore store;
	private final SigningIdentities signing;
	private final TransactionTemplate tx;

	SetupSigningStep(SetupWizard wizard, SetupStore store, SigningIdentities signing, PlatformTransactionManager transactions) {
		this.wizard = wizard;
		this.store = store;
		this.signing = signing;
		this.tx = new TransactionTemplate(transactions);
	}

	public void importSigning(String token, byte[] p12, String password) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.SIGNING);
		var unit = wizard.unit(state);
		var secret = password == null ? new char[0] : password.toCharArray();
		try {
			SetupWizard.inUnit(unit.code(), () -> tx.execute(s -> {
				var locked = store.lock(state.id()).orElseThrow();
				locked.requireOpen(SetupState.SIGNING);
				var same = certificate(p12, secret).flatMap(c -> signing.list(unit.code()).stream()
					.filter(i -> i.active() && i.holderKind() == HolderKind.ORGANISATION && sameCertificate(i, c)).findFirst());
				if (same.isEmpty()) {
					signing.importPkcs12(unit.code(), state.adminUsername(), HolderKind.ORGANISATION, SetupException.vietnamese("setup.text.committee", unit.name()), null, p12,
							secret);
				}
				store.signing(state.id(), "IMPORTED", locked.stepAfter(SetupState.SIGNING));
				return null;
			}));
		}
		catch (SigningException e) {
			throw SetupException.quoting("p12", e);
		}
	}

	/** "Later": nothing is signed with the commune's seal until an identity is imported. */
	public void signingLater(String token) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.SIGNING);
		store.signing(state.id(), state.signing() == null ? "LATER" : state.signing(), state.stepAfter(SetupState.SIGNING));
	}

	/** The certificate of the file's key, when the file opens with this password (otherwise the import says why). */
	static Optional<X509Certificate> certificate(byte[] p12, char[] password) {
		try {
			var keys = KeyStore.getInstance("PKCS12");
			keys.load(new ByteArrayInputStream(p12), password);
			for (var alias : Collections.list(keys.aliases())) {
				if (keys.isKeyEntry(alias) && keys.getCertificate(alias) instanceof X509Certificate c) {
					return Optional.of(c);
				}
			}
			return Optional.empty();
		}
		catch (Exception e) {
			return Optional.empty();
		}
	}

	static boolean sameCertificate(SigningIdentity identity, X509Certificate certificate) {
		return identity.serialHex().equalsIgnoreCase(certificate.getSerialNumber().toString(16))
				&& identity.notAfter().equals(certificate.getNotAfter().toInstant());
	}
}
