package vn.xaso.dossiers;

/** The person the dossier is for (người nộp hồ sơ). CCCD: 12 digits; phone: Vietnamese mobile; e-mail optional. */
public record Applicant(String name, String cccd, String phone, String email, String address) {
}
