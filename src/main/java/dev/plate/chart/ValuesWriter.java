package dev.plate.chart;

import dev.plate.base.OrderedYaml;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an environment's {@code values.yaml} from data ({@link ChartValues}) with a YAML library. Strings are
 * always quoted, so a value holding {@code {{ }}}, {@code : }, {@code #} or newlines reaches the cluster as the
 * same literal text. It writes what {@link AppConfigRules#validate(ProjectChart, AppConfig)} accepted: the use case
 * validates once, where it plans the change, before anything is written.
 */
@Component
public class ValuesWriter {

    public byte[] write(ProjectChart project, AppConfig config) {
        ObjectNode values = OrderedYaml.MAPPER.valueToTree(ChartValues.of(project, config));
        for (var dependency : project.dependencies()) {
            values.set(dependency.name(), OrderedYaml.MAPPER.valueToTree(ChartValues.addonSection(config, dependency)));
        }
        return OrderedYaml.write(values);
    }
}
