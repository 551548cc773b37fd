package vn.xaso.community;

import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;

import vn.xaso.community.internal.FormingTeams;
import vn.xaso.community.internal.PlanningTrainings;
import vn.xaso.community.internal.ReadingHouseholds;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.security.AccessControlFixture;

/** Yên Mô's demo team, a household assigned to yenmo.congnghe and a training, for the access-control harness. */
public class CommunityAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var teams = context.getBean(FormingTeams.class);
		var reading = context.getBean(ReadingHouseholds.class);
		var trainings = context.getBean(PlanningTrainings.class);
		return Tenancy.callAs(UnitScope.of("14701"), () -> {
			var admin = new Actor("14701", "yenmo.admin", Set.of(Role.ADMIN), null);
			var team = teams.teams(admin).stream().filter(t -> t.members().stream().anyMatch(m -> m.username().equals("yenmo.congnghe")))
				.findFirst().orElseThrow();
			var member = team.members().stream().filter(m -> m.username().equals("yenmo.congnghe")).findFirst().orElseThrow();
			var memberActor = new Actor("14701", "yenmo.congnghe", Set.of(Role.COMMUNITY_TEAM), member.id());
			var household = reading.list(memberActor, null, "", 0, 1).items().getFirst();
			var training = trainings.trainings(admin).getFirst();
			return Map.of("{yenmo.team}", String.valueOf(team.id()), "{yenmo.household}", String.valueOf(household.id()),
					"{yenmo.training}", String.valueOf(training.id()));
		});
	}

}
