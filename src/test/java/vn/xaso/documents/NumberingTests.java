package vn.xaso.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.xaso.documents.internal.NumberAllocator;
import vn.xaso.identity.Role;
import vn.xaso.platform.tenancy.Tenancy;
import vn.xaso.platform.tenancy.UnitScope;
import vn.xaso.testing.XasoIntegrationTest;

/** Legal numbering (Nghị định 30/2020, Điều 15): unique per commune, register and year; never skipped. */
@XasoIntegrationTest
class NumberingTests {

	@Autowired
	NumberAllocator allocator;

	@Autowired
	Documents documents;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void formatsNumbersAndSymbolsAsTheDecreeSays() {
		assertThat(NumberAllocator.format(5)).isEqualTo("05");
		assertThat(NumberAllocator.format(10)).isEqualTo("10");
		assertThat(NumberAllocator.format(123)).isEqualTo("123");
		assertThat(NumberAllocator.numberSymbol(5, DocumentType.QUYET_DINH, "UBND", "VP")).isEqualTo("05/QĐ-UBND");
		assertThat(NumberAllocator.numberSymbol(12, DocumentType.CONG_VAN, "UBND", "VP")).isEqualTo("12/UBND-VP");
		assertThat(NumberAllocator.numberSymbol(3, DocumentType.THONG_BAO, "UBND", "VP")).isEqualTo("03/TB-UBND");
		assertThat(NumberAllocator.numberSymbol(3, DocumentType.BAO_CAO, "UBND", "VP")).isEqualTo("03/BC-UBND");
		assertThat(NumberAllocator.numberSymbol(3, DocumentType.KE_HOACH, "UBND", "VP")).isEqualTo("03/KH-UBND");
		assertThat(NumberAllocator.numberSymbol(3, DocumentType.TO_TRINH, "UBND", "VP")).isEqualTo("03/TTr-UBND");
		assertThat(NumberAllocator.numberSymbol(3, DocumentType.GIAY_MOI, "UBND", "VP")).isEqualTo("03/GM-UBND");
		assertThat(NumberAllocator.numberSymbol(3, DocumentType.BIEN_BAN, "UBND", "VP")).isEqualTo("03/BB-UBND");
	}

