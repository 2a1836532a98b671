package dev.plate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plate resources} draws the owner tree Argo CD reports; {@code plate events} lists and watches events. */
class ResourcesAndEventsTest {

    static final String RESOURCES = "/api/v1/projects/shop/environments/dev/resources";
    static final String EVENTS = "/api/v1/projects/shop/environments/dev/events";

    @TempDir
    Path config;

    FakePlate plate;

    @BeforeEach
    void start() throws IOException {
        plate = new FakePlate(config);
    }

    @AfterEach
    void stop() {
        plate.close();
    }

    /** An instant as the API writes it, {@code minutes} ago: ages of 10 minutes to 3 hours print as whole minutes. */
    static String ago(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes)).toString();
    }

    static String resource(String kind, String name, String uid, String parent, String health, String status,
            String ready, int restarts, String message) {
        // What the Application manages has a sync status; what those make (ReplicaSets, Pods) has none ("").
        String sync = parent != null ? "" : kind.equals("Service") ? "OutOfSync" : "Synced";
        return """
                {"kind":"%s","group":"","namespace":"shop-dev","name":"%s","uid":"%s","parents":[%s],"health":%s,\
                "message":%s,"sync":"%s","status":%s,"ready":%s,"restarts":%d,"images":[],"createdAt":"%s"}"""
                .formatted(kind, name, uid, parent == null ? "" : "\"" + parent + "\"", quoted(health), quoted(message),
                        sync, quoted(status), quoted(ready), restarts, ago(30));
    }

    static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void resources_are_drawn_under_their_owners_with_the_message_of_what_is_unhealthy() {
        // Pods come before their owners, as the API may list them: the tree does not depend on the order.
        plate.answers(RESOURCES, "{\"application\":\"shop-dev\",\"resources\":["
                + resource("Pod", "shop-7d9-a", "p1", "rs1", "Degraded", "CrashLoopBackOff", "0/1", 5,
                        "back-off 5m0s restarting failed container") + ","
                + resource("Pod", "shop-7d9-b", "p2", "rs1", "Healthy", "Running", "1/1", 0, "all good") + ","
                + resource("Deployment", "shop", "d1", null, "Degraded", null, null, 0, "1 of 2 pods not ready") + ","
                + resource("ReplicaSet", "shop-7d9", "rs1", "d1", "Healthy", null, null, 0, null) + ","
                + resource("ReplicaSet", "shop-6c8", "rs0", "d1", "Healthy", null, null, 0, null) + ","
                + resource("Pod", "shop-6c8-z", "p0", "rs0", "Healthy", "Running", "1/1", 0, null) + ","
                + resource("Service", "shop", "s1", null, "Healthy", null, null, 0, null) + "]}");

        var run = plate.run("resources", "shop", "--env", "dev");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                KIND          NAME        SYNC       HEALTH    STATUS            READY  RESTARTS  AGE  MESSAGE
                Deployment    shop        Synced     Degraded  -                 -      -         30m  1 of 2 pods not ready
                ├─ReplicaSet  shop-7d9    -          Healthy   -                 -      -         30m
                │ ├─Pod       shop-7d9-a  -          Degraded  CrashLoopBackOff  0/1    5         30m  back-off 5m0s restarting failed container
                │ └─Pod       shop-7d9-b  -          Healthy   Running           1/1    0         30m
                └─ReplicaSet  shop-6c8    -          Healthy   -                 -      -         30m
                  └─Pod       shop-6c8-z  -          Healthy   Running           1/1    0         30m
                Service       shop        OutOfSync  Healthy   -                 -      -         30m
                """);
        assertThat(plate.requests).singleElement().extracting(FakePlate.Request::path).isEqualTo(RESOURCES);
    }

    @Test
    void resources_as_json_are_the_apis_data() {
        plate.answers(RESOURCES, "{\"application\":\"shop-dev\",\"resources\":["
                + resource("Pod", "shop-7d9-a", "p1", "rs1", "Healthy", "Running", "1/1", 0, null) + "]}");

        var run = plate.run("resources", "shop", "dev", "-o", "json");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"application\" : \"shop-dev\"", "\"parents\" : [ \"rs1\" ]",
                "\"restarts\" : 0").doesNotContain("KIND");
    }

    static String event(int minutesAgo, String type, String reason, String name, String message, int count) {
        return """
                {"lastSeen":"%s","type":"%s","reason":"%s","kind":"Pod","name":"%s","message":"%s","count":%d}"""
                .formatted(ago(minutesAgo), type, reason, name, message, count);
    }

    @Test
    void events_are_listed_oldest_first_with_their_age_object_and_count() {
        plate.answers(EVENTS, "{\"events\":[" + event(20, "Warning", "BackOff", "shop-7d9-a",
                "Back-off restarting failed container", 4) + "," + event(45, "Normal", "Pulled", "shop-7d9-a",
                "Successfully pulled image", 1) + "]}");

        var run = plate.run("events", "shop", "-e", "dev");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                LAST SEEN  TYPE     REASON   OBJECT          MESSAGE
                45m        Normal   Pulled   pod/shop-7d9-a  Successfully pulled image
                20m        Warning  BackOff  pod/shop-7d9-a  Back-off restarting failed container (×4)
                """);
    }

    @Test
    void watching_events_prints_only_the_new_ones_until_interrupted() throws InterruptedException {
        String pulled = event(45, "Normal", "Pulled", "shop-7d9-a", "Successfully pulled image", 1);
        String backOff = event(1, "Warning", "BackOff", "shop-7d9-a", "Back-off restarting failed container", 2);
        plate.answers(EVENTS, "{\"events\":[" + pulled + "]}", "{\"events\":[" + backOff + "," + pulled + "]}");

        var watch = plate.new Running("events", "shop", "-e", "dev", "--watch");
        boolean printed = plate.printed("Back-off restarting failed container (×2)");
        var run = watch.stop();

        assertThat(printed).as("the new event, printed on the next check").isTrue();
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out()).startsWith("LAST SEEN").containsOnlyOnce("Successfully pulled image")
                .containsOnlyOnce("LAST SEEN");
        assertThat(plate.requests).hasSizeGreaterThanOrEqualTo(2).allMatch(r -> r.path().equals(EVENTS));
    }

    @Test
    void no_events_is_said_in_words() {
        plate.answers(EVENTS, "{\"events\":[]}");

        assertThat(plate.run("events", "shop", "dev").out()).isEqualTo("No events.\n");
    }
}
