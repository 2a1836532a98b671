package dev.plate.base.health;

/**
 * One module's answer to "does the system I talk to work?". Each integration contributes a bean; the
 * dashboard shows them in {@link #order()}.
 */
public interface SystemCheck {

    int order();

    ComponentStatus check();

    /** Whether this check has anything to say now (one about Argo CD's objects has none without a cluster). */
    default boolean applies() {
        return true;
    }
}
