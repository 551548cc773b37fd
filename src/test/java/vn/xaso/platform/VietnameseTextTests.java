package vn.xaso.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0             | Không đồng
			5             | Năm đồng
			10            | Mười đồng
			11            | Mười một đồng
			15            | Mười lăm đồng
			21            | Hai mươi mốt đồng
			25            | Hai mươi lăm đồng
			101           | Một trăm linh một đồng
			110           | Một trăm mười đồng
			1000          | Một nghìn đồng
			10000         | Mười nghìn đồng
			15000         | Mười lăm nghìn đồng
			50000         | Năm mươi nghìn đồng
			105000        | Một trăm linh năm nghìn đồng
			115000        | Một trăm mười lăm nghìn đồng
			1250000       | Một triệu hai trăm năm mươi nghìn đồng
			1005000       | Một triệu không trăm linh năm nghìn đồng
			2000050       | Hai triệu không trăm năm mươi đồng
			21000000      | Hai mươi mốt triệu đồng
			500000000     | Năm trăm triệu đồng
			1000000000    | Một tỷ đồng
			1000005000    | Một tỷ không trăm linh năm nghìn đồng
			1000000000000 | Một nghìn tỷ đồng
			""")
	void readsAmountsAsReceiptsWriteThem(long amount, String words) {
		assertThat(VietnameseText.vnd(amount)).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Đường Trần Hưng Đạo | Duong Tran Hung Dao          | duong tran hung dao
			  Thôn  Yên   Hòa   |   Thon  Yen   Hoa            | thon yen hoa
			ĐINH THỊ THU THỦY   | DINH THI THU THUY            | dinh thi thu thuy
			""", ignoreLeadingAndTrailingWhitespace = false)
	void foldsDiacritics(String text, String folded, String key) {
		assertThat(VietnameseText.fold(text).strip()).isEqualTo(folded.strip());
		assertThat(VietnameseText.searchKey(text)).isEqualTo(key.strip());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			24   | hai mươi tư          | Hai mươi bốn đồng
			2024 | hai nghìn không trăm hai mươi tư | Hai nghìn không trăm hai mươi bốn đồng
			""")
	void fourIsTuWhenReadButBonOnReceipts(long n, String read, String receipt) {
		assertThat(VietnameseText.number(n)).isEqualTo(read);
		assertThat(VietnameseText.vnd(n)).isEqualTo(receipt);
	}
}
