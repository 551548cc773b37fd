/** Portal pages: the commune site, the citizen app page, feeds, the PWA files and the officials' editor; typed forms in {@code PortalForms}. */
@org.jspecify.annotations.NullMarked
package vn.xaso.portal.web;
