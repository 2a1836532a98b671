package dev.plate.base.ui;

/**
 * A page that shows its own heading (a project's name, say): the app's top bar then names the section it belongs
 * to ("Projects") instead of saying the same words twice.
 */
public interface HasOwnHeading {}
