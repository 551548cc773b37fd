package vn.xaso.setup.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import vn.xaso.identity.OfficialPrincipal;
import vn.xaso.identity.Role;

/**
 * Which province a province page works for: a province onboarding administrator's own province (any other
 * requested province is refused); a national administrator may name any province ({@code ?province=NN}).
 */
final class ProvinceScope {

	private ProvinceScope() {
	}

	static String of(OfficialPrincipal me, @Nullable String requested) {
		var wanted = requested == null || requested.isBlank() ? null : requested.strip();
		if (me.has(Role.NATIONAL_ADMIN) && wanted != null) {
			if (!wanted.matches("[0-9]{2}")) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			return wanted;
		}
		if (me.unitCode().length() != 2 || !(me.has(Role.PROVINCE_ADMIN) || me.has(Role.NATIONAL_ADMIN))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		if (wanted != null && !wanted.equals(me.unitCode())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return me.unitCode();
	}

	/** The query suffix that keeps a national administrator's chosen province on links and forms. */
	static String suffix(OfficialPrincipal me, String province) {
		return province.equals(me.unitCode()) ? "" : "?province=" + province;
	}
}
