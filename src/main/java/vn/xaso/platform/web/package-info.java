/** Shared web layout support: page model, forms, paging, jte views. */
@org.springframework.modulith.NamedInterface("web")
package vn.xaso.platform.web;
