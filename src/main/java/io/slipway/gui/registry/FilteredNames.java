package io.slipway.gui.registry;

import io.slipway.gui.common.Formats;
import io.slipway.gui.common.QuickFilterList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of names (repositories, tags) with a quick filter (case-insensitive, every word must occur), a summary
 * ("3 of 12 tags") and the text an empty list shows: why it is empty, or that the filter hides everything.
 */
public final class FilteredNames {
    private final ObservableList<String> all = FXCollections.observableArrayList();
    private final QuickFilterList<String> visible = new QuickFilterList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final StringProperty emptyReason = new SimpleStringProperty(this, "emptyReason", "");
    private final StringBinding summary;
    private final StringBinding emptyText;

    FilteredNames(String one, String many) {
        filter.addListener((obs, was, now) -> {
            // typing on only narrows what was shown: then only the shown names are tested again
            if (lower(now).startsWith(lower(was))) {
                visible.narrow(matching(now));
            } else {
                visible.setPredicate(matching(now));
            }
        });
        summary = Bindings.createStringBinding(() -> all.isEmpty() ? ""
                : visible.size() == all.size() ? Formats.plural(all.size(), one, many)
                : visible.size() + " of " + Formats.plural(all.size(), one, many), all, visible);
        emptyText = Bindings.createStringBinding(() -> all.isEmpty() ? emptyReason.get()
                : "No " + one + " matches “" + filter.get().strip() + "”.", all, emptyReason, filter);
    }

    private static Predicate<String> matching(String filterText) {
        String t = lower(filterText).strip();
        List<String> words = t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
        return name -> words.stream().allMatch(name.toLowerCase(Locale.ROOT)::contains);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** Shows {@code names}; {@code reasonIfNone} is what an empty result means. */
    void setAll(List<String> names, String reasonIfNone) {
        emptyReason.set(reasonIfNone);
        all.setAll(names);
    }

    /** Empties the list, saying why (e.g. "Loading…", "Select a repository"). */
    void clear(String reason) {
        setAll(List.of(), reason);
    }

    public int size() {
        return all.size();
    }

    public ObservableList<String> visible() {
        return visible;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public StringBinding emptyTextProperty() {
        return emptyText;
    }
}
