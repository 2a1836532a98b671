package dev.plate.deployment.internal;

import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigJson;
import dev.plate.deployment.RecordedConfigs;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

@Component
class JpaRecordedConfigs implements RecordedConfigs {

    private final AppConfigRepository configs;
    private final Clock clock;

    JpaRecordedConfigs(AppConfigRepository configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    @Override
    public Optional<Recorded> lock(long projectId, long environmentId) {
        return configs.lockFor(projectId, environmentId)
                .map(row -> new Recorded(AppConfigJson.read(row.configJson()), row.revision()));
    }

    @Override
    public void adopt(long projectId, long environmentId, AppConfig config, String revision) {
        configs.lockFor(projectId, environmentId).orElseThrow()
                .update(AppConfigJson.write(config), revision, clock.instant());
    }

    @Override
    public void add(long projectId, long environmentId, AppConfig config, String revision) {
        configs.save(new AppConfigEntity(projectId, environmentId, AppConfigJson.write(config), revision,
                clock.instant()));
    }
}
