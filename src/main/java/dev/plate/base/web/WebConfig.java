package dev.plate.base.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class WebConfig implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

    /** Streamed answers (followed logs) served at once; beyond it a new one waits for one to end. */
    static final int MAX_STREAMS = 2_000;

    /**
     * A streamed answer (a followed log) holds its thread for as long as someone reads. On Boot's default executor
     * (eight threads) the ninth reader would wait for ever; a virtual thread each costs a few kilobytes instead.
     */
    @Override
    public void configureAsyncSupport(
            org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer configurer) {
        var executor = new org.springframework.core.task.SimpleAsyncTaskExecutor("http-stream-");
        executor.setVirtualThreads(true);
        executor.setConcurrencyLimit(MAX_STREAMS);
        configurer.setTaskExecutor(executor);
    }

    /** First in line, before security, so that even a refused request is logged with its id. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        var registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