	@Test
	void restartsAtOneOnTheFirstOfJanuaryAndKeepsRegistersApart() {
		var numbers = Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> List.of(
				allocator.next("14701", NumberAllocator.OUTGOING, LocalDate.of(2031, 12, 30)),
				allocator.next("14701", NumberAllocator.OUTGOING, LocalDate.of(2031, 12, 31)),
				allocator.next("14701", NumberAllocator.OUTGOING, LocalDate.of(2032, 1, 1)),
				allocator.next("14701", NumberAllocator.INCOMING, LocalDate.of(2032, 1, 1)),
				allocator.next("14701", NumberAllocator.OUTGOING, LocalDate.of(2032, 1, 2)))));
		assertThat(numbers).containsExactly(1, 2, 1, 1, 2);
	}

	@Test
	void twoCommunesNumberIndependently() {
		var day = LocalDate.of(2033, 3, 5);
		var yenMo = Tenancy.callAs(UnitScope.of("14701"), () -> tx.execute(s -> List.of(
				allocator.next("14701", NumberAllocator.OUTGOING, day), allocator.next("14701", NumberAllocator.OUTGOING, day))));
		var ngaAn = Tenancy.callAs(UnitScope.of("16144"), () -> tx.execute(s -> allocator.next("16144", NumberAllocator.OUTGOING, day)));
		assertThat(yenMo).containsExactly(1, 2);
		assertThat(ngaAn).isEqualTo(1);
		// and row-level security keeps each commune's counter to itself
		var seen = Tenancy.callAs(UnitScope.of("16144"), () -> tx.execute(s -> jdbc
			.sql("select count(*) from document_counter where unit_code = '14701'").query(Long.class).single()));
		assertThat(seen).isZero();
	}

	@Test
	void aNumberIsNeverTakenOutsideATransaction() {
		assertThatThrownBy(() -> allocator.next("14701", NumberAllocator.OUTGOING, LocalDate.of(2034, 1, 1)))
			.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void aFailureAfterAllocationLeavesNoNumberConsumed() {
		var day = LocalDate.of(2035, 6, 1);
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			assertThat((Integer) tx.execute(s -> allocator.next("14701", NumberAllocator.OUTGOING, day))).isEqualTo(1);
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
				allocator.next("14701", NumberAllocator.OUTGOING, day);
				throw new IllegalStateException("the release failed after taking its number");
			})).hasMessageContaining("release failed");
			assertThat((Integer) tx.execute(s -> allocator.next("14701", NumberAllocator.OUTGOING, day))).isEqualTo(2);
		});
	}

	@Test
	void aReleaseThatFailsGivesItsNumberBack() {
		long first = DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER,
				DocumentFixtures.draft(DocumentType.QUYET_DINH, "Quyết định thử hoàn tác"));
		Tenancy.runAs(UnitScope.of("14701"), () -> {
			var taken = new int[1];
			assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
				taken[0] = documents.release(DocumentFixtures.CLERK, first, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()).number();
				throw new IllegalStateException("storage failed");
			})).hasMessageContaining("storage failed");
			assertThat(documents.find(DocumentFixtures.CLERK, first).orElseThrow().status()).isEqualTo(Document.APPROVED);
			var released = documents.release(DocumentFixtures.CLERK, first, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray());
			assertThat(released.number()).isEqualTo(taken[0]);
		});
		assertRegisterHasNoGaps("14701");
	}

	static final int CONCURRENT = 20;

	@Test
	void twentyConcurrentReleasesGetTwentyConsecutiveNumbers() throws Exception {
		var ids = new ArrayList<Long>();
		// 20, not 50: each release renders and signs a PDF while holding the counter row, and on a busy
		// 2-core machine 50 queued releases outlast the 30 s statement timeout (seen in session 2).
		for (int i = 0; i < CONCURRENT; i++) {
			ids.add(DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER,
					DocumentFixtures.draft(i % 2 == 0 ? DocumentType.THONG_BAO : DocumentType.CONG_VAN, "Văn bản đồng thời số " + i)));
		}
		// warm the renderer up first: the counter row stays locked while a release renders its PDF
		vn.xaso.documents.internal.DocumentRenderer.render(DocumentPdfTests.layout(DocumentType.THONG_BAO, "01/TB-UBND"));
		var start = new CountDownLatch(1);
		var futures = new ArrayList<Future<Document>>();
		try (var pool = Executors.newFixedThreadPool(CONCURRENT)) {
			for (var id : ids) {
				futures.add(pool.submit(() -> {
					start.await();
					return Tenancy.callAs(UnitScope.of("14701"), () -> documents.release(DocumentFixtures.CLERK, id, vn.xaso.demo.DemoData.SIGNING_PASSWORD.toCharArray()));
				}));
			}
			start.countDown();
			var numbers = new ArrayList<Integer>();
			for (var f : futures) {
				var doc = f.get();
				assertThat(doc.status()).isEqualTo(Document.RELEASED);
				assertThat(doc.numberSymbol()).startsWith(doc.numberText() + "/");
				numbers.add(doc.number());
			}
			numbers.sort(null);
			int min = numbers.getFirst();
			assertThat(numbers).containsExactlyElementsOf(IntStream.range(min, min + CONCURRENT).boxed().toList());
		}
		assertRegisterHasNoGaps("14701");
	}

	private void assertRegisterHasNoGaps(String unit) {
		int year = LocalDate.now(Documents.VIETNAM).getYear();
		Tenancy.runAs(UnitScope.of(unit), () -> tx.executeWithoutResult(s -> {
			var numbers = jdbc.sql("select number from document where unit_code = ? and direction = 'out' and register_year = ? order by number")
				.params(unit, year).query(Integer.class).list();
			var last = jdbc.sql("select last_number from document_counter where unit_code = ? and register = 'di' and year = ?")
				.params(unit, year).query(Integer.class).single();
			assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, last).boxed().toList());
			assertThat(Set.copyOf(numbers)).hasSize(numbers.size());
		}));
	}
}
