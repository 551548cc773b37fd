package vn.xaso.payments.web;

import java.util.Map;
import org.springframework.http.ProblemDetail;
import vn.xaso.platform.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.xaso.payments.PaymentException;

/**
 * A refused payments request becomes 400 with {"errors": {"field": "message"}} (in the reader's language; the
 * field "" stands for the request as a whole). Limited to this module's controllers.
 */
@RestControllerAdvice(assignableTypes = { BillsApiController.class, BankWebhookController.class, PaymentsController.class })
class PaymentsApiErrors {

	@ExceptionHandler(PaymentException.class)
	ResponseEntity<ProblemDetail> refused(PaymentException e) {
		return Problems.fields(HttpStatus.BAD_REQUEST, e.localErrors());
	}
}
