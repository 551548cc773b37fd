package vn.xaso.dossiers;

/**
 * Someone else acted on the dossier after the caller loaded it. The message says who and what, e.g.
 * "Hồ sơ vừa được Nguyễn Văn A xử lý (Tiếp nhận) lúc 09:15. Hãy tải lại hồ sơ để xem trạng thái mới."
 */
public class DossierConflict extends DossierException {

	public DossierConflict(String message) {
		super("", message);
	}

	private DossierConflict(Message message) {
		super("", message);
	}

	/** The conflict with a message of the dossiers bundle (shown in the reader's language). */
	public static DossierConflict saying(String key, Object... args) {
		return new DossierConflict(new Message(key, args));
	}
}
