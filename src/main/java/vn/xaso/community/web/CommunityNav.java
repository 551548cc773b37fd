package vn.xaso.community.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The digital-society card on the workspace. */
@Configuration(proxyBeanMethods = false)
class CommunityNav {

	@Bean
	NavLink communityCard() {
		return NavLink.official(65, "/community", "community.title", "community.cardText", "ADMIN", "LEADER", "COMMUNITY_TEAM",
				"VILLAGE_HEAD");
	}
}
