/**
 * Digital signatures: signers (PKCS#12 file, PKCS#11 token, remote CSC service), PAdES signing of PDFs and validation of any signed PDF.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "identity", "platform", "platform :: render", "platform :: web" })
package vn.xaso.signing;
