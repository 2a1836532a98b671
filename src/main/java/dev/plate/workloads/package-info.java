/**
 * What runs: the resources, pods, logs and events of a project in an environment, as Plate's users see them
 * (Environments page tabs, the API, the CLI), read from Argo CD's API server ({@code argocdserver}) with Plate's own
 * access rules on top (logs need DEVELOPER, or MAINTAINER where configured; every log read audited), log streams
 * shared between readers, and the evidence of why a deployment failed, gathered when it failed and kept with it.
 */
package dev.plate.workloads;
