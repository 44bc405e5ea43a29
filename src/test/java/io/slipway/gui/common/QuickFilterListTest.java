package io.slipway.gui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

class QuickFilterListTest {
    private final ObservableList<String> source = FXCollections.observableArrayList("kube-proxy", "golang", "kubelet",
            "musl", "go-kube");
    private final QuickFilterList<String> list = new QuickFilterList<>(source);
    private final List<String> removedSeen = new ArrayList<>();
    private final List<String> addedSeen = new ArrayList<>();

    QuickFilterListTest() {
        list.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                removedSeen.addAll(c.getRemoved());
                addedSeen.addAll(c.getAddedSubList());
            }
        });
    }

    @Test
    void showsEverythingUntilFiltered() {
        assertThat(list).containsExactlyElementsOf(source);
    }

    @Test
    void setPredicateReportsWhatWasShownAsRemovedAndWhatIsShownAsAdded() {
        list.setPredicate(s -> s.contains("kube"));

        assertThat(list).containsExactly("kube-proxy", "kubelet", "go-kube");
        assertThat(removedSeen).containsExactlyElementsOf(source);
        assertThat(addedSeen).containsExactly("kube-proxy", "kubelet", "go-kube");
    }

    @Test
    void removedListOfAnEarlierChangeStaysIntactAfterLaterRefilters() {
        List<List<? extends String>> removedLists = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            c.next();
            removedLists.add(c.getRemoved()); // kept by reference, read only after the later refilter
        });
        list.setPredicate(s -> s.startsWith("k"));
        list.setPredicate(s -> s.startsWith("g"));

        assertThat(new ArrayList<String>(removedLists.get(0))).containsExactlyElementsOf(source);
        assertThat(new ArrayList<String>(removedLists.get(1))).containsExactly("kube-proxy", "kubelet");
    }

    @Test
    void narrowTestsOnlyTheVisibleElements() {
        list.setPredicate(s -> s.contains("kube"));
        List<String> tested = new ArrayList<>();
        list.narrow(s -> {
            tested.add(s);
            return s.contains("kubel");
        });

        assertThat(tested).containsExactly("kube-proxy", "kubelet", "go-kube");
        assertThat(list).containsExactly("kubelet");
    }

    @Test
    void sourceChangesAreRefilteredWithTheCurrentPredicate() {
        list.setPredicate(s -> s.contains("kube"));
        source.add(0, "kube-apiserver");
        source.remove("kubelet");

        assertThat(list).containsExactly("kube-apiserver", "kube-proxy", "go-kube");
        source.setAll("musl");
        assertThat(list).isEmpty();
    }

    @Test
    void aSortedListOnTopFollowsEveryRefilter() {
        SortedList<String> sorted = new SortedList<>(list, Comparator.naturalOrder());
        list.setPredicate(s -> s.contains("go") || s.contains("kube"));
        assertThat(sorted).containsExactly("go-kube", "golang", "kube-proxy", "kubelet");

        list.narrow(s -> s.contains("go"));
        assertThat(sorted).containsExactly("go-kube", "golang");

        list.setPredicate(s -> true);
        assertThat(sorted).containsExactly("go-kube", "golang", "kube-proxy", "kubelet", "musl");
    }

    @Test
    void isReadOnlyAndChecksIndexes() {
        assertThatThrownBy(() -> list.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void changeMustBeAdvancedBeforeItIsRead() {
        List<RuntimeException> errors = new ArrayList<>();
        list.addListener((ListChangeListener<String>) c -> {
            try {
                c.getFrom();
            } catch (IllegalStateException e) {
                errors.add(e);
            }
        });
        list.setPredicate(s -> false);

        assertThat(errors).hasSize(1);
    }
}
