/**
 * The procedure catalogue (danh mục thủ tục hành chính): the national commune-level procedures
 * and each commune's own versions, with processing times, fees as data, required papers,
 * versioned e-forms and online mode. Published versions never change; an edit publishes a new one.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "units", "platform",
		"platform :: render", "platform :: tenancy", "platform :: web" })
package vn.xaso.catalog;
