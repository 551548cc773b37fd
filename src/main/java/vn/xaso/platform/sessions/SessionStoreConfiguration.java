package vn.xaso.platform.sessions;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Session reads and writes its tables with a plain transaction manager, not the application's
 * tenant-aware one: that one asks the security context for the caller's units, the security context is
 * loaded from the session, and loading the session opens a transaction — each request would recurse until
 * the pool was empty. The session tables hold no unit data (no row-level security), so no scope is needed.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	@SpringSessionTransactionManager
	PlatformTransactionManager springSessionTransactionManager(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}
}
