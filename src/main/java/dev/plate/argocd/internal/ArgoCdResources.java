package dev.plate.argocd.internal;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Argo CD's two kinds, named explicitly: the client then needs no API discovery, which a restricted service
 * account may not be allowed to do.
 */
final class ArgoCdResources {

    static final ResourceDefinitionContext APPLICATION = context("Application", "applications");
    static final ResourceDefinitionContext APP_PROJECT = context("AppProject", "appprojects");

    private ArgoCdResources() {}

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }
}
