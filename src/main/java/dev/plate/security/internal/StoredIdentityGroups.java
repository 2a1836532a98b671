package dev.plate.security.internal;

import dev.plate.security.IdentityGroups;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the groups stored at the last sign-in; only enabled accounts have any. */
@Component
class StoredIdentityGroups implements IdentityGroups {

    private final JdbcTemplate jdbc;

    StoredIdentityGroups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> of(String username) {
        var stored = jdbc.query("select identity_groups from plate_user where username = ? and enabled = true",
                (row, i) -> row.getString(1), username);
        return stored.stream().filter(java.util.Objects::nonNull).findFirst()
                .map(text -> text.isEmpty() ? List.<String>of() : List.of(text.split("\n"))).orElse(List.of());
    }
}
