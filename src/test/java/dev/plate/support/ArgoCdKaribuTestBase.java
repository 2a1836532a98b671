package dev.plate.support;

/** Views in the application context that is connected to {@link ArgoCdCluster#shared()}. */
@ArgoCdTest
public abstract class ArgoCdKaribuTestBase extends KaribuSupport {}
