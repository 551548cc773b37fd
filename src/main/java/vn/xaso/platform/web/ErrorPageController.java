package vn.xaso.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error that leaves the application ends here (Spring's exception resolvers, {@code sendError},
 * uncaught exceptions, Tomcat's own refusals inside the application): for the API ({@link Problems#isApi})
 * a problem+json answer, for people the Vietnamese error page ({@code error.jte}) — never the framework's
 * English defaults. Replaces Spring Boot's {@code BasicErrorController}.
 */
@Controller
@RequestMapping("/error")
class ErrorPageController implements ErrorController {

	private final ErrorAttributes errorAttributes;
	private final MessageSource messages;

	ErrorPageController(ErrorAttributes errorAttributes, MessageSource messages) {
		this.errorAttributes = errorAttributes;
		this.messages = messages;
	}

	@RequestMapping
	Object error(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer i ? i : 404;
		var status = HttpStatus.resolve(code);
		if (status == null || status.is2xxSuccessful() || status.is3xxRedirection()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		var error = errorAttributes.getError(new ServletWebRequest(request));
		if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
			error = t;
		}
		var reasonKey = request.getAttribute(Problems.REASON_KEY) instanceof String s ? s : reasonKey(error, status);
		var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String p ? p : request.getRequestURI();
		var api = Problems.isApi(path, request.getHeader("Accept"));
		var locale = api ? Problems.locale(request) : RequestContextUtils.getLocale(request);
		var title = messages.getMessage("error." + Problems.titleCode(status.value()) + ".title", null, status.getReasonPhrase(), locale);
		String detail = null;
		if (error instanceof ResponseStatusException e && e.getReason() != null && !e.getReason().isBlank() && status.is4xxClientError()) {
			detail = e.getReason();
		}
		else if (reasonKey != null) {
			detail = messages.getMessage(reasonKey, null, null, locale);
		}
		if (api) {
			if (detail == null) {
				detail = messages.getMessage("error." + Problems.titleCode(status.value()) + ".text", null, title, locale);
			}
			return Problems.answer(status, title, detail, null);
		}
		var view = new ModelAndView("error", status);
		view.addObject("status", status.value());
		view.addObject("detail", detail);
		return view;
	}

	/** A more specific reason than the status gives, for errors a person or client can cause. */
	static @Nullable String reasonKey(@Nullable Throwable error, HttpStatus status) {
		for (var t = error; t != null; t = t.getCause()) {
			if (t instanceof JsonStrings.NulCharacter) {
				return "error.nul";
			}
			if (t instanceof MaxUploadSizeExceededException) {
				return "error.413.text";
			}
			if (t instanceof HttpMediaTypeNotSupportedException) {
				return "error.415.text";
			}
			if (t instanceof HttpMessageNotReadableException) {
				return "error.json";
			}
			if (t instanceof MultipartException && status == HttpStatus.PAYLOAD_TOO_LARGE) {
				return "error.413.text";
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}
}
