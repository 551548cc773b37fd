package vn.xaso.feedback.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The feedback cards on the official's workspace and the citizen's home page. */
@Configuration(proxyBeanMethods = false)
class FeedbackNav {

	@Bean
	NavLink feedbackOfficialCard() {
		return NavLink.official(40, "/feedback", "feedback.nav.official", "feedback.nav.officialText",
				vn.xaso.identity.Role.staffNames());
	}

	@Bean
	NavLink feedbackApiKeysCard() {
		return NavLink.official(41, "/admin/feedback/api-keys", "feedback.keys.title", "feedback.nav.keysText", "ADMIN");
	}

	@Bean
	NavLink feedbackCitizenCard() {
		return NavLink.citizen(40, "/citizen/feedback", "feedback.nav.citizen", "feedback.nav.citizenText");
	}
}
