/**
 * The public face of each commune: the landing page that finds a commune and the commune home
 * page at {@code /x/{communeCode}}. News, notices and the rest of the portal build on it.
 */
@org.jspecify.annotations.NullMarked
package vn.xaso.portal;
