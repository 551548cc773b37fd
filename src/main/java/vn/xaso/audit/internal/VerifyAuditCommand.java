package vn.xaso.audit.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import vn.xaso.audit.AuditLog;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;

/** {@code java -jar xaso.jar verify-audit}: checks every unit's chain; exit code 1 if any is broken. */
@Component
class VerifyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

	private final AuditLog audit;
	private int exitCode;

	VerifyAuditCommand(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!"verify-audit".equals(System.getProperty("xaso.command"))) {
			return;
		}
		Tenancy.runAs(UnitScope.systemWide(), () -> {
			for (var unit : audit.chains()) {
				var result = audit.verify(unit);
				if (result.intact()) {
					System.out.printf("%-8s OK      %d entries%n", unit, result.checked());
				}
				else {
					exitCode = 1;
					System.out.printf("%-8s BROKEN  first bad entry #%d (id %s): %s%n", unit, result.firstBrokenSeq(),
							result.firstBrokenId(), result.reason());
				}
			}
		});
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
