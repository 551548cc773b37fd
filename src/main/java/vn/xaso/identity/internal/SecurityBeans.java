package vn.xaso.identity.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class SecurityBeans {

	/** Argon2id for new hashes; BCrypt still verifies hashes imported from elsewhere. */
	@Bean
	PasswordEncoder passwordEncoder() {
		var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
	}
}
