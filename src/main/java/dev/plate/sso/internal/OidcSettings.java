package dev.plate.sso.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.UnavailableException;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.security.CurrentUser;
import dev.plate.security.Role;
import dev.plate.settings.Settings;
import dev.plate.sso.OidcProvider;
import dev.plate.sso.SingleSignOn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in providers: saved in Admin → Integrations (each client secret sealed, never shown again), and the one
 * {@code PLATE_OIDC_*} sets unless a saved one has its id. Read from the settings on each use, so a save on any
 * instance applies everywhere at once. The first provider ({@code oidc}) keeps the keys it had when it was the only
 * one ({@code oidc.issuer}, …); others are under {@code oidc.provider.<id>.}. There is no list of ids to keep in
 * step: the providers are the issuers that are saved.
 */
@Service
class OidcSettings implements SingleSignOn {

    static final String COMPONENT = "Single sign-on";
    private static final Logger log = LoggerFactory.getLogger(OidcSettings.class);
    private static final String OTHERS = "oidc.provider.";
    private static final String LOCAL_SIGN_IN = "oidc.local-sign-in";
    private static final List<String> FIELDS = List.of("name", "issuer", "client-id", "client-secret", "scopes",
            "groups-claim", "group-roles", "default-role");

    private final Settings settings;
    private final OidcProperties properties;
    private final OidcDiscovery discovery;
    private final AuditLog audit;
    private final CurrentUser user;

    OidcSettings(Settings settings, OidcProperties properties, OidcDiscovery discovery, AuditLog audit,
            CurrentUser user) {
        this.settings = settings;
        this.properties = properties;
        this.discovery = discovery;
        this.audit = audit;
        this.user = user;
    }

    /** The providers in use, in the login page's order; one {@code PLATE_OIDC_*} sets that cannot be used is left out. */
    List<OidcConfig> effective() {
        var configs = new ArrayList<OidcConfig>();
        for (var current : providers()) {
            String id = current.provider().id();
            try {
                boolean saved = "saved".equals(current.source());
                OidcRules.check(saved ? current.provider() : fromEnvironment(), saved ? secret(id) : Optional.empty())
                        .ifPresent(configs::add);
            } catch (ValidationException e) {
                log.warn("Single sign-on with {} is off: its settings are not usable: {}", id, e.getMessage());
            }
        }
        return configs;
    }

    /** The provider of that id, when it is in use. */
    Optional<OidcConfig> config(String id) {
        return effective().stream().filter(config -> config.id().equals(id)).findFirst();
    }

    /** Why the provider {@code PLATE_OIDC_*} sets is not in use, if it is not usable. */
    Optional<String> environmentProblem() {
        if (properties.issuerUrl().isBlank() || saved(environmentId()).isPresent()) {
            return Optional.empty();
        }
        try {
            OidcRules.check(fromEnvironment(), Optional.empty());
            return Optional.empty();
        } catch (ValidationException e) {
            return Optional.of("PLATE_OIDC_* is not usable: " + e.getMessage());
        }
    }

    @Override
    public List<OidcProvider.Current> providers() {
        var providers = new ArrayList<OidcProvider.Current>();
        var environment = fromEnvironment();
        boolean environmentSet = !environment.issuerUrl().isBlank();
        for (String id : savedIds()) {
            if (environmentSet && id.equals(environment.id())) {
                environmentSet = false;
            }
            saved(id).ifPresent(provider -> providers.add(new OidcProvider.Current(provider, secret(id).isPresent(),
                    "saved")));
        }
        if (environmentSet) {
            providers.addFirst(new OidcProvider.Current(new OidcProvider(environment.id(), environment.name(),
                    environment.issuerUrl(), environment.clientId(), Optional.empty(), environment.scopes(),
                    environment.groupsClaim(), environment.groupRoles(), environment.defaultRole()),
                    environment.clientSecret().isPresent(), "environment"));
        }
        return providers;
    }

    @Override
    public ComponentStatus test(OidcProvider requested) {
        String id = OidcRules.id(requested.id());
        return check(OidcRules.check(requested, savedSecretFor(id, requested)));
    }

    @Override
    @Transactional
    public ComponentStatus add(OidcProvider requested) {
        String id = OidcRules.id(requested.id());
        if (providers().stream().anyMatch(current -> current.provider().id().equals(id))) {
            throw new ValidationException("id", "A provider with the id '" + id + "' exists already: give the new one "
                    + "another id, or choose '" + id + "' in the list to change it.");
        }
        return save(requested);
    }

    /**
     * The saved secret, for settings that keep the issuer and client it was given for; a changed issuer or client
     * never inherits it (it would be sent to another provider).
     */
    private Optional<String> savedSecretFor(String id, OidcProvider requested) {
        return saved(id).filter(provider -> provider.issuerUrl().equals(requested.issuerUrl().strip())
                && provider.clientId().equals(requested.clientId().strip())).flatMap(provider -> secret(id));
    }

