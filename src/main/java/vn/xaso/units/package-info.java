/** placeholder until the units branch merges */
@org.jspecify.annotations.NullMarked
package vn.xaso.units;
