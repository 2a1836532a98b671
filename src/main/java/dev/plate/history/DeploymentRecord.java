package dev.plate.history;

import dev.plate.chart.AppConfig;
import dev.plate.chart.AppConfigJson;
import java.time.Instant;
import java.util.Optional;

/**
 * One change to a project in one environment, as committed.
 *
 * @param fromRevision the config repository's head before the commit
 * @param toRevision the commit that made the change
 * @param stored what was deployed; {@link #config()} reads it
 * @param finishedAt when Argo CD's report decided the outcome; empty while COMMITTED
 * @param outcome Argo CD's message about it (why it failed, what superseded it), or empty
 */
public record DeploymentRecord(long id, String project, String environment, DeploymentKind kind,
        DeploymentState state, String requestedBy, Instant requestedAt, String imageTag, String fromRevision,
        String toRevision, String summary, StoredConfig stored, Optional<Instant> finishedAt, String outcome) {

    /** The configuration this deployment committed. */
    public AppConfig config() {
        return stored.value();
    }

    /**
     * A deployment's configuration as the database keeps it (JSON), read on first use: lists of projects show each
     * environment's newest deployment by its tag and state, and reading every configuration was most of a page's
     * time (issue 20). Equal when the configurations are.
     */
    public static final class StoredConfig {

        private final String json;
        private volatile AppConfig value;

        private StoredConfig(String json) {
            this.json = json;
        }

        public static StoredConfig json(String json) {
            return new StoredConfig(json);
        }

        public AppConfig value() {
            AppConfig read = value;
            if (read == null) {
                read = AppConfigJson.read(json);
                value = read;
            }
            return read;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredConfig that && value().equals(that.value());
        }

        @Override
        public int hashCode() {
            return value().hashCode();
        }

        @Override
        public String toString() {
            return json;
        }
    }
}
