package vn.xaso.dossiers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A procedure as the dossier pages show it: code, name, fee in words, required papers, online or not. */
public record ProcedureView(String code, String name, String unitCode, @Nullable String feeText, List<Paper> papers, boolean online) {

	/** A paper to bring or attach; {@code label} says "(nếu có)" when optional. */
	public record Paper(String code, String label) {
	}
}
