package dev.plate.argocdserver.internal;

import dev.plate.base.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A CA bundle (PEM) turned into the TLS trust of one HTTP client: verification stays on, only whom it trusts changes.
 * Never a trust-all manager.
 */
final class TrustedCertificates {

    private TrustedCertificates() {}

    /** @throws ValidationException (field {@code caBundle}) when the text holds no certificate */
    static SSLContext context(String pem) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new ValidationException("caBundle", "No certificate found: paste PEM certificates (-----BEGIN "
                        + "CERTIFICATE-----).");
            }
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ValidationException("caBundle", "These are not PEM certificates Plate can read: "
                    + e.getMessage());
        }
    }
}
