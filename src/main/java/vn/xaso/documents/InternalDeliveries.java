package vn.xaso.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/**
 * Where a released outgoing document went inside XaSo: for each commune it names, whether it has arrived in that
 * commune's incoming register yet, when, under which incoming number, and how far they are with it. Read in a scope
 * of the sender and the recipients, and only the rows filed from this very document.
 */
@Service
public class InternalDeliveries {

	/** One recipient commune; {@code receivedAt} null while the delivery is still on its way. */
	public record Delivery(String unitCode, String unitName, @Nullable Instant receivedAt, @Nullable Integer incomingNumber,
			@Nullable String recipientStatus) {

		public boolean delivered() {
			return receivedAt != null;
		}
	}

	private final Documents documents;
	private final DraftChoices choices;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;

	InternalDeliveries(Documents documents, DraftChoices choices, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.documents = documents;
		this.choices = choices;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tx.setReadOnly(true);
	}

	public List<Delivery> of(Actor actor, long id) {
		var doc = documents.find(actor, id).orElseThrow(() -> new Documents.NotFound(id));
		if (!doc.outgoing() || doc.internalRecipients().isBlank()) {
			return List.of();
		}
		var recipients = choices.named(doc.internalRecipients());
		if (!Document.RELEASED.equals(doc.status())) {
			return recipients.stream().map(c -> new Delivery(c.code(), c.name(), null, null, null)).toList();
		}
		var codes = new ArrayList<String>();
		codes.add(actor.unitCode());
		recipients.forEach(c -> codes.add(c.code()));
		return Tenancy.callAs(UnitScope.of(codes.toArray(String[]::new)), () -> tx.execute(status -> recipients.stream()
			.map(c -> jdbc.sql("""
					select created_at, number, status from document
					where unit_code = ? and source_unit_code = ? and source_document_id = ? and direction = 'in'""")
				.params(c.code(), actor.unitCode(), id)
				.query((rs, n) -> new Delivery(c.code(), c.name(), rs.getTimestamp(1).toInstant(), rs.getObject(2, Integer.class),
						rs.getString(3)))
				.optional().orElse(new Delivery(c.code(), c.name(), null, null, null)))
			.toList()));
	}
}
