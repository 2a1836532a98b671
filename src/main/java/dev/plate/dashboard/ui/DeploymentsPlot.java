package dev.plate.dashboard.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.plate.history.DeploymentActivity.Day;
import dev.plate.history.DeploymentState;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Deployments per day as stacked bars, drawn on the server as SVG (no chart library in the browser). Colours come
 * from CSS classes, so the theme (and dark mode) decides them; every bar has a tooltip with its numbers. The axes'
 * words are HTML around the drawing, not SVG text: the drawing scales with its width, and text inside it would
 * shrink to a few pixels on a phone.
 */
final class DeploymentsPlot {

    /** Bottom to top. */
    private static final List<Series> SERIES = series("waiting for Argo CD");
    /** Without Argo CD nothing decides a committed deployment: it is not "waiting" for anything. */
    private static final List<Series> UNWATCHED = series("committed, Argo CD not connected");
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final int WIDTH = 720;
    private static final int HEIGHT = 200;
    private static final int LEFT = 0;
    private static final int BOTTOM = 2;
    private static final int TOP = 8;

    private record Series(String css, String label, List<DeploymentState> states) {

        long of(Day day) {
            return states.stream().mapToLong(state -> day.outcomes().getOrDefault(state, 0L)).sum();
        }
    }

    private DeploymentsPlot() {}

    private static List<Series> series(String committed) {
        return List.of(new Series("succeeded", "succeeded", List.of(DeploymentState.SUCCEEDED)),
                new Series("failed", "failed or timed out", List.of(DeploymentState.FAILED, DeploymentState.TIMED_OUT)),
                new Series("superseded", "superseded", List.of(DeploymentState.SUPERSEDED)),
                new Series("waiting", committed, List.of(DeploymentState.COMMITTED)));
    }

    /** @param watched whether Argo CD is connected */
    static Div of(List<Day> days, boolean watched) {
        var svg = new Svg(markup(days, watched));
        svg.addClassName("plate-plot");
        svg.getElement().setAttribute("data-days", String.valueOf(days.size()));
        var drawing = new Div(svg);
        drawing.addClassName("plate-plot-drawing");
        long top = top(days);
        for (long tick : new long[] {0, top / 2, top}) {
            var label = new Span(String.valueOf(tick));
            label.addClassName("plate-plot-tick");
            // Where the gridline is, as a share of the drawing's height (which scales with its width).
            label.getStyle().set("top", fmt(100.0 * y(tick, top) / HEIGHT) + "%");
            drawing.add(label);
        }
        var dates = new Div();
        dates.addClassName("plate-plot-days");
        dayLabels(days).forEach(day -> dates.add(new Span(day)));
        var plot = new Div(drawing, dates);
        plot.addClassName("plate-plot-frame");
        return plot;
    }

    /** The dates under the plot: the first, the middle and the last day. */
    static List<String> dayLabels(List<Day> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        return java.util.stream.IntStream.of(0, days.size() / 2, days.size() - 1).distinct()
                .mapToObj(i -> LABEL.format(days.get(i).day())).toList();
    }

    /** The axis' top: a round number at least the busiest day. */
    static long top(List<Day> days) {
        return niceCeiling(Math.max(1, days.stream().mapToLong(Day::total).max().orElse(0)));
    }

    private static double y(long tick, long top) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        return TOP + plotHeight - plotHeight * tick / top;
    }

    static String markup(List<Day> days) {
        return markup(days, true);
    }

    static String markup(List<Day> days, boolean watched) {
        var all = watched ? SERIES : UNWATCHED;
        long top = top(days);
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
        double barWidth = Math.max(1, slot * 0.7);
        var out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Deployments per day for the last ").append(days.size())
                .append(" days\">");
        for (long tick : new long[] {0, top / 2, top}) {
            double y = y(tick, top);
            out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
        }
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double base = TOP + plotHeight;
            out.append("<g class=\"day\" data-day=\"").append(day.day()).append("\" data-total=\"").append(day.total())
                    .append("\"><title>").append(escape(tooltip(day, all))).append("</title>");
            for (Series series : all) {
                long count = series.of(day);
                if (count == 0) {
                    continue;
                }
                double height = plotHeight * count / top;
                base -= height;
                out.append("<rect class=\"").append(series.css()).append("\" x=\"").append(fmt(x)).append("\" y=\"")
                        .append(fmt(base)).append("\" width=\"").append(fmt(barWidth)).append("\" height=\"")
                        .append(fmt(height)).append("\"/>");
            }
            out.append("</g>");
        }
        return out.append("</svg>").toString();
    }

    /** The legend's entries: CSS class and label, bottom series first. */
    static List<String[]> legend(boolean watched) {
        return (watched ? SERIES : UNWATCHED).stream().map(series -> new String[] {series.css(), series.label()}).toList();
    }

    private static String tooltip(Day day, List<Series> all) {
        var text = new StringBuilder(day.day().toString()).append(": ").append(day.total())
                .append(day.total() == 1 ? " deployment" : " deployments");
        for (Series series : all) {
            long count = series.of(day);
            if (count > 0) {
                text.append(", ").append(count).append(' ').append(series.label());
            }
        }
        return text.toString();
    }

    /** 1, 2, 5 × 10^n: round numbers for the axis. */
    static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
