package vn.xaso.setup.internal;

import org.springframework.stereotype.Component;

/** The setup's step use cases in their order, for the command line that runs them all from one file. */
@Component
public record SetupSteps(SetupCommuneStep commune, SetupAdminStep admin, SetupServiceStep service, SetupSigningStep signing,
		SetupOfficials officials, SetupProcedures procedures, SetupFinishStep finish) {
}
