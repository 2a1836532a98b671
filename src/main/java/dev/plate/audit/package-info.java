/**
 * The audit log: who did what to which target, and when, written in the transaction of the change it records
 * (never without it); read by the audit page and {@code GET /api/v1/audit}.
 */
package dev.plate.audit;
