package vn.xaso.catalog;

/** Kinds of e-form fields; each has its own check in {@link FormDefinition#validate}. */
public enum FieldType {
	TEXT, TEXTAREA, DATE, CCCD, PHONE, EMAIL, NUMBER, MONEY, SELECT, CHECKBOX
}
