/** Thin controllers, typed forms, access rules and workspace cards of the community module. */
@org.jspecify.annotations.NullMarked
package vn.xaso.community.web;
