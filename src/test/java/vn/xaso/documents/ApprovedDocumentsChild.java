package vn.xaso.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;

import vn.xaso.XasoApplication;

/**
 * Started in a child JVM by {@code CrashConsistencyTests}: XaSo as {@code serve} runs it, then (with
 * {@code -Dxaso.crash.prepare=N}) Yên Mô's specialist drafts N outgoing documents and the chairman approves
 * them, so that the clerk can release them over HTTP while PostgreSQL and then XaSo are killed. The ids go
 * to {@code <data folder>/approved-documents.txt} (written whole, then renamed) once all are approved.
 */
public final class ApprovedDocumentsChild {

	private ApprovedDocumentsChild() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("xaso.command", "serve");
		var app = new SpringApplication(XasoApplication.class).run(args);
		int count = Integer.getInteger("xaso.crash.prepare", 0);
		var dataDir = Path.of(app.getEnvironment().getRequiredProperty("xaso.data-dir"));
		var documents = app.getBean(Documents.class);
		var ids = new ConcurrentLinkedQueue<Long>();
		try (var pool = Executors.newFixedThreadPool(2)) {
			List<Future<?>> work = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				work.add(pool.submit(() -> ids.add(DocumentFixtures.approved(documents, DocumentFixtures.SPECIALIST, DocumentFixtures.LEADER,
						DocumentFixtures.draft(n % 2 == 0 ? DocumentType.THONG_BAO : DocumentType.CONG_VAN, "Văn bản phát hành khi mất điện " + n)))));
			}
			for (var w : work) {
				w.get();
			}
		}
		var file = dataDir.resolve("approved-documents.txt");
		var tmp = dataDir.resolve("approved-documents.tmp");
		Files.writeString(tmp, ids.stream().map(String::valueOf).collect(Collectors.joining("\n")));
		Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
	}
}
