package vn.xaso.dossiers.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The dossiers cards on the official's workspace and the citizen's home page. */
@Configuration(proxyBeanMethods = false)
class DossiersNav {

	@Bean
	NavLink dossiersQueueCard() {
		return NavLink.official(10, "/dossiers", "dossiers.web.nav.queue", "dossiers.web.nav.queueText", "ONE_STOP", "SPECIALIST",
				"LEADER", "ADMIN");
	}

	@Bean
	NavLink dossiersCounterCard() {
		return NavLink.official(11, "/dossiers/intake", "dossiers.web.nav.intake", "dossiers.web.nav.intakeText", "ONE_STOP");
	}

	@Bean
	NavLink dossiersAssistedCard() {
		return NavLink.official(12, "/dossiers/assisted", "dossiers.web.nav.assisted", "dossiers.web.nav.assistedText",
				"COMMUNITY_TEAM");
	}

	@Bean
	NavLink dossiersSettingsCard() {
		return NavLink.official(13, "/dossiers/settings", "dossiers.web.nav.settings", "dossiers.web.nav.settingsText", "ADMIN");
	}

	@Bean
	NavLink citizenDossiersCard() {
		return NavLink.citizen(10, "/citizen/dossiers", "dossiers.web.nav.mine", "dossiers.web.nav.mineText");
	}

	@Bean
	NavLink citizenPapersCard() {
		return NavLink.citizen(11, "/citizen/papers", "dossiers.web.nav.papers", "dossiers.web.nav.papersText");
	}
}
