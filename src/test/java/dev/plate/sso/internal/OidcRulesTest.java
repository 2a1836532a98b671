package dev.plate.sso.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import dev.plate.sso.OidcProvider;
import dev.plate.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OidcRulesTest {

    @Test
    void group_mappings_keep_equals_signs_and_commas_in_group_names() {
        var mappings = OidcRules.groupRoles("""
                # platform team
                cn=ops,ou=groups,dc=acme = maintainer
                /plate-admins = ADMIN
                ; engineering=DEVELOPER
                """);

        assertThat(mappings).containsExactly(Map.entry("cn=ops,ou=groups,dc=acme", Role.MAINTAINER),
                Map.entry("/plate-admins", Role.ADMIN), Map.entry("engineering", Role.DEVELOPER));
        assertThat(OidcRules.format(mappings)).isEqualTo(
                "cn=ops,ou=groups,dc=acme = MAINTAINER\n/plate-admins = ADMIN\nengineering = DEVELOPER");
    }

    @Test
    void bad_mappings_are_refused_with_the_line() {
        assertThatThrownBy(() -> OidcRules.groupRoles("admins ADMIN")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'admins ADMIN' is not a mapping");
        assertThatThrownBy(() -> OidcRules.groupRoles("= ADMIN")).hasMessageContaining("is not a mapping");
        assertThatThrownBy(() -> OidcRules.groupRoles("a = ADMIN\na = VIEWER")).hasMessageContaining("mapped twice");
        assertThatThrownBy(() -> OidcRules.groupRoles("a = ROOT")).hasMessageContaining("must be one of ADMIN, "
                + "MAINTAINER, DEVELOPER, VIEWER");
    }

    @Test
    void openid_is_always_asked_for_and_scopes_are_single_tokens() {
        assertThat(OidcRules.scopes("profile, email groups profile")).containsExactly("openid", "profile", "email",
                "groups");
        assertThat(OidcRules.scopes("")).containsExactly("openid");
        assertThatThrownBy(() -> OidcRules.scopes("profile \"email\"")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'\"email\"' is not a scope");
    }

    @Test
    void the_highest_role_of_any_group_wins_else_the_default() {
        var config = OidcRules.check(provider("https://id.example.com/realms/acme", "a = VIEWER\nb = MAINTAINER"),
                Optional.empty()).orElseThrow();

        assertThat(config.roleFor(List.of("a", "b", "c"))).hasValue(Role.MAINTAINER);
        assertThat(config.roleFor(List.of("c"))).isEmpty();
        assertThat(OidcRules.check(new OidcProvider("", "https://id.example.com", "plate", Optional.empty(), "",
                "", "", Optional.of(Role.VIEWER)), Optional.empty()).orElseThrow().roleFor(List.of()))
                .hasValue(Role.VIEWER);
    }

    @Test
    void an_issuer_is_an_http_address_of_a_host_and_empty_means_none() {
        assertThat(OidcRules.check(provider("  ", ""), Optional.empty())).isEmpty();
        for (String bad : List.of("id.example.com", "ftp://id.example.com", "https://user@id.example.com",
                "https://id.example.com/?realm=a", "https://id.example.com/#x")) {
            assertThatThrownBy(() -> OidcRules.check(provider(bad, ""), Optional.empty()))
                    .as(bad).isInstanceOf(ValidationException.class).hasMessageContaining("is not an issuer URL");
        }
    }

    @Test
    void a_saved_secret_is_kept_when_none_is_typed_and_secrets_are_one_line() {
        var config = OidcRules.check(provider("https://id.example.com", ""), Optional.of("saved")).orElseThrow();
        assertThat(config.clientSecret()).hasValue("saved");
        assertThatThrownBy(() -> OidcRules.check(new OidcProvider("x", "https://id.example.com", "plate",
                Optional.of("two\nlines"), "", "", "", Optional.empty()), Optional.empty()))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> OidcRules.check(new OidcProvider("x", "https://id.example.com", "pla te",
                Optional.empty(), "", "", "", Optional.empty()), Optional.empty())).hasMessageContaining("client id");
    }

    @Test
    void a_groups_claim_is_a_list_or_one_name() {
        assertThat(OidcSignIn.groups(List.of("a", " b ", "a", 7, ""))).containsExactly("a", "b");
        assertThat(OidcSignIn.groups("solo")).containsExactly("solo");
        assertThat(OidcSignIn.groups(null)).isEmpty();
        assertThat(OidcSignIn.groups(Map.of("a", "b"))).isEmpty();
    }

    private static OidcProvider provider(String issuer, String mappings) {
        return new OidcProvider("Acme", issuer, "plate", Optional.empty(), "openid", "groups", mappings,
                Optional.empty());
    }
}
