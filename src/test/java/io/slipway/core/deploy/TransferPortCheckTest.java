package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.core.engine.EngineException;
import io.slipway.core.engine.PublishedPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferPortCheckTest {
    @Test
    void loopbackBindingIsTheAnswer() {
        assertThat(TransferPortCheck.require("n1", "8080/tcp", List.of(new PublishedPort("127.0.0.1", 40123))))
                .hasToString("127.0.0.1:40123");
    }

    @Test
    void noBindingFailsNamingNodeAndPortNotRetryable() {
        assertThatThrownBy(() -> TransferPortCheck.require("d0", "8080/tcp", List.of()))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("node d0 did not publish transfer port 8080/tcp")
                .hasMessageContaining("--bridge=none");
    }

    @Test
    void bindingBeyondLoopbackFails() {
        assertThatThrownBy(() -> TransferPortCheck.require("n2", "9000/tcp", List.of(
                new PublishedPort("127.0.0.1", 40001), new PublishedPort("0.0.0.0", 40001))))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("node n2 published transfer port 9000/tcp on [0.0.0.0:40001], beyond loopback");
    }
}
