package dev.plate.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class CorrelationIdFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "3f2c-11aa", "req_1.2:3"})
    void a_plausible_request_id_is_kept(String id) {
        var request = new MockHttpServletRequest();
        request.addHeader(CorrelationIdFilter.HEADER, id);

        assertThat(CorrelationIdFilter.correlationIdOf(request)).isEqualTo(id);
    }

    static Stream<String> hostileIds() {
        return Stream.of("", "line\nbreak", "with space", "<script>", "x".repeat(65));
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void a_hostile_or_oversized_request_id_is_replaced(String id) {
        var request = new MockHttpServletRequest();
        request.addHeader(CorrelationIdFilter.HEADER, id);

        assertThat(CorrelationIdFilter.correlationIdOf(request)).isNotEqualTo(id).matches("[0-9a-f-]{36}");
    }
}
