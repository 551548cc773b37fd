package vn.xaso.setup.web;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.xaso.dossiers.DossierSubmitted;
import vn.xaso.dossiers.TestDossiers;

/**
 * The try-it guide's test dossier is a real flag, not a name: "Mở trang thủ tục cho người dân" leaves a mark in the
 * browser session ({@link #MARK}, the commune), and a dossier submitted online in that session for that commune is
 * marked as a test dossier in the transaction that submits it ({@link TestDossiers}). A citizen's session never has
 * the mark.
 */
@Component
class TryItDossiers {

	static final String MARK = "xaso.setup.try-it";

	private final TestDossiers tests;

	TryItDossiers(TestDossiers tests) {
		this.tests = tests;
	}

	@EventListener
	void on(DossierSubmitted changed) {
		var request = RequestContextHolder.getRequestAttributes();
		if (request != null && changed.unitCode().equals(request.getAttribute(MARK, RequestAttributes.SCOPE_SESSION))) {
			tests.markTest(changed.unitCode(), changed.dossierId());
		}
	}
}