    @Override
    @Transactional
    public ComponentStatus save(OidcProvider requested) {
        String id = OidcRules.id(requested.id());
        Optional<OidcConfig> config = OidcRules.check(requested, savedSecretFor(id, requested));
        // One issuer, one provider: its people are one set of identities, whose roles one mapping decides.
        config.flatMap(checked -> providers().stream().filter(current -> !current.provider().id().equals(id))
                .filter(current -> current.provider().issuerUrl().strip().equals(checked.issuer())).findFirst())
                .ifPresent(other -> {
                    throw new ValidationException("issuerUrl", "Provider '" + other.provider().id() + "' signs in "
                            + "with this issuer already: change that one instead (one issuer's people have one set "
                            + "of group mappings).");
                });
        var values = new LinkedHashMap<String, Optional<String>>();
        values.put(key(id, "name"), config.map(OidcConfig::name));
        values.put(key(id, "issuer"), config.map(OidcConfig::issuer));
        values.put(key(id, "client-id"), config.map(OidcConfig::clientId));
        values.put(key(id, "client-secret"), config.flatMap(OidcConfig::clientSecret));
        values.put(key(id, "scopes"), config.map(c -> String.join(" ", c.scopes())));
        values.put(key(id, "groups-claim"), config.map(OidcConfig::groupsClaim));
        values.put(key(id, "group-roles"), config.map(c -> OidcRules.format(c.groupRoles()))
                .filter(text -> !text.isEmpty()));
        values.put(key(id, "default-role"), config.map(c -> c.defaultRole().map(Role::name).orElse("NONE")));
        String actor = user.name();
        settings.put(values, Set.of(key(id, "client-secret")), actor);
        audit.record(actor, "integration.oidc.saved", "integration:oidc:" + id, config.map(c -> c.issuer()
                + ", client " + c.clientId() + (requested.clientSecret().filter(s -> !s.isBlank()).isPresent()
                ? ", new secret" : "") + ", groups claim " + c.groupsClaim() + ", " + c.groupRoles().size()
                + " group mapping(s), default role " + c.defaultRole().map(Role::name).orElse("none"))
                .orElse("removed"));
        boolean environmentAgain = !properties.issuerUrl().isBlank() && id.equals(environmentId());
        return config.isEmpty() ? new ComponentStatus(COMPONENT, State.NOT_CONFIGURED, "Saved: " + id + " removed"
                + (environmentAgain ? "; PLATE_OIDC_* applies again." : ".")) : check(config);
    }

    @Override
    public boolean passwordsForEveryone() {
        return localSignIn();
    }

    @Override
    @Transactional
    public void passwordsForEveryone(boolean allowed) {
        String actor = user.name();
        settings.put(Map.of(LOCAL_SIGN_IN, Optional.of(String.valueOf(allowed))), Set.of(), actor);
        audit.record(actor, "integration.oidc.passwords", "integration:oidc", allowed ? "Plate passwords for everyone"
                : "Plate passwords for administrators only");
    }

    /** Saved here, else {@code PLATE_OIDC_LOCAL_SIGN_IN}. */
    boolean localSignIn() {
        return settings.get(LOCAL_SIGN_IN).map(value -> !"false".equals(value)).orElse(properties.localSignIn());
    }

    /** Whether the provider answers as configured: its discovery document, and the issuer it names. */
    ComponentStatus check(Optional<OidcConfig> config) {
        if (config.isEmpty()) {
            return new ComponentStatus(COMPONENT, State.NOT_CONFIGURED, "No provider: only local accounts sign in.");
        }
        try {
            var registration = discovery.registration(config.get());
            return new ComponentStatus(COMPONENT, State.UP, config.get().issuer() + " answers; sign-in goes to "
                    + registration.getProviderDetails().getAuthorizationUri() + ".");
        } catch (UnavailableException e) {
            return new ComponentStatus(COMPONENT, State.DOWN, e.getMessage() + " Local accounts still sign in.");
        }
    }

    /** The ids saved here: the first provider's, if saved, then the others' in order. */
    private List<String> savedIds() {
        var ids = new ArrayList<String>();
        if (settings.get(key(OidcProvider.FIRST, "issuer")).filter(issuer -> !issuer.isBlank()).isPresent()) {
            ids.add(OidcProvider.FIRST);
        }
        settings.names(OTHERS).stream().filter(name -> name.endsWith(".issuer"))
                .map(name -> name.substring(OTHERS.length(), name.length() - ".issuer".length()))
                .filter(id -> OidcRules.ID.matcher(id).matches() && !id.equals(OidcProvider.FIRST)).forEach(ids::add);
        return ids;
    }

    private Optional<OidcProvider> saved(String id) {
        return settings.get(key(id, "issuer")).filter(issuer -> !issuer.isBlank()).map(issuer -> new OidcProvider(id,
                settings.get(key(id, "name")).orElse(""), issuer, settings.get(key(id, "client-id")).orElse(""),
                Optional.empty(), settings.get(key(id, "scopes")).orElse(""),
                settings.get(key(id, "groups-claim")).orElse(""), settings.get(key(id, "group-roles")).orElse(""),
                OidcRules.defaultRole(settings.get(key(id, "default-role")).orElse("NONE"))));
    }

    private Optional<String> secret(String id) {
        return settings.get(key(id, "client-secret"));
    }

    private static String key(String id, String field) {
        assert FIELDS.contains(field) : field;
        return (OidcProvider.FIRST.equals(id) ? "oidc." : OTHERS + id + ".") + field;
    }

    private String environmentId() {
        try {
            return OidcRules.id(properties.id());
        } catch (ValidationException e) {
            return properties.id();
        }
    }

    private OidcProvider fromEnvironment() {
        return new OidcProvider(environmentId(), properties.name(), properties.issuerUrl(), properties.clientId(),
                Optional.of(properties.clientSecret()).filter(s -> !s.isBlank()), properties.scopes(),
                properties.groupsClaim(), properties.groupRoles(), OidcRules.defaultRole(properties.defaultRole()));
    }
}
