package dev.plate.base.health;

/**
 * The state of one system Plate depends on, as shown on the dashboard.
 *
 * @param component a short name such as "Database"
 * @param state whether it works
 * @param detail one line a person can act on: what it is, or what failed
 */
public record ComponentStatus(String component, State state, String detail) {

    public enum State {
        UP("Connected"),
        DOWN("Unreachable"),
        /** Working, but something waits for a person's decision. */
        ATTENTION("Needs attention"),
        NOT_CONFIGURED("Not configured");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
