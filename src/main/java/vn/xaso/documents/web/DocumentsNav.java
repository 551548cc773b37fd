package vn.xaso.documents.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.platform.web.NavLink;

/** The documents cards on the official's workspace. */
@Configuration(proxyBeanMethods = false)
class DocumentsNav {

	@Bean
	NavLink documentsCard() {
		return NavLink.official(20, "/documents", "documents.title", "workspace.documentsText", vn.xaso.identity.Role.staffNames());
	}

	/** Issue 21: the commune administrator (or a leader) edits the commune's own copies of the templates. */
	@Bean
	NavLink documentTemplatesCard() {
		return NavLink.official(22, "/documents/templates", "workspace.documentTemplates", "workspace.documentTemplatesText", "ADMIN",
				"LEADER");
	}

	@Bean
	NavLink workFilesCard() {
		return NavLink.official(21, "/documents/work-files", "workspace.workFiles", "workspace.workFilesText", vn.xaso.identity.Role.staffNames());
	}
}
