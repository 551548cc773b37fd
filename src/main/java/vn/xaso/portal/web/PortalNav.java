package vn.xaso.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The portal cards on the official's workspace and the citizen's home. */
@Configuration(proxyBeanMethods = false)
class PortalNav {

	@Bean
	NavLink portalEditorCard() {
		return NavLink.official(40, "/portal", "portal.editor.title", "portal.editor.card", PortalAccess.EDITORS);
	}

	@Bean
	NavLink citizenAppCard() {
		return NavLink.citizen(15, "/app", "portal.app.title", "portal.app.card");
	}
}
