/**
 * Notifications (issue 19): channels an administrator sets up (generic JSON webhooks signed with HMAC-SHA256,
 * Slack-compatible incoming webhooks) receive events — requests made and decided, deployments' outcomes, rollbacks —
 * through a durable outbox: a delivery is a row written in the transaction of what it tells, sent and retried with
 * backoff by any instance, never in the way of a deploy. Admin → Notifications shows every delivery and resends one.
 */
package dev.plate.notifications;
