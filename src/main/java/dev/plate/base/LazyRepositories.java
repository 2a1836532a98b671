package dev.plate.base;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.data.repository.Repository;

/**
 * Hands a JPA repository to the beans that need it as a proxy that finds it at its first call, so that creating
 * those beans does not wait for Hibernate, which builds on a thread of its own ({@code bootstrap-mode=deferred}, ADR
 * 0020). Spring Data does this itself when it registers the repositories at start; in the packaged jar they come
 * from ahead-of-time definitions (ADR 0015), where that registration does not run, and every service waited for
 * Hibernate on the main thread. Spring Data then creates every repository once the context is refreshed, so that a
 * query that cannot be built fails the start rather than a first request: that too is done here for the jar.
 */
final class LazyRepositories implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        // Nothing to register: the resolver is set once every definition is known.
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (beanFactory instanceof DefaultListableBeanFactory factory) {
            factory.setAutowireCandidateResolver(new Resolver());
            factory.registerSingleton(AtRefresh.class.getName(), new AtRefresh(factory));
        }
    }

    /** Creates every repository at the end of the start (each once: a second listener finds them made). */
    private record AtRefresh(DefaultListableBeanFactory factory) implements ApplicationListener<ContextRefreshedEvent> {

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            factory.getBeansOfType(Repository.class);
        }
    }

    private static final class Resolver extends ContextAnnotationAutowireCandidateResolver {

        @Override
        protected boolean isLazy(DependencyDescriptor descriptor) {
            Class<?> type = descriptor.getDependencyType();
            return type.isInterface() && Repository.class.isAssignableFrom(type) || super.isLazy(descriptor);
        }
    }
}
