/** Shared rendering: HTML to PDF with the embedded Liberation Serif fonts, and QR code images. */
@org.springframework.modulith.NamedInterface("render")
@org.jspecify.annotations.NullMarked
package vn.xaso.platform.render;
