package dev.plate.settings.internal;

import dev.plate.settings.SecretBox;
import dev.plate.settings.Settings;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A name → value table; small, read rarely (at connect time), so plain JDBC. */
@Component
class JdbcSettings implements Settings {

    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final Clock clock;

    JdbcSettings(JdbcTemplate jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String name) {
        return row(name).map(row -> row.sealed() ? box.open(name, row.value()) : row.value());
    }

    @Override
    @Transactional
    public void put(Map<String, Optional<String>> values, Set<String> secrets, String actor) {
        var now = Timestamp.from(clock.instant());
        values.forEach((name, value) -> {
            jdbc.update("delete from setting where name = ?", name);
            value.ifPresent(plain -> {
                boolean sealed = secrets.contains(name);
                jdbc.update("insert into setting (name, setting_value, sealed, updated_by, updated_at) "
                        + "values (?, ?, ?, ?, ?)", name, sealed ? box.seal(name, plain) : plain, sealed, actor, now);
            });
        });
    }

    @Override
    public String putIfAbsent(String name, String value, boolean secret, String actor) {
        if (row(name).isEmpty()) {
            try {
                jdbc.update("insert into setting (name, setting_value, sealed, updated_by, updated_at) "
                        + "values (?, ?, ?, ?, ?)", name, secret ? box.seal(name, value) : value, secret, actor,
                        Timestamp.from(clock.instant()));
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another instance wrote it first: theirs is the one
            }
        }
        return get(name).orElseThrow();
    }

    @Override
    public Optional<java.time.Instant> lastChanged(String prefix) {
        Timestamp last = jdbc.queryForObject("select max(updated_at) from setting where name like ?",
                Timestamp.class, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
        return Optional.ofNullable(last).map(Timestamp::toInstant);
    }

    @Override
    public List<String> names(String prefix) {
        return jdbc.queryForList("select name from setting where name like ? order by name", String.class,
                prefix.replace("%", "\\%").replace("_", "\\_") + "%");
    }

    private Optional<Row> row(String name) {
        List<Row> rows = jdbc.query("select setting_value, sealed from setting where name = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getBoolean(2)), name);
        return rows.stream().findFirst();
    }

    private record Row(String value, boolean sealed) {}
}
