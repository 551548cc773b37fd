package vn.xaso.meetings.internal;

import java.time.Instant;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import vn.xaso.meetings.MeetingsException;
import vn.xaso.signing.PdfSigning;
import vn.xaso.signing.SignatureAppearance;
import vn.xaso.signing.SigningException;
import vn.xaso.signing.SigningIdentities;
import vn.xaso.signing.SigningIdentity;

/**
 * The meetings module's use of the signing module: the signer's own personal identity (PKCS#12 or token), unlocked with
 * their password (never stored), signs the minutes as PAdES in its place on the last page. A signing refusal becomes a
 * refusal of the password field, in the reader's language.
 */
@Component
class MinutesSigner {

	private final SigningIdentities identities;
	private final PdfSigning signing;
	private final PaperTexts texts;

	MinutesSigner(SigningIdentities identities, PdfSigning signing, PaperTexts texts) {
		this.identities = identities;
		this.signing = signing;
		this.texts = texts;
	}

	byte[] sign(String unitCode, String username, byte[] pdf, SignatureAppearance.Box box, char @Nullable [] password, Instant now) {
		if (password == null || password.length == 0) {
			throw new MeetingsException("password", "meetings.error.password");
		}
		var identity = identities.list(unitCode).stream()
			.filter(i -> i.active() && i.holderKind() == SigningIdentity.HolderKind.OFFICIAL && username.equals(i.officialUsername())
					&& !i.expiredAt(now))
			.min(Comparator.comparing(SigningIdentity::id))
			.orElseThrow(() -> new MeetingsException("password", "meetings.error.noSignature"));
		try {
			var signer = identities.unlock(unitCode, identity.id(), password);
			var appearance = new SignatureAppearance(SignatureAppearance.Kind.PERSONAL, identity.holderName(), null, 0, box,
					texts.vi("meetings.pdf.signReason"));
			return signing.sign(pdf, signer, appearance);
		}
		catch (SigningException e) {
			throw e.key() == null ? new MeetingsException("password", "meetings.error.signing", String.valueOf(e.getMessage()))
					: new MeetingsException("password", "meetings.error.signing",
							new DefaultMessageSourceResolvable(new String[] { e.key() }, e.args(), e.getMessage()));
		}
	}
}
