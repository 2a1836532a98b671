package dev.plate.deployment.internal;

@dev.plate.support.PlateTest
class IdsAfterRecoveryOnPostgresTest extends IdsAfterRecovery {}
