package vn.xaso.economy.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The workspace cards: the commune's producers (staff) and the producer's own shop. */
@Configuration(proxyBeanMethods = false)
class EconomyNav {

	@Bean
	NavLink economyCard() {
		return NavLink.official(70, "/economy", "economy.title", "economy.cardText", "ADMIN", "LEADER", "SPECIALIST");
	}

	@Bean
	NavLink myShopCard() {
		return NavLink.official(5, "/economy/mine", "economy.mine.title", "economy.mine.cardText", "PRODUCER");
	}
}
