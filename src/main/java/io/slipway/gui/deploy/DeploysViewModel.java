package io.slipway.gui.deploy;

import io.slipway.core.common.Progress;
import io.slipway.core.deploy.DeployRecord;
import io.slipway.core.deploy.DeployRepository;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Deploy history (master) and the selected deploy's per-node results (detail). */
public final class DeploysViewModel extends RefreshableViewModel<List<DeployRecord>> {
    private final DeployRepository deploys;
    private final ObservableList<DeployRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<DeployRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<NodeDeployRow> nodeRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle", "");

    public DeploysViewModel(DeployRepository deploys, TaskExecutor executor) {
        super(executor, "Loading deploys");
        this.deploys = deploys;
        selected.addListener((obs, was, now) -> showDetail(now));
    }

    @Override
    protected List<DeployRecord> load(Progress progress) {
        progress.progress(0, 0, "Reading deploy history");
        return deploys.all();
    }

    @Override
    protected void show(List<DeployRecord> loaded) {
        long keep = selected.get() == null ? -1 : selected.get().record().id();
        rows.setAll(loaded.stream().map(DeployRow::of).toList());
        selected.set(rows.stream().filter(r -> r.record().id() == keep).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
    }

    private void showDetail(DeployRow row) {
        if (row == null) {
            nodeRows.clear();
            summary.set("");
            detailTitle.set("No deploy selected");
            return;
        }
        nodeRows.setAll(row.record().nodes().stream().map(NodeDeployRow::of).toList());
        detailTitle.set(row.software() + " " + row.version() + " — " + row.state());
        summary.set(Formats.plural(nodeRows.size(), "node", "nodes") + ": " + row.done() + " done, "
                + row.skipped() + " skipped, " + row.failed() + " failed");
    }

    public ObservableList<DeployRow> deploys() {
        return rows;
    }

    public ObjectProperty<DeployRow> selectedProperty() {
        return selected;
    }

    /** The selected deploy's node rows; also the data of the duration chart. */
    public ObservableList<NodeDeployRow> nodeRows() {
        return nodeRows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }
}
