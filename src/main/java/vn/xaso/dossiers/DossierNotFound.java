package vn.xaso.dossiers;

/** No such dossier for this caller (another unit's, another citizen's, or none): HTTP 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class DossierNotFound extends RuntimeException {

	public DossierNotFound() {
		super(DossierException.vietnamese("dossiers.error.notFound")); // the message is for logs; pages and the API say it in the reader's language
	}
}
