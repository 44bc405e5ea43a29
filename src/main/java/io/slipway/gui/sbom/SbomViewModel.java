package io.slipway.gui.sbom;

import io.slipway.core.common.Json;
import io.slipway.core.common.Progress;
import io.slipway.core.common.UserFacingException;
import io.slipway.core.sbom.Component;
import io.slipway.core.sbom.ComponentRepository;
import io.slipway.core.sbom.ComponentType;
import io.slipway.core.sbom.ReleaseMode;
import io.slipway.core.sbom.diff.SbomDiff;
import io.slipway.core.sbom.read.ReadFinding;
import io.slipway.core.sbom.read.SbomDocument;
import io.slipway.core.sbom.read.SbomFile;
import io.slipway.core.sbom.read.SbomPackage;
import io.slipway.core.sbom.read.SbomReader;
import io.slipway.core.sbom.release.Finding;
import io.slipway.core.sbom.release.GateResult;
import io.slipway.core.sbom.release.LoadedRelease;
import io.slipway.core.sbom.release.PlanEntry;
import io.slipway.core.sbom.release.ReleaseComponent;
import io.slipway.core.sbom.release.ReleasePlan;
import io.slipway.core.sbom.release.ReleaseService;
import io.slipway.core.sbom.release.ReleaseSetManifest;
import io.slipway.core.sbom.release.Severity;
import io.slipway.core.sbom.release.TagKey;
import io.slipway.core.sbom.release.Tags;
import io.slipway.core.store.Settings;
import io.slipway.gui.common.Formats;
import io.slipway.gui.common.QuickFilterList;
import io.slipway.gui.common.RefreshableViewModel;
import io.slipway.gui.tasks.Tasks;
import io.slipway.gui.tasks.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SBOM browser: the workspace's components, or an opened SPDX/CycloneDX document, SBOM index or release set,
 * grouped by tier (rows sorted by tier, then name) and narrowed by a quick filter and column filters; the release
 * plan and gate findings of an index; publishing; tag edits written through the workspace (audited); SBOM diff.
 */
public final class SbomViewModel extends RefreshableViewModel<SbomViewModel.Loaded> {
    private static final Logger LOG = LoggerFactory.getLogger(SbomViewModel.class);
    public static final String ALL = "All";
    static final int MAX_LICENCE_SLICES = 8; // more would not fit the legend beside the pie

    /** What is on show: rows, and for an index or release set its release, plan and gate. */
    public record Loaded(String title, Path path, List<ComponentRow> rows, SbomDocument document,
                         LoadedRelease release, ReleasePlan plan, GateResult gate, Path generatedDir) {
        Loaded withGeneratedDir(Path dir) {
            return new Loaded(title, path, rows, document, release, plan, gate, dir);
        }
    }

    /** One line of the diff table. */
    public record DiffRow(String change, String name, String oldVersion, String newVersion, String oldLicence,
                          String newLicence) {
    }

    /** From this many rows on, opening a document settles the heap (see {@link #settleHeap}). */
    static final int SETTLE_HEAP_ROWS = 10_000;

