package dev.plate.sso.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * Checks ID tokens with the keys of the provider in use now. Spring's factory keeps a decoder per registration id
 * for ever, and Plate's one registration id would keep the first provider's keys and issuer after an administrator
 * moved to another; this one makes a new decoder when the provider changes.
 */
@Component
class OidcTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private final AtomicReference<Keyed> last = new AtomicReference<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration registration) {
        var provider = registration.getProviderDetails();
        String key = provider.getIssuerUri() + "\n" + provider.getJwkSetUri() + "\n" + registration.getClientId();
        Keyed known = last.get();
        if (known != null && known.key().equals(key)) {
            return known.decoder();
        }
        var decoder = new OidcIdTokenDecoderFactory().createDecoder(registration);
        last.set(new Keyed(key, decoder));
        return decoder;
    }

    private record Keyed(String key, JwtDecoder decoder) {}
}
