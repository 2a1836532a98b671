package dev.plate.deployment.internal;

@dev.plate.support.EmbeddedDefaultsTest
class IdsAfterRecoveryOnH2Test extends IdsAfterRecovery {}
