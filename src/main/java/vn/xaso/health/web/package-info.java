/** Health pages: the station's public answers, the citizen's questions, the doctors' desk. */
@org.jspecify.annotations.NullMarked
package vn.xaso.health.web;
