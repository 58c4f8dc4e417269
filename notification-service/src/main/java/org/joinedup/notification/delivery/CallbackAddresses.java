package org.joinedup.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.joinedup.notification.subscription.CallbackUrls;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The check at send time that a callback's host name still resolves only to public addresses: a
 * name accepted when the subscription was made can later be pointed at an internal address
 * (server-side request forgery through DNS). Loopback passes only where loopback callbacks are
 * allowed (development, tests). The lookup runs off the event loop; a name that does not resolve is
 * an ordinary failed attempt, retried later.
 */
@ApplicationScoped
public class CallbackAddresses {
    private final boolean allowLoopback;

    public CallbackAddresses(@ConfigProperty(name = "joinedup.notifications.allow-loopback-callbacks") boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Why the callback must not be posted to now, or empty when it may. */
    public Uni<Optional<String>> refusal(URI callback) {
        String host = callback.getHost();
        if (host == null) {
            return Uni.createFrom().item(Optional.of("no-host"));
        }
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> check(name)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        // Back on the caller's context afterwards: the reactive session that records the outcome belongs to it.
        return Uni.createFrom().completionStage(() -> context.executeBlocking(() -> check(name), false).toCompletionStage());
    }

    /** The check itself, blocking (a DNS lookup). */
    public Optional<String> check(String name) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return Optional.of("UnknownHostException");
        }
        boolean allLoopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        if (allowLoopback && allLoopback) {
            return Optional.empty();
        }
        return Arrays.stream(addresses).anyMatch(CallbackUrls::isInternal)
                ? Optional.of("refused: the callback's host resolves to an internal address") : Optional.empty();
    }
}
