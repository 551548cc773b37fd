package vn.xaso.dossiers.api;

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

import vn.xaso.dossiers.DossierConflict;
import vn.xaso.dossiers.DossierException;
import vn.xaso.dossiers.DossierNotFound;

/** The API's errors as JSON {"errors": {"field": "message"}} in Vietnamese: 400 bad input, 404, 409 conflict. */
@RestControllerAdvice(assignableTypes = DossiersApiController.class)
class DossiersApiErrors {

	@ExceptionHandler(DossierConflict.class)
	ResponseEntity<ProblemDetail> conflict(DossierConflict e) {
		return Problems.fields(HttpStatus.CONFLICT, e.errors());
	}

	@ExceptionHandler(DossierException.class)
	ResponseEntity<ProblemDetail> bad(DossierException e) {
		return Problems.fields(HttpStatus.BAD_REQUEST, e.errors());
	}

	@ExceptionHandler(DossierNotFound.class)
	ResponseEntity<ProblemDetail> notFound(DossierNotFound e) {
		return Problems.fields(HttpStatus.NOT_FOUND, Map.of("", "Không tìm thấy hồ sơ."));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		if (Problems.isNulCharacter(e)) {
			return Problems.fields(HttpStatus.BAD_REQUEST, Map.of("", Problems.nulMessage()));
		}
		return Problems.fields(HttpStatus.BAD_REQUEST, Map.of("", "Nội dung gửi lên không phải JSON đúng dạng; xem tài liệu API tại /swagger-ui.html."));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return Problems.fields(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Map.of("", "Hãy gửi nội dung dạng JSON (Content-Type: application/json)."));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<ProblemDetail> param(Exception e) {
		var name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return Problems.fields(HttpStatus.BAD_REQUEST, Map.of(name, "Giá trị của \"" + name + "\" chưa đúng."));
	}
}
