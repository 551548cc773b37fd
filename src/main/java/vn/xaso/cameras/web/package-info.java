/** The cameras module's pages: the commune's cameras on a map and as a list, one camera, "Xem camera", incidents. */
@org.jspecify.annotations.NullMarked
package vn.xaso.cameras.web;
