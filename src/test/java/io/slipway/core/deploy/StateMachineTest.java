package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StateMachineTest {
    @Test
    void happyPathIsAllowedInOrder() {
        StateMachine<NodeDeployState> m = NodeDeployState.machine("n1");
        for (NodeDeployState s : new NodeDeployState[] {NodeDeployState.CHECKING_VERSION,
                NodeDeployState.REQUESTING_ACCESS, NodeDeployState.PULLING_ENV, NodeDeployState.STARTING_ENV,
                NodeDeployState.FETCHING_PACKAGE, NodeDeployState.BUILDING, NodeDeployState.CREATING_IMAGE,
                NodeDeployState.PUSHING, NodeDeployState.RECORDING, NodeDeployState.CLEANING_UP, NodeDeployState.DONE}) {
            m.advance(s);
        }
        assertThat(m.current()).isEqualTo(NodeDeployState.DONE);
    }

    @Test
    void illegalTransitionsThrow() {
        StateMachine<NodeDeployState> m = NodeDeployState.machine("n1");
        assertThatThrownBy(() -> m.advance(NodeDeployState.PUSHING))
                .isInstanceOf(StateMachine.IllegalTransitionException.class)
                .hasMessageContaining("PENDING -> PUSHING is not an allowed transition");
        m.advance(NodeDeployState.CHECKING_VERSION);
        // a stale "from" loses the compare-and-set
        assertThatThrownBy(() -> m.transition(NodeDeployState.PENDING, NodeDeployState.ABORTED))
                .isInstanceOf(StateMachine.IllegalTransitionException.class)
                .hasMessageContaining("the state is CHECKING_VERSION");
        m.advance(NodeDeployState.SKIPPED);
        assertThatThrownBy(() -> m.advance(NodeDeployState.CHECKING_VERSION))
                .isInstanceOf(StateMachine.IllegalTransitionException.class);
    }

    @Test
    void terminalStatesHaveNoWayOutAndEveryWorkingStateCanEnd() {
        for (NodeDeployState s : NodeDeployState.values()) {
            if (s.isTerminal()) {
                assertThat(NodeDeployState.TRANSITIONS.getOrDefault(s, java.util.Set.of())).as(s.name()).isEmpty();
            } else {
                boolean canEnd = NodeDeployState.TRANSITIONS.get(s).contains(NodeDeployState.ABORTED)
                        || NodeDeployState.TRANSITIONS.get(s).contains(NodeDeployState.CLEANING_UP);
                assertThat(canEnd).as("%s can fail or abort", s).isTrue();
            }
        }
        assertThat(Arrays.stream(NodeDeployState.values()).filter(NodeDeployState::isRetriable))
                .containsExactlyInAnyOrder(NodeDeployState.FAILED, NodeDeployState.ABORTED, NodeDeployState.DENIED,
                        NodeDeployState.INTERRUPTED);
        StateMachine<DeployState> d = new StateMachine<>("d", DeployState.RUNNING, DeployState.TRANSITIONS);
        d.advance(DeployState.PARTIAL);
        assertThatThrownBy(() -> d.advance(DeployState.SUCCEEDED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void imageIdsMatchAcrossTheirForms() {
        String full = "sha256:bd7601a60ef1752326a028875b358a46bdd547474648050b60b83e369173bec2";
        assertThat(NodePipeline.sameImage(full, "bd7601a60ef1")).isTrue();
        assertThat(NodePipeline.sameImage("bd7601a60ef1752326a028875b358a46bdd547474648050b60b83e369173bec2", full)).isTrue();
        assertThat(NodePipeline.sameImage(full, "58fb5e1aa2dc")).isFalse();
    }
}
