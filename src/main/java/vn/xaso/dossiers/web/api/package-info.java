/** JSON REST API of the dossiers module under {@code /api/v1/dossiers} (OpenAPI-documented). */
@org.jspecify.annotations.NullMarked
package vn.xaso.dossiers.web.api;
