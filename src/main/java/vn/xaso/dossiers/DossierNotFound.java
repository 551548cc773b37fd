package vn.xaso.dossiers;

/** No such dossier for this caller (another unit's, another citizen's, or none): HTTP 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class DossierNotFound extends RuntimeException {

	public DossierNotFound() {
		super("Không tìm thấy hồ sơ.");
	}
}
