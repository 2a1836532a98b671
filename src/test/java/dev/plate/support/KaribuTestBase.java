package dev.plate.support;

/** Views in the shared application context, with no cluster connected. */
@PlateTest
public abstract class KaribuTestBase extends KaribuSupport {}
