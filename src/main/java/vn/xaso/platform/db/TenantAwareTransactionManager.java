package vn.xaso.platform.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import vn.xaso.platform.tenancy.Tenancy;

/**
 * Every transaction starts by telling PostgreSQL which units the caller may see
 * ({@code set_config('app.units', …, true)}, local to the transaction). Row-level security
 * policies compare each row's unit code with that setting, so a query that forgot its
 * {@code WHERE unit_code = ?} still cannot read or write another commune's rows.
 */
class TenantAwareTransactionManager extends JdbcTransactionManager {

	TenantAwareTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition)
			throws SQLException {
		super.prepareTransactionalConnection(con, definition);
		try (var statement = con.prepareStatement("select set_config('app.units', ?, true)")) {
			statement.setString(1, Tenancy.current().asSetting());
			statement.execute();
		}
	}
}
