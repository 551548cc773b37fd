/** Radio pages (admin, operations, public replays) and the receiver device API. */
@org.jspecify.annotations.NullMarked
package vn.xaso.radio.web;
