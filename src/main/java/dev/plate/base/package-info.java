/**
 * What every module shares and none owns: the exceptions that map to HTTP answers (validation, not found,
 * conflict, unavailable), health check types, time, ordered YAML, the main layout of the pages and request
 * correlation. Depends on no other module.
 */
package dev.plate.base;
