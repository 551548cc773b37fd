package vn.xaso.documents.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stand-in {@link ReleaseSigner} used until the signing module lands: it returns the PDF
 * unchanged, so released documents carry no digital signature yet.
 */
public final class UnsignedRelease implements ReleaseSigner {

	@Override
	public byte[] sign(long documentId, String unitCode, String numberSymbol, byte[] pdf) {
		return pdf;
	}

	@Override
	public boolean signs() {
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		ReleaseSigner unsignedRelease() {
			return new UnsignedRelease();
		}
	}
}
