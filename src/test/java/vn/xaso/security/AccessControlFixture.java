package vn.xaso.security;

import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * A module's objects for the access-control harness: creates what its rules' example paths name
 * and returns placeholder → value (e.g. "{yenmo.dossier}" → "42"). Implement it in the module's
 * test package with a public no-argument constructor; {@link AccessControlTests} finds every
 * implementation on the test class path, so no module edits the harness itself.
 */
public interface AccessControlFixture {

	Map<String, String> create(ApplicationContext context);
}
