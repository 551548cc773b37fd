package vn.xaso.dossiers.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.xaso.dossiers.Caller;
import vn.xaso.dossiers.DossierSearch;
import vn.xaso.dossiers.Dossiers;
import vn.xaso.dossiers.Queue;
import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.platform.web.NavCount;
import vn.xaso.platform.web.NavLink;
import vn.xaso.platform.web.Viewer;

/** The leader's workspace card for batch signing (issue 21). */
@Configuration(proxyBeanMethods = false)
class QuickStepsNav {

	@Bean
	NavLink dossiersBatchSignCard() {
		return NavLink.official(9, "/dossiers/sign", "dossiers.web.nav.sign", "dossiers.web.nav.signText", "LEADER");
	}

	@Bean
	NavCount dossiersBatchSignCount(Dossiers dossiers) {
		return new NavCount() {
			@Override
			public String href() {
				return "/dossiers/sign";
			}

			@Override
			public long count(Viewer viewer) {
				if (!(viewer instanceof OfficialPrincipal me)) {
					return 0;
				}
				return dossiers.search(Caller.of(me), new DossierSearch(null, null, null, Queue.AWAITING_APPROVAL, null, null, 1, 1)).total();
			}
		};
	}
}
