package vn.xaso.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.xaso.platform.metrics.MetricEvent;
import vn.xaso.platform.metrics.MetricSource;

/**
 * The documents module's daily counters for the indicators, and their recount from the document
 * table. Each counter is dated the way its record is: registered on {@code received_on}, released
 * on {@code issued_on}, finished on the Vietnam date of {@code done_at}.
 */
@Component
public class DocumentMetrics implements MetricSource {

	public static final String INCOMING_REGISTERED = "documents.incoming_registered";
	/** Incoming documents that arrived as signed electronic documents from another commune. */
	public static final String INCOMING_ELECTRONIC = "documents.incoming_electronic";
	public static final String INCOMING_DONE = "documents.incoming_done";
	public static final String INCOMING_DONE_ON_TIME = "documents.incoming_done_on_time";
	public static final String OUTGOING_RELEASED = "documents.outgoing_released";
	/** Released with a digital signature on the PDF (every release made here is). */
	public static final String OUTGOING_SIGNED = "documents.outgoing_signed";

	private final JdbcClient jdbc;

	DocumentMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static MetricEvent on(String unitCode, LocalDate day, String... metrics) {
		var deltas = new LinkedHashMap<String, Long>();
		for (var metric : metrics) {
			deltas.merge(metric, 1L, Long::sum);
		}
		return new MetricEvent(UUID.randomUUID(), unitCode, day, deltas, Instant.now());
	}

	@Override
	public Set<String> metrics() {
		return Set.of(INCOMING_REGISTERED, INCOMING_ELECTRONIC, INCOMING_DONE, INCOMING_DONE_ON_TIME, OUTGOING_RELEASED,
				OUTGOING_SIGNED);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MetricCount> recount(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select unit_code, received_on as day, 'documents.incoming_registered' as metric, count(*) as value
				  from document where direction = 'in' and received_on between :from and :to group by 1, 2
				union all
				select unit_code, received_on, 'documents.incoming_electronic', count(*)
				  from document where direction = 'in' and source_document_id is not null
				   and received_on between :from and :to group by 1, 2
				union all
				select unit_code, issued_on, 'documents.outgoing_released', count(*)
				  from document where direction = 'out' and status = 'released' and issued_on between :from and :to group by 1, 2
				union all
				select unit_code, issued_on, 'documents.outgoing_signed', count(*)
				  from document where direction = 'out' and status = 'released' and pdf is not null
				   and issued_on between :from and :to group by 1, 2
				union all
				select unit_code, (done_at at time zone 'Asia/Ho_Chi_Minh')::date, 'documents.incoming_done', count(*)
				  from document where direction = 'in' and status = 'done'
				   and (done_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2
				union all
				select unit_code, (done_at at time zone 'Asia/Ho_Chi_Minh')::date, 'documents.incoming_done_on_time', count(*)
				  from document where direction = 'in' and status = 'done'
				   and (deadline is null or (done_at at time zone 'Asia/Ho_Chi_Minh')::date <= deadline)
				   and (done_at at time zone 'Asia/Ho_Chi_Minh')::date between :from and :to group by 1, 2""")
			.param("from", from).param("to", to)
			.query((rs, n) -> new MetricCount(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
			.list();
	}
}
