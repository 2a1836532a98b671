package dev.plate.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login and session settings, bound from {@code plate.security.*}.
 *
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockDuration how long a locked account stays locked
 * @param sessionTimeout idle time after which a browser session ends
 * @param sessionRecheckInterval how often each instance re-reads a session's database row, which bounds how
 *     long a logout or a disabled account takes to reach the other instances
 * @param adminUsername name of the administrator account created on first start
 * @param adminPassword its password ({@code PLATE_ADMIN_PASSWORD}); when empty one is generated and logged once
 * @param loginTokenLifetime how long a token from {@code plate login} ({@code POST /api/v1/login}) stays valid
 */
@Validated
@ConfigurationProperties("plate.security")
public record SecurityProperties(
        @DefaultValue("5") @Min(1) int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("10s") Duration sessionRecheckInterval,
        @DefaultValue("admin") String adminUsername,
        @DefaultValue("") String adminPassword,
        @DefaultValue("12h") Duration loginTokenLifetime) {}
