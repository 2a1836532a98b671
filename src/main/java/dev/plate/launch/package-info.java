/**
 * How Plate's process starts when it is run as {@code java -jar plate.jar}: from a start-up cache of this jar when
 * one has been recorded, and recording one after a start without it (ADR 0021).
 */
package dev.plate.launch;
