package io.slipway.gui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FxmlLoaderFactoryTest {
    static final class KnownController {
    }

    static final class UnknownController {
    }

    private final FxmlLoaderFactory factory =
            new FxmlLoaderFactory(Map.<Class<?>, Supplier<?>>of(KnownController.class, KnownController::new));

    @Test
    void buildsRegisteredControllersThroughTheirSupplier() {
        assertThat(factory.createController(KnownController.class)).isInstanceOf(KnownController.class);
    }

    @Test
    void failsLoudlyNamingAnUnregisteredController() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> factory.createController(UnknownController.class))
                .withMessageContaining(UnknownController.class.getName());
    }

    @Test
    void failsNamingAMissingFxmlFile() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> factory.newLoader("NoSuchView"))
                .withMessageContaining("fxml/NoSuchView.fxml");
    }
}
