package dev.plate.deployment.internal;

import dev.plate.base.ConflictException;
import dev.plate.base.ValidationException;
import dev.plate.chart.AppConfig;
import dev.plate.chart.ValuesReader;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.gitops.ConfigRepository;
import dev.plate.gitops.RepoLayout;
import dev.plate.project.ProjectSummary;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * An environment's configuration as its values file in Git says — what Argo CD deploys, and what every change
 * builds on. Someone may have edited the file outside Plate (a hotfix pushed to Gitea): that edit is kept by the
 * next change, and named; a file Plate cannot read back refuses the change (409) and says which commit to look at.
 */
@Component
class ValuesInGit {

    /**
     * @param outsideEdit what differs from Plate's record, and in which commit, when someone edited the file
     * @param read the file's content as read (empty: no such file), which a commit built on it expects to find
     */
    record Current(AppConfig config, Optional<String> outsideEdit, Optional<byte[]> read) {}

    private final ConfigRepository repository;

    ValuesInGit(ConfigRepository repository) {
        this.repository = repository;
    }

    Current read(ProjectSummary project, EnvironmentSummary env, AppConfig recorded) {
        String path = RepoLayout.valuesFile(project.name(), env.name());
        var file = repository.read(path);
        if (file.isEmpty()) {
            return new Current(recorded, Optional.empty(), file);
        }
        AppConfig inGit;
        try {
            inGit = ValuesReader.read(project.chart(), file.get());
        } catch (ValidationException e) {
            throw new ConflictException("values", path + " was changed outside Plate" + lastCommit(path)
                    + " in a way Plate cannot read back (" + e.getMessage() + "). Nothing was changed: fix or revert "
                    + "that commit in the config repository, then deploy again.");
        }
        if (inGit.equals(recorded)) {
            return new Current(inGit, Optional.empty(), file);
        }
        return new Current(inGit, Optional.of("an edit made outside Plate (" + difference(recorded, inGit) + ")"
                + lastCommit(path)), file);
    }

    private String lastCommit(String path) {
        var commits = repository.history(List.of(path));
        if (commits.isEmpty()) {
            return "";
        }
        var last = commits.getLast();
        return " in commit " + last.sha().substring(0, 8) + " by " + last.author();
    }

    /** Names the env keys that differ (the usual hotfix), else what changed. */
    private static String difference(AppConfig recorded, AppConfig inGit) {
        var keys = new TreeSet<String>();
        var all = new TreeSet<>(recorded.env().keySet());
        all.addAll(inGit.env().keySet());
        for (String key : all) {
            if (!java.util.Objects.equals(recorded.env().get(key), inGit.env().get(key))) {
                keys.add("env." + key);
            }
        }
        String others = dev.plate.chart.ChangeSummary.of(recorded.withSettings(recorded.replicas(), inGit.env(), recorded.secretEnv(),
                recorded.secretRefs(), recorded.resources(), recorded.ingress(), recorded.probes(),
                recorded.autoscaling()), inGit);
        var parts = new java.util.ArrayList<String>(keys);
        if (!others.isEmpty()) {
            parts.add(others);
        }
        return String.join(", ", parts);
    }
}
