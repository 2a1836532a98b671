package dev.plate.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plate.base.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines typed in the browser, read by the CLI's rules for --set. */
class ValueLinesTest {

    @Test
    void the_key_is_trimmed_and_the_value_kept_literally() {
        var changes = ValueLines.changes("""
                # a comment
                  replicas = 3
                env.GREETING= hello = world # not a comment

                -ingress.host
                """, "values");

        assertThat(changes.set()).containsExactly(org.assertj.core.api.Assertions.entry("replicas", " 3"),
                org.assertj.core.api.Assertions.entry("env.GREETING", " hello = world # not a comment"));
        assertThat(changes.unset()).isEqualTo(List.of("ingress.host"));
    }

    @Test
    void a_line_without_a_key_or_a_key_given_twice_is_refused_naming_the_line() {
        assertThatThrownBy(() -> ValueLines.changes("replicas=2\n=3", "values")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Line 2").hasMessageContaining("key=value");
        assertThatThrownBy(() -> ValueLines.changes("replicas", "values")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Line 1 (replicas)");
        assertThatThrownBy(() -> ValueLines.pairs("A=1\nB=2\nA=3", "env")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Line 3: A is given twice");
    }
}
