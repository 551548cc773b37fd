package vn.xaso.economy.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.xaso.economy.EconomyException;
import vn.xaso.economy.Producer;
import vn.xaso.economy.ProducerVerified;
import vn.xaso.identity.AccountException;
import vn.xaso.identity.Accounts;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;
import vn.xaso.payments.PaymentException;
import vn.xaso.payments.Payments;
import vn.xaso.setup.FirstSignInLinks;

/**
 * Commune staff (administrator, leader, specialist) keep the commune's producers: register one (with their own
 * bank account, checked as payments checks any receiving account), verify it (who, when — only verified producers
 * show in the shop), and — the administrator — give it its own account with the role PRODUCER (a first-sign-in link,
 * or an existing PRODUCER account of the commune linked to it).
 */
@Service
public class KeepingProducers {

	static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.LEADER, Role.SPECIALIST);

	private final ProducerTable producers;
	private final Payments payments;
	private final Accounts accounts;
	private final EconomyWork work;
	private final Figures figures;
	private final FirstSignInLinks links;

	KeepingProducers(ProducerTable producers, Payments payments, Accounts accounts, FirstSignInLinks links, EconomyWork work,
			Figures figures) {
		this.links = links;
		this.figures = figures;
		this.producers = producers;
		this.payments = payments;
		this.accounts = accounts;
		this.work = work;
	}

	public long register(OfficialPrincipal me, ProducerEntry.Input input) {
		staff(me);
		var entry = ProducerEntry.of(input);
		if (entry.bankBin() != null) {
			try {
				var payee = payments.checkPayee(entry.bankBin(), entry.accountNumber(), entry.accountName());
				entry = entry.withAccount(payee.bankBin(), payee.accountNumber(), payee.accountName());
			}
			catch (PaymentException e) {
				var field = e.errors().keySet().stream().findFirst().orElse("accountNumber");
				throw new EconomyException(field, "economy.error.account", e.errors().values().stream().findFirst().orElse(""));
			}
		}
		var checked = entry;
		return work.inTx(() -> {
			if (producers.nameTaken(me.unitCode(), checked.name())) {
				throw new EconomyException("name", "economy.error.producerTaken");
			}
			long id;
			try {
				id = producers.insert(me.unitCode(), checked, me.username());
			}
			catch (DuplicateKeyException e) {
				throw new EconomyException("name", "economy.error.producerTaken");
			}
			work.audit(me.unitCode(), me.username(), "economy.producer.registered", "producer", id,
					checked.kind() + " " + checked.name());
			return id;
		});
	}

	/** Verifies once; a second verification changes nothing and says so. */
	public void verify(OfficialPrincipal me, long id) {
		staff(me);
		work.inTx(() -> {
			var producer = producers.lock(me.unitCode(), id).orElseThrow(() -> new EconomyException(null, "economy.error.noProducer"));
			if (producer.verified() || !producers.verify(id, me.username(), work.now())) {
				throw new EconomyException(null, "economy.error.alreadyVerified");
			}
			work.audit(me.unitCode(), me.username(), "economy.producer.verified", "producer", id, producer.name());
			work.publish(new ProducerVerified(me.unitCode(), id, me.username()));
			return null;
		});
	}

	/**
	 * The administrator gives the producer its own account (role PRODUCER, nothing else), opened with a password
	 * nobody knows and a one-use first-sign-in link (as community team members get): returns the link's path.
	 */
	public String giveAccount(OfficialPrincipal me, long id, String username) {
		admin(me);
		return work.inTx(() -> {
			var producer = producers.lock(me.unitCode(), id).orElseThrow(() -> new EconomyException(null, "economy.error.noProducer"));
			if (producer.username() != null) {
				throw new EconomyException("username", "economy.error.hasAccount", producer.username());
			}
			FirstSignInLinks.Invitation invitation;
			try {
				invitation = links.invite(me.unitCode(), username, producer.contactName(), producer.phone(), Set.of(Role.PRODUCER), null);
			}
			catch (AccountException e) {
				throw new EconomyException(e.field() == null || e.field().isEmpty() ? "username" : e.field(), "economy.error.accountRefused",
						e); // shown in the page's language (Texts.t)
			}
			producers.link(id, invitation.username());
			work.audit(me.unitCode(), me.username(), "economy.producer.account", "producer", id, invitation.username());
			return invitation.path();
		});
	}

	/**
	 * Links an existing account of the commune that holds the role PRODUCER (opened by the administrator at
	 * /admin/accounts, or by the demo loader) to a producer without one.
	 */
	public void linkAccount(OfficialPrincipal me, long id, String username) {
		admin(me);
		work.inTx(() -> {
			var producer = producers.lock(me.unitCode(), id).orElseThrow(() -> new EconomyException(null, "economy.error.noProducer"));
			if (producer.username() != null) {
				throw new EconomyException("username", "economy.error.hasAccount", producer.username());
			}
			var account = accounts.list(me.unitCode(), username, 0, 20).items().stream()
				.filter(a -> a.username().equals(username) && a.roles().equals(Set.of(Role.PRODUCER))).findFirst()
				.orElseThrow(() -> new EconomyException("username", "economy.error.noProducerAccount", username));
			if (producers.ofUsername(me.unitCode(), account.username()).isPresent() || !producers.link(id, account.username())) {
				throw new EconomyException("username", "economy.error.accountTaken", username);
			}
			work.audit(me.unitCode(), me.username(), "economy.producer.account", "producer", id, account.username());
			return null;
		});
	}

	public List<Producer> all(OfficialPrincipal me) {
		staff(me);
		return work.inTx(() -> producers.all(me.unitCode()));
	}

	/** The commune's marketplace figures. */
	public Figures.Marketplace figures(OfficialPrincipal me) {
		staff(me);
		return work.inTx(() -> figures.of(me.unitCode(), work.today()));
	}

	public Optional<Producer> find(OfficialPrincipal me, long id) {
		staff(me);
		return work.inTx(() -> producers.find(me.unitCode(), id));
	}

	static void admin(OfficialPrincipal me) {
		if (!me.has(Role.ADMIN)) {
			throw new EconomyException(null, "economy.error.adminOnly");
		}
	}

	static void staff(OfficialPrincipal me) {
		if (me.roleSet().stream().noneMatch(STAFF::contains)) {
			throw new EconomyException(null, "economy.error.staffOnly");
		}
	}
}
