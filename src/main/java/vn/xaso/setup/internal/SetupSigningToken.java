package vn.xaso.setup.internal;

import java.util.List;

import org.springframework.stereotype.Service;

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

	SetupSigningToken(SetupWizard wizard, SetupStore store, SigningIdentities signing) {
		this.wizard = wizard;
		this.store = store;
		this.signing = signing;
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
				throw new SetupException("library", "Thư viện " + library.strip()
						+ " không thấy thiết bị ký số nào. Hãy cắm thiết bị (USB token) vào máy chủ rồi thử lại.");
			}
			return tokens;
		}
		catch (SigningException e) {
			throw new SetupException("library", e.getMessage());
		}
	}

	/** The keys on the token in {@code slot}, read with the PIN (not kept). */
	public List<Pkcs11Tokens.TokenKey> keys(String token, String library, long slot, char[] pin) {
		wizard.state(token).requireOpen(SetupState.SIGNING);
		checkPin(pin);
		try {
			var keys = Pkcs11Tokens.keys(Pkcs11Tokens.library(library), slot, pin);
			if (keys.isEmpty()) {
				throw new SetupException("slot", "Thiết bị này không có khóa ký số nào kèm chứng thư số.");
			}
			return keys;
		}
		catch (SigningException e) {
			throw new SetupException("pin", e.getMessage());
		}
	}

	/**
	 * Registers the key {@code alias} of the token in {@code slot} as the commune's organisation signature (after a
	 * test signature with the PIN) and moves on to step 5.
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
				.orElseThrow(() -> new SetupException("slot", "Không còn thấy thiết bị ở khe " + slot + ". Hãy cắm lại rồi chọn lại."));
			SetupWizard.inUnit(unit.code(), () -> signing.registerPkcs11(unit.code(), state.adminUsername(),
					HolderKind.ORGANISATION, "UBND " + unit.name(), path, slot, label, alias, pin));
		}
		catch (SigningException e) {
			throw new SetupException("pin", e.getMessage());
		}
		store.signing(state.id(), "TOKEN", state.stepAfter(SetupState.SIGNING));
	}

	private static void checkPin(char[] pin) {
		if (pin.length == 0) {
			throw new SetupException("pin", "Hãy nhập mã PIN của thiết bị ký số. Mã PIN không được lưu lại.");
		}
	}
}
