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

/** The dossiers cards on the official's workspace and the citizen's home page. */
@Configuration(proxyBeanMethods = false)
class DossiersNav {

	@Bean
	NavLink dossiersQueueCard() {
		return NavLink.official(10, "/dossiers", "dossiers.web.nav.queue", "dossiers.web.nav.queueText", "ONE_STOP", "SPECIALIST",
				"LEADER", "ADMIN");
	}

	/** What waits for this official, first on the workspace: one card per queue of their role, with its count. */
	@Bean
	NavLink dossiersNewCard() {
		return NavLink.official(7, "/dossiers?tab=new", "dossiers.web.nav.waitNew", "dossiers.web.nav.waitNewText", "ONE_STOP");
	}

	@Bean
	NavLink dossiersMineCard() {
		return NavLink.official(8, "/dossiers?tab=mine", "dossiers.web.nav.waitMine", "dossiers.web.nav.waitMineText", "SPECIALIST");
	}

	@Bean
	NavLink dossiersApprovalCard() {
		return NavLink.official(9, "/dossiers?tab=approval", "dossiers.web.nav.waitApproval", "dossiers.web.nav.waitApprovalText",
				"LEADER");
	}

	@Bean
	NavLink dossiersReadyCard() {
		return NavLink.official(9, "/dossiers?tab=ready", "dossiers.web.nav.waitReady", "dossiers.web.nav.waitReadyText", "ONE_STOP");
	}

	/** Issue 21: the clerk (who keeps the seal) and the desk see the signed results waiting for the seal. */
	@Bean
	NavLink dossiersSealCard() {
		return NavLink.official(9, "/dossiers/seal", "dossiers.web.nav.waitSeal", "dossiers.web.nav.waitSealText", "CLERK", "ONE_STOP");
	}

	@Bean
	NavCount dossiersSealCount(vn.xaso.dossiers.Results results) {
		return new NavCount() {
			@Override
			public String href() {
				return "/dossiers/seal";
			}

			@Override
			public long count(Viewer viewer) {
				return viewer instanceof OfficialPrincipal me ? results.awaitingSeal(Caller.of(me)).size() : 0;
			}
		};
	}

	@Bean
	NavCount dossiersReadyCount(Dossiers dossiers) {
		return counter("/dossiers?tab=ready", Queue.RESULT_READY, dossiers);
	}

	@Bean
	NavCount dossiersNewCount(Dossiers dossiers) {
		return counter("/dossiers?tab=new", Queue.NEW, dossiers);
	}

	@Bean
	NavCount dossiersMineCount(Dossiers dossiers) {
		return counter("/dossiers?tab=mine", Queue.MINE, dossiers);
	}

	@Bean
	NavCount dossiersApprovalCount(Dossiers dossiers) {
		return counter("/dossiers?tab=approval", Queue.AWAITING_APPROVAL, dossiers);
	}

	@Bean
	NavCount dossiersLateCount(Dossiers dossiers) {
		return counter("/dossiers?tab=late", Queue.LATE, dossiers);
	}

	private static NavCount counter(String href, Queue queue, Dossiers dossiers) {
		return new NavCount() {
			@Override
			public String href() {
				return href;
			}

			@Override
			public long count(Viewer viewer) {
				if (!(viewer instanceof OfficialPrincipal me)) {
					return 0;
				}
				return dossiers.search(Caller.of(me), new DossierSearch(null, null, null, queue, null, null, 1, 1)).total();
			}
		};
	}

	@Bean
	NavLink dossiersCounterCard() {
		return NavLink.official(11, "/dossiers/intake", "dossiers.web.nav.intake", "dossiers.web.nav.intakeText", "ONE_STOP");
	}

	@Bean
	NavLink dossiersLateCard() {
		return NavLink.official(14, "/dossiers?tab=late", "dossiers.web.nav.late", "dossiers.web.nav.lateText", "ONE_STOP",
				"SPECIALIST", "LEADER");
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
