package vn.xaso.notify.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import vn.xaso.notify.Channel;
import vn.xaso.notify.NotifyException;

/**
 * E-mail through the SMTP server of {@code spring.mail.*} (the same one documents use). Plain
 * text UTF-8, the link on its own line. The Message-ID is derived from the delivery row, so a
 * message re-sent after a crash carries the same id and mail programs show it once.
 */
@Component
class MailChannel implements ChannelAdapter {

	private static final Logger log = LoggerFactory.getLogger(MailChannel.class);

	private final ObjectProvider<JavaMailSender> senders;
	private final String host;
	private final String from;
	private final Links links;

	MailChannel(ObjectProvider<JavaMailSender> senders, Links links, @Value("${spring.mail.host:}") String host,
			@Value("${xaso.notify.mail.from:${xaso.mail.from:}}") String from, @Value("${spring.mail.username:}") String username) {
		this.senders = senders;
		this.links = links;
		this.host = host.strip();
		this.from = !from.isBlank() ? from.strip() : username.contains("@") ? username.strip() : "xaso@localhost";
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean enabled() {
		return !host.isEmpty() && senders.getIfAvailable() != null;
	}

	@Override
	public void send(Delivery d) throws DeliveryFailure {
		var sender = senders.getObject();
		try {
			var messageId = "<" + d.idempotencyKey() + "@" + domain() + ">";
			MimeMessage message = sender instanceof JavaMailSenderImpl impl ? new FixedIdMessage(impl.getSession(), messageId)
					: sender.createMimeMessage();
			var helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(from);
			helper.setTo(d.address());
			helper.setSubject(d.subject());
			var body = new StringBuilder(d.body().strip()).append("\n");
			if (d.link() != null) {
				body.append("\n").append(links.absolute(d.link())).append("\n");
			}
			body.append("\n-- \n").append(NotifyException.vietnamese("notify.text.mailFooter", links.absolute("/citizen/notifications"))).append("\n");
			helper.setText(body.toString(), false);
			sender.send(message);
		}
		catch (MailException | MessagingException e) {
			log.warn("E-mail delivery {} failed: {}", d.id(), Masks.text(e.getMessage()));
			throw DeliveryFailure.retry(problem(e));
		}
	}

	/** A short reason in Vietnamese first, the server's own words after it. */
	static String problem(Exception e) {
		Throwable t = e;
		while (t != null) {
			if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
				return NotifyException.vietnamese("notify.text.fail.smtpUnreachable", String.valueOf(t.getMessage()));
			}
			if (t instanceof java.net.SocketTimeoutException) {
				return NotifyException.vietnamese("notify.text.fail.smtpSlow");
			}
			t = t.getCause() == t ? null : t.getCause();
		}
		return NotifyException.vietnamese("notify.text.fail.smtpRefused", Outbox.cut(Outbox.reason(e), 300));
	}

	private String domain() {
		var at = from.indexOf('@');
		return at >= 0 ? from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "") : "xaso.local";
	}

	/** A MimeMessage whose Message-ID is ours instead of a fresh random one. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(jakarta.mail.Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}
