package vn.xaso.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;

import org.junit.jupiter.api.Test;

import vn.xaso.platform.web.Form;

/** Issue 11: the administrator's editor keeps (and can set) "this paper is the online form" and a field's prefill. */
class ProcedureEditorFormPaperTests {

	@Test
	void theFormPaperFlagAndThePrefillComeThroughTheEditor() {
		var params = new HashMap<String, String>();
		var blank = ProcedureEditor.blank();
		for (var key : ProcedureEditor.SCALARS) {
			params.put(key, blank.value(key));
		}
		params.put("name", "Thủ tục thử");
		params.put("field", "Hộ tịch");
		params.put("legalBasis", "Luật thử");
		params.put("sources", "Thử");
		params.put("paperCount", "2");
		params.put("p0_name", "Tờ khai");
		params.put("p0_required", "on");
		params.put("p0_filledByForm", "on");
		params.put("p1_name", "Giấy chứng sinh");
		params.put("p1_required", "on");
		params.put("fieldCount", "1");
		params.put("f0_name", "childEthnicity");
		params.put("f0_label", "Dân tộc");
		params.put("f0_type", "TEXT");
		params.put("f0_prefill", "Kinh");
		var form = Form.empty();
		var draft = ProcedureEditor.from(params).draft("9.999999", 1, form);
		assertThat(form.errors()).isEmpty();
		assertThat(draft).isNotNull();
		assertThat(draft.papers().get(0).filledByForm()).isTrue();
		assertThat(draft.papers().get(1).filledByForm()).isFalse();
		assertThat(draft.form().fields().get(0).prefill()).isEqualTo("Kinh");

		params.put("f0_prefill", "x".repeat(201));
		var tooLong = Form.empty();
		ProcedureEditor.from(params).draft("9.999999", 1, tooLong);
		assertThat(tooLong.error("f0_prefill")).contains("điền sẵn");
	}
}
