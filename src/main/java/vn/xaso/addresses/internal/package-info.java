/** The addresses module's use cases, the address aggregate, plus codes, postcodes and the one SQL adapter. */
@org.jspecify.annotations.NullMarked
package vn.xaso.addresses.internal;
