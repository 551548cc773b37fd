package vn.xaso.feedback.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.xaso.feedback.FeedbackCategory;

/** The only SQL of {@code feedback_category}. */
@Component
class CategoryTable {

	private final JdbcClient jdbc;

	CategoryTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean any(String unitCode) {
		return jdbc.sql("select count(*) from feedback_category where unit_code = ?").param(unitCode).query(Long.class).single() > 0;
	}

	void insert(String unitCode, String code, String name, String group, int slaDays, String description, String keywords, int order) {
		jdbc.sql("""
				insert into feedback_category (unit_code, code, name, group_name, sla_days, description, keywords, sort_order)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(unitCode, code, name, group, slaDays, description, keywords, order)
			.update();
	}

	List<FeedbackCategory> active(String unitCode) {
		return jdbc.sql("select * from feedback_category where unit_code = ? and active order by sort_order, id")
			.param(unitCode)
			.query(ReportRows::category)
			.list();
	}
}
