package vn.xaso.setup.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The province onboarding cards on the workspace. */
@Configuration(proxyBeanMethods = false)
class ProvinceNav {

	@Bean
	NavLink provinceCommunesCard() {
		return NavLink.official(60, "/province/communes", "province.nav.communes", "province.nav.communesText", "PROVINCE_ADMIN",
				"NATIONAL_ADMIN");
	}

	@Bean
	NavLink provinceOnboardingCard() {
		return NavLink.official(61, "/province/onboarding", "province.nav.onboarding", "province.nav.onboardingText", "PROVINCE_ADMIN",
				"NATIONAL_ADMIN");
	}
}
