/**
 * Settings an admin saves at runtime (a key-value table, with secrets sealed by AES-GCM), taking precedence over
 * the environment's {@code PLATE_*} values where a module says so.
 */
package dev.plate.settings;
