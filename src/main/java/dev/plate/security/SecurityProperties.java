package dev.plate.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login and session settings, bound from {@code plate.security.*}.
 *
 * @param maxFailedLogins failed sign-ins in a row from one source address after which that address is locked out of
 *     the account (ten times as many from anywhere lock the account for every address that has not signed in to it
 *     in the last 30 days)
 * @param lockDuration how long a lock lasts
 * @param signInFailuresPerMinute failed sign-ins one source address may make per minute, whatever the accounts
 *     ({@code /login}, {@code /api/v1/login}, {@code /git}); beyond, every attempt from it is refused for a while
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
        @DefaultValue("12h") Duration loginTokenLifetime,
        @DefaultValue("10") @Min(1) int signInFailuresPerMinute) {}
