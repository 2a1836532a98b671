/**
 * How Plate's process starts when it is run as {@code java -jar plate.jar}: from a start-up cache of this jar when
 * one has been recorded (by {@code ./mvnw package}, or after a start without it), and what it gives back once it
 * idles (ADR 0021).
 */
package dev.plate.launch;
