/**
 * Who may do what: users and roles, the sign-in (with throttling per address and account), sessions shared
 * across instances (spring-session-jdbc), API tokens and service accounts, login tokens for the CLI, and the
 * login and profile pages.
 */
package dev.plate.security;
