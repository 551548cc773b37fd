package vn.xaso.radio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.xaso.platform.VietnameseText;

/** Vietnamese text normalisation: the reading rules one by one, then whole real-life notices. */
class VietnameseNormaliserTests {

	final VietnameseNormaliser normaliser = new VietnameseNormaliser();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0|không
			5|năm
			10|mười
			11|mười một
			14|mười bốn
			15|mười lăm
			20|hai mươi
			21|hai mươi mốt
			24|hai mươi tư
			25|hai mươi lăm
			55|năm mươi lăm
			101|một trăm linh một
			105|một trăm linh năm
			110|một trăm mười
			115|một trăm mười lăm
			1000|một nghìn
			1005|một nghìn không trăm linh năm
			1010|một nghìn không trăm mười
			2021|hai nghìn không trăm hai mươi mốt
			10000|mười nghìn
			15000|mười lăm nghìn
			1500000|một triệu năm trăm nghìn
			1000500|một triệu năm trăm
			2000001|hai triệu không trăm linh một
			1200000000|một tỷ hai trăm triệu
			5000000000000|năm nghìn tỷ
			""")
	void numbersInWords(long n, String words) {
		assertThat(VietnameseText.number(n)).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Thu 1.500.000 đồng|Thu một triệu năm trăm nghìn đồng
			Phí 50.000đ|Phí năm mươi nghìn đồng
			Phí 50.000 VNĐ|Phí năm mươi nghìn đồng
			Giá 50k|Giá năm mươi nghìn
			Diện tích 2,5 ha|Diện tích hai phẩy năm héc ta
			Lãi 0,05%|Lãi không phẩy không năm phần trăm
			Cao 3,14 m|Cao ba phẩy mười bốn mét
			ngày 15/10/2021|ngày mười lăm tháng mười năm hai nghìn không trăm hai mươi mốt
			Hạn 15/10/2021|Hạn ngày mười lăm tháng mười năm hai nghìn không trăm hai mươi mốt
			từ ngày 05/3|từ ngày mùng năm tháng ba
			tháng 4/2026|tháng tư năm hai nghìn không trăm hai mươi sáu
			lúc 7h30|lúc bảy giờ ba mươi phút
			lúc 07:30|lúc bảy giờ ba mươi phút
			lúc 15 giờ|lúc mười lăm giờ
			lúc 7h|lúc bảy giờ
			từ 7-9 giờ|từ bảy đến chín giờ
			7h30 - 11h00|bảy giờ ba mươi phút đến mười một giờ
			gọi 0912.345.678|gọi không chín một hai, ba bốn năm, sáu bảy tám
			SĐT 0912345678|số điện thoại không chín một hai ba bốn năm sáu bảy tám
			gọi 114|gọi một một bốn
			thứ 2 và thứ 4|thứ hai và thứ tư
			lần thứ 1|lần thứ nhất
			quý IV|quý bốn
			UBND xã|Ủy ban nhân dân xã
			CA xã|Công an xã
			HĐND, MTTQ|Hội đồng nhân dân, Mặt trận Tổ quốc
			CCCD, BHYT, BHXH|căn cước công dân, bảo hiểm y tế, bảo hiểm xã hội
			TTHC|thủ tục hành chính
			THCS và THPT|trung học cơ sở và trung học phổ thông
			dài 12 km|dài mười hai ki lô mét
			rộng 120 m²|rộng một trăm hai mươi mét vuông
			nặng 5 kg|nặng năm ki lô gam
			35°C|ba mươi lăm độ xê
			tăng 15%|tăng mười lăm phần trăm
			số 12/QĐ-UBND|số mười hai, ký hiệu quyết định Ủy ban nhân dân
			05 ngày làm việc|năm ngày làm việc
			""")
	void readingRules(String written, String spoken) {
		assertThat(normaliser.normalise(written)).isEqualTo(spoken);
	}

	@Test
	void leavesOrdinaryWordsAlone() {
		var text = "Bà con nhân dân chú ý lắng nghe. Ông Hùng, bà Lan và các cháu học sinh.";
		assertThat(normaliser.normalise(text)).isEqualTo(text);
	}

	@Test
	void everyDigitBecomesWordsInRealNotices() throws IOException {
		for (var notice : notices()) {
			assertThat(normaliser.normalise(notice[0])).as(notice[0]).doesNotContainPattern("[0-9%/&]");
		}
	}

	@TestFactory
	Stream<DynamicTest> realNoticesReadLikeAnAnnouncer() throws IOException {
		return notices().stream().map(n -> DynamicTest.dynamicTest(n[0].lines().findFirst().orElse(""),
				() -> assertThat(normaliser.normalise(n[0])).isEqualTo(n[1])));
	}

	/** written, expected pairs from {@code radio/notices.txt}. */
	static List<String[]> notices() throws IOException {
		try (var in = VietnameseNormaliserTests.class.getResourceAsStream("/radio/notices.txt")) {
			var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			var out = new ArrayList<String[]>();
			for (var block : text.split("(?m)^######\\n")) {
				var lines = block.lines().filter(l -> !l.startsWith("#")).toList();
				int arrow = lines.indexOf("=>");
				if (arrow < 0) {
					continue;
				}
				out.add(new String[] { String.join("\n", lines.subList(0, arrow)), String.join("\n", lines.subList(arrow + 1, lines.size())).strip() });
			}
			assertThat(out).hasSizeGreaterThanOrEqualTo(8);
			return out;
		}
	}
}
