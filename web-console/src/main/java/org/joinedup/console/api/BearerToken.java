package org.joinedup.console.api;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every call the console makes to a service carries the signed-in person's own access token, so the
 * service decides (need to know, roles) exactly as for any other client: the console cannot see more.
 */
@ApplicationScoped
public class BearerToken implements ClientHeadersFactory {
    private final Instance<AccessTokenCredential> token;

    public BearerToken(Instance<AccessTokenCredential> token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add("Authorization", "Bearer " + token.get().getToken());
        return headers;
    }
}
