package dev.plate.argocd.internal;

import dev.plate.argocd.ArgoCdObject;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * Argo CD's two kinds, named explicitly: the client then needs no API discovery, which a restricted service
 * account may not be allowed to do.
 */
final class ArgoCdResources {

    static final ResourceDefinitionContext APPLICATION = context(ArgoCdObject.Kind.APPLICATION);
    static final ResourceDefinitionContext APP_PROJECT = context(ArgoCdObject.Kind.APP_PROJECT);

    private ArgoCdResources() {}

    static ResourceDefinitionContext of(ArgoCdObject.Kind kind) {
        return kind == ArgoCdObject.Kind.APPLICATION ? APPLICATION : APP_PROJECT;
    }

    private static ResourceDefinitionContext context(ArgoCdObject.Kind kind) {
        return new ResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1")
                .withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(true).build();
    }
}
