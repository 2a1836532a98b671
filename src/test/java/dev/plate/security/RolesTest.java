package dev.plate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void role_constants_name_exactly_the_roles() throws IllegalAccessException {
        var constants = new java.util.ArrayList<String>();
        for (Field field : Roles.class.getDeclaredFields()) {
            constants.add((String) field.get(null));
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Role.values()).map(Role::name).toList());
    }

    @Test
    void each_role_includes_the_roles_below_it() {
        assertThat(Role.ADMIN.grantedAuthorities())
                .containsExactly("ROLE_ADMIN", "ROLE_MAINTAINER", "ROLE_DEVELOPER", "ROLE_VIEWER");
        assertThat(Role.DEVELOPER.grantedAuthorities()).containsExactly("ROLE_DEVELOPER", "ROLE_VIEWER");
        assertThat(Role.VIEWER.grantedAuthorities()).containsExactly("ROLE_VIEWER");
        assertThat(Role.MAINTAINER.includes(Role.DEVELOPER)).isTrue();
        assertThat(Role.DEVELOPER.includes(Role.MAINTAINER)).isFalse();
    }
}
