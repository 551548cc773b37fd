/** The caller's visible units, read by row-level security. */
@org.springframework.modulith.NamedInterface("tenancy")
package vn.xaso.platform.tenancy;
