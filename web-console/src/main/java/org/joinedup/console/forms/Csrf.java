package org.joinedup.console.forms;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection for every form that changes something: a random token in an
 * HttpOnly, SameSite=Strict cookie, repeated in a hidden field of each form ({@code {inject:csrf.token}}),
 * and compared in constant time when the form comes back. A page of another site can neither read the
 * cookie nor send it. (quarkus-rest-csrf does not resolve at the pinned Quarkus version: decision 0009.)
 */
@RequestScoped
@Named("csrf")
public class Csrf {
    public static final String COOKIE = "console-csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CurrentVertxRequest current;
    private final boolean secure;
    private String token;

    public Csrf(CurrentVertxRequest current,
                @ConfigProperty(name = "joinedup.console.tls", defaultValue = "false") boolean secure) {
        this.current = current;
        this.secure = secure;
    }

    /** A form came back without this person's token: it was not sent from the console's own page. */
    public static class Refused extends jakarta.ws.rs.WebApplicationException {
        Refused() {
            super("the form's token does not match", 403);
        }
    }

    /** The token for this person's forms: the cookie's, or a new one set on the answer. */
    public String token() {
        HttpServerRequest request = current.getCurrent().request();
        if (token == null) {
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null && cookie.getValue().length() >= 32) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                request.response().addCookie(Cookie.cookie(COOKIE, token).setHttpOnly(true).setSecure(secure)
                        .setSameSite(CookieSameSite.STRICT).setPath("/"));
            }
        }
        return token;
    }

    /** 403 unless the form's token is this person's cookie's. */
    public void check(String formToken) {
        Cookie cookie = current.getCurrent().request().getCookie(COOKIE);
        if (formToken == null || cookie == null || !MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
                cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused();
        }
    }
}
