package vn.xaso.farm.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.general.DisconnectedReasonCode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;

/**
 * XaSo's rules inside HiveMQ: every client signs in as a device ({@link BrokerGate#signIn}), every subscription
 * and publish is checked against the device's own topics (anything else refused: MQTT 5 clients get
 * NOT_AUTHORIZED), and every accepted publish goes to the farm module instead of to subscribers (no device reads
 * another's telemetry). Commands leave through HiveMQ's publish service.
 */
final class BrokerExtension implements ExtensionMain {

	private static final Logger log = LoggerFactory.getLogger(BrokerExtension.class);

	private final BrokerGate gate;

	BrokerExtension(BrokerGate gate) {
		this.gate = gate;
	}

	@Override
	public void extensionStart(ExtensionStartInput start, ExtensionStartOutput output) {
		var authenticator = (SimpleAuthenticator) this::authenticate;
		Services.securityRegistry().setAuthenticatorProvider(input -> authenticator);
		var authorizer = new TopicRules();
		Services.securityRegistry().setAuthorizerProvider(input -> authorizer);
		var inbound = (PublishInboundInterceptor) this::inbound;
		Services.initializerRegistry().setClientInitializer((input, context) -> context.addPublishInboundInterceptor(inbound));
		var tooBig = new TooBig();
		Services.eventRegistry().setClientLifecycleEventListener(input -> tooBig);
	}

	@Override
	public void extensionStop(ExtensionStopInput stop, ExtensionStopOutput output) {
	}

	private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
		var connect = input.getConnectPacket();
		var password = connect.getPassword().map(b -> StandardCharsets.UTF_8.decode(b.asReadOnlyBuffer()).toString()).orElse(null);
		boolean ok;
		try {
			ok = gate.signIn(connect.getClientId(), connect.getUserName().orElse(null), password);
		}
		catch (RuntimeException e) {
			log.warn("Farm device sign-in failed for {}", connect.getClientId(), e);
			ok = false;
		}
		if (ok) {
			output.authenticateSuccessfully();
		}
		else {
			output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
		}
	}

	private void inbound(PublishInboundInput input, PublishInboundOutput output) {
		var packet = input.getPublishPacket();
		var bytes = packet.getPayload().map(b -> {
			var copy = b.asReadOnlyBuffer();
			var array = new byte[copy.remaining()];
			copy.get(array);
			return array;
		}).orElse(new byte[0]);
		if (gate.received(input.getClientInformation().getClientId(), packet.getTopic(), bytes)) {
			output.preventPublishDelivery();
		}
	}

	void publish(String topic, byte[] payload) {
		Services.publishService()
			.publish(Builders.publish().topic(topic).qos(Qos.AT_LEAST_ONCE).payload(ByteBuffer.wrap(payload)).build())
			.whenComplete((done, error) -> {
				if (error != null) {
					log.warn("Farm command to {} not published", topic, error);
				}
			});
	}

	void disconnect(String clientId) {
		gate.disconnected(clientId);
		Services.clientService().disconnectClient(clientId);
	}

	/** A client disconnected by the broker for a packet over its limit (64 KB): counted TOO_BIG for its device. */
	private final class TooBig implements ClientLifecycleEventListener {

		@Override
		public void onMqttConnectionStart(ConnectionStartInput input) {
		}

		@Override
		public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
		}

		@Override
		public void onDisconnect(DisconnectEventInput input) {
			if (input.getReasonCode().filter(DisconnectedReasonCode.PACKET_TOO_LARGE::equals).isPresent()) {
				gate.tooBig(input.getClientInformation().getClientId());
			}
		}
	}

	/** Each device: its own topics only. */
	private final class TopicRules implements PublishAuthorizer, SubscriptionAuthorizer {

		@Override
		public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
			if (gate.mayPublish(input.getClientInformation().getClientId(), input.getPublishPacket().getTopic())) {
				output.authorizeSuccessfully();
			}
			else {
				output.failAuthorization();
			}
		}

		@Override
		public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
			if (gate.maySubscribe(input.getClientInformation().getClientId(), input.getSubscription().getTopicFilter())) {
				output.authorizeSuccessfully();
			}
			else {
				output.failAuthorization();
			}
		}
	}
}
