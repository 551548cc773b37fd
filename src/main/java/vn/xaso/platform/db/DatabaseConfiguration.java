package vn.xaso.platform.db;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two logins to one database. Flyway migrates as the owner (a superuser on the embedded server);
 * the application runs as {@code xaso_app}, a role without SUPERUSER or BYPASSRLS, so row-level
 * security applies to every query it makes. Without {@code xaso.db.url} an embedded PostgreSQL 17
 * is started in {@code xaso.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseEndpoint databaseEndpoint(Environment env) {
		var url = env.getProperty("xaso.db.url", "");
		if (!url.isBlank()) {
			return new DatabaseEndpoint(url, env.getProperty("xaso.db.owner-user", "postgres"),
					env.getProperty("xaso.db.owner-password", ""), null);
		}
		var dataDir = EmbeddedDatabaseEarlyStart.dataDir(env);
		int port = EmbeddedDatabaseEarlyStart.port(env);
		boolean durable = EmbeddedDatabaseEarlyStart.durable(env);
		// Started while the context was being built (EmbeddedDatabaseEarlyStart, from main), or now.
		var early = EmbeddedDatabaseEarlyStart.take(dataDir, port, durable);
		var embedded = early != null ? early : EmbeddedDatabase.start(dataDir, port, durable);
		return new DatabaseEndpoint(embedded.jdbcUrl(), EmbeddedDatabase.SUPERUSER, "", embedded);
	}

	@Bean
	@Primary
	HikariDataSource dataSource(DatabaseEndpoint endpoint, Environment env) {
		// Not new HikariDataSource(config): that connects at once, before Flyway has created the role.
		var config = new HikariDataSource();
		config.setPoolName("xaso");
		config.setJdbcUrl(endpoint.url());
		config.setUsername(env.getProperty("xaso.db.app-user", "xaso_app"));
		config.setPassword(appPassword(endpoint, env));
		config.setMaximumPoolSize(env.getProperty("xaso.db.pool-size", Integer.class, 10));
		config.setMinimumIdle(1);
		// A few seconds, not 30: when the database is down a request fails fast (503) and readiness
		// turns DOWN instead of every thread waiting half a minute.
		config.setConnectionTimeout(env.getProperty("xaso.db.connection-timeout", java.time.Duration.class,
				java.time.Duration.ofSeconds(5)).toMillis());
		config.setValidationTimeout(2_000);
		// Keep starting even if the database is briefly away; the pool connects when it is back.
		config.setInitializationFailTimeout(-1);
		return config;
	}

	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(DatabaseEndpoint endpoint) {
		var ds = new SimpleDriverDataSource();
		ds.setDriverClass(org.postgresql.Driver.class);
		ds.setUrl(endpoint.url());
		ds.setUsername(endpoint.ownerUser());
		ds.setPassword(endpoint.ownerPassword());
		return ds;
	}

	@Bean
	FlywayConfigurationCustomizer appRolePlaceholders(DatabaseEndpoint endpoint, Environment env) {
		return configuration -> configuration.placeholders(java.util.Map.of(
				"app_role", env.getProperty("xaso.db.app-user", "xaso_app"),
				"app_password", appPassword(endpoint, env)));
	}

	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
			org.springframework.context.MessageSource messages) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(messages));
		registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 20); // before Spring Security (-100)
		registration.addUrlPatterns("/*");
		return registration;
	}

	@Bean
	@Primary
	JdbcTransactionManager transactionManager(DataSource dataSource) {
		return new TenantAwareTransactionManager(dataSource);
	}

	private static String appPassword(DatabaseEndpoint endpoint, Environment env) {
		var configured = env.getProperty("xaso.db.app-password", "");
		if (!configured.isBlank()) {
			return configured;
		}
		// The embedded server only listens on 127.0.0.1 with trust authentication.
		return endpoint.embedded() != null ? "embedded-" + UUID.nameUUIDFromBytes(endpoint.url().getBytes())
				: configured;
	}

	record DatabaseEndpoint(String url, String ownerUser, String ownerPassword, EmbeddedDatabase embedded)
			implements AutoCloseable {

		@Override
		public void close() {
			if (embedded != null) {
				embedded.close();
			}
		}
	}
}
