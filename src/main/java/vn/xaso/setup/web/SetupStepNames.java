package vn.xaso.setup.web;

/** Message keys of the setup steps, for the step bar. */
public final class SetupStepNames {

	private static final String[] KEYS = { "setup.step.commune", "setup.step.admin", "setup.step.service",
			"setup.step.signing", "setup.step.officials", "setup.step.procedures", "setup.step.checklist" };

	private SetupStepNames() {
	}

	public static String key(int step) {
		return KEYS[step - 1];
	}
}
