/** The addresses pages: officials' list, map and door plates; the public plus-code look-up (HTML and JSON). */
@org.jspecify.annotations.NullMarked
package vn.xaso.addresses.web;
