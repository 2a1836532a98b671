package dev.plate.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database's schema is brought up to date beside the rest of the start, not before it (ADR 0020). */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    // Static: a post-processor is created before the other beans, and must not pull this class's instance in early.
    @Bean
    static DatabaseStart databaseStart() {
        return new DatabaseStart();
    }

    @Bean
    static LazyRepositories lazyRepositories() {
        return new LazyRepositories();
    }
}
