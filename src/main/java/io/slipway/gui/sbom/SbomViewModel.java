package io.slipway.gui.sbom;

import io.slipway.core.common.Progress;
import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentRepository;
import io.slipway.core.sbom.ComponentType;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.TaskExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The release's components grouped by tier, narrowed by a quick filter; every tier is always listed. */
public final class SbomViewModel extends RefreshableViewModel<List<Component>> {
    private final ComponentRepository components;
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObservableList<SbomTier> tiers = FXCollections.observableArrayList();
    private final ObservableList<ChartSlice> tierSlices = FXCollections.observableArrayList();
    private final ObservableList<ChartSlice> licenceSlices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private List<Component> all = List.of();

    public SbomViewModel(ComponentRepository components, TaskExecutor executor) {
        super(executor, "Loading components");
        this.components = components;
        filterText.addListener((obs, was, now) -> regroup());
    }

    @Override
    protected List<Component> load(Progress progress) {
        progress.progress(0, 0, "Reading components");
        return components.all();
    }

    @Override
    protected void show(List<Component> loaded) {
        all = loaded;
        regroup();
    }

    private void regroup() {
        String needle = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        List<Component> visible = all.stream().filter(c -> matches(c, needle)).toList();
        tiers.setAll(Arrays.stream(ComponentType.values())
                .map(t -> new SbomTier(t, visible.stream().filter(c -> c.type() == t).toList())).toList());
        tierSlices.setAll(tiers.stream().filter(t -> !t.components().isEmpty())
                .map(t -> new ChartSlice(t.label(), t.components().size())).toList());
        licenceSlices.setAll(visible.stream()
                .collect(Collectors.groupingBy(c -> Formats.orNone(c.declaredLicence()), TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> new ChartSlice(e.getKey() + " (" + e.getValue() + ")", e.getValue()))
                .toList());
        emptyText.set(all.isEmpty() ? "No components in this workspace yet." : "No component matches the filter.");
        summary.set(visible.size() == all.size() ? Formats.plural(all.size(), "component", "components")
                : visible.size() + " of " + Formats.plural(all.size(), "component", "components"));
    }

    private static boolean matches(Component c, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        return Stream.of(c.name(), c.version(), c.type().label(), c.declaredLicence(), c.copyright(), c.nativeId(),
                        c.supplier())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle));
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The four tiers in release order, each with the components that pass the filter. */
    public ObservableList<SbomTier> tiers() {
        return tiers;
    }

    /** Components per tier, for the pie; empty tiers left out. */
    public ObservableList<ChartSlice> tierSlices() {
        return tierSlices;
    }

    /** Components per declared licence, for the pie. */
    public ObservableList<ChartSlice> licenceSlices() {
        return licenceSlices;
    }

    /** What an empty tree means: no components at all, or none that pass the filter. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
