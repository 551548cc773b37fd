/**
 * Pages and JSON API of the signing module: public verification and the administrator's signing pages.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.signing.web;
