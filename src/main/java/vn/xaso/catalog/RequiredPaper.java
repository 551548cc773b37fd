package vn.xaso.catalog;

import org.jspecify.annotations.Nullable;

/** One paper (thành phần hồ sơ) a procedure asks for. */
public record RequiredPaper(String code, String name, boolean required, @Nullable String note) {
}
