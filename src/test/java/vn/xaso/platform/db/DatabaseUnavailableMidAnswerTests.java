package vn.xaso.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Issue 12: the database dies while a handler is writing its answer (seen in the crash and soak runs as
 * "getOutputStream() has already been called"). On a real Tomcat with the real filter and message bundle: an
 * answer not yet sent becomes the Vietnamese 503 page (problem+json for the API) whether the handler had taken
 * the output stream or the writer; an answer already on its way is not written over: one log line, the connection
 * is ended so the client can tell the answer was cut short, and nothing else is logged.
 */
class DatabaseUnavailableMidAnswerTests {

	static Tomcat tomcat;
	static HttpClient http = HttpClient.newHttpClient();
	static int port;

	final List<LogRecord> tomcatProblems = new CopyOnWriteArrayList<>();
	final Handler tomcatLog = new Handler() {
		@Override
		public void publish(LogRecord record) {
			if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
				tomcatProblems.add(record);
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};
	final List<ILoggingEvent> filterLines = new CopyOnWriteArrayList<>();
	final AppenderBase<ILoggingEvent> filterLog = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			filterLines.add(event);
		}
	};

	@BeforeAll
	static void startTomcat() throws Exception {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createTempDirectory("xaso-tomcat-").toString());
		tomcat.setPort(0);
		var context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "answer", new HalfAnswer());
		context.addServletMappingDecoded("/*", "answer");
		var filter = new FilterDef();
		filter.setFilterName("databaseUnavailable");
		filter.setFilter(new DatabaseUnavailableFilter(messages));
		context.addFilterDef(filter);
		var mapping = new FilterMap();
		mapping.setFilterName("databaseUnavailable");
		mapping.addURLPatternDecoded("/*");
		context.addFilterMap(mapping);
		tomcat.getConnector();
		tomcat.start();
		port = tomcat.getConnector().getLocalPort();
	}

	@AfterAll
	static void stopTomcat() throws Exception {
		tomcat.stop();
		tomcat.destroy();
	}

	@BeforeEach
	void watchLogs() {
		java.util.logging.Logger.getLogger("org.apache").addHandler(tomcatLog);
		filterLog.start();
		((Logger) LoggerFactory.getLogger(DatabaseUnavailableFilter.class)).addAppender(filterLog);
	}

	@AfterEach
	void stopWatching() {
		java.util.logging.Logger.getLogger("org.apache").removeHandler(tomcatLog);
		((Logger) LoggerFactory.getLogger(DatabaseUnavailableFilter.class)).detachAppender(filterLog);
	}

	@Test
	void aPageThatHadTakenTheOutputStreamBecomesTheVietnamese503Page() throws Exception {
		var answer = get("/documents/7/export?via=stream", "text/html");
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(answer.headers().firstValue("Content-Disposition")).as("not saved as the half-made file").isEmpty();
		assertThat(answer.headers().firstValue("X-Content-Type-Options")).as("security headers kept").hasValue("nosniff");
		assertThat(answer.body()).contains("Hệ thống đang bận", "Thử lại").doesNotContain("nửa trang");
		assertOneLineAndNothingElse("-> 503");
	}

	@Test
	void anApiAnswerThatHadTakenTheOutputStreamBecomesProblemJson() throws Exception {
		var answer = get("/api/v1/dossiers/mine?via=stream", "application/json");
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("\"status\":503", "Hệ thống đang bận").doesNotContain("nửa trang");
		assertOneLineAndNothingElse("-> 503");
	}

	@Test
	void aPageThatHadTakenTheWriterBecomesTheVietnamese503Page() throws Exception {
		var answer = get("/x/14701?via=writer", "text/html");
		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.body()).contains("Hệ thống đang bận").doesNotContain("nửa trang");
		assertOneLineAndNothingElse("-> 503");
	}

	@Test
	void anAnswerAlreadySentIsCutShortWithOneLogLine() throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dossiers/export.csv?via=committed")).build();
		var answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(answer.statusCode()).isEqualTo(200);
		var received = new java.io.ByteArrayOutputStream();
		try (var body = answer.body()) {
			assertThatThrownBy(() -> body.transferTo(received)).as("the half answer does not pass for a whole one")
				.isInstanceOf(IOException.class);
		}
		assertThat(received.toString(StandardCharsets.UTF_8)).startsWith("nửa trang").doesNotContain("Hệ thống đang bận");
		assertOneLineAndNothingElse("mid-answer");
	}

	private void assertOneLineAndNothingElse(String words) {
		assertThat(filterLines).hasSize(1);
		assertThat(filterLines.getFirst().getFormattedMessage()).contains(words, "SQLTransientConnectionException");
		assertThat(filterLines.getFirst().getThrowableProxy()).as("one line, no stack trace").isNull();
		assertThat(tomcatProblems).extracting(r -> r.getMessage() + " " + r.getThrown()).as("nothing thrown on to Tomcat").isEmpty();
	}

	private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A handler that starts its answer the way the parameter says, then loses the database. */
	static final class HalfAnswer extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader("Content-Disposition", "attachment; filename=\"so-theo-doi.csv\"");
			var half = "nửa trang\n".getBytes(StandardCharsets.UTF_8);
			switch (request.getParameter("via")) {
				case "writer" -> response.getWriter().write("nửa trang\n");
				case "committed" -> {
					var out = response.getOutputStream();
					for (int i = 0; i < 3000; i++) {
						out.write(half);
					}
					response.flushBuffer();
				}
				default -> response.getOutputStream().write(half);
			}
			throw new DataAccessResourceFailureException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms."));
		}
	}
}
