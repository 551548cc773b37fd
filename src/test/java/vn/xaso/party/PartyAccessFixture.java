package vn.xaso.party;

import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.xaso.party.internal.KeepingLibrary;
import vn.xaso.security.AccessControlFixture;

/**
 * Objects of Yên Mô's party organisation for the rules in party.tsv: the Yên Hòa cell and one of its members, a meeting
 * with a material, a library document and a study material of the cell.
 */
public class PartyAccessFixture implements AccessControlFixture {

	@Override
	public Map<String, String> create(ApplicationContext context) {
		var f = new PartyFixture(context);
		long cell = f.yenHoa();
		long meeting = f.meeting("Sinh hoạt kiểm soát truy cập " + System.nanoTime() % 100000);
		long material = f.holding.addMaterial(PartyFixture.SECRETARY, meeting, "Dự thảo nghị quyết", PartyFixture.pdf("Dự thảo"));
		long document = f.library.file(PartyFixture.COMMITTEE, new KeepingLibrary.Input("DIRECTIVE", "05-CT/TW",
				"Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "2016-05-15", ""), PartyFixture.pdf("Chỉ thị"));
		long study = f.studying.add(PartyFixture.SECRETARY, "Tài liệu học tập kiểm soát truy cập", false, PartyFixture.pdf("Tài liệu"));
		long member = f.reading.cell(PartyFixture.SECRETARY, cell).members().stream()
			.filter(m -> m.account().equals("yenmo.tuphap")).findFirst().orElseThrow().id();
		return Map.of("{party.cell}", String.valueOf(cell), "{party.meeting}", String.valueOf(meeting), "{party.material}",
				String.valueOf(material), "{party.document}", String.valueOf(document), "{party.study}", String.valueOf(study),
				"{party.member}", String.valueOf(member));
	}
}
