package vn.xaso.economy.internal;

import org.springframework.stereotype.Component;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Producer;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/** The producer behind a signed-in producer account (role PRODUCER, linked by the commune); refused otherwise. */
@Component
class Sellers {

	private final ProducerTable producers;

	Sellers(ProducerTable producers) {
		this.producers = producers;
	}

	/** Call inside a transaction in the producer's scope. */
	Producer of(OfficialPrincipal me) {
		if (!me.has(Role.PRODUCER)) {
			throw new EconomyException(null, "economy.error.producerOnly");
		}
		return producers.ofUsername(me.unitCode(), me.username())
			.orElseThrow(() -> new EconomyException(null, "economy.error.notLinked"));
	}
}
