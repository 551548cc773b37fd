package vn.xaso.identity;

/** The roles an official can hold in their unit (PRODUCT.md). Labels live in messages: role.NAME. */
public enum Role {
	/** Quản trị — units, villages, accounts, integrations. */
	ADMIN,
	/** Chủ tịch / Phó Chủ tịch UBND — approves, signs, assigns, watches the dashboard. */
	LEADER,
	/** Công chức một cửa — receives dossiers, returns results. */
	ONE_STOP,
	/** Công chức chuyên môn — processes dossiers, drafts documents, answers feedback. */
	SPECIALIST,
	/** Văn thư — registers documents, issues numbers, archives. */
	CLERK,
	/** Tổ công nghệ số cộng đồng — helps households onto digital services. */
	COMMUNITY_TEAM,
	/** Trưởng thôn — village notices and household list. */
	VILLAGE_HEAD,
	/** Cán bộ tỉnh — read-only dashboards across the province's communes. */
	PROVINCE_VIEWER,
	/**
	 * Quản trị lịch quốc gia — records settings that hold for the whole country (the government's
	 * announced working-day swaps). Held by a province-level account; given only by the operator
	 * (demo loader, command line) or by another national administrator.
	 */
	NATIONAL_ADMIN,
	/**
	 * Quản trị triển khai tỉnh — onboards the province's communes from a spreadsheet (setup invitations) and
	 * follows which are live, half-way or not started. Held by a province-level account.
	 */
	PROVINCE_ADMIN,
	/**
	 * Cơ sở sản xuất — a household business, cooperative (HTX) or enterprise of the commune that sells on the
	 * commune shop: manages its own products and orders, nothing else. Not commune staff: it never reaches
	 * documents, dossiers or feedback. Always held alone.
	 */
	PRODUCER,
	/**
	 * Bác sĩ trạm y tế — a doctor of the commune's health station: answers the citizens' questions to the station and
	 * runs vaccination reminders, nothing else. Not commune staff.
	 */
	DOCTOR,
	/**
	 * Giáo viên — a teacher of a school of the commune: their classes' pupils, the e-contact book and tuition, nothing
	 * else. Not commune staff.
	 */
	TEACHER,
	/**
	 * Công an xã — the commune police post: views the commune's security cameras and records incidents, nothing else.
	 * Not commune staff.
	 */
	POLICE_POST;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Whether this role is commune or province staff (every role except {@link #PRODUCER}, {@link #DOCTOR},
	 * {@link #TEACHER}, {@link #POLICE_POST}).
	 */
	public boolean staff() {
		return this != PRODUCER && this != DOCTOR && this != TEACHER && this != POLICE_POST;
	}

	/** The names of the staff roles, for URL rules that admit any official ("hasAnyRole"). */
	public static String[] staffNames() {
		return java.util.Arrays.stream(values()).filter(Role::staff).map(Role::name).toArray(String[]::new);
	}

	/** The names of every role, staff or producer, for pages every signed-in account has (workspace, own account). */
	public static String[] allNames() {
		return java.util.Arrays.stream(values()).map(Role::name).toArray(String[]::new);
	}
}
