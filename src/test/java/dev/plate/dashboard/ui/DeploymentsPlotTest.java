package dev.plate.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.history.DeploymentActivity.Day;
import dev.plate.history.DeploymentState;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The plot is well-formed SVG with one bar group per day, stacked in proportion, each with its numbers. */
class DeploymentsPlotTest {

    @Test
    void thirty_days_give_thirty_bars_stacked_in_proportion_with_their_numbers() throws Exception {
        var days = new ArrayList<Day>();
        LocalDate first = LocalDate.of(2026, 10, 28);
        for (int i = 0; i < 30; i++) {
            days.add(new Day(first.plusDays(i), Map.of()));
        }
        days.set(10, new Day(first.plusDays(10), Map.of(DeploymentState.SUCCEEDED, 6L, DeploymentState.FAILED, 2L,
                DeploymentState.TIMED_OUT, 1L, DeploymentState.COMMITTED, 1L)));
        days.set(29, new Day(first.plusDays(29), Map.of(DeploymentState.SUCCEEDED, 5L)));

        var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(DeploymentsPlot.markup(days).getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();

        var groups = svg.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(30);
        var busy = (Element) groups.item(10);
        assertThat(busy.getAttribute("data-day")).isEqualTo("2026-11-07");
        assertThat(busy.getAttribute("data-total")).isEqualTo("10");
        assertThat(busy.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("2026-11-07: 10 deployments, 6 succeeded, 3 failed or timed out, 1 waiting for Argo CD");
        var bars = busy.getElementsByTagName("rect");
        assertThat(bars.getLength()).isEqualTo(3);
        double succeeded = height((Element) bars.item(0));
        double failed = height((Element) bars.item(1));
        assertThat(((Element) bars.item(0)).getAttribute("class")).isEqualTo("succeeded");
        assertThat(succeeded / failed).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
        // The axis tops out at a round number at least the busiest day: 10; the dates are the first, middle, last.
        assertThat(DeploymentsPlot.top(days)).isEqualTo(10);
        assertThat(DeploymentsPlot.dayLabels(days)).containsExactly("Oct 28", "Nov 12", "Nov 26");
        assertThat(svg.getElementsByTagName("text").getLength()).as("no words inside the scaled drawing").isZero();
        assertThat(((Element) groups.item(0)).getElementsByTagName("rect").getLength()).as("empty day").isZero();
    }

    @Test
    void a_month_without_deployments_says_so_instead_of_an_empty_chart() {
        var days = new ArrayList<Day>();
        for (int i = 0; i < 30; i++) {
            days.add(new Day(LocalDate.of(2026, 11, 3).plusDays(i), Map.of()));
        }

        var card = DashboardView.plot(days, false);

        assertThat(card.getElement().getTextRecursively()).contains("(0 in all)",
                "No deployments in the last 30 days. Import a project or deploy one");
        assertThat(card.getElement().getChildren().anyMatch(child -> "svg".equals(child.getTag()))).isFalse();
        assertThat(card.getElement().toString()).doesNotContain("<svg");
    }

    @Test
    void the_axis_rounds_up_to_one_two_or_five_times_a_power_of_ten() {
        assertThat(DeploymentsPlot.niceCeiling(1)).isEqualTo(1);
        assertThat(DeploymentsPlot.niceCeiling(3)).isEqualTo(5);
        assertThat(DeploymentsPlot.niceCeiling(11)).isEqualTo(20);
        assertThat(DeploymentsPlot.niceCeiling(51)).isEqualTo(100);
        assertThat(DeploymentsPlot.niceCeiling(100)).isEqualTo(100);
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }
}
