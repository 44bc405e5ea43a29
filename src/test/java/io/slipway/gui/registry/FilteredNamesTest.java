package io.slipway.gui.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilteredNamesTest {
    private final FilteredNames names = new FilteredNames("repository", "repositories");

    @Test
    void everyWordOfTheFilterMustOccurIgnoringCase() {
        names.setAll(List.of("slipway/base", "slipway/buildenv/hello", "team/app", "team/buildenv/app"), "none");

        names.filterProperty().set("BUILDENV  app");

        assertThat(names.visible()).containsExactly("team/buildenv/app");
        assertThat(names.summaryProperty().get()).isEqualTo("1 of 4 repositories");
        names.filterProperty().set("team");
        names.filterProperty().set("team/b"); // typing on narrows
        assertThat(names.visible()).containsExactly("team/buildenv/app");
        names.filterProperty().set("team"); // a deleted character widens again
        assertThat(names.visible()).containsExactly("team/app", "team/buildenv/app");
        names.filterProperty().set("");
        assertThat(names.visible()).hasSize(4);
        assertThat(names.summaryProperty().get()).isEqualTo("4 repositories");
    }

    @Test
    void anEmptyListSaysWhyAndAFilterThatHidesAllSaysSo() {
        names.clear("Connecting…");
        assertThat(names.emptyTextProperty().get()).isEqualTo("Connecting…");
        assertThat(names.summaryProperty().get()).isEmpty();

        names.setAll(List.of("team/app"), "none");
        names.filterProperty().set("nothing-like-it");

        assertThat(names.visible()).isEmpty();
        assertThat(names.emptyTextProperty().get()).isEqualTo("No repository matches “nothing-like-it”.");
    }
}