    private final ComponentRepository components;
    private final ReleaseService release;
    private final PolicyChoice policy;
    private final PublishForm publish;

    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final StringProperty tierFilter = new SimpleStringProperty(this, "tierFilter", ALL);
    private final StringProperty licenceFilter = new SimpleStringProperty(this, "licenceFilter", ALL);
    private final StringProperty statusFilter = new SimpleStringProperty(this, "statusFilter", ALL);
    private final ObservableList<String> tierOptions = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> licenceOptions = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> statusOptions = FXCollections.observableArrayList(ALL);
    private final ObservableList<ComponentRow> allRows = FXCollections.observableArrayList();
    private final QuickFilterList<ComponentRow> rows = new QuickFilterList<>(allRows);
    private final ObservableList<ChartSlice> tierSlices = FXCollections.observableArrayList();
    private final ObservableList<ChartSlice> licenceSlices = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "Workspace components");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ObjectProperty<ComponentRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ObservableList<PlanEntry> planEntries = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper gateSummary = new ReadOnlyStringWrapper(this, "gateSummary", "");
    private final ReadOnlyBooleanWrapper releaseOpen = new ReadOnlyBooleanWrapper(this, "releaseOpen");
    private final ObservableList<DiffRow> diffRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper(this, "diffSummary", "");
    private final ReadFindingsViewModel readFindings = new ReadFindingsViewModel();
    private final ObjectProperty<Path> diffBefore = new SimpleObjectProperty<>(this, "diffBefore");
    private final ObjectProperty<Path> diffAfter = new SimpleObjectProperty<>(this, "diffAfter");

    private Loaded loaded;
    private ComponentRow reselect;
    private Path opened;
    private Map<String, SbomFile> filesById = Map.of();
    private final List<String> licenceNames = new ArrayList<>();
    /** The quick-filter text and column filters the visible rows were last filtered by. */
    private String shownNeedle = "";
    private List<String> shownColumns = List.of();

    /**
     * @param settings remembers the release policy file last loaded
     * @param fxThread runs progress updates on the FX thread ({@code Platform::runLater} in the console,
     *                 {@code Runnable::run} in tests)
     */
    public SbomViewModel(ComponentRepository components, ReleaseService release, Settings settings,
                         TaskExecutor executor, Executor fxThread) {
        super(executor, "Loading components");
        this.components = components;
        this.release = release;
        this.policy = new PolicyChoice(settings, executor);
        this.publish = new PublishForm(release, policy, executor, fxThread);
        filterText.addListener((obs, was, now) -> refilter());
        tierFilter.addListener((obs, was, now) -> refilter());
        licenceFilter.addListener((obs, was, now) -> refilter());
        statusFilter.addListener((obs, was, now) -> refilter());
        selected.addListener((obs, was, now) -> details.set(now == null ? "" : describe(now)));
        policy.policyProperty().addListener((obs, was, now) -> regate());
        policy.restoreRemembered();
    }

    /** The release policy the gate applies: built-in, or a file the user loaded (remembered in the workspace). */
    public PolicyChoice policy() {
        return policy;
    }

    /** The output folder, confirmation and publication of the open release. */
    public PublishForm publishing() {
        return publish;
    }

    // ---- loading ----

    @Override
    protected Loaded load(Progress progress) throws Exception {
        Path path = opened;
        if (path != null) {
            return open(path, progress);
        }
        progress.progress(0, 0, "Reading components");
        Map<String, Tags> overrides = release.tags().overrides();
        List<ComponentRow> rows = components.all().stream()
                .map(c -> withOverrides(ComponentRow.of(c, "", c), overrides.get(c.id()))).toList();
        return new Loaded("Workspace components", null, sorted(rows), null, null, null, null, null);
    }

    /** Opens an SPDX or CycloneDX file, an SBOM index or a release set in the background; on error keeps what is shown. */
    public void open(Path path) {
        opening.set(true);
        message.set("");
        Tasks.create(p -> open(path, p))
                .title("Opening " + path.getFileName())
                .onSuccess(l -> {
                    opened = path;
                    show(l);
                })
                .onError(UserFacingException.class, e -> message.set(e.getMessage()))
                .onError(Exception.class, e -> {
                    LOG.warn("Opening {} failed", path, e);
                    message.set("Cannot open " + path + ": " + e.getMessage());
                })
                .andFinally(() -> opening.set(false))
                .runOn(executor());
    }

    /** Back to the workspace's own components. */
    public void showWorkspace() {
        opened = null;
        refresh();
    }

    Loaded open(Path path, Progress progress) throws IOException {
        if (isReleaseSet(path)) {
            progress.progress(0, 0, "Generating the SBOM of release set " + path.getFileName());
            Path out = Files.createTempDirectory("slipway-sbom-");
            try {
                Path index = release.generate(path, out).index();
                return openIndex(index, "Release set " + path, path, progress).withGeneratedDir(out);
            } catch (RuntimeException e) {
                deleteTree(out);
                throw e;
            }
        }
        progress.progress(0, 0, "Reading " + path.getFileName());
        SbomDocument doc = SbomReader.read(path);
        if (!doc.externalDocumentRefs().isEmpty()) {
            return openIndex(path, "SBOM index " + path, path, progress);
        }
        progress.progress(1, 2, "Building the table");
        Map<String, Tags> overrides = release.tags().overrides();
        List<ComponentRow> rows = new ArrayList<>(doc.packages().size());
        for (SbomPackage p : doc.packages()) {
            ComponentRow row = ComponentRow.of(p);
            rows.add(withOverrides(row, overrides.get(row.id())));
        }
        Loaded result = new Loaded(doc.format().label() + " " + path, path, sorted(rows), doc, null, null, null, null);
        if (rows.size() >= SETTLE_HEAP_ROWS) {
            settleHeap(progress);
        }
        return result;
    }

    /**
     * A large document leaves ~100 MB of long-lived rows and packages in the young generation, which G1 would then
     * copy between survivor spaces at each young pause while the user types into the filter (50-300 ms stalls,
     * measured by {@code scripts/bench-sbom-filter.sh}). One full collection now, while the user still waits for
     * the open, moves them to the old generation at once, so later pauses only see short-lived garbage.
     */
    @SuppressWarnings("java:S1215") // deliberate: see above
    private static void settleHeap(Progress progress) {
        progress.progress(1, 1, "Settling memory");
        System.gc();
    }

    private Loaded openIndex(Path index, String title, Path path, Progress progress) {
        progress.progress(0, 0, "Loading SBOM index " + index.getFileName());
        LoadedRelease r = release.load(index, Optional.empty());
        return gated(new Loaded(title + " (" + r.name() + " " + r.version() + ")", path, List.of(), null, r,
                release.plan(r), null, null));
    }

    /** The release {@code l} shows, judged by the gate under the policy in effect: findings and row statuses. */
    private Loaded gated(Loaded l) {
        GateResult gate = release.gate(l.release(), policy.policy());
        Map<String, String> status = new HashMap<>();
        for (Finding f : gate.findings()) {
            status.merge(f.componentId(), f.severity().name(),
                    (a, b) -> a.equals(Severity.FAIL.name()) || b.equals(Severity.FAIL.name()) ? Severity.FAIL.name() : b);
        }
        List<ComponentRow> rows = l.release().components().stream()
                .map(c -> ComponentRow.of(c.toComponent(), status.getOrDefault(c.id(), "PASS"), c)).toList();
        return new Loaded(l.title(), l.path(), sorted(rows), null, l.release(), l.plan(), gate, l.generatedDir());
    }

    /** After a new policy was loaded: the gate runs again over the release on show (nothing is re-read). */
    private void regate() {
        Loaded shown = loaded;
        if (shown == null || shown.release() == null) {
            return;
        }
        Tasks.create(p -> {
                    p.progress(0, 0, "Running the release gate under " + policy.policy().source());
                    return gated(shown);
                })
                .title("Release gate")
                .onSuccess(l -> {
                    if (loaded == shown) { // something else opened meanwhile: its own gate already used the policy
                        show(l);
                    }
                })
                .onError(Exception.class, e -> {
                    LOG.warn("The release gate failed", e);
                    message.set("Cannot run the release gate: " + e.getMessage());
                })
                .runOn(executor());
    }

    static boolean isReleaseSet(Path path) {
        if (Files.isDirectory(path)) {
            return true;
        }
        if (path.getFileName() != null && path.getFileName().toString().equals(ReleaseSetManifest.FILE_NAME)) {
            return true;
        }
        try {
            if (path.toString().endsWith(".json") && Files.size(path) < 4_000_000) {
                var tree = Json.MAPPER.readTree(path.toFile());
                return tree != null && tree.has("components") && !tree.has("bomFormat") && !tree.has("spdxVersion");
            }
        } catch (IOException | RuntimeException e) {
            return false; // not JSON: let the SBOM reader say what it is
        }
        return false;
    }

    private static ComponentRow withOverrides(ComponentRow row, Tags top) {
        if (top == null) {
            return row;
        }
        ComponentType type = top.type() != null ? top.type() : row.type();
        String mode = top.mode() != null ? Integer.toString(top.mode().number()) : row.mode();
        String nativeId = top.nativeId() != null ? top.nativeId() : row.nativeId();
        return new ComponentRow(row.id(), row.name(), row.version(), type, mode, nativeId, row.declaredLicence(),
                row.concludedLicence(), row.copyright(), row.status(), row.source());
    }

    private static List<ComponentRow> sorted(List<ComponentRow> rows) {
        List<ComponentRow> out = new ArrayList<>(rows);
        out.sort(Comparator.comparingInt(ComponentRow::tierOrder).thenComparing(ComponentRow::name)
                .thenComparing(ComponentRow::version));
        return out;
    }

    /** Removes the SBOM generated for a release set once something else is shown. */
    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot remove the generated SBOM {}: {}", dir, e.getMessage());
        }
    }

    @Override
    protected void show(Loaded l) {
        Path oldGenerated = loaded == null ? null : loaded.generatedDir();
        if (oldGenerated != null && !oldGenerated.equals(l.generatedDir())) {
            Tasks.create(p -> {
                deleteTree(oldGenerated);
                return null;
            }).title("Removing " + oldGenerated.getFileName()).runOn(executor());
        }
        loaded = l;
        source.set(l.title());
        filesById = new HashMap<>();
        if (l.document() != null) {
            l.document().files().forEach(f -> filesById.putIfAbsent(f.spdxId(), f));
        }
        String selectedId = selected.get() == null ? null : selected.get().id();
        reselect = selectedId == null ? null
                : l.rows().stream().filter(r -> selectedId.equals(r.id())).findFirst().orElse(null);
        if (!selected.isBound()) { // bound to the table's selection, which the new rows clear
            selected.set(reselect);
        }
        setOptions(tierOptions, l.rows().stream().map(ComponentRow::tier).toList(), tierFilter);
        setOptions(licenceOptions, l.rows().stream().map(ComponentRow::chartLicence).toList(), licenceFilter);
        setOptions(statusOptions, l.rows().stream().map(ComponentRow::status).filter(s -> !s.isEmpty()).toList(),
                statusFilter);
        Map<String, Integer> slots = new HashMap<>();
        licenceNames.clear();
        for (ComponentRow r : l.rows()) {
            r.licenceSlot = slots.computeIfAbsent(r.chartLicence(), k -> {
                licenceNames.add(k);
                return licenceNames.size() - 1;
            });
        }
        allRows.setAll(l.rows());
        readFindings.show(l.document());
        planEntries.setAll(l.plan() == null ? List.of() : l.plan().entries());
        findings.setAll(l.gate() == null ? List.of() : l.gate().findings());
        releaseOpen.set(l.release() != null);
        publish.show(l.release(), l.gate(), l.generatedDir());
        gateSummary.set(l.gate() == null ? "" : "Gate " + l.gate().status() + ": "
                + l.gate().count(Severity.FAIL) + " FAIL, " + l.gate().count(Severity.WARN) + " WARN"
                + (l.plan() == null ? "" : "; " + l.plan().artefactCount() + " files to publish"));
        refilter();
    }

    private static void setOptions(ObservableList<String> options, List<String> values, StringProperty filter) {
        List<String> all = new ArrayList<>();
        all.add(ALL);
        all.addAll(new TreeSet<>(values));
        options.setAll(all);
        if (!all.contains(filter.get())) {
            filter.set(ALL);
        }
    }

    // ---- filtering ----

    private void refilter() {
        String needle = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        String tier = tierFilter.get();
        String licence = licenceFilter.get();
        String status = statusFilter.get();
        Predicate<ComponentRow> p = r -> r.matches(needle)
                && (tier == null || ALL.equals(tier) || tier.equals(r.tier()))
                && (licence == null || ALL.equals(licence) || licence.equals(r.chartLicence()))
                && (status == null || ALL.equals(status) || status.equals(r.status()));
        List<String> columns = Arrays.asList(tier, licence, status);
        // typing on: every row containing the longer text contains the shorter one, so only visible rows can match
        if (needle.contains(shownNeedle) && columns.equals(shownColumns)) {
            rows.narrow(p);
        } else {
            rows.setPredicate(p);
        }
        shownNeedle = needle;
        shownColumns = columns;
        updateCharts();
    }

    private void updateCharts() {
        // one pass over the visible rows with plain counters: this runs on every filter keystroke
        long[] perTier = new long[ComponentType.values().length + 1];
        long[] perLicence = new long[licenceNames.size()];
        for (ComponentRow r : rows) {
            perTier[r.tierOrder()]++;
            perLicence[r.licenceSlot]++;
        }
        List<ChartSlice> tiers = new ArrayList<>();
        for (int order = 0; order < perTier.length; order++) {
            if (perTier[order] > 0) {
                tiers.add(new ChartSlice(tierLabel(order) + " (" + perTier[order] + ")", perTier[order]));
            }
        }
        if (!tiers.equals(tierSlices)) {
            tierSlices.setAll(tiers);
        }
        Map<String, Long> nonZero = new HashMap<>();
        for (int i = 0; i < perLicence.length; i++) {
            if (perLicence[i] > 0) {
                nonZero.put(licenceNames.get(i), perLicence[i]);
            }
        }
        List<Map.Entry<String, Long>> byCount = new ArrayList<>(nonZero.entrySet());
        byCount.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<ChartSlice> licences = new ArrayList<>();
        long other = 0;
        for (int i = 0; i < byCount.size(); i++) {
            Map.Entry<String, Long> e = byCount.get(i);
            if (i < MAX_LICENCE_SLICES - 1 || byCount.size() == MAX_LICENCE_SLICES) {
                licences.add(new ChartSlice(e.getKey() + " (" + e.getValue() + ")", e.getValue()));
            } else {
                other += e.getValue();
            }
        }
        if (other > 0) {
            licences.add(new ChartSlice("other licences (" + other + ")", other));
        }
        if (!licences.equals(licenceSlices)) {
            licenceSlices.setAll(licences);
        }
        int all = allRows.size();
        emptyText.set(all == 0 ? (loaded != null && loaded.path() != null ? "This SBOM has no packages."
                : "No components in this workspace yet. Open an SBOM, an index or a release set.")
                : "No component matches the filters.");
        summary.set(rows.size() == all ? Formats.plural(all, "component", "components")
                : rows.size() + " of " + Formats.plural(all, "component", "components"));
    }

    private static String tierLabel(int order) {
        return order < ComponentType.values().length ? ComponentType.values()[order].label() : ComponentRow.UNTAGGED;
    }

    // ---- details ----

    private String describe(ComponentRow row) {
        StringBuilder sb = new StringBuilder();
        if (row.source() instanceof SbomPackage p) {
            field(sb, "SPDX id", p.spdxId());
            field(sb, "Name", p.name());
            field(sb, "Version", p.version());
            field(sb, "Supplier", p.supplier());
            field(sb, "Originator", p.originator());
            field(sb, "Declared licence", p.declaredLicence());
            field(sb, "Concluded licence", p.concludedLicence());
            field(sb, "Copyright", p.copyright());
            field(sb, "Download location", p.downloadLocation());
            field(sb, "Package URL", p.purl());
            field(sb, "Tags", "type=" + row.tier() + " mode=" + row.mode() + " native=" + row.nativeId());
            p.annotations().forEach(a -> field(sb, "Annotation", a.annotator() + " " + a.type() + " " + a.comment()));
            if (loaded != null && loaded.document() != null) {
                field(sb, "Document", loaded.document().name() + " (" + loaded.document().spdxVersion() + ")");
            }
            sb.append("\nFiles (").append(p.hasFiles().size()).append(")\n");
            for (String id : p.hasFiles()) {
                SbomFile f = filesById.get(id);
                sb.append("  ").append(f == null ? id : f.fileName() + "  " + Formats.orNone(f.concludedLicence())
                        + "  " + String.join(" ", f.checksums().stream()
                        .map(c -> c.algorithm() + ":" + c.value()).toList())).append('\n');
            }
            if (loaded != null && loaded.document() != null) {
                List<String> rels = loaded.document().relationships().stream()
                        .filter(r -> p.spdxId().equals(r.from()) || p.spdxId().equals(r.to()))
                        .map(Object::toString).toList();
                sb.append("\nRelationships (").append(rels.size()).append(")\n");
                rels.forEach(r -> sb.append("  ").append(r).append('\n'));
            }
        } else if (row.source() instanceof ReleaseComponent c) {
            field(sb, "Component id", c.id());
            field(sb, "Name", c.name());
            field(sb, "Version", c.version());
            field(sb, "Type", c.tags().type() == null ? null : c.tags().type().label());
            field(sb, "Mode", c.tags().mode() == null ? null : c.tags().mode().toString());
            field(sb, "Native", c.tags().nativeId());
            field(sb, "Source id", c.tags().sourceId());
            field(sb, "Tags in the SBOM", c.sbomTags().asMap().toString());
            field(sb, "Supplier", c.supplier());
            field(sb, "Download location", c.downloadLocation());
            field(sb, "Declared licence", c.declaredLicence());
            field(sb, "Concluded licence", c.concludedLicence());
            field(sb, "Copyright", c.copyright());
            field(sb, "Document", String.valueOf(c.document()));
            field(sb, "Namespace", c.documentNamespace());
            field(sb, "SHA-1", c.documentSha1());
            if (loaded != null && loaded.gate() != null) {
                loaded.gate().findings().stream().filter(f -> f.componentId().equals(c.id()))
                        .forEach(f -> field(sb, "Finding", f.line()));
            }
            sb.append("\nFiles (").append(c.files().size()).append(")\n");
            c.files().forEach(f -> sb.append("  ").append(f.spdxName()).append("  sha256:").append(f.sha256())
                    .append('\n'));
        } else if (row.source() instanceof Component c) {
            field(sb, "Component id", c.id());
            field(sb, "Name", c.name());
            field(sb, "Version", c.version());
            field(sb, "Type", c.type() == null ? null : c.type().label());
            field(sb, "Mode", c.mode() == null ? null : c.mode().toString());
            field(sb, "Native", c.nativeId());
            field(sb, "Supplier", c.supplier());
            field(sb, "Declared licence", c.declaredLicence());
            field(sb, "Concluded licence", c.concludedLicence());
            field(sb, "Copyright", c.copyright());
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String key, String value) {
        sb.append(key).append(": ").append(value == null || value.isBlank() ? "—" : value).append('\n');
    }

    // ---- tags ----

    /** Sets a workspace tag of {@code row}'s component (audited), then reloads so the workspace's value shows. */
    public void setTag(ComponentRow row, TagKey key, String value) {
        message.set("");
        Tasks.create(p -> release.tags().set(row.id(), key, value))
                .title("Tagging " + row.name())
                .onSuccess(old -> refresh())
                .onError(UserFacingException.class, e -> message.set(e.getMessage()))
                .onError(Exception.class, e -> {
                    LOG.warn("Tagging {} failed", row.id(), e);
                    message.set("Cannot set " + key + " of " + row.id() + ": " + e.getMessage());
                })
                .runOn(executor());
    }

    /** Choices for the inline tag editors. */
    public static List<String> typeChoices() {
        List<String> out = new ArrayList<>();
        for (ComponentType t : ComponentType.values()) {
            out.add(t.label());
        }
        return out;
    }

    public static List<String> modeChoices() {
        List<String> out = new ArrayList<>();
        for (ReleaseMode m : ReleaseMode.values()) {
            out.add(Integer.toString(m.number()));
        }
        return out;
    }

    /** Component ids a derivative may name as its native (the other rows). */
    public List<String> nativeChoices() {
        List<String> out = new ArrayList<>();
        out.add("");
        allRows.stream().filter(r -> r.type() != ComponentType.DERIVATIVE && r.type() != null)
                .map(ComponentRow::id).sorted().forEach(out::add);
        return out;
    }

    // ---- reading findings ----

    /** The findings panel of the open document. */
    public ReadFindingsViewModel readFindings() {
        return readFindings;
    }

    /** The row of the element {@code finding} concerns, made visible (filters that hide it are cleared). */
    public Optional<ComponentRow> rowOf(ReadFinding finding) {
        Optional<ComponentRow> row = readFindings.rowFor(finding, allRows);
        if (row.isPresent() && !rows().contains(row.get())) {
            filterText.set("");
            tierFilter.set(ALL);
            licenceFilter.set(ALL);
            statusFilter.set(ALL);
        }
        return row;
    }

    // ---- diff ----

    /** Compares two SBOM documents in the background; the result fills {@link #diffRows()}. */
    public void diff(Path before, Path after) {
        diffBefore.set(before);
        diffAfter.set(after);
        diffSummary.set("Comparing " + before.getFileName() + " with " + after.getFileName() + "…");
        Tasks.create(p -> {
                    // both open leniently: a defective document is compared, and its findings are counted
                    p.progress(0, 2, "Reading " + before.getFileName());
                    SbomDocument a = SbomReader.read(before);
                    p.progress(1, 2, "Reading " + after.getFileName());
                    SbomDocument b = SbomReader.read(after);
                    return new DiffResult(SbomDiff.between(a, b), a.findingsBadge(), b.findingsBadge());
                })
                .title("SBOM diff")
                .onSuccess(this::showDiff)
                .onError(UserFacingException.class, e -> diffSummary.set(e.getMessage()))
                .onError(Exception.class, e -> {
                    LOG.warn("SBOM diff failed", e);
                    diffSummary.set("Cannot compare: " + e.getMessage());
                })
                .runOn(executor());
    }

    private record DiffResult(SbomDiff diff, String beforeBadge, String afterBadge) {
    }

    private void showDiff(DiffResult result) {
        SbomDiff d = result.diff();
        List<DiffRow> out = new ArrayList<>();
        d.added().forEach(c -> out.add(row("added", c)));
        d.removed().forEach(c -> out.add(row("removed", c)));
        d.versionChanged().forEach(c -> out.add(row("version changed", c)));
        d.licenceChanged().forEach(c -> out.add(row("licence changed", c)));
        diffRows.setAll(out);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("added", d.added().size());
        counts.put("removed", d.removed().size());
        counts.put("version changed", d.versionChanged().size());
        counts.put("licence changed", d.licenceChanged().size());
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        diffSummary.set(diffBefore.get().getFileName() + " → " + diffAfter.get().getFileName() + ": " + sb
                + ", " + d.unchanged() + " unchanged (before " + result.beforeBadge() + "; after "
                + result.afterBadge() + ")");
    }

    private static DiffRow row(String change, SbomDiff.Change c) {
        return new DiffRow(change, c.name(), Formats.orNone(c.oldVersion()), Formats.orNone(c.newVersion()),
                Formats.orNone(c.oldDeclaredLicence()), Formats.orNone(c.newDeclaredLicence()));
    }

    // ---- properties ----

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty tierFilterProperty() {
        return tierFilter;
    }

    public StringProperty licenceFilterProperty() {
        return licenceFilter;
    }

    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    public ObservableList<String> tierOptions() {
        return tierOptions;
    }

    public ObservableList<String> licenceOptions() {
        return licenceOptions;
    }

    public ObservableList<String> statusOptions() {
        return statusOptions;
    }

    /** The rows that pass the filters, grouped by tier (release order, untagged last), then by name. */
    public ObservableList<ComponentRow> rows() {
        return rows;
    }

    /** Every loaded row, unfiltered. */
    public ObservableList<ComponentRow> allRows() {
        return allRows;
    }

    public ObservableList<ChartSlice> tierSlices() {
        return tierSlices;
    }

    public ObservableList<ChartSlice> licenceSlices() {
        return licenceSlices;
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What is on show: "Workspace components", "SPDX JSON /path", "SBOM index /path (release 1.0)". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The last open / tag error, naming the file; empty when none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** After a reload: the new row of the component that was selected before, for the view to select again. */
    public ComponentRow rowToReselect() {
        return reselect;
    }

    public ObjectProperty<ComponentRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObservableList<PlanEntry> planEntries() {
        return planEntries;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty gateSummaryProperty() {
        return gateSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty releaseOpenProperty() {
        return releaseOpen.getReadOnlyProperty();
    }

    public ObservableList<DiffRow> diffRows() {
        return diffRows;
    }

    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    public ObjectProperty<Path> diffBeforeProperty() {
        return diffBefore;
    }

    public ObjectProperty<Path> diffAfterProperty() {
        return diffAfter;
    }
}
