package dev.plate.gitops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param repositoryName the config repository's name on the embedded Git server
 * @param publicUrl the address at which clients (git, Argo CD) reach Plate, used in clone URLs
 * @param staleLockAfter a lock file in the repository older than this was left by a crash and is removed (a live
 *     writer holds one for milliseconds)
 */
@ConfigurationProperties("plate.git")
public record GitProperties(
        @DefaultValue("plate-config") String repositoryName,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("10s") java.time.Duration staleLockAfter) {}
