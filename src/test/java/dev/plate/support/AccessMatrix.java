package dev.plate.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * An access matrix written as a table (first line: the callers; each further line: an action and the HTTP status
 * each caller gets), turned into one parameterized case per cell: (action, caller, status).
 */
public final class AccessMatrix {

    private AccessMatrix() {}

    public static <A, C> Stream<Arguments> cases(String table, Function<String, A> action, Function<String, C> caller) {
        var lines = table.lines().filter(line -> !line.isBlank()).toList();
        var callers = Arrays.stream(lines.getFirst().trim().split("\\s+")).skip(1).map(caller).toList();
        var cases = new ArrayList<Arguments>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as(line).hasSize(callers.size() + 1);
            for (int i = 0; i < callers.size(); i++) {
                cases.add(Arguments.of(action.apply(cells[0]), callers.get(i), Integer.parseInt(cells[i + 1])));
            }
        }
        return cases.stream();
    }
}
