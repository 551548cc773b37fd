package vn.xaso.signing.web;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import vn.xaso.platform.web.Problems;
import vn.xaso.signing.PdfRejectedException;

/**
 * A file over the servlet's multipart limit is refused before any controller runs; on the verification
 * page and API this turns it into the same plain 400 answer as our own size check. Other paths keep the
 * default handling (the exception is thrown on).
 */
@ControllerAdvice
class UploadLimitAdvice {

	private final int maxMb;

	UploadLimitAdvice(@Value("${xaso.signing.max-upload-mb:20}") int maxMb) {
		this.maxMb = maxMb;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		var reason = PdfRejectedException.rejected("signing.error.tooLarge", String.valueOf(maxMb)).getMessage();
		var path = request.getRequestURI();
		if (path.equals(VerifyController.API)) {
			return Problems.message(org.springframework.http.HttpStatus.BAD_REQUEST, reason);
		}
		if (path.equals(VerifyController.PAGE)) {
			// The page's model (translations, CSRF) is not built for exception handlers: show the form again
			// with the reason inline.
			return new ModelAndView("redirect:" + VerifyController.PAGE + "?error=too-large");
		}
		throw e;
	}
}
