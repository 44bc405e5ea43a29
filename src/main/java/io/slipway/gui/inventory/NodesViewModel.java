package io.slipway.gui.inventory;

import io.slipway.core.common.Progress;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeRepository;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The fleet: all nodes, narrowed by a quick filter and a group. */
public final class NodesViewModel extends RefreshableViewModel<List<Node>> {
    /** The group choice that means "every group". */
    public static final String ALL_GROUPS = "All groups";

    private final NodeRepository nodes;
    private final ObservableList<NodeRow> all = FXCollections.observableArrayList();
    private final FilteredList<NodeRow> visible = new FilteredList<>(all);
    private final ObservableList<String> groups = FXCollections.observableArrayList(ALL_GROUPS);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<String> group = new SimpleObjectProperty<>(this, "group", ALL_GROUPS);
    private final StringBinding summary;
    private final StringBinding emptyText;

    public NodesViewModel(NodeRepository nodes, TaskExecutor executor) {
        super(executor, "Loading nodes");
        this.nodes = nodes;
        visible.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String text = filterText.get() == null ? "" : filterText.get();
            String g = group.get();
            return row -> row.matches(text) && (g == null || ALL_GROUPS.equals(g) || row.groupList().contains(g));
        }, filterText, group));
        summary = Bindings.createStringBinding(() -> visible.size() == all.size()
                ? Formats.plural(all.size(), "node", "nodes")
                : visible.size() + " of " + Formats.plural(all.size(), "node", "nodes"), visible, all);
        emptyText = Bindings.createStringBinding(() -> all.isEmpty()
                ? "No nodes in this workspace yet." : "No node matches the filter.", all);
    }

    @Override
    protected List<Node> load(Progress progress) {
        progress.progress(0, 0, "Reading nodes from the workspace");
        return nodes.all();
    }

    @Override
    protected void show(List<Node> loaded) {
        all.setAll(loaded.stream().map(NodeRow::of).toList());
        TreeSet<String> names = new TreeSet<>();
        loaded.forEach(n -> names.addAll(n.groups()));
        List<String> choices = new ArrayList<>();
        choices.add(ALL_GROUPS);
        choices.addAll(names);
        String chosen = group.get();
        groups.setAll(choices);
        group.set(choices.contains(chosen) ? chosen : ALL_GROUPS);
    }

    public ObservableList<NodeRow> visibleNodes() {
        return visible;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<String> groupProperty() {
        return group;
    }

    /** What an empty table means: no nodes at all, or none that pass the filters. */
    public StringBinding emptyTextProperty() {
        return emptyText;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
