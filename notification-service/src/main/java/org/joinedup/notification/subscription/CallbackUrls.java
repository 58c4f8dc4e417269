package org.joinedup.notification.subscription;

import org.joinedup.platform.http.FieldErrors;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * Where a subscription may send: an absolute HTTPS URL of at most 2,000 characters, without
 * credentials or a fragment, whose host is not a private, loopback, link-local or otherwise
 * internal address (no server-side request forgery through a callback). Plain HTTP to loopback only
 * where {@code allowLoopback} is set: development and tests.
 */
public final class CallbackUrls {
    public static final int MAX_LENGTH = 2_000;

    private CallbackUrls() {
    }

    public static URI check(FieldErrors errors, String field, String value, boolean allowLoopback) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required", "is required: the HTTPS URL deliveries are posted to");
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            errors.add(field, "max-length", "must be at most " + MAX_LENGTH + " characters");
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            errors.add(field, "url", "must be an absolute URL");
            return null;
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            errors.add(field, "url", "must be an absolute URL with a host");
            return null;
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            errors.add(field, "url", "must not carry credentials or a fragment");
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean loopback = isLoopback(uri.getHost());
        if (loopback && allowLoopback && (scheme.equals("http") || scheme.equals("https"))) {
            return uri;
        }
        if (!scheme.equals("https")) {
            errors.add(field, "https", "must be an https URL (plain http only to loopback in development)");
            return null;
        }
        if (loopback || isInternal(uri.getHost())) {
            errors.add(field, "public-address", "must not point at a loopback, private or link-local address");
            return null;
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        InetAddress literal = literal(h);
        return literal != null && literal.isLoopbackAddress();
    }

    /** A literal address that is private, link-local, unspecified, multicast or a unique-local IPv6 one. */
    static boolean isInternal(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress a = literal(h);
        if (a == null) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            return lower.endsWith(".localhost") || lower.endsWith(".local") || lower.endsWith(".internal");
        }
        return isInternal(a);
    }

    /** An address no callback may reach outside development: private, loopback, link-local, shared or unique-local, unspecified, multicast. */
    public static boolean isInternal(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()
                || a.isLoopbackAddress() || uniqueLocal || sharedAddressSpace;
    }

    /** The address when the host is an IP literal; null for a name (no DNS lookup here). */
    private static InetAddress literal(String host) {
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
