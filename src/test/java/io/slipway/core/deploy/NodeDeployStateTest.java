package io.slipway.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NodeDeployStateTest {
    @Test
    void stepsActingOnTheNodeOrRegistryAreCommittedAsTheyStartBookkeepingStepsRideAlong() {
        assertThat(Arrays.stream(NodeDeployState.values()).filter(NodeDeployState::committedOnEntry))
                .containsExactly(NodeDeployState.PULLING_ENV, NodeDeployState.STARTING_ENV,
                        NodeDeployState.FETCHING_PACKAGE, NodeDeployState.BUILDING, NodeDeployState.CREATING_IMAGE,
                        NodeDeployState.PUSHING, NodeDeployState.RUN_CHECKING, NodeDeployState.ROLLING_BACK,
                        NodeDeployState.CLEANING_UP);
    }
}
