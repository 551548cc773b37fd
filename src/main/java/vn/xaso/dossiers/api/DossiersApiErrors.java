package vn.xaso.dossiers.api;

import java.util.Map;

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
	ResponseEntity<Map<String, Object>> conflict(DossierConflict e) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("errors", e.errors()));
	}

	@ExceptionHandler(DossierException.class)
	ResponseEntity<Map<String, Object>> bad(DossierException e) {
		return ResponseEntity.badRequest().body(Map.of("errors", e.errors()));
	}

	@ExceptionHandler(DossierNotFound.class)
	ResponseEntity<Map<String, Object>> notFound(DossierNotFound e) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("errors", Map.of("", "Không tìm thấy hồ sơ.")));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		return ResponseEntity.badRequest().body(Map.of("errors", Map.of("", "Nội dung gửi lên không phải JSON đúng dạng; xem tài liệu API tại /swagger-ui.html.")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(Map.of("errors", Map.of("", "Hãy gửi nội dung dạng JSON (Content-Type: application/json).")));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<Map<String, Object>> param(Exception e) {
		var name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return ResponseEntity.badRequest().body(Map.of("errors", Map.of(name, "Giá trị của \"" + name + "\" chưa đúng.")));
	}
}
