package vn.xaso.platform.db;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The same 503 as {@link DatabaseUnavailableFilter} for an unreachable database met inside a
 * controller, ahead of any general exception handler that would turn it into a 500.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	private final DatabaseUnavailableFilter page;

	DatabaseUnavailableAdvice(MessageSource messages) {
		this.page = new DatabaseUnavailableFilter(messages);
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			SQLTransientConnectionException.class })
	void unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (!DatabaseUnavailableFilter.databaseUnreachable(e) || response.isCommitted()) {
			throw e; // the same exception: Spring logs nothing here; the filter answers (or, when committed, logs one line)
		}
		try {
			page.respond(request, response);
		}
		catch (IOException ignored) {
			// the client went away
		}
	}
}
