package vn.xaso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Each demo account is a different person: no two officials, and no official and citizen, share a name. */
class DemoPeopleTests {

	@Test
	void everyDemoAccountIsADifferentPerson() {
		var names = Stream.concat(DemoData.OFFICIALS.stream().map(DemoData.DemoOfficial::fullName),
				DemoData.CITIZENS.stream().map(c -> c[1])).toList();
		assertThat(names).doesNotHaveDuplicates();
	}
}
