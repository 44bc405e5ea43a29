package io.slipway.gui.inventory;

import io.slipway.core.common.Progress;
import io.slipway.core.audit.AuditReasons;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.inventory.Node;
import io.slipway.core.inventory.NodeInventory;
import io.slipway.core.inventory.NodeSpec;
import io.slipway.core.inventory.NodeStatus;
import io.slipway.core.inventory.ProbeResult;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import io.slipway.gui.tasks.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet: all nodes, narrowed by a quick filter, a group, a label and a status; add / edit / remove through the
 * inventory; {@link #probeAll()} probes every node concurrently and updates each row as its node answers.
 */
public final class NodesViewModel extends RefreshableViewModel<List<Node>> {
    private static final Logger LOG = LoggerFactory.getLogger(NodesViewModel.class);
    /** The group choice that means "every group". */
    public static final String ALL_GROUPS = "All groups";
    public static final String ALL_LABELS = "All labels";
    public static final String ALL_STATUSES = "All statuses";

    private final NodeInventory inventory;
    private final Map<String, String> lastUpgrades = new HashMap<>();
    private Supplier<Map<String, String>> lastUpgradeSource = Map::of;
    private volatile Map<String, String> loadedUpgrades = Map.of();
    private final Executor probeExecutor;
    private final Executor fxThread;
    private final Duration probeTimeout;
    private final ObservableList<NodeRow> all = FXCollections.observableArrayList();
    private final FilteredList<NodeRow> visible = new FilteredList<>(all);
    private final ObservableList<String> groups = FXCollections.observableArrayList(ALL_GROUPS);
    private final ObservableList<String> labels = FXCollections.observableArrayList(ALL_LABELS);
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ALL_STATUSES);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<String> group = new SimpleObjectProperty<>(this, "group", ALL_GROUPS);
    private final ObjectProperty<String> label = new SimpleObjectProperty<>(this, "label", ALL_LABELS);
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", ALL_STATUSES);
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper(this, "probing");
    private final DoubleProperty probeProgress = new SimpleDoubleProperty(this, "probeProgress", 0);
    private final StringProperty probeMessage = new SimpleStringProperty(this, "probeMessage", "");
    private final StringProperty actionError = new SimpleStringProperty(this, "actionError", "");
    private final StringBinding summary;
    private final StringBinding emptyText;

    /**
     * @param probeExecutor where the core runs the concurrent probes
     * @param fxThread      delivers row updates to the FX thread ({@code Platform::runLater}; tests run inline)
     */
    public NodesViewModel(NodeInventory inventory, TaskExecutor executor, Executor probeExecutor, Executor fxThread) {
        this(inventory, executor, probeExecutor, fxThread, NodeInventory.DEFAULT_PROBE_TIMEOUT);
    }

    public NodesViewModel(NodeInventory inventory, TaskExecutor executor, Executor probeExecutor, Executor fxThread,
                          Duration probeTimeout) {
        super(executor, "Loading nodes");
        this.inventory = inventory;
        this.probeExecutor = probeExecutor;
        this.fxThread = fxThread;
        this.probeTimeout = probeTimeout;
        for (NodeStatus s : NodeStatus.values()) {
            statuses.add(s.name().toLowerCase(Locale.ROOT));
        }
        visible.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String text = filterText.get() == null ? "" : filterText.get();
            String g = group.get();
            String l = label.get();
            String s = status.get();
            return row -> row.matches(text)
                    && (g == null || ALL_GROUPS.equals(g) || row.groupList().contains(g))
                    && (l == null || ALL_LABELS.equals(l) || hasLabel(row, l))
                    && (s == null || ALL_STATUSES.equals(s) || row.statusText().equals(s));
        }, filterText, group, label, status));
        summary = Bindings.createStringBinding(() -> visible.size() == all.size()
                ? Formats.plural(all.size(), "node", "nodes")
                : visible.size() + " of " + Formats.plural(all.size(), "node", "nodes"), visible, all);
        emptyText = Bindings.createStringBinding(() -> all.isEmpty()
                ? "No nodes in this workspace yet." : "No node matches the filter.", all);
    }

    private static boolean hasLabel(NodeRow row, String keyValue) {
        int eq = keyValue.indexOf('=');
        return eq > 0 && keyValue.substring(eq + 1).equals(row.labelMap().get(keyValue.substring(0, eq)));
    }

    /**
     * Where the "Last upgrade" column reads from: node → its last upgrade result per software, in words (read with
     * the nodes, off the FX thread). Without it the column stays empty.
     */
    public void lastUpgradesFrom(Supplier<Map<String, String>> source) {
        this.lastUpgradeSource = source;
    }

    @Override
    protected List<Node> load(Progress progress) {
        progress.progress(0, 0, "Reading nodes from the workspace");
        List<Node> nodes = inventory.all();
        loadedUpgrades = lastUpgradeSource.get();
        return nodes;
    }

    @Override
    protected void show(List<Node> loaded) {
        lastUpgrades.clear();
        lastUpgrades.putAll(loadedUpgrades);
        all.setAll(loaded.stream().map(NodeRow::of).toList());
        updateChoices(loaded);
    }

    private void updateChoices(List<Node> loaded) {
        TreeSet<String> groupNames = new TreeSet<>();
        TreeSet<String> labelPairs = new TreeSet<>();
        loaded.forEach(n -> {
            groupNames.addAll(n.groups());
            n.labels().forEach((k, v) -> labelPairs.add(k + "=" + v));
        });
        setChoices(groups, group, ALL_GROUPS, groupNames);
        setChoices(labels, label, ALL_LABELS, labelPairs);
    }

    private static void setChoices(ObservableList<String> list, ObjectProperty<String> chosen, String all,
                                   TreeSet<String> names) {
        List<String> choices = new ArrayList<>();
        choices.add(all);
        choices.addAll(names);
        String was = chosen.get();
        list.setAll(choices);
        chosen.set(choices.contains(was) ? was : all);
    }

    /** Ctrl+R on this view probes the fleet rather than only re-reading it. */
    @Override
    public void refreshByUser() {
        probeAll();
    }

    /**
     * Probes every node concurrently as one background task; each row is replaced as soon as its node answers
     * (or times out), so one slow node holds up neither the others nor the FX thread.
     */
    public void probeAll() {
        if (probing.get()) {
            return;
        }
        probing.set(true);
        probeProgress.set(-1);
        probeMessage.set("Probing nodes…");
        Tasks.create(progress -> {
            List<Node> targets = inventory.all();
            int total = targets.size();
            fxThread.execute(() -> {
                all.setAll(targets.stream().map(NodeRow::of).toList());
                updateChoices(targets);
                probeProgress.set(total == 0 ? 1 : 0);
            });
            AtomicInteger done = new AtomicInteger();
            progress.progress(0, total, "Probing " + Formats.plural(total, "node", "nodes"));
            inventory.refresh(targets, probeExecutor, probeTimeout, r -> {
                int d = done.incrementAndGet();
                String msg = d + " of " + total + " answered (" + r.node() + (r.reachable() ? " reachable)" : " unreachable)");
                progress.progress(d, total, msg);
                Optional<Node> fresh = find(r.node());
                fxThread.execute(() -> {
                    fresh.ifPresent(n -> replaceRow(NodeRow.of(n)));
                    probeProgress.set(total == 0 ? 1 : (double) d / total);
                    probeMessage.set(msg);
                });
            }).get();
            return inventory.all();
        }).title("Refreshing nodes")
                .onSuccess(nodes -> {
                    show(nodes);
                    long up = nodes.stream().filter(n -> n.status() == NodeStatus.REACHABLE).count();
                    probeMessage.set(up + " of " + Formats.plural(nodes.size(), "node", "nodes") + " reachable");
                })
                .onError(Exception.class, e -> {
                    LOG.warn("refreshing nodes failed", e);
                    probeMessage.set("Refresh failed: " + e.getMessage());
                })
                .andFinally(() -> {
                    probing.set(false);
                    probeProgress.set(1);
                })
                .runOn(executor());
    }

    private Optional<Node> find(String name) {
        return inventory.all().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private void replaceRow(NodeRow row) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(row.name())) {
                all.set(i, row);
                return;
            }
        }
        all.add(row);
    }

    /** A problem with the form, in the user's terms, or empty when it can be saved. */
    public String validate(NodeForm form) {
        try {
            form.toSpec().validated();
            return "";
        } catch (UserFacingException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public void addNode(NodeForm form) {
        addNode(form, null);
    }

    /** Adds the node; {@code reason} (may be blank) is recorded with the audit event. */
    public void addNode(NodeForm form, String reason) {
        change("Adding node " + form.name(), () -> AuditReasons.during(reason, () -> inventory.add(spec(form))));
    }

    public void editNode(String originalName, NodeForm form) {
        editNode(originalName, form, null);
    }

    /** Saves the node; {@code reason} (may be blank) is recorded with the audit event. */
    public void editNode(String originalName, NodeForm form, String reason) {
        change("Saving node " + originalName, () -> AuditReasons.during(reason, () -> {
            inventory.update(originalName, spec(form));
            return null;
        }));
    }

    public void removeNode(String name) {
        change("Removing node " + name, () -> inventory.remove(name));
    }

    private static NodeSpec spec(NodeForm form) {
        return form.toSpec().validated();
    }

    private void change(String title, Runnable work) {
        actionError.set("");
        Tasks.create(progress -> {
            work.run();
            return inventory.all();
        }).title(title)
                .onSuccess(this::show)
                .onError(Exception.class, e -> {
                    LOG.warn("{} failed", title, e);
                    actionError.set(title + " failed: " + e.getMessage());
                })
                .runOn(executor());
    }

    /** Node name → its last upgrade result per software ("" when it had none). */
    public String lastUpgrade(String node) {
        return lastUpgrades.getOrDefault(node, "");
    }

    public ObservableList<NodeRow> visibleNodes() {
        return visible;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    public ObservableList<String> labels() {
        return labels;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<String> groupProperty() {
        return group;
    }

    public ObjectProperty<String> labelProperty() {
        return label;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }

    /** 0..1 while probing ({@code -1} before the first answer), 1 when done. */
    public DoubleProperty probeProgressProperty() {
        return probeProgress;
    }

    public StringProperty probeMessageProperty() {
        return probeMessage;
    }

    /** Empty unless the last add / edit / remove failed. */
    public StringProperty actionErrorProperty() {
        return actionError;
    }

    /** What an empty table means: no nodes at all, or none that pass the filters. */
    public StringBinding emptyTextProperty() {
        return emptyText;
    }

    public StringBinding summaryProperty() {
        return summary;
    }
}
