package dev.plate.environment.internal;

import dev.plate.base.NotFoundException;
import dev.plate.base.ValidationException;
import dev.plate.chart.KubernetesNames;
import dev.plate.environment.EnvironmentService;
import dev.plate.environment.EnvironmentSummary;
import dev.plate.environment.NewEnvironment;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaEnvironmentService implements EnvironmentService {

    /** Environment names become path segments and namespaces: short DNS labels. */
    private static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,18}[a-z0-9])?");
    private static final Pattern NAMESPACE_PATTERN = Pattern.compile("[-a-z0-9{}]{1,63}");

    private final EnvironmentRepository environments;

    JpaEnvironmentService(EnvironmentRepository environments) {
        this.environments = environments;
    }

    @Override
    public List<EnvironmentSummary> list() {
        return environments.findAllByOrderByPositionAsc().stream().map(EnvironmentEntity::toSummary).toList();
    }

    @Override
    public Optional<EnvironmentSummary> find(String name) {
        return environments.findByName(name).map(EnvironmentEntity::toSummary);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EnvironmentSummary> lockAll() {
        return environments.lockAllInOrder().stream().map(EnvironmentEntity::toSummary).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public EnvironmentSummary create(NewEnvironment environment) {
        String name = name("name", environment.name());
        clusterServer(environment.clusterServer());
        namespacePattern(environment.namespacePattern());
        var ordered = environments.findAllByOrderByPositionAsc();
        int position = 0;
        if (environment.after() != null && !environment.after().isBlank()) {
            position = entity(environment.after()).position() + 1;
        }
        for (var existing : ordered) {
            if (existing.position() >= position) {
                existing.moveTo(existing.position() + 1);
            }
        }
        environments.flush();
        return environments.saveAndFlush(new EnvironmentEntity(name, position, environment.clusterServer(),
                environment.namespacePattern(), environment.autoSync(), environment.protectedEnvironment()))
                .toSummary();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public EnvironmentSummary update(String name, dev.plate.environment.EnvironmentSettings settings) {
        clusterServer(settings.clusterServer());
        namespacePattern(settings.namespacePattern());
        var entity = entity(name);
        entity.configure(settings.clusterServer(), settings.namespacePattern(), settings.autoSync(),
                settings.protectedEnvironment());
        entity.requireApprovals(settings.approvals().validated());
        return environments.saveAndFlush(entity).toSummary();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public EnvironmentSummary rename(String name, String newName) {
        var entity = entity(name);
        entity.rename(name("newName", newName));
        return environments.saveAndFlush(entity).toSummary();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EnvironmentSummary> reorder(List<String> names) {
        var current = environments.findAllByOrderByPositionAsc();
        var given = names == null ? List.<String>of() : names;
        if (given.size() != current.size() || !new HashSet<>(given).equals(new HashSet<>(
                current.stream().map(EnvironmentEntity::name).toList()))) {
            throw new ValidationException("order", "Give every environment exactly once: "
                    + current.stream().map(EnvironmentEntity::name).toList() + ".");
        }
        for (var entity : current) {
            entity.moveTo(given.indexOf(entity.name()));
        }
        environments.flush();
        return list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(String name) {
        var entity = entity(name);
        environments.delete(entity);
        environments.flush();
        int position = 0;
        for (var remaining : environments.findAllByOrderByPositionAsc()) {
            remaining.moveTo(position++);
        }
    }

    private EnvironmentEntity entity(String name) {
        return environments.findByName(name == null ? "" : name)
                .orElseThrow(() -> new NotFoundException("There is no environment named '" + name + "'."));
    }

    private String name(String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new ValidationException(field, "Environment name '" + (value == null ? "" : value.replaceAll(
                    "\\p{Cntrl}", "?")) + "' is not valid: 1-20 lowercase letters, digits and '-', starting with "
                    + "a letter (e.g. qa).");
        }
        if (environments.findByName(value).isPresent()) {
            throw new dev.plate.base.AlreadyExistsException(field, "An environment named '" + value + "' already exists.");
        }
        return value;
    }

    /** Either the API server's https:// address or the name of a cluster registered in Argo CD. */
    private static void clusterServer(String server) {
        if (server != null && EnvironmentSummary.CLUSTER_NAME.matcher(server).matches()) {
            return;
        }
        try {
            var uri = new URI(server == null ? "" : server);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new URISyntaxException(String.valueOf(server), "not https");
            }
        } catch (URISyntaxException e) {
            throw new ValidationException("clusterServer", "Cluster must be the https:// address of a Kubernetes "
                    + "API server as Argo CD knows it (e.g. https://kubernetes.default.svc) or the name of a "
                    + "cluster registered in Argo CD (e.g. prod-eu: lowercase letters, digits, '-' and '.').");
        }
    }

    /** The pattern must yield a valid namespace for any valid project name. */
    private static void namespacePattern(String pattern) {
        String sample = pattern == null ? "" : pattern.replace("{project}", "p").replace("{env}", "e");
        if (pattern == null || !NAMESPACE_PATTERN.matcher(pattern).matches() || !pattern.contains("{project}")
                || !sample.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new ValidationException("namespacePattern", "Namespace pattern must contain {project}, may "
                    + "contain {env}, and otherwise only lowercase letters, digits and '-' (e.g. {project}-{env}).");
        }
        KubernetesNames.dnsLabel("namespacePattern", sample);
    }
}
