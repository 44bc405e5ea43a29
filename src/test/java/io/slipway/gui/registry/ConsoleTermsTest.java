package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The core's option names become the console's field and button names; the rest of a message stays. */
class ConsoleTermsTest {
    @Test
    void optionsBecomeFieldsAndTheLoginCommandTheButton() {
        assertThat(ConsoleTerms.of("Registry 'x' needs a URL, e.g. --url https://harbor.example.com"))
                .isEqualTo("Registry 'x' needs a URL, e.g. https://harbor.example.com");
        assertThat(ConsoleTerms.of("Registry 'it' (https://127.0.0.1:5443): the TLS certificate of 127.0.0.1:5443 "
                + "is not trusted (PKIX). Give the registry's CA certificate with --ca FILE."))
                .endsWith("Give the registry's CA certificate as \"CA certificate\" when adding it.");
        assertThat(ConsoleTerms.of("Registry 'ci' (https://h): authentication required, and no credentials are "
                + "stored for it (slipway registry login ci --username U --password-stdin)"))
                .endsWith("stored for it (use \"Log in / Change credentials…\")");
        assertThat(ConsoleTerms.of("Wrong workspace passphrase: it does not unlock the registry credentials"))
                .isEqualTo("Wrong workspace passphrase: it does not unlock the registry credentials");
    }
}
