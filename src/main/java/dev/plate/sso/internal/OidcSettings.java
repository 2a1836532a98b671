package dev.plate.sso.internal;

import dev.plate.audit.AuditLog;
import dev.plate.base.UnavailableException;
import dev.plate.base.ValidationException;
import dev.plate.base.health.ComponentStatus;
import dev.plate.base.health.ComponentStatus.State;
import dev.plate.security.CurrentUser;
import dev.plate.sso.OidcProvider;
import dev.plate.security.Role;
import dev.plate.sso.SingleSignOn;
import dev.plate.settings.Settings;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in provider: saved in Admin → Integrations (the client secret sealed, never shown again), else
 * {@code PLATE_OIDC_*}. Read from the settings on each use, so a save on any instance applies everywhere at once.
 */
@Service
class OidcSettings implements SingleSignOn {

    static final String COMPONENT = "Single sign-on";
    private static final Logger log = LoggerFactory.getLogger(OidcSettings.class);
    private static final String NAME = "oidc.name";
    private static final String ISSUER = "oidc.issuer";
    private static final String CLIENT_ID = "oidc.client-id";
    private static final String SECRET = "oidc.client-secret";
    private static final String SCOPES = "oidc.scopes";
    private static final String GROUPS_CLAIM = "oidc.groups-claim";
    private static final String GROUP_ROLES = "oidc.group-roles";
    private static final String DEFAULT_ROLE = "oidc.default-role";
    private static final String LOCAL_SIGN_IN = "oidc.local-sign-in";

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

    /**
     * The provider in use, or empty when none is configured.
     *
     * @throws ValidationException when {@code PLATE_OIDC_*} holds something Plate cannot use
     */
    Optional<OidcConfig> effective() {
        return saved().isPresent() ? OidcRules.check(saved().get(), settings.get(SECRET))
                : OidcRules.check(fromEnvironment(), Optional.empty());
    }

    @Override
    public Optional<String> buttonLabel() {
        try {
            return effective().map(config -> "Sign in with " + config.name());
        } catch (ValidationException e) {
            log.warn("Single sign-on is off: PLATE_OIDC_* is not usable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public OidcProvider.Current current() {
        Optional<OidcProvider> saved = saved();
        if (saved.isPresent()) {
            return new OidcProvider.Current(saved.get(), settings.get(SECRET).isPresent(), "saved");
        }
        var environment = fromEnvironment();
        var shown = new OidcProvider(environment.name(), environment.issuerUrl(), environment.clientId(),
                Optional.empty(), environment.scopes(), environment.groupsClaim(), environment.groupRoles(),
                environment.defaultRole(), environment.localSignIn());
        return new OidcProvider.Current(shown, environment.clientSecret().isPresent(),
                environment.issuerUrl().isBlank() ? "none" : "environment");
    }

    @Override
    public ComponentStatus test(OidcProvider requested) {
        return check(OidcRules.check(requested, settings.get(SECRET)));
    }

    @Override
    @Transactional
    public ComponentStatus save(OidcProvider requested) {
        Optional<OidcConfig> config = OidcRules.check(requested, settings.get(SECRET));
        var values = new LinkedHashMap<String, Optional<String>>();
        values.put(NAME, config.map(OidcConfig::name));
        values.put(ISSUER, config.map(OidcConfig::issuer));
        values.put(CLIENT_ID, config.map(OidcConfig::clientId));
        values.put(SECRET, config.flatMap(OidcConfig::clientSecret));
        values.put(SCOPES, config.map(c -> String.join(" ", c.scopes())));
        values.put(GROUPS_CLAIM, config.map(OidcConfig::groupsClaim));
        values.put(GROUP_ROLES, config.map(c -> OidcRules.format(c.groupRoles())).filter(text -> !text.isEmpty()));
        values.put(DEFAULT_ROLE, config.map(c -> c.defaultRole().map(Role::name).orElse("NONE")));
        values.put(LOCAL_SIGN_IN, config.map(c -> String.valueOf(c.localSignIn())));
        String actor = user.name();
        settings.put(values, Set.of(SECRET), actor);
        audit.record(actor, "integration.oidc.saved", "integration:oidc", config.map(c -> c.issuer() + ", client "
                + c.clientId() + (requested.clientSecret().filter(s -> !s.isBlank()).isPresent() ? ", new secret" : "")
                + ", groups claim " + c.groupsClaim() + ", " + c.groupRoles().size() + " group mapping(s), default role "
                + c.defaultRole().map(Role::name).orElse("none") + (c.localSignIn() ? "" : ", passwords for "
                + "administrators only")).orElse("removed"));
        return config.isEmpty() ? new ComponentStatus(COMPONENT, State.NOT_CONFIGURED, "Saved: no provider"
                + (properties.issuerUrl().isBlank() ? "; only local accounts sign in." : "; PLATE_OIDC_* applies again."))
                : check(config);
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

    private Optional<OidcProvider> saved() {
        return settings.get(ISSUER).filter(issuer -> !issuer.isBlank()).map(issuer -> new OidcProvider(
                settings.get(NAME).orElse(""), issuer, settings.get(CLIENT_ID).orElse(""), Optional.empty(),
                settings.get(SCOPES).orElse(""), settings.get(GROUPS_CLAIM).orElse(""),
                settings.get(GROUP_ROLES).orElse(""), OidcRules.defaultRole(settings.get(DEFAULT_ROLE).orElse("NONE")),
                !"false".equals(settings.get(LOCAL_SIGN_IN).orElse("true"))));
    }

    private OidcProvider fromEnvironment() {
        return new OidcProvider(properties.name(), properties.issuerUrl(), properties.clientId(),
                Optional.of(properties.clientSecret()).filter(s -> !s.isBlank()), properties.scopes(),
                properties.groupsClaim(), properties.groupRoles(), OidcRules.defaultRole(properties.defaultRole()),
                properties.localSignIn());
    }
}
