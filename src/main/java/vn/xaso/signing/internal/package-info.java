/**
 * Internals of the signing module: key sealing, CMS building, time-stamp and CSC clients, DSS wiring.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.signing.internal;
