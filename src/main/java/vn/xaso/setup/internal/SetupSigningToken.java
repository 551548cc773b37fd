package vn.xaso.setup.internal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.signing.Pkcs11Tokens;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity.HolderKind;

/**
 * Step 4 with a PKCS#11 token (a CA's USB token or an HSM) instead of a .p12 file: the library (from the known paths
 * found on this machine, or typed), the token (from the slots the library reports), the key (from the token's list,
 * read with the PIN). The PIN is used once here to read the keys and make a test signature, and is not stored.
 */
@Service
public class SetupSigningToken {

	private final SetupWizard wizard;
	private final SetupStore store;
	private final SigningIdentities signing;
	private final TransactionTemplate tx;

	SetupSigningToken(SetupWizard wizard, SetupStore store, SigningIdentities signing, PlatformTransactionManager transactions) {
		this.wizard = wizard;
		this.store = store;
		this.signing = signing;
		this.tx = new TransactionTemplate(transactions);
	}

	public List<String> knownLibraries() {
		return Pkcs11Tokens.knownLibraries();
	}

	/** The tokens of {@code library}; a bad path or an unreadable library is refused with a plain message. */
	public List<Pkcs11Tokens.Token> tokens(String token, String library) {
		wizard.state(token).requireOpen(SetupState.SIGNING);
		try {
			var tokens = Pkcs11Tokens.tokens(Pkcs11Tokens.library(library));
			if (tokens.isEmpty()) {
				throw SetupException.of("library", "setup.error.noDevice", library.strip());
			}
			return tokens;
		}
		catch (SigningException e) {
			throw SetupException.quoting("library", e);
		}
	}

	/** The keys on the token in {@code slot}, read with the PIN (not kept). */
	public List<Pkcs11Tokens.TokenKey> keys(String token, String library, long slot, char[] pin) {
		wizard.state(token).requireOpen(SetupState.SIGNING);
		checkPin(pin);
		try {
			var keys = Pkcs11Tokens.keys(Pkcs11Tokens.library(library), slot, pin);
			if (keys.isEmpty()) {
				throw SetupException.of("slot", "setup.error.noKey");
			}
			return keys;
		}
		catch (SigningException e) {
			throw SetupException.quoting("pin", e);
		}
	}

	/**
	 * Registers the key {@code alias} of the token in {@code slot} as the commune's organisation signature (after a
	 * test signature with the PIN) and moves on to step 5. Idempotent: it runs on the locked setup row, and a key whose
	 * certificate the commune already has as an active token identity is not registered again — a double submit, two
	 * browsers, or the same library spelled another way keep one identity (the signing module's unique index on the
	 * token key backs this up).
	 */
	public void choose(String token, String library, long slot, String alias, char[] pin) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.SIGNING);
		checkPin(pin);
		var unit = wizard.unit(state);
		try {
			var path = Pkcs11Tokens.library(library);
			var label = Pkcs11Tokens.tokens(path).stream().filter(t -> t.slot() == slot).map(Pkcs11Tokens.Token::label)
				.findFirst()
				.orElseThrow(() -> SetupException.of("slot", "setup.error.deviceGone", String.valueOf(slot)));
			SetupWizard.inUnit(unit.code(), () -> tx.execute(s -> {
				var locked = store.lock(state.id()).orElseThrow();
				locked.requireOpen(SetupState.SIGNING);
				var certificate = Pkcs11Tokens.keys(path, slot, pin).stream().filter(k -> k.alias().equals(alias))
					.map(Pkcs11Tokens.TokenKey::certificate).findFirst();
				var same = certificate.flatMap(c -> signing.list(unit.code()).stream()
					.filter(i -> i.active() && i.holderKind() == HolderKind.ORGANISATION && "PKCS11".equals(i.source())
							&& SetupSigningStep.sameCertificate(i, c))
					.findFirst());
				if (same.isEmpty()) {
					signing.registerPkcs11(unit.code(), state.adminUsername(), HolderKind.ORGANISATION, SetupException.vietnamese("setup.text.committee", unit.name()), path,
							slot, label, alias, pin);
				}
				store.signing(state.id(), "TOKEN", locked.stepAfter(SetupState.SIGNING));
				return null;
			}));
		}
		catch (SigningException e) {
			throw SetupException.quoting("pin", e);
		}
	}

	private static void checkPin(char[] pin) {
		if (pin.length == 0) {
			throw SetupException.of("pin", "setup.error.pinMissing");
		}
	}
}
