package vn.xaso.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.xaso.testing.XasoIntegrationTest;

/** Two replicas (two RateLimits on one database) count against the same bucket; no address is stored. */
@XasoIntegrationTest
class SharedRateLimitsTests {

	@Autowired
	RateLimits replicaA;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void replicasShareOneBucket() {
		var replicaB = new RateLimits(dataSource);
		var limit = new RateLimits.Limit("shared-test", 3, Duration.ofHours(1));
		assertThat(replicaA.tryConsume(limit, "198.51.100.200")).isTrue();
		assertThat(replicaB.tryConsume(limit, "198.51.100.200")).isTrue();
		assertThat(replicaA.tryConsume(limit, "198.51.100.200")).isTrue();
		assertThat(replicaB.tryConsume(limit, "198.51.100.200")).isFalse();
		assertThat(replicaA.tryConsume(limit, "198.51.100.201")).isTrue();
		var ids = jdbc.sql("select id from rate_limit_bucket").query(String.class).list();
		assertThat(ids).isNotEmpty().allMatch(id -> id.matches("[0-9a-f]{64}"));
	}
}
