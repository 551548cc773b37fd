/**
 * The demo: Xã Yên Mô (Ninh Bình, which since July 2025 includes the former pilot Xã Yên Hòa)
 * with villages, an official for every role and a few citizens, plus Xã Nga An (Thanh Hóa) so
 * that tenant isolation is visible. Loading it twice changes nothing.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "dossiers", "feedback", "identity",
		"insights", "payments", "portal", "radio", "signing", "units", "platform :: tenancy" })
package vn.xaso.demo;
