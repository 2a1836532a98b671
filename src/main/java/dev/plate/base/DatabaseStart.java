package dev.plate.base;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Starts {@link DatabaseMigration} as soon as the data source is created and puts {@link MigratedDataSource} in its
 * place, so every user of the database (JPA, JDBC, the session store, health) waits for the schema. Boot's own
 * Liquibase runner is off ({@code spring.liquibase.enabled=false}): it would run the same changelog on the main
 * thread, before everything else (ADR 0020). Its {@code spring.liquibase.*} settings still apply.
 */
final class DatabaseStart implements BeanPostProcessor, EnvironmentAware, ResourceLoaderAware {

    private Environment environment;
    private ResourceLoader resources;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource database && !alreadyMigrated(database)) {
            return new MigratedDataSource(database, DatabaseMigration.start(database, environment, resources));
        }
        return bean;
    }

    /** A data source built over the application's (a proxy, a wrapper) reaches the same database: migrated once. */
    private static boolean alreadyMigrated(DataSource database) {
        try {
            return database instanceof MigratedDataSource || database.isWrapperFor(MigratedDataSource.class);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resources) {
        this.resources = resources;
    }
}
