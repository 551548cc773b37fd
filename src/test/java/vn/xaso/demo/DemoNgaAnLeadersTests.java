package vn.xaso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.xaso.identity.Role;

/** Nga An can handle the documents it receives: the demo gives it a chairman (leader) and a clerk. */
class DemoNgaAnLeadersTests {

	@Test
	void ngaAnHasAChairmanAndAClerk() {
		assertThat(DemoData.OFFICIALS).filteredOn(o -> o.unit().equals(DemoData.NGA_AN))
			.extracting(DemoData.DemoOfficial::username, DemoData.DemoOfficial::roles)
			.contains(org.assertj.core.groups.Tuple.tuple("ngaan.chutich", java.util.Set.of(Role.LEADER)),
					org.assertj.core.groups.Tuple.tuple("ngaan.vanthu", java.util.Set.of(Role.CLERK)));
	}
}
