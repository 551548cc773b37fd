package vn.xaso.setup.internal;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.setup.SetupCompleted;

/**
 * Setup step 7: finish. A first-run setup opens the rest of the instance and its address stops working; an invited
 * commune's setup marks its invitation finished (the province page shows it live) and spends the link. Either way
 * {@link SetupCompleted} is published for the commune.
 */
@Service
public class SetupFinishStep {

	private final SetupWizard wizard;
	private final SetupStore store;
	private final ProvinceStore province;
	private final SetupStartup startup;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;

	SetupFinishStep(SetupWizard wizard, SetupStore store, ProvinceStore province, SetupStartup startup,
			ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.wizard = wizard;
		this.store = store;
		this.province = province;
		this.startup = startup;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	public SetupCompleted complete(String token) {
		var state = wizard.state(token);
		state.requireOpen(SetupState.CHECKLIST);
		if (!state.blockerTexts().isEmpty()) {
			var blockers = state.blockerTexts();
			throw SetupException.of(null, locale -> String.join(" ", blockers.stream().map(b -> b.in(locale)).toList()));
		}
		var done = tx.execute(status -> {
			if (!store.complete(state.id()) || (state.invited() && !province.finish(state.unitCode()))) {
				throw SetupException.of(null, "setup.error.finishedElsewhere");
			}
			var event = new SetupCompleted(state.unitCode(), state.adminUsername(), Instant.now());
			events.publishEvent(event);
			return event;
		});
		if (!state.invited()) {
			startup.finished();
		}
		return done;
	}
}
