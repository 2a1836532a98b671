/**
 * Approvals (issue 19): in an environment whose {@link dev.plate.environment.ApprovalPolicy} asks for them, a
 * deployment, promotion or rollback becomes a {@link dev.plate.approvals.DeploymentRequests request} — planned and
 * shown as the exact diff — that other people approve or reject; once approved it is committed as planned, or marked
 * stale when the environment changed meanwhile. See docs/adr/0018-approvals.md.
 */
package dev.plate.approvals;
