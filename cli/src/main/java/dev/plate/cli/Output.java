package dev.plate.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Option;

/**
 * {@code -o table|json|yaml}. Tables are for people; JSON and YAML print the API's own data, for scripts, and are
 * written by libraries (a value with a colon, a newline or {@code {{ }}} stays what it was).
 */
public final class Output {

    public enum Format { table, json, yaml }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or yaml")
    Format format = Format.table;

    public boolean table() {
        return format == Format.table;
    }

    /** Prints {@code data} as JSON or YAML; callers print tables themselves. */
    public void data(PrintStream out, Object data) {
        if (format == Format.json) {
            try {
                // Null fields too, as YAML prints them: a script sees the same keys in either format.
                out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
                        .asString(data));
            } catch (IOException e) {
                throw new CliException(ExitCode.ERROR, "Cannot write JSON: " + e.getMessage());
            }
        } else {
            var options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            options.setIndicatorIndent(2);
            options.setIndentWithIndicator(true);
            out.print(new Yaml(options).dump(data));
        }
    }

    /** A plain table: a header row, columns padded to their widest cell, no borders. */
    public static final class Table {
        private final List<String[]> rows = new ArrayList<>();
        private final int columns;
        private int printed;

        public Table(String... header) {
            columns = header.length;
            rows.add(header);
        }

        public Table row(Object... cells) {
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                Object cell = i < cells.length ? cells[i] : null;
                row[i] = cell == null ? "-" : cell.toString().replaceAll("\\p{Cntrl}", " ");
            }
            rows.add(row);
            return this;
        }

        public boolean isEmpty() {
            return rows.size() == 1;
        }

        public void print(PrintStream out) {
            printed = 0;
            printNew(out);
        }

        /**
         * Prints the rows added since the last print (the header too, the first time): a watch appends to what it
         * printed. Columns are as wide as the widest cell so far (rows printed before keep their width).
         */
        public void printNew(PrintStream out) {
            int[] widths = new int[columns];
            for (String[] row : rows) {
                for (int i = 0; i < columns; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            for (String[] row : rows.subList(printed, rows.size())) {
                var line = new StringBuilder();
                for (int i = 0; i < columns; i++) {
                    line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
                }
                out.println(line.toString().stripTrailing());
            }
            printed = rows.size();
        }
    }
}
