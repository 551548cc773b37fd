package vn.xaso.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.validation.DataBinder;

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
		params.put("papers[0].name", "Tờ khai");
		params.put("papers[0].required", "on");
		params.put("papers[0].filledByForm", "on");
		params.put("papers[1].name", "Giấy chứng sinh");
		params.put("papers[1].required", "on");
		params.put("fieldCount", "1");
		params.put("fields[0].name", "childEthnicity");
		params.put("fields[0].label", "Dân tộc");
		params.put("fields[0].type", "TEXT");
		params.put("fields[0].prefill", "Kinh");
		var form = Form.empty();
		var draft = ProcedureEditor.from(bind(params)).draft("9.999999", 1, form);
		assertThat(form.errors()).isEmpty();
		assertThat(draft).isNotNull();
		assertThat(draft.papers().get(0).filledByForm()).isTrue();
		assertThat(draft.papers().get(1).filledByForm()).isFalse();
		assertThat(draft.form().fields().get(0).prefill()).isEqualTo("Kinh");

		params.put("fields[0].prefill", "x".repeat(201));
		var tooLong = Form.empty();
		ProcedureEditor.from(bind(params)).draft("9.999999", 1, tooLong);
		assertThat(tooLong.error(ProcedureEditor.field(0) + "prefill")).contains("điền sẵn");
	}

	@Test
	void rowsMissingArePostedBlankAndRowNumbersOfNoRowAreNotRead() {
		var params = new HashMap<String, String>();
		params.put("fieldCount", "2");
		params.put("fields[1].name", "second");
		params.put("fields[5000].name", "far");
		params.put("fields[x].name", "not a row");
		params.put("papers[-1].name", "bad");
		var editor = ProcedureEditor.from(bind(params));
		assertThat(editor.fields()).isEqualTo(2);
		assertThat(editor.value(ProcedureEditor.field(0) + "name")).isEmpty();
		assertThat(editor.value(ProcedureEditor.field(1) + "name")).isEqualTo("second");
		assertThat(editor.papers()).isZero();
	}

	/** Binds the posted values as Spring MVC does for the editor's handlers. */
	private static ProcedureForm bind(Map<String, String> params) {
		var binder = new DataBinder(null);
		binder.setTargetType(ResolvableType.forClass(ProcedureForm.class));
		binder.construct(new DataBinder.ValueResolver() {

			@Override
			public @Nullable Object resolveValue(String name, Class<?> type) {
				return params.get(name);
			}

			@Override
			public Set<String> getNames() {
				return params.keySet();
			}
		});
		return (ProcedureForm) Objects.requireNonNull(binder.getTarget());
	}
}
