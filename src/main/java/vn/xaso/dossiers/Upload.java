package vn.xaso.dossiers;

/**
 * A file a caller attaches: its original name (shown only), the bytes (checked by content: PDF, JPEG or PNG)
 * and, optionally, the code of the required paper it stands for.
 */
public record Upload(String name, byte[] content, String paperCode) {

	public Upload(String name, byte[] content) {
		this(name, content, "");
	}
}
