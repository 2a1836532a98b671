package dev.plate.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every module. Bound from {@code plate.*}, so {@code PLATE_DATA_DIR} sets {@link #dataDir()}.
 *
 * @param dataDir where Plate keeps its embedded database and, later, its Git repositories
 */
@Validated
@ConfigurationProperties("plate")
public record PlateProperties(@DefaultValue("./data") Path dataDir) {}
