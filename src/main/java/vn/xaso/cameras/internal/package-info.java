/** The camera use cases, the aggregates that guard their states, and one SQL adapter per table family. */
@org.jspecify.annotations.NullMarked
package vn.xaso.cameras.internal;
