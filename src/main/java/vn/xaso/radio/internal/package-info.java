/** Text normalisation, speech engines, audio encoding and probing of the radio module. */
@org.jspecify.annotations.NullMarked
package vn.xaso.radio.internal;
