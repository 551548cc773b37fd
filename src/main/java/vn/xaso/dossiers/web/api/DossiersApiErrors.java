package vn.xaso.dossiers.web.api;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import vn.xaso.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.dossiers.web.WebText;
import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;

/** The API's errors as JSON {"errors": {"field": "message"}} in Vietnamese (English with {@code ?lang=en}): 400 bad input, 404, 409 conflict. */
@RestControllerAdvice(assignableTypes = DossiersApiController.class)
class DossiersApiErrors {

	@ExceptionHandler(DossierConflict.class)
	ResponseEntity<ProblemDetail> conflict(DossierConflict e, HttpServletRequest request) {
		return Problems.fields(HttpStatus.CONFLICT, e.errors(Problems.locale(request)));
	}

	@ExceptionHandler(DossierException.class)
	ResponseEntity<ProblemDetail> bad(DossierException e, HttpServletRequest request) {
		return Problems.fields(HttpStatus.BAD_REQUEST, e.errors(Problems.locale(request)));
	}

	@ExceptionHandler(DossierNotFound.class)
	ResponseEntity<ProblemDetail> notFound(DossierNotFound e, HttpServletRequest request) {
		return Problems.fields(HttpStatus.NOT_FOUND, Map.of("", WebText.t(Problems.locale(request), "dossiers.api.error.notFound")));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		if (Problems.isNulCharacter(e)) {
			return Problems.fields(HttpStatus.BAD_REQUEST, Map.of("", Problems.nulMessage()));
		}
		return Problems.fields(HttpStatus.BAD_REQUEST, Map.of("", WebText.t(Problems.locale(request), "dossiers.api.error.json")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return Problems.fields(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				Map.of("", WebText.t(Problems.locale(request), "dossiers.api.error.mediaType")));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> param(Exception e, HttpServletRequest request) {
		var name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return Problems.fields(HttpStatus.BAD_REQUEST, Map.of(name, WebText.t(Problems.locale(request), "dossiers.api.error.param", name)));
	}
}
