package vn.xaso.economy.web;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.economy.EconomyException;
import vn.xaso.platform.web.PageTexts;

/** Turns {@link EconomyException}s into the page's language; "not found" refusals become 404, "not allowed" 403. */
@Component("economyTexts")
class Texts extends PageTexts<EconomyException> {

	Texts(MessageSource messages) {
		super(messages);
	}

	@Override
	protected void refuseAccessFor(EconomyException e) {
		refuseAccess(e);
	}

	static void refuseAccess(EconomyException e) {
		switch (e.key()) {
			case "economy.error.staffOnly", "economy.error.producerOnly", "economy.error.adminOnly", "economy.error.notLinked" ->
				throw new ResponseStatusException(HttpStatus.FORBIDDEN);
			case "economy.error.noProducer", "economy.error.noProduct", "economy.error.noOrder", "economy.error.noLot" ->
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			default -> {
			}
		}
	}

	/** 409 when the stock or the order's state refuses, 400 for bad input. */
	static int status(EconomyException e) {
		return switch (e.key()) {
			case "economy.error.stock", "economy.error.soldOut", "economy.error.alreadyShipped", "economy.error.cancelled",
					"economy.error.notPaid", "economy.error.alreadyDone", "economy.error.notShipped",
					"economy.error.cannotCancelShipped", "economy.error.buyerCannotCancelPaid", "economy.error.alreadyVerified",
					"economy.error.hasAccount", "economy.error.lotRecalled", "economy.error.lotAlreadyRecalled",
					"economy.error.lotRecalledLabel", "economy.error.lotTaken" -> 409;
			default -> 400;
		};
	}
}
