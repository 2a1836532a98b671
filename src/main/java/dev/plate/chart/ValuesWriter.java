package dev.plate.chart;

import dev.plate.base.OrderedYaml;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an environment's {@code values.yaml} from data ({@link ChartValues}) with a YAML library. Strings are
 * always quoted, so a value holding {@code {{ }}}, {@code : }, {@code #} or newlines reaches the cluster as the
 * same literal text.
 */
@Component
public class ValuesWriter {

    public byte[] write(ProjectChart project, AppConfig config) {
        AppConfigRules.validate(project, config);
        ObjectNode values = OrderedYaml.MAPPER.valueToTree(ChartValues.of(project, config));
        for (var dependency : project.dependencies()) {
            values.set(dependency.name(), OrderedYaml.MAPPER.valueToTree(ChartValues.addonSection(config, dependency)));
        }
        return OrderedYaml.write(values);
    }
}
