package vn.xaso.meetings.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import vn.xaso.identity.Role;
import vn.xaso.platform.web.AccessRules;

/**
 * Meetings paths: preparing a meeting (new, agenda, rooms, files, invitations) is the organisers' — a leader or the
 * clerk —, and so is giving a task directly (/meetings/tasks/new, POST /meetings/tasks) and the named teams
 * (/meetings/teams/**); everything else is any
 * official's, and each meeting decides who reaches it (its invitees, chair, secretary, the organisers; others get
 * 404), "my tasks" shows only the caller's own (a task's page: its assignee and the organisers). The room display by
 * its link (unit and secret) is public: the secret is the key.
 */
@Component
class MeetingsAccessRules implements AccessRules {

	@Override
	public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET, "/meetings/display/*/*", "/meetings/display/*/*/events").permitAll()
			.requestMatchers(HttpMethod.GET, "/meetings/new", "/meetings/tasks/overview", "/meetings/tasks/new").hasAnyRole("LEADER", "CLERK")
			.requestMatchers("/meetings/teams", "/meetings/teams/**").hasAnyRole("LEADER", "CLERK")
			.requestMatchers(HttpMethod.POST, "/meetings/*/invitation/approve").hasRole("LEADER")
			.requestMatchers(HttpMethod.POST, "/meetings", "/meetings/tasks", "/meetings/*/rooms", "/meetings/*/items",
					"/meetings/*/items/*/files", "/meetings/*/files/*/versions", "/meetings/*/invitation", "/meetings/*/invite")
			.hasAnyRole("LEADER", "CLERK")
			.requestMatchers("/meetings", "/meetings/**").hasAnyRole(Role.staffNames());
	}
}
