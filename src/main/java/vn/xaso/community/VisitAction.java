package vn.xaso.community;

/** What a member did on a visit (the checklist of issue 16). Labels: community.action.NAME. */
public enum VisitAction {
	INSTALLED_VNEID, INSTALLED_APP, OPENED_BANK_ACCOUNT, TAUGHT_VIETQR, ASSISTED_DOSSIER, SURVEYED, OTHER
}
