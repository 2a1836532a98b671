package dev.plate.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plate.support.HttpSession;
import dev.plate.support.PlateTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an operator's probes and scrapers see, without logging in. */
@PlateTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void liveness_and_readiness_probes_answer_up() {
        var http = new HttpSession();

        var liveness = http.get(url("/actuator/health/liveness"));
        var readiness = http.get(url("/actuator/health/readiness"));

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheus_metrics_are_served() {
        var metrics = new HttpSession().get(url("/actuator/prometheus"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void other_actuator_endpoints_are_closed() {
        var http = new HttpSession();
        http.login(url(""), "admin", PlateTest.ADMIN_PASSWORD);

        for (String endpoint : new String[] {"/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers"}) {
            var response = http.get(url(endpoint));
            assertThat(response.statusCode()).as(endpoint).isIn(403, 404);
            assertThat(response.body()).as(endpoint).doesNotContain("propertySources", "contexts");
        }
    }

    @Test
    void a_request_id_from_the_caller_is_echoed_and_one_is_made_when_missing() {
        var http = new HttpSession();

        var given = http.get(url("/actuator/health"), "X-Request-Id", "trace-abc.123");
        var generated = http.get(url("/actuator/health"));

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("trace-abc.123");
        assertThat(generated.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
