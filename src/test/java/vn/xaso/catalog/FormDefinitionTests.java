package vn.xaso.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormDefinitionTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	final FormDefinition form = new FormDefinition(1, List.of(
			new FormField("fullName", "Họ và tên", FieldType.TEXT, true, null, 10, List.of()),
			new FormField("note", "Ghi chú", FieldType.TEXTAREA, false, null, 0, List.of()),
			new FormField("birthDate", "Ngày sinh", FieldType.DATE, true, null, 0, List.of(), true),
			new FormField("meetingDate", "Ngày hẹn", FieldType.DATE, false, null, 0, List.of()),
			new FormField("cccd", "Số căn cước", FieldType.CCCD, true, null, 0, List.of()),
			new FormField("phone", "Số điện thoại", FieldType.PHONE, false, null, 0, List.of()),
			new FormField("email", "Thư điện tử", FieldType.EMAIL, false, null, 0, List.of()),
			new FormField("pages", "Số trang", FieldType.NUMBER, false, null, 0, List.of()),
			new FormField("capital", "Vốn", FieldType.MONEY, false, null, 0, List.of()),
			new FormField("sex", "Giới tính", FieldType.SELECT, true, null, 0, List.of("Nam", "Nữ")),
			new FormField("pledge", "Tôi cam đoan", FieldType.CHECKBOX, true, null, 0, List.of()),
			new FormField("firstTime", "Lần đầu", FieldType.CHECKBOX, false, null, 0, List.of())));

	Map<String, String> valid() {
		var v = new HashMap<String, String>();
		v.put("fullName", "Lê Văn An");
		v.put("birthDate", "05/09/2024");
		v.put("cccd", "037096000123");
		v.put("sex", "Nam");
		v.put("pledge", "on");
		return v;
	}

	Map<String, String> with(String key, String value) {
		var v = valid();
		v.put(key, value);
		return v;
	}

	@Test
	void acceptsAValidForm() {
		assertThat(form.validate(valid(), TODAY)).isEmpty();
		var full = valid();
		full.putAll(Map.of("note", "Dòng 1\nDòng 2", "meetingDate", "2027-01-15", "phone", "+84 912 345 678", "email",
				"an@example.vn", "pages", "12", "capital", "1.500.000", "firstTime", "true"));
		assertThat(form.validate(full, TODAY)).isEmpty();
	}

	@Test
	void requiredFieldsAndUnknownFields() {
		var errors = form.validate(Map.of("hacker", "x"), TODAY);
		assertThat(errors).containsEntry("hacker", "Trường \"hacker\" không có trong tờ khai này.")
			.containsEntry("fullName", "Vui lòng nhập \"Họ và tên\".")
			.containsEntry("birthDate", "Vui lòng nhập \"Ngày sinh\".")
			.containsEntry("cccd", "Vui lòng nhập \"Số căn cước\".")
			.containsEntry("sex", "Vui lòng nhập \"Giới tính\".")
			.containsEntry("pledge", "Vui lòng đánh dấu \"Tôi cam đoan\".")
			.doesNotContainKeys("note", "phone", "firstTime");
		assertThat(form.validate(with("fullName", "   "), TODAY)).containsKey("fullName");
	}

	@Test
	void text() {
		assertThat(form.validate(with("fullName", "Nguyễn Thị Bình Minh"), TODAY))
			.containsEntry("fullName", "\"Họ và tên\" dài quá 10 ký tự (bạn đã nhập 20).");
		assertThat(form.validate(with("fullName", "Lê\nAn"), TODAY))
			.containsEntry("fullName", "\"Họ và tên\" chỉ được viết trên một dòng.");
		assertThat(form.validate(with("note", "x".repeat(2001)), TODAY)).containsKey("note");
	}

	@Test
	void dates() {
		assertThat(form.validate(with("birthDate", "2024-09-05"), TODAY)).isEmpty();
		assertThat(form.validate(with("birthDate", "23/11/2026"), TODAY)).isEmpty();
		assertThat(form.validate(with("birthDate", "24/11/2026"), TODAY))
			.containsEntry("birthDate", "\"Ngày sinh\" không được sau ngày hôm nay.");
		assertThat(form.validate(with("meetingDate", "24/11/2026"), TODAY)).isEmpty();
		assertThat(form.validate(with("birthDate", "31/02/2024"), TODAY))
			.containsEntry("birthDate", "\"Ngày sinh\" phải là ngày có thật, viết theo dạng ngày/tháng/năm, ví dụ 05/09/2024.");
		assertThat(form.validate(with("birthDate", "5/9/24"), TODAY)).containsKey("birthDate");
		assertThat(form.validate(with("birthDate", "01/01/1850"), TODAY))
			.containsEntry("birthDate", "\"Ngày sinh\" phải từ năm 1900 trở đi.");
	}

	@Test
	void cccd() {
		assertThat(form.validate(with("cccd", "03709600012"), TODAY))
			.containsEntry("cccd", "\"Số căn cước\": Số căn cước phải có đúng 12 chữ số (bạn đã nhập 11).");
		assertThat(form.validate(with("cccd", "999096000123"), TODAY).get("cccd")).contains("không phải mã tỉnh");
		assertThat(form.validate(with("cccd", "03709600012a"), TODAY).get("cccd")).contains("chỉ gồm chữ số");
	}

	@Test
	void phoneEmailNumberMoney() {
		assertThat(form.validate(with("phone", "0912345678"), TODAY)).isEmpty();
		assertThat(form.validate(with("phone", "012345"), TODAY))
			.containsEntry("phone", "\"Số điện thoại\" phải là số di động Việt Nam gồm 10 chữ số, ví dụ 0912 345 678.");
		assertThat(form.validate(with("email", "an@"), TODAY))
			.containsEntry("email", "\"Thư điện tử\" không đúng dạng thư điện tử, ví dụ ten@example.com.");
		assertThat(form.validate(with("pages", "3.5"), TODAY))
			.containsEntry("pages", "\"Số trang\" phải là số nguyên, ví dụ 3.");
		assertThat(form.validate(with("capital", "1500000"), TODAY)).isEmpty();
		assertThat(form.validate(with("capital", "1.500.000 đ"), TODAY)).isEmpty();
		assertThat(form.validate(with("capital", "-5"), TODAY))
			.containsEntry("capital", "\"Vốn\" phải là số tiền đồng, không âm, ví dụ 1.500.000.");
		assertThat(form.validate(with("capital", "1.50.000"), TODAY)).containsKey("capital");
		assertThat(FormDefinition.parseMoney("1.500.000")).isEqualTo(1_500_000L);
		assertThat(FormDefinition.parseMoney("0")).isZero();
		assertThat(FormDefinition.parseMoney("12,5")).isNull();
	}

	@Test
	void selectAndCheckbox() {
		assertThat(form.validate(with("sex", "Khác"), TODAY))
			.containsEntry("sex", "Vui lòng chọn \"Giới tính\" trong danh sách.");
		assertThat(form.validate(with("pledge", "false"), TODAY)).containsEntry("pledge", "Vui lòng đánh dấu \"Tôi cam đoan\".");
		assertThat(form.validate(with("firstTime", "maybe"), TODAY))
			.containsEntry("firstTime", "\"Lần đầu\" chỉ nhận giá trị có hoặc không.");
	}

	@Test
	void definitionsAreChecked() {
		assertThatThrownBy(() -> new FormField("Bad Name", "x", FieldType.TEXT, false, null, 0, List.of()))
			.isInstanceOf(IllegalArgumentException.class);
		var f = new FormField("a", "A", FieldType.TEXT, false, null, 0, List.of());
		assertThatThrownBy(() -> new FormDefinition(1, List.of(f, f))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void numbersOutsideTheFieldsBoundsAreRefusedNamingTheField() {
		var bounded = new FormDefinition(1, List.of(
				new FormField("copies", "Số bản sao", FieldType.NUMBER, true, null, 0, List.of(), false, 1L, 100L)));
		assertThat(bounded.validate(Map.of("copies", "3"), TODAY)).isEmpty();
		assertThat(bounded.validate(Map.of("copies", "0"), TODAY))
			.containsEntry("copies", "\"Số bản sao\" phải từ 1 đến 100 (bạn đã nhập 0).");
		assertThat(bounded.validate(Map.of("copies", "2147483648"), TODAY))
			.containsEntry("copies", "\"Số bản sao\" phải từ 1 đến 100 (bạn đã nhập 2.147.483.648).");
		// Without declared bounds: 0 to 999.999.999, so a negative or huge number is refused, never billed as 1.
		assertThat(form.validate(with("pages", "-5"), TODAY)).containsEntry("pages", "\"Số trang\" phải từ 0 đến 999.999.999 (bạn đã nhập -5).");
		assertThat(form.validate(with("pages", "2147483648"), TODAY)).containsKey("pages");
		assertThatThrownBy(() -> new FormField("n", "N", FieldType.NUMBER, false, null, 0, List.of(), false, 5L, 1L))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyNumberFieldOfTheSeededCatalogueHasBounds() throws Exception {
		var json = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(FormDefinitionTests.class.getResourceAsStream("/catalog/procedures.json"));
		var numbers = new java.util.ArrayList<String>();
		json.findParents("type").stream().filter(n -> n.path("type").asString("").equals("NUMBER")).forEach(n -> {
			numbers.add(n.path("name").asString());
			assertThat(n.has("min") && n.has("max")).as(n.toString()).isTrue();
			assertThat(n.get("min").asLong()).isLessThanOrEqualTo(n.get("max").asLong());
		});
		assertThat(numbers).contains("pages", "copies");
	}
}
