package vn.xaso.farm.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code xaso.farm.broker.mode=external}: the devices talk to a broker outside the instance and the farm module is
 * one of its clients ({@link ExternalBroker}); the embedded broker is not made then. Settings (docs/operations.md):
 * {@code xaso.farm.broker.url} ({@code tcp://host:1883} or {@code ssl://host:8883}), {@code username},
 * {@code password}, {@code client-id} (default {@code xaso-platform}), {@code ca-file} (PEM, for {@code ssl://}
 * with a CA of the province's own), {@code units} (the communes whose topics are subscribed, comma separated;
 * default {@code +}: all), {@code shared-group} (default {@code xaso-farm}; empty: a plain subscription).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xaso.farm.broker.mode", havingValue = "external")
class ExternalBrokerConfig {

	record Settings(String url, String username, String password, String clientId, String caFile, List<String> units,
			String sharedGroup) {

		Settings {
			if (url.isBlank() || username.isBlank()) {
				throw new IllegalStateException("xaso.farm.broker.url and xaso.farm.broker.username are needed when the mode is external");
			}
			if (units.isEmpty() || units.stream().anyMatch(u -> !u.equals("+") && !u.matches("[0-9A-Za-z_-]{1,20}"))) {
				throw new IllegalStateException("xaso.farm.broker.units: commune codes, comma separated, or +");
			}
		}

		static Settings of(Environment env) {
			var units = Arrays.stream(env.getProperty("xaso.farm.broker.units", "+").split(",")).map(String::strip)
				.filter(u -> !u.isEmpty()).toList();
			return new Settings(env.getProperty("xaso.farm.broker.url", ""), env.getProperty("xaso.farm.broker.username", ""),
					env.getProperty("xaso.farm.broker.password", ""), env.getProperty("xaso.farm.broker.client-id", "xaso-platform"),
					env.getProperty("xaso.farm.broker.ca-file", ""), units, env.getProperty("xaso.farm.broker.shared-group", "xaso-farm"));
		}
	}

	@Bean
	ExternalBroker externalBroker(BrokerGate gate, Environment env) {
		return new ExternalBroker(gate, Settings.of(env));
	}
}
