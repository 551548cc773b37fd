package vn.xaso.dossiers.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A procedure as the dossier pages show it: code, name, fee in words, required papers, online or not. */
public record ProcedureView(String code, String name, String unitCode, @Nullable String feeText, List<String> papers, boolean online) {
}
